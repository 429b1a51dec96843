import { SheetsWorkbook } from '../../appsscript/src/port';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import { createGas, processTimeZone } from '../fakes/gas';
import { describePort, type MakePort } from './port.contract';

/** A1 notation for the in-memory workbook's names, as the hosts would show them. */
function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const memory: MakePort = (initial) => {
  const wb = new MemoryWorkbook(initial);
  return {
    port: wb,
    namedRange(name) {
      const n = wb.names.get(name);
      if (!n) return undefined;
      const first = letters(n.firstColumn);
      const last = letters(n.lastColumn);
      if (n.firstRow === undefined) return `${n.sheet}!${first}:${last}`;
      const lastRow = n.lastRow ?? n.firstRow;
      const single = n.firstColumn === n.lastColumn && n.firstRow === lastRow;
      return `${n.sheet}!${first}${n.firstRow}${single ? '' : `:${last}${lastRow}`}`;
    },
    storedAsText: (sheet, row, column) => typeof wb.sheets.get(sheet)?.[row - 1]?.[column - 1] === 'string',
    drawn: (sheet) => ({
      charts: (wb.charts.get(sheet) ?? []).map((c) => ({ type: c.type, title: c.title })),
      lights: wb.lights.get(sheet)?.length ?? 0,
      hidden: wb.hidden.has(sheet),
    }),
  };
};

const sheets =
  (timeZone: string): MakePort =>
  (initial) => {
    const gas = createGas({ sheets: initial, timeZone });
    return {
      port: new SheetsWorkbook(gas.book, gas.services),
      namedRange: (name) => gas.book.namedRanges.get(name)?.reference,
      storedAsText: (sheet, row, column) =>
        typeof gas.book.getSheetByName(sheet)?.get(row, column) === 'string',
      drawn: (name) => {
        const sheet = gas.book.sheets.find((s) => s.sheetName === name);
        const types = { BAR: 'bar', COLUMN: 'column', LINE: 'line', PIE: 'pie' } as const;
        return {
          charts: (sheet?.charts ?? []).map((c) => ({
            type: types[c.type],
            title: String(c.options.get('title')),
          })),
          // Three rules (green, amber, red) make one traffic light.
          lights: (sheet?.conditionalFormatRules.length ?? 0) / 3,
          hidden: sheet?.hidden ?? false,
        };
      },
    };
  };

// A zone that differs from this machine's, so the conversion path is exercised too.
const elsewhere = processTimeZone() === 'Asia/Tokyo' ? 'America/Los_Angeles' : 'Asia/Tokyo';

describePort('MemoryWorkbook', memory);
describePort(
  'SheetsWorkbook over the GAS fake (spreadsheet in the script’s time zone)',
  sheets(processTimeZone()),
);
describePort(`SheetsWorkbook over the GAS fake (spreadsheet in ${elsewhere})`, sheets(elsewhere));
