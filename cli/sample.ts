import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { t, type Lang } from '../shared/i18n';
import { dateCell, type WriteCell } from '../shared/port';
import { sampleWorkbook, COMPANY_NAME } from '../shared/sample';
import type { CellValue } from '../shared/values/cell';
import { dayFromDate, serialToDay } from '../shared/values/days';
import { fail } from '../xlsx/messages';
import { writePackage } from '../xlsx/write';
import { FileWorkbook } from './file-workbook';
import { writeAtomically } from './files';
import { say } from './messages';
import { plural } from './plural';
import type { CliIo } from './kimeru';

/**
 * `kimeru sample FILE.xlsx`: the playground's sample company (株式会社みらい精機: customers,
 * contacts, a year of activities, a definition with two saved versions, review answers for two
 * half-years and ranking snapshots) as a workbook that is
 * not set up yet, to try every command on. Sheet names follow --lang; the tables keep the
 * company's Japanese headers, which setup reads in either language.
 */
export async function writeSample(file: string, lang: Lang, force: boolean, io: CliIo): Promise<void> {
  if (!/\.xlsx$/i.test(file)) fail(lang, 'xlsx.unsupported', { file: basename(file) });
  if (!force && existsSync(file)) throw new Error(say(lang, 'cli.outputExists', { file }));
  io.stderr(`${say(lang, 'cli.progress.sample')}\n`);
  const wb = sampleWorkbook();
  const sheets = [
    { key: 'customers', grid: wb.customers },
    { key: 'contacts', grid: wb.contacts },
    { key: 'activities', grid: wb.activities },
    { key: 'definition', grid: wb.definition },
    { key: 'history', grid: wb.history },
    { key: 'answers', grid: wb.reviewAnswers },
    { key: 'rankHistory', grid: wb.rankHistory },
    { key: 'acknowledgements', grid: wb.acknowledgements },
  ] as const;
  const workbook = new FileWorkbook(
    null,
    lang,
    sheets.map((s) => ({ name: t(lang, `commands.sheet.${s.key}`), rows: cellsOf(s.grid) })),
  );
  await writeAtomically(file, writePackage(null, workbook.changesToSave(), lang), lang);
  const count = (grid: readonly (readonly CellValue[])[]) =>
    grid.slice(headerRowOf(grid) + 1).filter((r) => r.some((c) => c !== '' && c !== null && c !== undefined))
      .length;
  io.stdout(
    `${say(lang, 'cli.sampleWritten', {
      company: COMPANY_NAME,
      customers: plural(lang, count(wb.customers), 'customer'),
      activities: plural(lang, count(wb.activities), 'activity'),
      file,
    })}\n`,
  );
}

/**
 * The sample's host values as cells to write: numbers under a date header (日付, 記録日時, 次回期日…)
 * are the serial dates a spreadsheet holds, so they are written as date cells.
 */
function cellsOf(grid: readonly (readonly CellValue[])[]): WriteCell[][] {
  const headerRow = headerRowOf(grid);
  const header = grid[headerRow] ?? [];
  const dates = new Set(
    header.map((h, i) => (typeof h === 'string' && /日|date/i.test(h) ? i : -1)).filter((i) => i >= 0),
  );
  return grid.map((row, r) =>
    row.map((v, c): WriteCell => {
      if (v === null || v === undefined || v === '') return null;
      if (v instanceof Date) return dateCell(dayFromDate(v));
      if (typeof v === 'number' && r > headerRow && dates.has(c) && v > 20000 && v < 80000) {
        const minutes = Math.round((v - Math.floor(v)) * 1440);
        return minutes > 0 ? dateCell(serialToDay(v), minutes) : dateCell(serialToDay(v));
      }
      return v;
    }),
  );
}

/** The first row with three headings or more (the sample's customer list has a title above it). */
function headerRowOf(grid: readonly (readonly CellValue[])[]): number {
  return grid.findIndex((r) => r.filter((c) => typeof c === 'string' && c !== '').length >= 3);
}
