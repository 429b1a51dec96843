/** An Excel JavaScript API fake: `new FakeExcel(sheets).run` stands in for `Excel.run`. */
export { FakeExcel } from './workbook';
export { FakeOfficeError, FakeRequestContext } from './context';
export type { FakeRange, FakeWorksheet } from './context';
export type { FakeTable, FakeTableCollection } from './tables';
export { parseInput, serialOf } from './sheet';
export type { Scalar } from './sheet';
