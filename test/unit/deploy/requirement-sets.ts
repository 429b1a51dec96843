/**
 * The requirement set of each Office.js member the Excel add-in calls, written from Microsoft's
 * reference pages (each class's page lists "[API set: …]" per member). A member missing here fails
 * test/unit/deploy/requirement-sets.test.ts: add it with the set its page gives.
 * `set: null` is the Common API that every host able to run add-ins has (no set to declare).
 */

export interface Requirement {
  set: string | null;
  version: string;
  /** Why the version is above the member's own (how kimeru calls it needs more). */
  note?: string;
}

const excel = (version: string, note?: string): Requirement => ({ set: 'ExcelApi', version, note });
const cf = (version: string): Requirement => ({ set: 'CustomFunctionsRuntime', version });
const common: Requirement = { set: null, version: '' };

export const MEMBER_REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  // https://learn.microsoft.com/en-us/javascript/api/excel#excel-excel-run-function(1)
  'Excel.run': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.requestcontext
  'Excel.RequestContext.workbook': excel('1.1'),
  'Excel.RequestContext.application': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.application
  'Excel.Application.suspendApiCalculationUntilNextSync': excel('1.6'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook
  'Excel.Workbook.worksheets': excel('1.1'),
  'Excel.Workbook.names': excel('1.1'),
  'Excel.Workbook.tables': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcollection
  'Excel.WorksheetCollection.add': excel('1.1'),
  'Excel.WorksheetCollection.getItem': excel('1.1'),
  'Excel.WorksheetCollection.getItemOrNullObject': excel('1.4'),
  'Excel.WorksheetCollection.items': excel('1.1'),
  'Excel.WorksheetCollection.load': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet
  'Excel.Worksheet.name': excel('1.1'),
  'Excel.Worksheet.getRange': excel('1.1'),
  'Excel.Worksheet.tables': excel('1.1'),
  'Excel.Worksheet.visibility': excel(
    '1.2',
    '1.1 for reading it, 1.2 for setting it: kimeru sets it (the hidden key sheet)',
  ),
  'Excel.Worksheet.getUsedRangeOrNullObject': excel('1.4'),
  'Excel.Worksheet.freezePanes': excel('1.7'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes
  'Excel.WorksheetFreezePanes.freezeRows': excel('1.7'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.range
  'Excel.Range.address': excel('1.1'),
  'Excel.Range.clear': excel('1.1'),
  'Excel.Range.columnCount': excel('1.1'),
  'Excel.Range.rowCount': excel('1.1'),
  'Excel.Range.formulas': excel('1.1'),
  'Excel.Range.values': excel('1.1'),
  'Excel.Range.numberFormat': excel('1.1'),
  'Excel.Range.load': excel('1.1'),
  'Excel.Range.getResizedRange': excel('1.2'),
  'Excel.Range.insert': excel('1.1'),
  'Excel.Range.getUsedRangeOrNullObject': excel('1.4'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection
  'Excel.NamedItemCollection.add': excel('1.4'),
  'Excel.NamedItemCollection.getItem': excel('1.1'),
  'Excel.NamedItemCollection.items': excel('1.1'),
  'Excel.NamedItemCollection.load': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem
  'Excel.NamedItem.name': excel('1.1'),
  'Excel.NamedItem.delete': excel('1.4'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection
  'Excel.TableCollection.add': excel('1.1'),
  'Excel.TableCollection.items': excel('1.1'),
  'Excel.TableCollection.load': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.table
  'Excel.Table.columns': excel('1.1'),
  'Excel.Table.name': excel('1.1'),
  'Excel.Table.rows': excel('1.1'),
  'Excel.Table.style': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecolumncollection
  'Excel.TableColumnCollection.items': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection
  'Excel.TableRowCollection.add': excel(
    '1.4',
    'ExcelApi 1.1 adds one row; appends pass several rows at once, which needs 1.4',
  ),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerow
  'Excel.TableRow.getRange': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection (the dashboard)
  'Excel.Worksheet.charts': excel('1.1'),
  'Excel.ChartCollection.add': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart
  'Excel.Chart.height': excel('1.1'),
  'Excel.Chart.width': excel('1.1'),
  'Excel.Chart.series': excel('1.1'),
  'Excel.Chart.setPosition': excel('1.1'),
  'Excel.Chart.title': excel('1.1'),
  'Excel.ChartTitle.text': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection
  'Excel.ChartSeriesCollection.getItemAt': excel('1.1'),
  'Excel.ChartSeriesCollection.add': excel('1.7'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseries
  'Excel.ChartSeries.setValues': excel('1.7'),
  'Excel.ChartSeries.setXAxisValues': excel('1.7'),
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection
  'Excel.Range.conditionalFormats': excel('1.6'),
  'Excel.ConditionalFormatCollection.add': excel('1.6'),
  'Excel.ConditionalFormat.custom': excel('1.6'),
  'Excel.CustomConditionalFormat.rule': excel('1.6'),
  'Excel.CustomConditionalFormat.format': excel('1.6'),
  'Excel.ConditionalFormatRule.formula': excel('1.6'),
  'Excel.ConditionalRangeFormat.fill': excel('1.6'),
  'Excel.ConditionalRangeFill.color': excel('1.6'),
  // https://learn.microsoft.com/en-us/javascript/api/office/officeextension.clientrequestcontext
  'OfficeExtension.ClientRequestContext.sync': excel('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/office/officeextension.clientobject
  // (*OrNullObject, and so isNullObject, came with ExcelApi 1.4)
  'OfficeExtension.ClientObject.isNullObject': excel('1.4'),
  // https://learn.microsoft.com/en-us/javascript/api/office#office-office-onready-function(1)
  'Office.onReady': common,
  // https://learn.microsoft.com/en-us/javascript/api/office/office.context
  'Office.context': common,
  'Office.Context.displayLanguage': common,
  // https://learn.microsoft.com/en-us/javascript/api/office/office.ui (the wide views' dialog; the
  // pane's displayDialogAsync call is inside office-js-helpers' dialog-opener.js, which this scan
  // does not read: it needs the same DialogApi 1.1)
  'Office.Context.ui': { set: 'DialogApi', version: '1.1' },
  'Office.UI.messageParent': { set: 'DialogApi', version: '1.1' },
  // https://learn.microsoft.com/en-us/javascript/api/custom-functions-runtime/customfunctions
  'CustomFunctions.associate': cf('1.1'),
  // https://learn.microsoft.com/en-us/javascript/api/custom-functions-runtime/customfunctions.error
  'CustomFunctions.Error': cf('1.2'),
  // https://learn.microsoft.com/en-us/javascript/api/custom-functions-runtime/customfunctions.errorcode
  'CustomFunctions.ErrorCode': cf('1.3'),
  'CustomFunctions.ErrorCode.invalidValue': cf('1.3'),
  'CustomFunctions.ErrorCode.notAvailable': cf('1.3'),
};

/**
 * What the manifest's own structure needs, whatever the code calls:
 * - a <Runtime lifetime="long"> shared by task pane and functions: SharedRuntime 1.1
 *   (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime)
 * - an ExtensionPoint of type CustomFunctions: CustomFunctionsRuntime 1.1
 *   (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/custom-functions-requirement-sets)
 */
export const MANIFEST_FEATURES: readonly { feature: RegExp; what: string; requires: Requirement }[] = [
  {
    feature: /<Runtime\s[^>]*lifetime="long"/,
    what: 'a shared runtime (<Runtime lifetime="long">)',
    requires: { set: 'SharedRuntime', version: '1.1' },
  },
  {
    feature: /<ExtensionPoint xsi:type="CustomFunctions">/,
    what: 'custom functions (ExtensionPoint CustomFunctions)',
    requires: cf('1.1'),
  },
];

/** -1, 0 or 1 as version a is below, equal to or above b ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The lowest version of each set that covers every requirement given. */
export function minimumSets(requirements: Iterable<Requirement>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of requirements) {
    if (r.set === null) continue;
    const had = out[r.set];
    if (had === undefined || compareVersions(r.version, had) > 0) out[r.set] = r.version;
  }
  return out;
}
