import type { Lang } from '../i18n';
import type { CellObjectReader, CellValue, HostRows } from '../values/cell';

/**
 * One custom function, defined once. The Sheets stubs (KIMERU_NAME), Excel's functions.json
 * (KIMERU.NAME) and the playground's HyperFormula plugin are all generated from this table.
 */
export type ParamKind =
  /** A whole range, header row included; a single cell arrives as a 1×1 range. */
  | 'range'
  /** A date: a date cell, a serial number or text such as 2026/11/29 or 令和8年11月29日. */
  | 'date'
  | 'text'
  | 'boolean';

export interface ParamDef {
  name: string;
  kind: ParamKind;
  optional: boolean;
  help: Record<Lang, string>;
  /**
   * A range read only through the table reader (customers, contacts, the log): with a host's
   * cell objects it is passed on as it is, and the reader reads the objects in the cells it reads.
   */
  table?: true;
}

/** Arguments after coercion, by parameter name. */
export interface CoercedArgs {
  ranges: Record<string, CellValue[][]>;
  dates: Record<string, number | null>;
  texts: Record<string, string>;
  booleans: Record<string, boolean | null>;
  /** Reads the host's cell objects left in the `table` ranges (see callFunction). */
  cellObjects?: CellObjectReader;
  /** The host's readers of the `table` ranges' rows (see callFunction). */
  hostRows?: HostRows;
}

export interface FunctionDef {
  /** The bare name: RANK, GAPCHECK… Hosts add their prefix (KIMERU. / KIMERU_). */
  name: string;
  help: Record<Lang, string>;
  /** A formula a user can paste, with the Excel name; Sheets' help swaps in its own name. */
  example: string;
  params: ParamDef[];
  run(args: CoercedArgs, lang: Lang): CellValue[][];
}

/** What a call gives the host wrapper: a matrix to spill, or an error value with a message. */
export type CallResult =
  { ok: true; value: CellValue[][] } | { ok: false; error: 'value' | 'na'; message: string };
