import { defineMessages, type Lang } from '../../shared/i18n/define';

/** The words of the 次にやること (next actions) and relationship views, ja and en. */
export const actionsUiMessages = defineMessages({
  ja: {
    'ui.actions.title': '次にやること',
    'ui.actions.rep': '営業担当',
    'ui.actions.everyone': '（全員）',
    'ui.actions.repHint': '空欄なら全員の顧客。記録タブで選んだ担当を覚えています',
    'ui.actions.asOf': '基準日',
    'ui.actions.refresh': '表示を更新',
    'ui.actions.loading': '読み込み中…',
    'ui.actions.actBy': '期限 {date}',
    'ui.actions.noDate': '期限なし（一度も会っていない）',
    'ui.actions.keyPersons': 'キーマン: {names}',
    'ui.actions.keyLastMet': '最終接触 {date}（{by}）',
    'ui.actions.keyNeverMet': '誰も会っていない',
    'ui.actions.noKeyPerson': 'キーマン未登録',
    'ui.actions.openPeople': '関係を見る',
    'ui.people.customer': '顧客',
    'ui.people.pick': '顧客を選ぶと、キーマンと担当者に誰がいつ会ったかを表示します',
    'ui.people.keyPersons': 'キーマン',
    'ui.people.others': '担当者・その他',
    'ui.people.noKeyPerson': 'キーマンが登録されていません。連絡先表に決裁者を登録してください。',
    'ui.people.noOthers': '担当者は登録されていません',
    'ui.people.neverMet': '誰も会っていない',
    'ui.people.lastMet': '最終接触 {date}（{days}日前・{by}）',
    'ui.people.meetings': '直近6か月 {count}回',
    'ui.people.summary': '{customer}（営業担当 {rep}）— {asOf} 時点',
  },
  en: {
    'ui.actions.title': 'Next actions',
    'ui.actions.rep': 'Rep',
    'ui.actions.everyone': '(everyone)',
    'ui.actions.repHint': 'Blank for every customer. Remembers the rep chosen in the Log tab',
    'ui.actions.asOf': 'As of',
    'ui.actions.refresh': 'Refresh',
    'ui.actions.loading': 'Loading…',
    'ui.actions.actBy': 'Act by {date}',
    'ui.actions.noDate': 'No date (never met)',
    'ui.actions.keyPersons': 'Key persons: {names}',
    'ui.actions.keyLastMet': 'last met {date} ({by})',
    'ui.actions.keyNeverMet': 'nobody has met',
    'ui.actions.noKeyPerson': 'No key person registered',
    'ui.actions.openPeople': 'Relationships',
    'ui.people.customer': 'Customer',
    'ui.people.pick': 'Choose a customer to see who met its key persons and persons in charge, and when',
    'ui.people.keyPersons': 'Key persons',
    'ui.people.others': 'Persons in charge and others',
    'ui.people.noKeyPerson': 'No key person is registered. Add the decision maker to the contact table.',
    'ui.people.noOthers': 'No person in charge registered',
    'ui.people.neverMet': 'Nobody has met',
    'ui.people.lastMet': 'Last met {date} ({days} days ago, {by})',
    'ui.people.meetings': '{count} in the last 6 months',
    'ui.people.summary': '{customer} (rep {rep}) — as of {asOf}',
  },
});

export type ActionsUiKey = keyof (typeof actionsUiMessages)['ja'];

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function ta(lang: Lang, key: ActionsUiKey, params: Record<string, string | number> = {}): string {
  const template = actionsUiMessages[lang][key] ?? actionsUiMessages.ja[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
