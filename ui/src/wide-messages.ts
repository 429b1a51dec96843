import { defineMessages, type Lang } from '../../shared/i18n/define';

/** The words of the wide views (a view opened in a dialog or over the page), ja and en. */
export const wideUiMessages = defineMessages({
  ja: {
    'ui.wide.open': '大きく表示',
    'ui.wide.close': '閉じる',
    'ui.wide.failed': '大きな画面を開けませんでした。もう一度お試しください。',
    'ui.wide.title.actions': '次にやること',
    'ui.wide.title.people': 'キーマンと担当者',
    'ui.wide.title.versions': '定義の版の比較',
    'ui.wide.frameTitle': 'kimeru（大きく表示）',
    'ui.wide.snapshot':
      'Excel のダイアログはブックを読めないため、開いた時点の内容を表示しています。条件を変えるときは作業ウィンドウで変えてから開き直してください。',
    'ui.wide.notInSnapshot':
      'この内容は開いた時点で読み込んでいません。作業ウィンドウで表示してから、もう一度「大きく表示」を押してください。',
    'ui.wide.missing': '表示する内容が見つかりません。作業ウィンドウから開き直してください。',
  },
  en: {
    'ui.wide.open': 'Open wide',
    'ui.wide.close': 'Close',
    'ui.wide.failed': 'The wide view could not be opened. Please try again.',
    'ui.wide.title.actions': 'Next actions',
    'ui.wide.title.people': 'Key persons and persons in charge',
    'ui.wide.title.versions': 'Definition versions compared',
    'ui.wide.frameTitle': 'kimeru (wide view)',
    'ui.wide.snapshot':
      'An Excel dialog cannot read the workbook, so this shows what was there when it opened. To change what is shown, change it in the task pane and open it again.',
    'ui.wide.notInSnapshot':
      'This was not loaded when the view opened. Show it in the task pane, then press “Open wide” again.',
    'ui.wide.missing': 'Nothing to show. Open it again from the task pane.',
  },
});

export type WideUiKey = keyof (typeof wideUiMessages)['ja'];

/** The message for `key` in `lang`. */
export function tw(lang: Lang, key: WideUiKey): string {
  return wideUiMessages[lang][key] ?? wideUiMessages.ja[key];
}
