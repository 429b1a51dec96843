/**
 * The slice of Google's services the adapter uses, as small structural interfaces. The real
 * services satisfy them (checked at the bottom of this file by the compiler), and so does the
 * in-memory fake in test/fakes/gas, so the port runs unchanged against both.
 */

export interface GasProtection {
  setDescription(description: string): GasProtection;
  setWarningOnly(warningOnly: boolean): GasProtection;
}

export interface GasRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): GasRange;
  protect(): GasProtection;
}

/** Sheet.newChart's builder: the chart type, its ranges, where it sits, its options. */
export interface GasChartBuilder {
  addRange(range: GasRange): GasChartBuilder;
  asBarChart(): GasChartBuilder;
  asColumnChart(): GasChartBuilder;
  asLineChart(): GasChartBuilder;
  asPieChart(): GasChartBuilder;
  setNumHeaders(headers: number): GasChartBuilder;
  setOption(option: string, value: unknown): GasChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasChartBuilder;
  build(): GasChart;
}

export interface GasChart {
  getRanges(): GasRange[];
}

/** SpreadsheetApp.newConditionalFormatRule's builder, for traffic lights. */
export interface GasConditionalFormatRuleBuilder {
  whenFormulaSatisfied(formula: string): GasConditionalFormatRuleBuilder;
  setBackground(color: string | null): GasConditionalFormatRuleBuilder;
  setRanges(ranges: GasRange[]): GasConditionalFormatRuleBuilder;
  build(): GasConditionalFormatRule;
}

export interface GasConditionalFormatRule {
  getRanges(): GasRange[];
}

export interface GasSheet {
  newChart(): GasChartBuilder;
  insertChart(chart: GasChart): void;
  getCharts(): GasChart[];
  getConditionalFormatRules(): GasConditionalFormatRule[];
  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void;
  getName(): string;
  getRange(a1Notation: string): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getDataRange(): GasRange;
  getLastRow(): number;
  getLastColumn(): number;
  hideSheet(): GasSheet;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet;
  setFrozenRows(rows: number): void;
  clearContents(): GasSheet;
}

export interface GasNamedRange {
  getName(): string;
  setRange(range: GasRange): GasNamedRange;
}

export interface GasSpreadsheet {
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  getNumSheets(): number;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  getNamedRanges(): GasNamedRange[];
  setNamedRange(name: string, range: GasRange): void;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
}

export interface GasLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** What the adapter needs besides the spreadsheet itself. */
export interface GasServices {
  /** SpreadsheetApp.flush: applies pending writes before the lock is released. */
  flush(): void;
  /** LockService.getDocumentLock (null outside a document, e.g. from a web app). */
  documentLock(): GasLock | null;
  /** LockService.getScriptLock, the fallback when there is no document lock. */
  scriptLock(): GasLock;
  formatDate(date: Date, timeZone: string, format: string): string;
  parseDate(text: string, timeZone: string, format: string): Date;
  /** Session.getScriptTimeZone: the time zone the script's Date objects live in. */
  scriptTimeZone(): string;
  /** SpreadsheetApp.newConditionalFormatRule. */
  newConditionalFormatRule(): GasConditionalFormatRuleBuilder;
}

// Compile-time proof that Google's own types fit these interfaces (nothing runs here).
type Fits<Real, Ours> = Real extends Ours ? true : never;
export const REAL_SERVICES_FIT: [
  Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, GasSpreadsheet>,
  Fits<GoogleAppsScript.Spreadsheet.Sheet, GasSheet>,
  Fits<GoogleAppsScript.Spreadsheet.Range, GasRange>,
  Fits<GoogleAppsScript.Lock.Lock, GasLock>,
  Fits<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, GasChartBuilder>,
  Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, GasConditionalFormatRuleBuilder>,
] = [true, true, true, true, true, true];
