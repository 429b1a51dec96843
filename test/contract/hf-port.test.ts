import { HyperFormulaWorkbook } from '../../playground/src/hf-workbook';
import { loadGrids } from '../../playground/src/sample-workbook';
import { columnLetters } from '../../playground/src/cell-text';
import { describePort, type MakePort } from './port.contract';

/** The playground's and the command line's workbook: HyperFormula behind the same port. */
const hyperformula: MakePort = (initial) => {
  const wb = new HyperFormulaWorkbook({ lang: 'ja' });
  loadGrids(
    wb,
    Object.entries(initial).map(([name, grid]) => ({ name, grid })),
  );
  return {
    port: wb,
    namedRange(name) {
      const n = wb.definedNames().find((d) => d.name === name);
      if (!n) return undefined;
      const first = columnLetters(n.firstColumn - 1);
      const last = columnLetters(n.lastColumn - 1);
      if (n.firstRow === undefined) return `${n.sheet}!${first}:${last}`;
      const lastRow = n.lastRow ?? n.firstRow;
      const single = n.firstColumn === n.lastColumn && n.firstRow === lastRow;
      return `${n.sheet}!${first}${n.firstRow}${single ? '' : `:${last}${lastRow}`}`;
    },
    drawn(sheet) {
      const info = wb.info(sheet);
      return {
        charts: (info.charts ?? []).map((c) => ({ type: c.type, title: c.title })),
        lights: info.lights?.length ?? 0,
        hidden: info.hidden === true,
      };
    },
    storedAsText(sheet, row, column) {
      const at = { sheet: wb.hf.getSheetId(sheet)!, row: row - 1, col: column - 1 };
      return wb.hf.getCellValueType(at) === 'STRING' && !wb.hf.doesCellHaveFormula(at);
    },
  };
};

describePort('HyperFormulaWorkbook (playground and command line)', hyperformula);
