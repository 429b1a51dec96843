import type { RawCellContent } from 'hyperformula';
import { setup } from '../../shared/commands/setup';
import type { Lang } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { dateCell, formulaCell, type WriteCell } from '../../shared/port';
import { serialToDay } from '../../shared/values/days';
import type { CellValue } from '../../shared/values/cell';
import { AS_OF_DAY, COMPANY_NAME, sampleWorkbook } from '../../shared/sample';
import { guardText, sheetRef } from './cell-text';
import { HyperFormulaWorkbook, type CellFormat } from './hf-workbook';
import { say } from './messages';

/**
 * The workbook the playground opens on: みらい精機's sheets as a team would have them, set up by
 * kimeru's own setup command (which adds the dashboard with its charts), plus a sheet of tables
 * whose formulas call kimeru's functions.
 */

/** A host cell value as HyperFormula content: text stays text, dates become serials. */
export function contentOf(v: CellValue): RawCellContent {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return guardText(v);
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569 - v.getTimezoneOffset() / 1440;
  return v;
}

/** Number cells under a date header (日付, 記録日時, 次回期日…) are shown as dates. */
export function dateFormatsOf(grid: readonly (readonly CellValue[])[]): Map<string, CellFormat> {
  const formats = new Map<string, CellFormat>();
  const headerRow = grid.findIndex((r) => r.filter((c) => typeof c === 'string' && c !== '').length >= 3);
  const header = grid[headerRow] ?? [];
  const dateColumns = header
    .map((h, i) => (typeof h === 'string' && /日|date/i.test(h) ? i : -1))
    .filter((i) => i >= 0);
  grid.forEach((row, r) => {
    if (r <= headerRow) return;
    for (const c of dateColumns) {
      const v = row[c];
      if (typeof v === 'number' && v > 20000 && v < 80000)
        formats.set(`${r}:${c}`, Number.isInteger(v) ? 'date' : 'datetime');
    }
  });
  return formats;
}

/** The sample's sheets by their Japanese names, in tab order. */
export function sampleSheets(): { name: string; grid: CellValue[][] }[] {
  const wb = sampleWorkbook();
  return [
    { name: t('ja', 'commands.sheet.customers'), grid: wb.customers },
    { name: t('ja', 'commands.sheet.contacts'), grid: wb.contacts },
    { name: t('ja', 'commands.sheet.activities'), grid: wb.activities },
    { name: t('ja', 'commands.sheet.definition'), grid: wb.definition },
    { name: t('ja', 'commands.sheet.history'), grid: wb.history },
    { name: t('ja', 'commands.sheet.answers'), grid: wb.reviewAnswers },
    { name: t('ja', 'commands.sheet.rankHistory'), grid: wb.rankHistory },
    { name: t('ja', 'commands.sheet.acknowledgements'), grid: wb.acknowledgements },
  ];
}

/** Loads sheets of host values into the workbook as the user's own. */
export function loadGrids(
  workbook: HyperFormulaWorkbook,
  sheets: { name: string; grid: CellValue[][] }[],
): void {
  for (const s of sheets)
    workbook.loadSheet(
      s.name,
      s.grid.map((r) => r.map(contentOf)),
      dateFormatsOf(s.grid),
    );
}

/** The sample's sheet of kimeru function tables (beside the dashboard setup adds), in `lang`. */
export const dashboardName = (lang: Lang): string => say(lang, 'page.dashboard');

/** The dashboard with charts setup adds to the sample (set up in Japanese, as its sheets are). */
export const setupDashboardName = (): string => t('ja', 'commands.sheet.dashboard');

/**
 * The dashboard's cells: the as-of date in B2, gaps per item (A6), gaps per customer (G6), and
 * ranks with the last key-person contact beside the customer list (O6…). Its formulas use the
 * names setup defines, so rows logged later are counted.
 */
export function dashboardRows(
  lang: Lang,
  asOfSerial: number,
  customerSheet: string,
  customerRows: number,
): WriteCell[][] {
  const tables = 'KIMERU_CUSTOMERS, KIMERU_CONTACTS, KIMERU_ACTIVITIES, KIMERU_DEFINITION, $B$2';
  const rows: WriteCell[][] = [
    [say(lang, 'page.dashboardTitle', { company: COMPANY_NAME })],
    [say(lang, 'page.asOf'), dateCell(serialToDay(asOfSerial))],
    [say(lang, 'page.hint')],
    [],
    [
      say(lang, 'page.itemGaps'),
      null,
      null,
      null,
      null,
      null,
      say(lang, 'page.customerGaps'),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      say(lang, 'page.ranks'),
    ],
  ];
  const ref = sheetRef(customerSheet);
  for (let i = 0; i < customerRows; i++) {
    const row: WriteCell[] = new Array<WriteCell>(19).fill(null);
    row[14] = formulaCell(`=IF(${ref}!A${i + 1}="","",${ref}!A${i + 1})`);
    row[15] = formulaCell(`=IF(${ref}!B${i + 1}="","",${ref}!B${i + 1})`);
    rows.push(row);
  }
  const first = rows[5] ?? (rows[5] = []);
  first[0] = formulaCell(`=KIMERU.GAPCHECK(${tables}, "items", "${lang}")`);
  first[6] = formulaCell(`=KIMERU.GAPCHECK(${tables}, "summary", "${lang}")`);
  first[16] = formulaCell(`=KIMERU.RANK(KIMERU_CUSTOMERS, KIMERU_DEFINITION, "${lang}")`);
  first[17] = formulaCell(
    `=KIMERU.LASTCONTACT(KIMERU_CUSTOMERS, KIMERU_CONTACTS, KIMERU_ACTIVITIES, $B$2, TRUE(), "${lang}")`,
  );
  return rows;
}

/** The sample workbook, set up, with its dashboard; "today" is the sample's as-of date. */
export async function samplePlaygroundWorkbook(lang: Lang = 'ja'): Promise<HyperFormulaWorkbook> {
  const workbook = new HyperFormulaWorkbook({ lang });
  const sheets = sampleSheets();
  loadGrids(workbook, sheets);
  const report = await setup(workbook, { lang: 'ja', customerSheet: sheets[0]!.name }, AS_OF_DAY);
  const customers = sheets.find((s) => s.name === report.sheets.customers)?.grid.length ?? 0;
  const wb = sampleWorkbook();
  await workbook.write([
    {
      kind: 'addSheet',
      sheet: dashboardName(lang),
      rows: dashboardRows(lang, wb.asOf, report.sheets.customers, customers),
      frozenRows: 5,
    },
  ]);
  return workbook;
}
