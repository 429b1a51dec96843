import { ExcelWorkbook, type ExcelRun } from '../../office-addin/src/port';
import { FakeExcel } from '../fakes/excel';
import { describePort } from './port.contract';

describePort('ExcelWorkbook over the Excel fake', (initial) => {
  const excel = new FakeExcel(initial);
  return {
    port: new ExcelWorkbook(excel.run as unknown as ExcelRun),
    namedRange: (name) => {
      const n = excel.names.get(name);
      return n && (n.formula ?? `${n.sheet}!${n.address}`);
    },
    drawn: (name) => {
      const sheet = excel.sheet(name);
      const types = { BarClustered: 'bar', ColumnClustered: 'column', Line: 'line', Pie: 'pie' } as const;
      return {
        charts: (sheet?.charts ?? []).map((c) => ({
          type: types[c.type as keyof typeof types],
          title: c.title,
        })),
        // Three custom rules (green, amber, red) make one traffic light.
        lights: (sheet?.conditionalFormats.length ?? 0) / 3,
        hidden: sheet?.visibility === 'Hidden',
      };
    },
    storedAsText: (sheet, row, column) => {
      const cell = excel.sheet(sheet)?.cell(row - 1, column - 1);
      return typeof cell?.value === 'string' && cell.formula === undefined && cell.error !== true;
    },
  };
});
