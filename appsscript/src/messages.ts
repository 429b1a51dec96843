import { defineMessages, type Lang } from '../../shared/i18n/define';

/**
 * The Sheets host's own words: the menu, dialog titles and the dispatcher's refusals. Results
 * and errors of the commands come from the core already in the user's language.
 */
export const appsscriptMessages = defineMessages({
  ja: {
    'appsscript.menu.setup': 'セットアップ',
    'appsscript.menu.actions': '次にやること',
    'appsscript.menu.log': '行動を記録',
    'appsscript.menu.definition': '定義を編集',
    'appsscript.menu.rank': 'ランク更新',
    'appsscript.menu.gaps': 'ギャップチェック',
    'appsscript.menu.review': '半期振り返り',
    'appsscript.menu.manual': 'マニュアル作成',
    'appsscript.sidebar.title': 'kimeru',
    'appsscript.result.title': 'kimeru: {command}',
    'appsscript.result.failed': 'kimeru: {command}（できませんでした）',
    'appsscript.call.unknownMethod': '「{method}」は kimeru の操作ではありません',
    'appsscript.call.badArguments': '「{method}」の引数は配列で渡してください',
  },
  en: {
    'appsscript.menu.setup': 'Set up',
    'appsscript.menu.actions': 'Next actions',
    'appsscript.menu.log': 'Log activity',
    'appsscript.menu.definition': 'Edit definition',
    'appsscript.menu.rank': 'Update ranks',
    'appsscript.menu.gaps': 'Gap check',
    'appsscript.menu.review': 'Half-year review',
    'appsscript.menu.manual': 'Write manual',
    'appsscript.sidebar.title': 'kimeru',
    'appsscript.result.title': 'kimeru: {command}',
    'appsscript.result.failed': 'kimeru: {command} (not done)',
    'appsscript.call.unknownMethod': '"{method}" is not a kimeru operation',
    'appsscript.call.badArguments': 'The arguments of "{method}" must be an array',
  },
});

export type AppsscriptKey = keyof (typeof appsscriptMessages)['ja'];

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function msg(lang: Lang, key: AppsscriptKey, params: Record<string, string | number> = {}): string {
  return appsscriptMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
