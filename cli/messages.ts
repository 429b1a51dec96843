import { defineMessages, type Lang } from '../shared/i18n';

/**
 * The command line's own words (the core's messages come from its catalogs, the .xlsx part's
 * from xlsx/messages.ts). The usage fits one terminal screen (24 lines) and ends with examples.
 */
export const CLI_MESSAGES = defineMessages({
  ja: {
    'cli.usage': [
      '使い方: kimeru <コマンド> <ファイル.xlsx|ファイル.csv> [オプション]',
      'コマンド:',
      '  setup     kimeru のシートを追加し、チームの表（顧客・連絡先・行動）を取り込みます',
      '  rank      ランク分けを「ランク」シートに書きます',
      '  gapcheck  ギャップを「ギャップ」シートに書きます',
      '  review    半期振り返りを「振り返り」シートに書きます（--period 2026H1・2026上期）',
      '  manual    営業マニュアルを「マニュアル」シートに書きます（--version N で過去の版）',
      '  actions   次にやることを緊急度順に表示します（--rep 名前 で担当を絞る）',
      '  definition versions | show [N] | diff A B   定義の版の一覧・第N版・2つの版の違い',
      '  sample    サンプル会社のブックを書き出します（全コマンドを試せます）',
      'オプション:',
      '  --as-of 2026-11-29   基準日（既定: 今日）',
      '  --lang ja|en         メッセージと新しいシートの言語（既定: ja）',
      '  --json               結果を JSON で標準出力に（列名ごとの行・版・読めなかった行）',
      '  --out 出力.xlsx      書き出すファイル（既定: <名前>.kimeru.xlsx。それを渡すと同じファイルを更新）',
      '  --in-place           元のファイルを上書きします（一時ファイルに書いてから置き換え）',
      '  --force              既定の出力先 <名前>.kimeru.xlsx がすでにあっても上書きします',
      '  --customer-sheet, --contacts-sheet, --log-sheet シート名（既定: 見出しから見つけます）',
      '例:',
      '  kimeru sample 見本.xlsx',
      '  kimeru setup 見本.xlsx                 見本.kimeru.xlsx を書き出します',
      '  kimeru rank 見本.kimeru.xlsx           同じファイルを更新します',
      '  kimeru definition diff 見本.kimeru.xlsx 1 2',
    ].join('\n'),
    'cli.unknownCommand':
      '不明なコマンド「{command}」です。setup, rank, gapcheck, review, manual, actions, definition, sample のいずれかを指定してください。',
    'cli.definitionView':
      'definition の後には versions・show・diff のいずれかを書いてください（「{view}」は使えません）。',
    'cli.diffNeedsTwo': 'diff には比べる2つの版を書いてください（例: kimeru definition diff ファイル.xlsx 1 2）。',
    'cli.badVersion': '版「{value}」を読めません（例: 2）。',
    'cli.noFile': 'ファイルを指定してください。',
    'cli.missingFile': 'ファイル「{file}」がありません。',
    'cli.unknownOption': '不明なオプション「{option}」です。',
    'cli.missingValue': 'オプション {option} に値がありません。',
    'cli.badAsOf': '--as-of の日付「{value}」を読めません（例: 2026-11-29）。',
    'cli.sameFile': '出力先が元のファイルと同じです。上書きするには --in-place を付けてください。',
    'cli.outputExists':
      '「{file}」はすでにあります（前回の出力を編集したものかもしれません）。上書きするには --force を付けるか、--out でその名前を指定してください。',
    'cli.csvInPlace': 'CSV ファイルは上書きできません。--out で .xlsx の出力先を指定してください。',
    'cli.noCustomers':
      '「{file}」に顧客リストが見つかりません（顧客ID・顧客名などの見出しがあるシートが必要です）。--customer-sheet でシートを指定できます。',
    'cli.progress.read': '読み込み中: {file}',
    'cli.progress.setup': 'セットアップ中…',
    'cli.progress.run': '{command} を実行中…',
    'cli.progress.write': '書き出し中: {file}',
    'cli.written': '書き出しました: {file}',
    'cli.failed': 'エラー: {message}',
    'cli.unread': '⚠ {summary}（結果はそれ以外の行から計算しました）:',
    'cli.unreadMore': '  ほか {count}件は出力ファイルの「{sheet}」シートにあります。',
    'cli.unreadSheet': '  一覧は出力ファイルの「{sheet}」シートにもあります。',
    'cli.writeFailed': '「{file}」に書き出せません: {detail}',
    'cli.notOurs':
      'シート「{sheet}」は kimeru が作ったシートではないため、書き込みません（末尾への追加のみ可能）。',
    'cli.progress.sample': 'サンプル会社のブックを作成中…',
    'cli.sampleWritten':
      'サンプル（{company}、顧客{customers}社・行動{activities}件）を書き出しました: {file}',
    'cli.actions.head': '{when}  期限 {actBy}  {customer}（{rank}・{rep}）',
    'cli.actions.key': 'キーマン: {names}（最終接触 {date}・{by}）',
    'cli.actions.keyNever': 'キーマン: {names}（未接触）',
    'cli.actions.noKey': 'キーマン未登録',
  },
  en: {
    'cli.usage': [
      'Usage: kimeru <command> <file.xlsx|file.csv> [options]',
      'Commands:',
      "  setup     add kimeru's sheets and adopt the team's tables",
      '  rank      rank the customers into the Ranking sheet',
      '  gapcheck  check the gaps into the Gaps sheet',
      '  review    write the half-year review into the Review sheet (--period 2026H1)',
      '  manual    write the sales manual into the Manual sheet (--version N: an earlier one)',
      '  actions   print the next actions, most urgent first (--rep NAME: one rep)',
      "  definition versions | show [N] | diff A B   the definition's versions, one, two compared",
      "  sample    write a sample company's workbook to try every command on",
      'Options:',
      '  --as-of 2026-11-29   as-of date (default: today)',
      '  --lang ja|en         language of messages and new sheets (default: ja)',
      '  --json               print the result as JSON (rows by column, version, unread rows)',
      '  --out out.xlsx       file to write (default: <name>.kimeru.xlsx, updated when given)',
      '  --in-place           overwrite the input (a temporary file, then renamed)',
      '  --force              overwrite <name>.kimeru.xlsx when it already exists',
      '  --customer-sheet, --contacts-sheet, --log-sheet NAME (default: found by headers)',
      'Examples:',
      '  kimeru sample try.xlsx --lang en',
      '  kimeru setup try.xlsx --lang en        writes try.kimeru.xlsx',
      '  kimeru rank try.kimeru.xlsx --lang en  updates that same file',
      '  kimeru definition diff try.kimeru.xlsx 1 2 --lang en',
    ].join('\n'),
    'cli.unknownCommand':
      'Unknown command "{command}": use setup, rank, gapcheck, review, manual, actions, definition or sample.',
    'cli.definitionView': 'After definition, write versions, show or diff ("{view}" is none of them).',
    'cli.diffNeedsTwo': 'diff needs the two versions to compare (e.g. kimeru definition diff file.xlsx 1 2).',
    'cli.badVersion': 'Cannot read the version "{value}" (e.g. 2).',
    'cli.noFile': 'Name the file to work on.',
    'cli.missingFile': 'There is no file "{file}".',
    'cli.unknownOption': 'Unknown option "{option}".',
    'cli.missingValue': 'Option {option} needs a value.',
    'cli.badAsOf': 'Cannot read the --as-of date "{value}" (e.g. 2026-11-29).',
    'cli.sameFile': 'The output is the input file itself: add --in-place to overwrite it.',
    'cli.outputExists':
      '"{file}" already exists (it may be an earlier output someone edited). Add --force to overwrite it, or name it with --out.',
    'cli.csvInPlace': 'A CSV file cannot be overwritten in place: name an .xlsx output with --out.',
    'cli.noCustomers':
      'No customer list found in "{file}" (a sheet with headers such as Customer ID and Customer name is needed). Name it with --customer-sheet.',
    'cli.progress.read': 'Reading {file}',
    'cli.progress.setup': 'Setting up…',
    'cli.progress.run': 'Running {command}…',
    'cli.progress.write': 'Writing {file}',
    'cli.written': 'Written: {file}',
    'cli.failed': 'Error: {message}',
    'cli.unread': '⚠ {summary} (the results were computed from every other row):',
    'cli.unreadMore': '  {count} more {count|is|are} listed on the sheet "{sheet}" of the output file.',
    'cli.unreadSheet': '  The list is also on the sheet "{sheet}" of the output file.',
    'cli.writeFailed': 'Cannot write "{file}": {detail}',
    'cli.notOurs':
      'Sheet "{sheet}" was not created by kimeru, so kimeru does not write into it (it can only add rows below).',
    'cli.progress.sample': "Making the sample company's workbook…",
    'cli.sampleWritten': 'Wrote the sample ({company}: {customers}, {activities}) to {file}',
    'cli.actions.head': '{when}  act by {actBy}  {customer} ({rank}, {rep})',
    'cli.actions.key': 'Key persons: {names} (last met {date} by {by})',
    'cli.actions.keyNever': 'Key persons: {names} (never met)',
    'cli.actions.noKey': 'No key person registered',
  },
});

export type CliKey = keyof typeof CLI_MESSAGES.ja;

/**
 * The command-line message for `key` in `lang`, with `{name}` placeholders filled, and
 * `{name|one|other}` the word for a count: "1 more is", "2 more are".
 */
export function say(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return CLI_MESSAGES[lang][key].replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (one !== undefined) return Number(params[name]) === 1 ? one : (other ?? '');
      return name in params ? String(params[name]) : whole;
    },
  );
}
