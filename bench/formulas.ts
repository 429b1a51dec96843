/**
 * The baseline: the same two checks (key person met within the rank's limit, contact interval)
 * as a user would build them without kimeru — plain COUNTIFS/MAXIFS/VLOOKUP formulas, one row
 * per customer, over the activity log. This module only lays out the sheets; run.ts times them.
 */
import type { CellValue } from '../shared/values/cell';
import type { Grids } from './generate';

export const SHEET = { activities: '活動', customers: '顧客', settings: '設定' } as const;

/** Rank → [key-person contact limit, contact interval limit] in days, as in the starter definition. */
const LIMITS: [string, number | string, number][] = [
  ['A', 60, 30],
  ['B', 120, 60],
  ['C', '-', 90],
];

export type Sheets = Record<string, CellValue[][]>;

export interface FormulaWorkbook {
  sheets: Sheets;
  /** Columns (0-based) of the two status formulas on the customer sheet. */
  keyPersonStatusColumn: number;
  contactStatusColumn: number;
  /** Column (0-based) of the activity date on the activity sheet, the cell an edit changes. */
  activityDateColumn: number;
}

/**
 * The user's workbook: the activity log with a hand-kept キーマン接触 TRUE/FALSE column (the user
 * must add it — formulas cannot match 面談者 names to the contact list), the customer list with a
 * typed-in rank column and five formula columns, and a settings sheet with the as-of date and the
 * per-rank limits (rank C has no key-person limit: 対象外, as in the starter definition).
 *
 * `ranks` is the rank per customer row (header excluded); `asOfSerial` the as-of date as a serial.
 */
export function formulaWorkbook(
  grids: Grids,
  ranks: readonly CellValue[],
  asOfSerial: number,
): FormulaWorkbook {
  const [actHeader = [], ...actRows] = grids.activities;
  // Date, customer id, the hand-made flag, then the rest of the log as the user keeps it.
  const activities: CellValue[][] = [
    [actHeader[0] ?? null, actHeader[1] ?? null, 'キーマン接触', ...actHeader.slice(2)],
    ...actRows.map((r, i) => [r[0] ?? null, r[1] ?? null, grids.keyPersonMet[i] ?? false, ...r.slice(2)]),
  ];

  const A = `'${SHEET.activities}'!`;
  // Whole columns: what users write, and faster in HyperFormula than bounded A$2:A$n ranges
  // (measured: 0.7 s vs 2.5 s to build at 100 customers, 93 s vs 117 s at 1,000).
  const date = `${A}$A:$A`;
  const customer = `${A}$B:$B`;
  const flag = `${A}$C:$C`;
  const S = `'${SHEET.settings}'!`;
  const asOf = `${S}$B$1`;
  const table = `${S}$A$4:$C$6`;

  const [custHeader = [], ...custRows] = grids.customers;
  const base = custHeader.length; // formula columns start right after the user's own columns
  const col = (i: number): string => String.fromCharCode(65 + base + i); // I.. for 7 user columns + rank
  const rankCol = col(0);
  const customers: CellValue[][] = [
    [
      ...custHeader,
      'ランク',
      '最終接触日',
      '最終キーマン接触日',
      'キーマン接触回数',
      'キーマンとの接触',
      '接触間隔',
    ],
    ...custRows.map((r, i) => {
      const n = i + 2;
      const id = `$A${n}`;
      const rank = `$${rankCol}${n}`;
      const last = `${col(1)}${n}`;
      const lastKey = `${col(2)}${n}`;
      const keyCount = `${col(3)}${n}`;
      // HyperFormula spells the constant TRUE as TRUE(); Excel and Sheets accept both.
      const keyLimit = `VLOOKUP(${rank},${table},2,FALSE())`;
      const contactLimit = `VLOOKUP(${rank},${table},3,FALSE())`;
      return [
        ...r,
        ranks[i] ?? '',
        `=MAXIFS(${date},${customer},${id})`,
        `=MAXIFS(${date},${customer},${id},${flag},TRUE())`,
        `=COUNTIFS(${customer},${id},${flag},TRUE())`,
        `=IF(NOT(ISNUMBER(${keyLimit})),"対象外",IF(${keyCount}=0,"ギャップ",IF(${asOf}-${lastKey}>${keyLimit},"ギャップ","OK")))`,
        `=IF(${last}=0,"ギャップ",IF(${asOf}-${last}>${contactLimit},"ギャップ","OK"))`,
      ];
    }),
  ];

  const settings: CellValue[][] = [
    ['基準日', asOfSerial, null],
    [null, null, null],
    ['ランク', 'キーマン接触(日)', '接触間隔(日)'],
    ...LIMITS.map(([rank, key, contact]) => [rank, key, contact]),
  ];

  return {
    sheets: { [SHEET.activities]: activities, [SHEET.customers]: customers, [SHEET.settings]: settings },
    keyPersonStatusColumn: base + 4,
    contactStatusColumn: base + 5,
    activityDateColumn: 0,
  };
}
