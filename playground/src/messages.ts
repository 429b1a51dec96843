import { defineMessages, type Lang } from '../../shared/i18n';

/**
 * The playground's and the command line's own words (the core's messages come from its
 * catalogs). Keys are prefixed by where they are shown: hf (formula engine), page (the browser
 * playground); the command line's are in cli/messages.ts, the .xlsx part's in xlsx/messages.ts.
 */
export const PLAYGROUND_MESSAGES = defineMessages({
  ja: {
    'hf.tooBig':
      '結果が確保した範囲（{rows}行×{columns}列）より大きくなりました。数式を入力し直してください。',
    'hf.notOurs':
      'シート「{sheet}」は kimeru が作ったシートではないため、書き込みません（末尾への追加のみ可能）。',
    'page.open': '開く…',
    'page.save': '.xlsx で保存',
    'page.sample': 'サンプルに戻す',
    'page.opened': '「{file}」を開きました。',
    'page.reading': '「{file}」を読んでいます… シート「{sheet}」（{done}/{total}）',
    'page.loading': '「{file}」を開いています… シート「{sheet}」 {done}/{total}行',
    'page.saved': '「{file}」を保存しました。',
    'page.dashboard': 'サンプル集計',
    'page.dashboardTitle': '{company} — kimeru 関数の集計表',
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
    'page.open': 'Open…',
    'page.save': 'Save as .xlsx',
    'page.sample': 'Back to the sample',
    'page.opened': 'Opened "{file}".',
    'page.reading': 'Reading "{file}"… sheet "{sheet}" ({done} of {total})',
    'page.loading': 'Opening "{file}"… sheet "{sheet}", {done} of {total} rows',
    'page.saved': 'Saved "{file}".',
    'page.dashboard': 'Sample tables',
    'page.dashboardTitle': '{company} — tables of kimeru functions',
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
