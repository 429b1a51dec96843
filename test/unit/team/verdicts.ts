import type { CellValue } from '../../../shared/values';
import type { ExpectedUnread, Verdict } from '../../fixtures/team/expected';

/**
 * Reading kimeru's outputs back into the shape of the hand-written expectations, so every surface
 * (core, Apps Script bundle, Excel functions, CLI) is compared with the same words.
 */

const STATUS: Record<string, Verdict> = {
  ギャップ: 'gap',
  Gap: 'gap',
  OK: 'ok',
  データなし: 'nodata',
  'No data': 'nodata',
};

/** GAPCHECK mode "all" (header first, maybe a ⚠ line last) → customer → item → verdict. */
export function verdictsOf(
  table: readonly (readonly CellValue[])[],
): Record<string, Record<string, Verdict>> {
  const header = table[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const [id, item, status] = [col('顧客ID'), col('項目'), col('状態')];
  const out: Record<string, Record<string, Verdict>> = {};
  for (const row of table.slice(1)) {
    const verdict = STATUS[String(row[status] ?? '')];
    if (verdict === undefined) continue; // the ⚠ line under the table
    const itemId = ITEM_IDS[String(row[item])] ?? String(row[item]);
    (out[String(row[id])] ??= {})[itemId] = verdict;
  }
  return out;
}

const ITEM_IDS: Record<string, string> = {
  基本属性の入力: 'AT1',
  キーマンの登録: 'RE1',
  キーマンとの接触: 'RE2',
  接触間隔: 'RE3',
  次回アクションの期日厳守: 'IN1',
  行動の記録: 'IN2',
};

/** The list of unread rows (ISSUES, mode "issues", the 読めなかった行 sheet) → comparable entries. */
export function unreadOf(table: readonly (readonly CellValue[])[]): ExpectedUnread[] {
  return table.slice(1).map((r) => {
    const why = String(r[5] ?? '');
    const count = /（この行を含め(\d+)行）/.exec(why)?.[1];
    return {
      sheet: String(r[0]),
      row: Number(r[1]),
      column: String(r[2]),
      value: String(r[4] ?? ''),
      outcome: r[7] === '注意' ? 'warning' : 'skipped',
      ...(count ? { count: Number(count) } : {}),
    };
  });
}

/** The same list, sorted as the expectations are written: by sheet order, then row. */
export function sortUnread(list: ExpectedUnread[], sheets: readonly string[]): ExpectedUnread[] {
  return [...list].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row);
}

/** Function arguments named in the list, as the team's sheets they were taken from. */
export const ARGUMENT_SHEETS: Record<string, string> = {
  customers: '顧客マスタ',
  contacts: 'キーマン',
  activities: '活動履歴',
  definition: '定義',
};
export const SHEET_ORDER = Object.values(ARGUMENT_SHEETS);

/** A function's list (arguments as sheet names), sorted as the expectations are written. */
export function unreadBySheet(table: readonly (readonly CellValue[])[]): ExpectedUnread[] {
  const list = unreadOf(table).map((e) => ({ ...e, sheet: ARGUMENT_SHEETS[e.sheet] ?? e.sheet }));
  return sortUnread(list, SHEET_ORDER);
}

/** RANK's result beside the customer rows → customer code → rank, for the customers with a rank. */
export function ranksBeside(
  customers: readonly (readonly unknown[])[],
  result: readonly (readonly unknown[])[],
): Record<string, string> {
  const out: Record<string, string> = {};
  customers.forEach((r, i) => {
    const rank = String(result[i]?.[0] ?? '');
    if (/^K\d+$/.test(String(r[0])) && /^[A-C]$/.test(rank)) out[String(r[0])] = rank;
  });
  return out;
}
