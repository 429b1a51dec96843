import { defineMessages, type Lang } from '../../shared/i18n';

/**
 * The playground's and the command line's own words (the core's messages come from its
 * catalogs). Keys are prefixed by where they are shown: hf (formula engine), cli (command
 * line), page (the browser playground); the .xlsx part's words are in xlsx/messages.ts.
 */
export const PLAYGROUND_MESSAGES = defineMessages({
  ja: {
    'hf.tooBig':
      '結果が確保した範囲（{rows}行×{columns}列）より大きくなりました。数式を入力し直してください。',
    'hf.notOurs':
      'シート「{sheet}」は kimeru が作ったシートではないため、書き込みません（末尾への追加のみ可能）。',
    'cli.usage': [
      '使い方: kimeru <コマンド> <ファイル.xlsx|ファイル.csv> [オプション]',
      '',
      'コマンド:',
      '  setup     kimeru のシートを追加し、顧客リストを取り込みます',
      '  rank      ランク分けを行い「ランク」シートに書きます',
      '  gapcheck  ギャップを調べ「ギャップ」シートに書きます',
      '  review    半期振り返りを「振り返り」シートに書きます',
      '  manual    営業マニュアルを「マニュアル」シートに書きます',
      '',
      'オプション:',
      '  --as-of 2026-11-29      基準日（省略時は今日）',
      '  --lang ja|en            メッセージと新しいシートの言語（既定: ja）',
      '  --out 出力.xlsx         書き出すファイル（既定: <名前>.kimeru.xlsx）',
      '  --in-place              元のファイルを上書きします（一時ファイルに書いてから置き換え）',
      '  --force                 既定の出力先 <名前>.kimeru.xlsx がすでにあっても上書きします',
      '  --customer-sheet シート名  顧客リストのシートを指定します',
      '  --contacts-sheet シート名  連絡先（キーマンなど）のシートを指定します',
      '  --log-sheet シート名       行動の記録（活動履歴・営業日報など）のシートを指定します',
      '                          指定しないシートは見出しから見つけます',
      '',
      'セットアップ前のファイルに rank などを実行すると、先にセットアップします。',
      '元のファイルは --in-place を付けない限り変更しません。',
      '既定の出力先がすでにあるときは、--force か --out でその名前を指定しない限り書き出しません。',
    ].join('\n'),
    'cli.unknownCommand':
      '不明なコマンド「{command}」です。setup, rank, gapcheck, review, manual のいずれかを指定してください。',
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
    'page.open': '開く…',
    'page.save': '.xlsx で保存',
    'page.sample': 'サンプルに戻す',
    'page.opened': '「{file}」を開きました。',
    'page.saved': '「{file}」を保存しました。',
    'page.dashboard': 'ダッシュボード',
    'page.dashboardTitle': '{company} — kimeru ダッシュボード',
    'page.asOf': '基準日',
    'page.itemGaps': '項目ごとのギャップ（KIMERU.GAPCHECK "items"）',
    'page.ranks': 'ランクとキーマン接触（KIMERU.RANK / KIMERU.LASTCONTACT）',
    'page.customerGaps': '顧客ごとのギャップ（KIMERU.GAPCHECK "summary"）',
    'page.colCustomerId': '顧客ID',
    'page.colCustomerName': '顧客名',
    'page.hint':
      'セルをクリックすると数式バーで中身を見て編集できます。基準日を変えるとギャップが再計算されます。',
    'page.chartSheet': '（グラフシート: 表示できません）',
    'page.cell': 'セル',
  },
  en: {
    'hf.tooBig':
      'The result grew larger than the space reserved for it ({rows} rows × {columns} columns). Enter the formula again.',
    'hf.notOurs':
      'Sheet "{sheet}" was not created by kimeru, so kimeru does not write into it (it can only add rows below).',
    'cli.usage': [
      'Usage: kimeru <command> <file.xlsx|file.csv> [options]',
      '',
      'Commands:',
      "  setup     add kimeru's sheets and adopt the customer list",
      '  rank      rank the customers into the Ranking sheet',
      '  gapcheck  check the gaps into the Gaps sheet',
      '  review    write the half-year review into the Review sheet',
      '  manual    write the sales manual into the Manual sheet',
      '',
      'Options:',
      '  --as-of 2026-11-29      as-of date (default: today)',
      '  --lang ja|en            language of messages and new sheets (default: ja)',
      '  --out out.xlsx          file to write (default: <name>.kimeru.xlsx)',
      '  --in-place              overwrite the input (written to a temporary file, then renamed)',
      '  --force                 overwrite <name>.kimeru.xlsx when it already exists',
      '  --customer-sheet NAME   the sheet holding the customer list',
      '  --contacts-sheet NAME   the sheet holding the contacts (key persons …)',
      '  --log-sheet NAME        the sheet holding the activity log',
      '                          sheets not named are found by their headers',
      '',
      'rank, gapcheck, review and manual set the workbook up first when it is not set up yet.',
      'The input file is never changed unless --in-place is given.',
      'An existing default output is not overwritten unless --force is given or --out names it.',
    ].join('\n'),
    'cli.unknownCommand': 'Unknown command "{command}": use setup, rank, gapcheck, review or manual.',
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
    'cli.unreadMore': '  {count} more are listed on the sheet "{sheet}" of the output file.',
    'cli.unreadSheet': '  The list is also on the sheet "{sheet}" of the output file.',
    'cli.writeFailed': 'Cannot write "{file}": {detail}',
    'page.open': 'Open…',
    'page.save': 'Save as .xlsx',
    'page.sample': 'Back to the sample',
    'page.opened': 'Opened "{file}".',
    'page.saved': 'Saved "{file}".',
    'page.dashboard': 'Dashboard',
    'page.dashboardTitle': '{company} — kimeru dashboard',
    'page.asOf': 'As of',
    'page.itemGaps': 'Gaps per item (KIMERU.GAPCHECK "items")',
    'page.ranks': 'Ranks and key-person contact (KIMERU.RANK / KIMERU.LASTCONTACT)',
    'page.customerGaps': 'Gaps per customer (KIMERU.GAPCHECK "summary")',
    'page.colCustomerId': 'Customer ID',
    'page.colCustomerName': 'Customer name',
    'page.hint':
      'Click a cell to see and edit it in the formula bar. Change the as-of date and the gaps recalculate.',
    'page.chartSheet': '(chart sheet: cannot be shown)',
    'page.cell': 'Cell',
  },
});

export type PlaygroundKey = keyof typeof PLAYGROUND_MESSAGES.ja;

/** The playground message for `key` in `lang`, with `{name}` placeholders filled. */
export function say(lang: Lang, key: PlaygroundKey, params: Record<string, string | number> = {}): string {
  return PLAYGROUND_MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** An error whose message is already in the user's language (shown as is, no stack). */
export class PlaygroundError extends Error {
  constructor(
    message: string,
    readonly key: PlaygroundKey,
  ) {
    super(message);
    this.name = 'PlaygroundError';
  }
}

/** Throws a PlaygroundError with the message for `key`. */
export function fail(lang: Lang, key: PlaygroundKey, params: Record<string, string | number> = {}): never {
  throw new PlaygroundError(say(lang, key, params), key);
}
