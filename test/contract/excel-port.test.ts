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
    storedAsText: (sheet, row, column) => {
      const cell = excel.sheet(sheet)?.cell(row - 1, column - 1);
      return typeof cell?.value === 'string' && cell.formula === undefined && cell.error !== true;
    },
  };
});
