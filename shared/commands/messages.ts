import { defineMessages } from '../i18n/define';

/** User-facing messages of the commands (setup, logging, versions, reports), in both languages. */
export const commandsMessages = defineMessages({
  ja: {
    'commands.sheet.customers': '顧客',
    'commands.sheet.contacts': '連絡先',
    'commands.sheet.activities': '行動',
    'commands.sheet.definition': '定義',
    'commands.sheet.history': '定義履歴',
    'commands.sheet.ranking': 'ランク',
    'commands.sheet.gaps': 'ギャップ',
    'commands.sheet.review': '振り返り',
    'commands.sheet.manual': 'マニュアル',
    'commands.sheet.answers': '振り返り回答',
    'commands.sheet.settings': 'kimeru設定',
    'commands.settings.title': 'kimeru 設定（kimeru が使います。変更してよいのは言語と基準日だけです）',
    'commands.settings.lang': '言語',
    'commands.settings.asOf': '基準日',
    'commands.settings.sheet': '{role}シート',
    'commands.settings.mapping': '顧客列の対応: {column}',
    'commands.output.note':
      'このシートは kimeru が作成します。再実行すると作り直されます（{stamp}、基準日 {asOf}）',
    'commands.setup.created': '「{sheet}」シートを追加しました',
    'commands.notOurSheet':
      '「{sheet}」シートは kimeru が作成したシートではないため、書き換えません。kimeru設定のシート名を確認してください',
    'commands.setup.adopted': '既存の「{sheet}」シートを{role}として使います',
    'commands.setup.taken':
      '「{sheet}」シートは kimeru のものではないため、そのままにしました。代わりに「{alt}」を作成します',
    'commands.setup.nothingToDo': 'セットアップは完了しています。変更はありません',
    'commands.setup.noCustomerSheet':
      '顧客の一覧が見つかりません。顧客名の列があるシートを選ぶか、列の対応を指定してください',
    'commands.setup.customerSheetMissing': '「{sheet}」シートがありません',
    'commands.notSetUp': 'kimeru のセットアップがまだです。メニューの「セットアップ」を実行してください',
    'commands.log.written': '{row}行目に記録しました',
    'commands.log.duplicate': 'この記録は登録済みです（二重送信を防ぎました）',
    'commands.definition.conflict':
      '定義シートが編集されています（第{sheet}版）。読み込み直してから保存してください',
    'commands.definition.saved': '第{version}版として保存しました',
    'commands.definition.halfSaved':
      '第{version}版は履歴に保存しましたが、定義シートの書き換えに失敗しました（{detail}）。もう一度「保存」を押すと完了します',
    'commands.report.ranking': '{count}社をランク分けしました（{summary}）',
    'commands.report.gaps': 'ギャップ {gaps}件 / {customers}社',
    'commands.report.review': '{period}: 知っているだけ {count}件',
    'commands.report.manual': '営業マニュアル（第{version}版）を作成しました',
    'commands.dataIssues': '読めない行があります',
    'commands.history.starter': 'スターター定義（3つの切り口）',
    'commands.output.empty': 'kimeru が結果をここに書きます（メニューから実行してください）',
  },
  en: {
    'commands.sheet.customers': 'Customers',
    'commands.sheet.contacts': 'Contacts',
    'commands.sheet.activities': 'Activities',
    'commands.sheet.definition': 'Definition',
    'commands.sheet.history': 'Definition history',
    'commands.sheet.ranking': 'Ranking',
    'commands.sheet.gaps': 'Gaps',
    'commands.sheet.review': 'Review',
    'commands.sheet.manual': 'Manual',
    'commands.sheet.answers': 'Review answers',
    'commands.sheet.settings': 'kimeru settings',
    'commands.settings.title':
      'kimeru settings (used by kimeru; only the language and the as-of date may be changed)',
    'commands.settings.lang': 'Language',
    'commands.settings.asOf': 'As-of date',
    'commands.settings.sheet': '{role} sheet',
    'commands.settings.mapping': 'Customer column: {column}',
    'commands.output.note': 'kimeru writes this sheet and rebuilds it on every run ({stamp}, as of {asOf})',
    'commands.setup.created': 'Added the sheet "{sheet}"',
    'commands.notOurSheet':
      'The sheet "{sheet}" was not made by kimeru, so it is not rewritten. Check the sheet names in the kimeru settings',
    'commands.setup.adopted': 'Using the existing sheet "{sheet}" as {role}',
    'commands.setup.taken':
      'The sheet "{sheet}" is not kimeru\'s, so it was left as it is; "{alt}" is created instead',
    'commands.setup.nothingToDo': 'Setup is complete; nothing changed',
    'commands.setup.noCustomerSheet':
      'No customer list found. Choose a sheet with a customer-name column, or map its columns',
    'commands.setup.customerSheetMissing': 'There is no sheet "{sheet}"',
    'commands.notSetUp': 'kimeru is not set up yet. Run "Set up" from the menu',
    'commands.log.written': 'Recorded on row {row}',
    'commands.log.duplicate': 'Already recorded (a double submit was prevented)',
    'commands.definition.conflict': 'The definition sheet was edited (version {sheet}). Reload before saving',
    'commands.definition.saved': 'Saved as version {version}',
    'commands.definition.halfSaved':
      'Version {version} is in the history, but rewriting the definition sheet failed ({detail}). Press Save again to finish',
    'commands.report.ranking': 'Ranked {count} customers ({summary})',
    'commands.report.gaps': '{gaps} gaps across {customers} customers',
    'commands.report.review': '{period}: {count} items known but not done',
    'commands.report.manual': 'Wrote the sales manual (version {version})',
    'commands.dataIssues': 'Some rows could not be read',
    'commands.history.starter': 'Starter definition (three perspectives)',
    'commands.output.empty': 'kimeru writes its results here (run it from the menu)',
  },
});
