import { TRAFFIC_COLOURS, trafficFormulas, type ChartSpec, type TrafficLight } from '../shared/port';
import { columnLetters, sheetRef } from './cell-text';
import type { Flavour } from './package';
import { escapeXml } from './xml';

/**
 * Native charts and traffic lights in a saved .xlsx: a DrawingML chart part per chart, one
 * drawing part per sheet anchoring them, and conditionalFormatting rules in the sheet — what
 * Excel and LibreOffice open and draw, and recalculate from the cells (no cached values). Every
 * prefix is declared in the part that uses it; the namespaces follow the package's flavour.
 */

export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

interface DrawingNamespaces {
  chart: string;
  main: string;
  drawing: string;
  rel: string;
}

function namespaces(flavour: Flavour): DrawingNamespaces {
  return flavour.strict
    ? {
        chart: 'http://purl.oclc.org/ooxml/drawingml/chart',
        main: 'http://purl.oclc.org/ooxml/drawingml/main',
        drawing: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
        rel: flavour.rel,
      }
    : {
        chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
        main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
        drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
        rel: flavour.rel,
      };
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An absolute reference to a block of a sheet, as a chart's <c:f> holds it. */
function ref(sheet: string, column: number, first: number, last: number): string {
  const col = columnLetters(column - 1);
  return first === last
    ? `${sheetRef(sheet)}!$${col}$${first}`
    : `${sheetRef(sheet)}!$${col}$${first}:$${col}$${last}`;
}

/** One chart part: the spec's series over the sheet's cells, titled, with a legend. */
export function chartXml(spec: ChartSpec, sheet: string, flavour: Flavour): string {
  const ns = namespaces(flavour);
  const first = spec.headerRow + 1;
  const categories = ref(sheet, spec.categoryColumn, first, spec.lastRow);
  const series = spec.seriesColumns
    .map((column, i) => {
      const head =
        `<c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(ref(sheet, column, spec.headerRow, spec.headerRow))}</c:f></c:strRef></c:tx>`;
      const data =
        `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(sheet, column, first, spec.lastRow))}</c:f></c:numRef></c:val>`;
      if (spec.type === 'line')
        return `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${data}<c:smooth val="0"/></c:ser>`;
      if (spec.type === 'pie') return `<c:ser>${head}${data}</c:ser>`;
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    })
    .join('');
  const axes = (horizontal: boolean) =>
    '<c:axId val="500000001"/><c:axId val="500000002"/>' +
    `</c:${spec.type === 'line' ? 'lineChart' : 'barChart'}>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  let plot: string;
  switch (spec.type) {
    case 'pie':
      plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case 'line':
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes(false)}`;
      break;
    default: {
      const horizontal = spec.type === 'bar';
      plot =
        `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `${series}<c:gapWidth val="80"/>${axes(horizontal)}`;
    }
  }
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.main}" xmlns:r="${ns.rel}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="1200" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${spec.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** Default cell size in pixels, for the anchor's far corner (the charts keep their own size). */
const COLUMN_PX = 64;
const ROW_PX = 20;
const EMU_PER_PX = 9525;

/** The drawing part of one sheet: each chart anchored at its cell, sized in pixels. */
export function drawingXml(charts: readonly { spec: ChartSpec; relId: string }[], flavour: Flavour): string {
  const ns = namespaces(flavour);
  const anchors = charts
    .map(({ spec, relId }, i) => {
      const { row, column, width, height } = spec.anchor;
      const cell = (c: number, r: number, dx: number, dy: number) =>
        `<xdr:col>${c}</xdr:col><xdr:colOff>${dx}</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>${dy}</xdr:rowOff>`;
      const toCol = column - 1 + Math.floor(width / COLUMN_PX);
      const toRow = row - 1 + Math.floor(height / ROW_PX);
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        `<xdr:from>${cell(column - 1, row - 1, 0, 0)}</xdr:from>` +
        `<xdr:to>${cell(toCol, toRow, (width % COLUMN_PX) * EMU_PER_PX, (height % ROW_PX) * EMU_PER_PX)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`kimeru ${spec.title}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${ns.chart}"><c:chart xmlns:c="${ns.chart}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${ns.drawing}" xmlns:a="${ns.main}" xmlns:r="${ns.rel}">${anchors}</xdr:wsDr>`
  );
}

/**
 * The sheet's <conditionalFormatting> elements for its traffic lights: three expression rules
 * each (green, amber, red backgrounds by `dxf`, the styles part's differential formats).
 */
export function conditionalFormattingXml(
  lights: readonly TrafficLight[],
  dxf: Readonly<Record<keyof typeof TRAFFIC_COLOURS, number>>,
): string {
  let priority = 1;
  return lights
    .map((light) => {
      const col = columnLetters(light.column - 1);
      const formulas = trafficFormulas(light);
      const rules = (['green', 'amber', 'red'] as const)
        .map(
          (c) =>
            `<cfRule type="expression" dxfId="${dxf[c]}" priority="${priority++}"><formula>${escapeXml(formulas[c].slice(1))}</formula></cfRule>`,
        )
        .join('');
      return `<conditionalFormatting sqref="${col}${light.firstRow}:${col}${light.lastRow}">${rules}</conditionalFormatting>`;
    })
    .join('');
}

/** The differential formats (background fills) the traffic lights use, in styles.xml's <dxf> form. */
export function trafficDxfs(): Record<keyof typeof TRAFFIC_COLOURS, string> {
  const fill = (hex: string) =>
    `<dxf><fill><patternFill patternType="solid"><bgColor rgb="FF${hex.slice(1).toUpperCase()}"/></patternFill></fill></dxf>`;
  return {
    green: fill(TRAFFIC_COLOURS.green),
    amber: fill(TRAFFIC_COLOURS.amber),
    red: fill(TRAFFIC_COLOURS.red),
  };
}
