import type { MessageKey, Params } from '../i18n';

/** What a host hands us for one cell: Sheets' getValues, Excel's values, HyperFormula, ExcelJS. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** The result of reading one cell as a given kind: a value (null = blank) or why it failed. */
export type Read<T> =
  | { ok: true; value: T; warning?: { key: MessageKey; params: Params } }
  | { ok: false; key: MessageKey; params: Params };

/**
 * True for a Date of any realm: Apps Script and test sandboxes hand over Dates that fail
 * `instanceof Date` in the core's realm.
 */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
