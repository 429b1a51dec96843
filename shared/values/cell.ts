import type { MessageKey, Params } from '../i18n';

/** What a host hands us for one cell: Sheets' getValues, Excel's values, HyperFormula, ExcelJS. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** The result of reading one cell as a given kind: a value (null = blank) or why it failed. */
export type Read<T> = { ok: true; value: T } | { ok: false; key: MessageKey; params: Params };
