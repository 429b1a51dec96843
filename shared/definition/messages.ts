import { defineMessages } from '../i18n/define';

/** User-facing messages and sheet labels of shared/definition, in both languages. */
export const definitionMessages = defineMessages({
  ja: {
    // Labels written to (and recognised in) the definition sheet.
    'definition.label.title': '顧客管理の定義',
    'definition.label.version': '版',
    'definition.label.ranks': 'ランク',
    'definition.label.fiscalStartMonth': '期首月',
    'definition.label.ranking': 'ランク分け',
    'definition.label.abcColumn': '対象列',
    'definition.label.rankColumn': 'ランク',
    'definition.label.conditions': '条件',
    'definition.label.cutoff': '累積構成比',
    'definition.label.otherwise': '(その他)',
    'definition.label.methodRules': 'ルール',
    'definition.label.methodAbc': 'ABC分析',
    'definition.label.perspective': '切り口',
    'definition.label.itemId': '項目ID',
    'definition.label.item': '項目',
    'definition.label.standard': '基準',
    'definition.label.metric': '指標',
    'definition.label.target': '対象',
    'definition.label.window': '期間(日)',
    'definition.label.required': '必須',
    'definition.label.opContains': 'を含む',
    'definition.label.opFilled': '入力あり',
    'definition.label.and': 'かつ',
    'definition.label.listSeparator': '、',
    // History sheet.
    'definition.label.historyVersion': '版',
    'definition.label.historyDate': '日付',
    'definition.label.historyAuthor': '作成者',
    'definition.label.historyNote': '変更内容',
    'definition.label.historyJson': '定義(JSON)',
    'definition.label.stamp': '第{version}版',
    'definition.label.unsaved': '未保存',
    'definition.label.unsavedEdits': '未保存の編集',

    // Reading the definition sheet.
    'definition.missingRanks': '「ランク」の行がありません(例: ランク | A | B | C)。',
    'definition.missingItems':
      '項目の表がありません。見出し「切り口 | 項目ID | 項目 | 基準 | 指標 | 対象 | 期間(日) | A | B | C」の行を置いてください。',
    'definition.missingRanking': '「ランク分け」の行がありません(ルール または ABC分析)。',
    'definition.missingRulesBlock': 'ランク分けが「ルール」ですが、「ランク | 条件」の表がありません。',
    'definition.missingCutoffBlock':
      'ランク分けが「ABC分析」ですが、「ランク | 累積構成比」の表がありません。',
    'definition.missingAbcColumn': 'ABC分析の「対象列」(例: 年間取引額)がありません。',
    'definition.missingColumn': '項目の表に「{header}」の列がありません。',
    'definition.unknownMethod':
      'ランク分け「{value}」は使えません。「ルール」か「ABC分析」と書いてください。',
    'definition.duplicateSetting': '「{label}」の行が2つあります({first}行目にもあります)。',
    'definition.duplicateColumn': '「{header}」の列が2つあります。',
    'definition.duplicateRank': 'ランク「{rank}」が重複しています。',
    'definition.rankTooLong': 'ランク名「{rank}」が長すぎます(10文字まで)。',
    'definition.versionInvalid': '版「{value}」は1以上の整数で書いてください。',
    'definition.fiscalMonthInvalid': '期首月「{value}」は1〜12で書いてください(例: 4)。',
    'definition.rowIgnored':
      'この行は定義として読めないため読み飛ばしました(「{value}」)。メモなら先頭に ※ を付けてください。',
    'definition.columnIgnored': '列「{header}」は定義の列ではないため読み飛ばしました。',
    'definition.blockUnused': 'ランク分けが「{methodJa}」なので、この表は使われません。',
    'definition.unknownPerspective': '切り口「{value}」は使えません。次のどれかを書いてください: {listJa}',
    'definition.perspectiveMissing': '切り口が空欄です。',
    'definition.itemNameMissing': '項目名が空欄です。',
    'definition.unknownMetric':
      '指標「{value}」は使えません。次のどれかを書くか、空欄にしてください: {listJa}',
    'definition.unknownActivityType':
      '行動の種類「{value}」は使えません。次のどれかを書くか、空欄にしてください: {listJa}',
    'definition.targetRequired': '指標「{metricJa}」には対象(列名をカンマ区切り)が必要です。',
    'definition.targetIgnored': '指標「{metricJa}」は対象を使わないため、「{value}」は読み飛ばしました。',
    'definition.windowIgnored': '指標「{metricJa}」は期間を使わないため、「{value}」は読み飛ばしました。',
    'definition.windowInvalid': '期間「{value}」は1以上の整数(日数)で書いてください。',
    'definition.thresholdNotNumber': 'しきい値「{value}」を数値として読めません。',
    'definition.thresholdInvalid': 'しきい値「{value}」は0以上の整数で書いてください。',
    'definition.thresholdFlag': 'しきい値「{value}」は「必須」(○ や 1 も可)か空欄で書いてください。',
    'definition.thresholdWithoutMetric':
      '指標のない項目にしきい値「{value}」があります。指標を選ぶか、しきい値を消してください。',
    'definition.thresholdUnknownRank':
      'ランク「{rank}」は定義にないため、しきい値を置けません(ランク: {ranks})。',
    'definition.idAssigned': '項目IDが空欄だったため「{id}」を割り当てました。',
    'definition.duplicateItemId': '項目ID「{id}」が重複しています。',
    'definition.blockRankMissing': 'この行にランクがありません。',
    'definition.ruleUnknownRank': 'ランク「{rank}」は定義にありません(ランク: {ranks})。',
    'definition.conditionSyntax':
      '条件「{text}」を読めません。「列 演算子 値」の形で書いてください(例: 年間取引額 >= 1億 かつ 従業員数 >= 300)。',
    'definition.conditionColumnMissing': '条件「{text}」に列名がありません。',
    'definition.conditionTooLong': '条件が{length}文字あります。条件として読めるのは{max}文字までです。',
    'definition.conditionValueMissing': '条件「{text}」に値がありません。',
    'definition.conditionNotNumber':
      '条件「{text}」の値「{value}」を数値として読めません(大小比較には数値が必要です)。',
    'definition.cutoffNotNumber': '累積構成比「{value}」を数値として読めません(例: 70%)。',
    'definition.cutoffOutOfRange': '累積構成比「{value}」は0%より大きく100%以下で書いてください。',
    'definition.cutoffNotIncreasing':
      'ランク「{rank}」の累積構成比({value})は、ランク「{prevRank}」({prev})より大きくしてください。',
    'definition.cutoffUnknownRank': 'ランク「{rank}」は定義にありません(ランク: {ranks})。',
    'definition.cutoffMissing': 'ランク「{rank}」の累積構成比がありません。',
    'definition.emptyRanks': 'ランクが1つもありません。',

    // Versions.
    'definition.unchanged': '定義は最新の版から変わっていないため、新しい版は作りません。',
    'definition.noteRequired': '変更内容を書いてください(何を、なぜ変えたか)。',
    'definition.invalid': '定義が正しくありません({path}: {detail})。',
    'definition.history.missingHeader':
      '履歴の見出し(版 | 日付 | 作成者 | 変更内容 | 定義(JSON))が見つかりません。',
    'definition.history.versionInvalid': '版「{value}」は1以上の整数で書いてください。',
    'definition.history.duplicateVersion':
      '版 {version} が重複しています({first}行目にもあります)。この行は使いません。',
    'definition.history.dateInvalid': '日付「{value}」を読めません。',
    'definition.history.jsonMissing': '定義(JSON)が空です。',
    'definition.history.jsonBroken': '定義(JSON)が壊れています。この版は読めません。',
    'definition.history.snapshotInvalid':
      '定義(JSON)の内容が正しくありません({path}: {detail})。この版は読めません。',

    // Diff.
    // Any saved version, any two (the pane and the CLI).
    'definition.versions.none': 'まだ保存された版がありません。定義を保存すると第1版になります。',
    'definition.versions.missing': '第{version}版はありません(保存された版: {available})。',
    'definition.versions.line': '第{version}版  {date}  {author}  {note}',
    'definition.versions.inForce': '（今日適用中）',
    'definition.versions.heading': '第{version}版（{date}・{author}）: {note}',
    'definition.versions.diffHeading': '第{from}版 → 第{to}版 の変更:',
    'definition.versions.same': '第{from}版と第{to}版に違いはありません。',
    'definition.versions.unnamed': '(作成者なし)',

    'definition.diff.setting': '{field}: {before} → {after}',
    'definition.diff.itemAdded': '項目「{item}」を追加({perspectiveJa})',
    'definition.diff.itemRemoved': '項目「{item}」を削除',
    'definition.diff.itemField': '「{item}」の{field}: {before} → {after}',
    'definition.diff.threshold': '「{item}」のしきい値 {rank}: {before} → {after}',
    'definition.diff.cutoff': '累積構成比 {rank}: {before} → {after}',
    'definition.diff.rule': 'ランク{rank}の条件: {before} → {after}',
    'definition.diff.ruleOrder': 'ランク分けのルールの順番を変更',
    'definition.diff.itemOrder': '項目の並び順を変更',
    'definition.field.ranks': 'ランク',
    'definition.field.fiscalStartMonth': '期首月',
    'definition.field.ranking': 'ランク分け',
    'definition.field.abcColumn': 'ABC分析の対象列',
    'definition.field.perspective': '切り口',
    'definition.field.name': '項目名',
    'definition.field.standard': '基準',
    'definition.field.metric': '指標',
    'definition.field.target': '対象',
    'definition.field.window': '期間',
    'definition.field.why': '理由',
    'definition.field.howTo': 'やり方',
    'definition.label.why': '理由',
    'definition.label.howTo': 'やり方',
    'definition.value.none': 'なし',
    'definition.value.notChecked': 'チェックなし',
    'definition.value.month': '{n}月',
    'definition.unit.days': '{n}日',
    'definition.unit.people': '{n}人',
    'definition.unit.times': '{n}回',

    // Lint: the 1-3-5-7 rule.
    'definition.lint.customPerspective':
      '項目「{item}」の切り口「{perspective}」は3つの切り口(顧客属性の把握・人間関係の構築・情報収集・記録・活用)のどれでもありません。切り口は3つまでに絞りましょう(1・3・5・7の法則)。',
    'definition.lint.tooManyItemsInPerspective':
      '切り口「{perspectiveJa}」の項目が{count}個あります。1つの切り口は{max}個までにしましょう(1・3・5・7の法則: 複雑な定義ほど実践されません)。',
    'definition.lint.tooManyMeasurable':
      '指標のある項目が{count}個あります。全体で{max}個までにしましょう(1・3・5・7の法則)。',
    'definition.lint.tooManyRanks': 'ランクが{count}個あります。{max}個までにしましょう(1・3・5・7の法則)。',
    'definition.lint.standardTooLong':
      '項目「{item}」の基準が{count}文字あります。{max}文字程度の一文で書きましょう。',
    'definition.lint.noThreshold':
      '項目「{item}」は指標がありますが、どのランクにもしきい値がないためチェックされません。',
    'definition.lint.emptyPerspective': '切り口「{perspectiveJa}」に項目がありません。',
    'definition.lint.tooManyConditions':
      'ランク{rank}のルールに条件が{count}個あります。{max}個までにしましょう(1・3・5・7の法則)。',

    // Checks: the definition reads, but would mislead (see checks.ts).
    'definition.check.ruleColumnMissing':
      'ランク{rank}のルール{n}の列「{column}」が顧客表にありません。この条件に当てはまる顧客はいないため、ランク{rank}になるはずの顧客も下のランクになります。',
    'definition.check.ruleColumnMissing.fix': '顧客表の見出しどおりに書いてください(顧客表の列: {columns})。',
    'definition.check.ruleColumnMissingNear':
      'ランク{rank}のルール{n}の列「{column}」が顧客表にありません(「{near}」のことですか)。この条件に当てはまる顧客はいないため、ランク{rank}になるはずの顧客も下のランクになります。',
    'definition.check.ruleColumnMissingNear.fix':
      '「{near}」のことなら、見出しどおり「{near}」と書いてください。',
    'definition.check.ruleNumber':
      'ランク{rank}のルール{n}の「{column}」の値「{value}」は大きすぎます。この条件はどの顧客にも当てはまらないか、すべての顧客に当てはまります。',
    'definition.check.ruleNumber.fix': '桁を確かめて書き直してください(例: 1億、3000万)。',
    'definition.check.ruleUnreachable':
      'ランク{rank}のルール{n}は使われません。当てはまる顧客はすべて、先のルール{earlier}(ランク{earlierRank})に先に当てはまります。',
    'definition.check.ruleUnreachable.fix':
      'ルールは上から順に判定されます。条件の厳しいルールを上に並べ替えるか、先のルールに条件を加えてください。',
    'definition.check.abcColumnMissing':
      'ABC分析の対象列「{column}」が顧客表にありません。すべての顧客が最下位のランクになります。',
    'definition.check.abcColumnMissing.fix': '顧客表の見出しどおりに書いてください(顧客表の列: {columns})。',
    'definition.check.abcColumnMissingNear':
      'ABC分析の対象列「{column}」が顧客表にありません(「{near}」のことですか)。すべての顧客が最下位のランクになります。',
    'definition.check.abcColumnMissingNear.fix':
      '「{near}」のことなら、見出しどおり「{near}」と書いてください。',
    'definition.check.cutoffOutOfRange':
      'ランク{rank}の累積構成比「{value}」は0%より大きく100%以下ではありません。ランク分けが意図どおりになりません。',
    'definition.check.cutoffOutOfRange.fix':
      '0%より大きく100%以下で、ランクの順に大きくなるように書いてください(例: 70%、90%、100%)。',
    'definition.check.targetColumnMissing':
      '項目「{item}」の対象列「{column}」が顧客表にありません。この列はどの顧客も「データなし」になります。',
    'definition.check.targetColumnMissing.fix':
      '顧客表の見出しどおりに書くか、顧客表に列を加えてください(顧客表の列: {columns})。',
    'definition.check.targetColumnMissingNear':
      '項目「{item}」の対象列「{column}」が顧客表にありません(「{near}」のことですか)。この列はどの顧客も「データなし」になります。',
    'definition.check.targetColumnMissingNear.fix':
      '「{near}」のことなら、見出しどおり「{near}」と書いてください。',
    'definition.check.thresholdNumber':
      '項目「{item}」のランク{rank}のしきい値「{value}」は大きすぎます。この項目はそのランクでは事実上チェックされません。',
    'definition.check.thresholdNumber.fix': '日数・人数・回数として意味のある値を書いてください(例: 60)。',
    'definition.check.windowNumber': '項目「{item}」の期間「{value}」日は大きすぎます。',
    'definition.check.windowNumber.fix':
      '振り返る日数を書いてください(例: 90)。空欄なら既定の期間を使います。',
    'definition.numberNotFinite': '「{value}」は大きすぎて数として扱えません。',
    'definition.numberNotFinite.fix': '桁を確かめて書き直してください。',
  },
  en: {
    'definition.label.title': 'Customer-management definition',
    'definition.label.version': 'Version',
    'definition.label.ranks': 'Ranks',
    'definition.label.fiscalStartMonth': 'Fiscal year starts (month)',
    'definition.label.ranking': 'Ranking',
    'definition.label.abcColumn': 'Value column',
    'definition.label.rankColumn': 'Rank',
    'definition.label.conditions': 'Conditions',
    'definition.label.cutoff': 'Cumulative share',
    'definition.label.otherwise': '(otherwise)',
    'definition.label.methodRules': 'Rules',
    'definition.label.methodAbc': 'ABC analysis',
    'definition.label.perspective': 'Perspective',
    'definition.label.itemId': 'Item ID',
    'definition.label.item': 'Item',
    'definition.label.standard': 'Standard',
    'definition.label.metric': 'Metric',
    'definition.label.target': 'Target',
    'definition.label.window': 'Window (days)',
    'definition.label.required': 'Required',
    'definition.label.opContains': 'contains',
    'definition.label.opFilled': 'is filled',
    'definition.label.and': 'AND',
    'definition.label.listSeparator': ', ',
    'definition.label.historyVersion': 'Version',
    'definition.label.historyDate': 'Date',
    'definition.label.historyAuthor': 'Author',
    'definition.label.historyNote': 'What changed',
    'definition.label.historyJson': 'Definition (JSON)',
    'definition.label.stamp': 'v{version}',
    'definition.label.unsaved': 'unsaved',
    'definition.label.unsavedEdits': 'unsaved edits',

    'definition.missingRanks': 'There is no "Ranks" row (e.g. Ranks | A | B | C).',
    'definition.missingItems':
      'There is no item table. Add a header row "Perspective | Item ID | Item | Standard | Metric | Target | Window (days) | A | B | C".',
    'definition.missingRanking': 'There is no "Ranking" row (Rules or ABC analysis).',
    'definition.missingRulesBlock': 'Ranking is "Rules" but there is no "Rank | Conditions" table.',
    'definition.missingCutoffBlock':
      'Ranking is "ABC analysis" but there is no "Rank | Cumulative share" table.',
    'definition.missingAbcColumn': 'The ABC analysis has no "Value column" (e.g. Annual sales).',
    'definition.missingColumn': 'The item table has no "{header}" column.',
    'definition.unknownMethod': 'Ranking "{value}" is not supported. Write "Rules" or "ABC analysis".',
    'definition.duplicateSetting': 'There are two "{label}" rows (the other is row {first}).',
    'definition.duplicateColumn': 'There are two "{header}" columns.',
    'definition.duplicateRank': 'Rank "{rank}" appears twice.',
    'definition.rankTooLong': 'Rank name "{rank}" is too long (10 characters at most).',
    'definition.versionInvalid': 'Version "{value}" must be a whole number of 1 or more.',
    'definition.fiscalMonthInvalid': 'Fiscal start month "{value}" must be 1–12 (e.g. 4).',
    'definition.rowIgnored':
      'This row is not part of the definition and was skipped ("{value}"). Start a note with ※ to mark it as a note.',
    'definition.columnIgnored': 'Column "{header}" is not a definition column and was skipped.',
    'definition.blockUnused': 'Ranking is "{methodEn}", so this table is not used.',
    'definition.unknownPerspective': 'Perspective "{value}" is not supported. Write one of: {listEn}',
    'definition.perspectiveMissing': 'The perspective is blank.',
    'definition.itemNameMissing': 'The item name is blank.',
    'definition.unknownMetric':
      'Metric "{value}" is not supported. Write one of these or leave it blank: {listEn}',
    'definition.unknownActivityType':
      'Activity type "{value}" is not supported. Write one of these or leave it blank: {listEn}',
    'definition.targetRequired': 'Metric "{metricEn}" needs a target (column names separated by commas).',
    'definition.targetIgnored': 'Metric "{metricEn}" does not use a target; "{value}" was skipped.',
    'definition.windowIgnored': 'Metric "{metricEn}" does not use a window; "{value}" was skipped.',
    'definition.windowInvalid': 'Window "{value}" must be a whole number of days, 1 or more.',
    'definition.thresholdNotNumber': 'Threshold "{value}" is not a number.',
    'definition.thresholdInvalid': 'Threshold "{value}" must be a whole number, 0 or more.',
    'definition.thresholdFlag': 'Threshold "{value}" must be "Required" (✓ or 1 also work) or blank.',
    'definition.thresholdWithoutMetric':
      'An item without a metric has a threshold "{value}". Choose a metric or clear the threshold.',
    'definition.thresholdUnknownRank':
      'Rank "{rank}" is not in the definition, so it cannot have a threshold (ranks: {ranks}).',
    'definition.idAssigned': 'The item ID was blank; "{id}" was assigned.',
    'definition.duplicateItemId': 'Item ID "{id}" appears twice.',
    'definition.blockRankMissing': 'This row has no rank.',
    'definition.ruleUnknownRank': 'Rank "{rank}" is not in the definition (ranks: {ranks}).',
    'definition.conditionSyntax':
      'Cannot read condition "{text}". Write "column operator value" (e.g. Annual sales >= 100,000,000 AND Employees >= 300).',
    'definition.conditionColumnMissing': 'Condition "{text}" has no column name.',
    'definition.conditionTooLong':
      'The condition is {length} characters long; a condition is read up to {max} characters.',
    'definition.conditionValueMissing': 'Condition "{text}" has no value.',
    'definition.conditionNotNumber':
      'In condition "{text}", "{value}" is not a number (comparisons need a number).',
    'definition.cutoffNotNumber': 'Cumulative share "{value}" is not a number (e.g. 70%).',
    'definition.cutoffOutOfRange': 'Cumulative share "{value}" must be above 0% and at most 100%.',
    'definition.cutoffNotIncreasing':
      'The cumulative share of rank "{rank}" ({value}) must be larger than that of rank "{prevRank}" ({prev}).',
    'definition.cutoffUnknownRank': 'Rank "{rank}" is not in the definition (ranks: {ranks}).',
    'definition.cutoffMissing': 'Rank "{rank}" has no cumulative share.',
    'definition.emptyRanks': 'There are no ranks.',

    'definition.unchanged': 'The definition is the same as the latest version; no new version was created.',
    'definition.noteRequired': 'Write what changed (what, and why).',
    'definition.invalid': 'The definition is not valid ({path}: {detail}).',
    'definition.history.missingHeader':
      'The history header (Version | Date | Author | What changed | Definition (JSON)) was not found.',
    'definition.history.versionInvalid': 'Version "{value}" must be a whole number of 1 or more.',
    'definition.history.duplicateVersion':
      'Version {version} appears twice (also in row {first}); this row is not used.',
    'definition.history.dateInvalid': 'Cannot read the date "{value}".',
    'definition.history.jsonMissing': 'The definition (JSON) is empty.',
    'definition.history.jsonBroken': 'The definition (JSON) is corrupt; this version cannot be read.',
    'definition.history.snapshotInvalid':
      'The definition (JSON) is not valid ({path}: {detail}); this version cannot be read.',

    // Any saved version, any two (the pane and the CLI).
    'definition.versions.none': 'No version saved yet. Saving the definition makes version 1.',
    'definition.versions.missing': 'There is no version {version} (saved versions: {available}).',
    'definition.versions.line': 'v{version}  {date}  {author}  {note}',
    'definition.versions.inForce': '(in force today)',
    'definition.versions.heading': 'v{version} ({date}, {author}): {note}',
    'definition.versions.diffHeading': 'Changes from v{from} to v{to}:',
    'definition.versions.same': 'v{from} and v{to} are the same.',
    'definition.versions.unnamed': '(no author)',

    'definition.diff.setting': '{field}: {before} → {after}',
    'definition.diff.itemAdded': 'Added item "{item}" ({perspectiveEn})',
    'definition.diff.itemRemoved': 'Removed item "{item}"',
    'definition.diff.itemField': '"{item}" {field}: {before} → {after}',
    'definition.diff.threshold': '"{item}" threshold {rank}: {before} → {after}',
    'definition.diff.cutoff': 'Cumulative share {rank}: {before} → {after}',
    'definition.diff.rule': 'Conditions for rank {rank}: {before} → {after}',
    'definition.diff.ruleOrder': 'Changed the order of the ranking rules',
    'definition.diff.itemOrder': 'Changed the order of the items',
    'definition.field.ranks': 'Ranks',
    'definition.field.fiscalStartMonth': 'Fiscal start month',
    'definition.field.ranking': 'Ranking',
    'definition.field.abcColumn': 'ABC value column',
    'definition.field.perspective': 'perspective',
    'definition.field.name': 'name',
    'definition.field.standard': 'standard',
    'definition.field.metric': 'metric',
    'definition.field.target': 'target',
    'definition.field.window': 'window',
    'definition.field.why': 'why',
    'definition.field.howTo': 'how to',
    'definition.label.why': 'Why',
    'definition.label.howTo': 'How to',
    'definition.value.none': 'none',
    'definition.value.notChecked': 'not checked',
    'definition.value.month': 'month {n}',
    'definition.unit.days': '{n} days',
    'definition.unit.people': '{n} people',
    'definition.unit.times': '{n} times',

    'definition.lint.customPerspective':
      'Item "{item}" has perspective "{perspective}", which is not one of the three (customer attributes, relationships, information). Keep to three perspectives (the 1-3-5-7 rule).',
    'definition.lint.tooManyItemsInPerspective':
      'Perspective "{perspectiveEn}" has {count} items. Keep it to {max} (the 1-3-5-7 rule: the more complex a definition, the less it is practised).',
    'definition.lint.tooManyMeasurable':
      'There are {count} measurable items. Keep it to {max} in all (the 1-3-5-7 rule).',
    'definition.lint.tooManyRanks': 'There are {count} ranks. Keep it to {max} (the 1-3-5-7 rule).',
    'definition.lint.standardTooLong':
      'The standard of item "{item}" is {count} characters long. Write it as one sentence of about {max} characters.',
    'definition.lint.noThreshold':
      'Item "{item}" has a metric but no threshold for any rank, so it is never checked.',
    'definition.lint.emptyPerspective': 'Perspective "{perspectiveEn}" has no items.',
    'definition.lint.tooManyConditions':
      'The rule for rank {rank} has {count} conditions. Keep it to {max} (the 1-3-5-7 rule).',

    'definition.check.ruleColumnMissing':
      'Rule {n} (rank {rank}) names column "{column}", which the customer table does not have. No customer matches it, so customers meant for rank {rank} get a lower rank.',
    'definition.check.ruleColumnMissing.fix':
      'Write the column as the customer table heads it (its columns: {columns}).',
    'definition.check.ruleColumnMissingNear':
      'Rule {n} (rank {rank}) names column "{column}", which the customer table does not have (did you mean "{near}"?). No customer matches it, so customers meant for rank {rank} get a lower rank.',
    'definition.check.ruleColumnMissingNear.fix': 'If you mean "{near}", write it exactly as "{near}".',
    'definition.check.ruleNumber':
      'In rule {n} (rank {rank}), the value "{value}" for "{column}" is too large: the condition matches no customer, or every customer.',
    'definition.check.ruleNumber.fix': 'Check the number of digits and write it again (e.g. 100,000,000).',
    'definition.check.ruleUnreachable':
      'Rule {n} (rank {rank}) is never used: every customer it matches already matches rule {earlier} (rank {earlierRank}) above it.',
    'definition.check.ruleUnreachable.fix':
      'Rules are tried from the top. Move the stricter rule up, or add a condition to the earlier rule.',
    'definition.check.abcColumnMissing':
      'The ABC value column "{column}" is not in the customer table. Every customer gets the lowest rank.',
    'definition.check.abcColumnMissing.fix':
      'Write the column as the customer table heads it (its columns: {columns}).',
    'definition.check.abcColumnMissingNear':
      'The ABC value column "{column}" is not in the customer table (did you mean "{near}"?). Every customer gets the lowest rank.',
    'definition.check.abcColumnMissingNear.fix': 'If you mean "{near}", write it exactly as "{near}".',
    'definition.check.cutoffOutOfRange':
      'The cumulative share "{value}" of rank {rank} is not above 0% and at most 100%, so the ranking is not what it says.',
    'definition.check.cutoffOutOfRange.fix':
      'Write shares above 0% and at most 100%, growing in rank order (e.g. 70%, 90%, 100%).',
    'definition.check.targetColumnMissing':
      'Item "{item}" names column "{column}", which the customer table does not have: every customer has no data for it.',
    'definition.check.targetColumnMissing.fix':
      'Write the column as the customer table heads it, or add the column (its columns: {columns}).',
    'definition.check.targetColumnMissingNear':
      'Item "{item}" names column "{column}", which the customer table does not have (did you mean "{near}"?): every customer has no data for it.',
    'definition.check.targetColumnMissingNear.fix': 'If you mean "{near}", write it exactly as "{near}".',
    'definition.check.thresholdNumber':
      'The threshold "{value}" of item "{item}" for rank {rank} is too large: in effect the item is not checked for that rank.',
    'definition.check.thresholdNumber.fix': 'Write a meaningful number of days, people or times (e.g. 60).',
    'definition.check.windowNumber': 'The window of item "{item}", {value} days, is too large.',
    'definition.check.windowNumber.fix':
      'Write how many days to look back (e.g. 90); blank uses the default window.',
    'definition.numberNotFinite': '"{value}" is too large to be used as a number.',
    'definition.numberNotFinite.fix': 'Check the number of digits and write it again.',
  },
});
