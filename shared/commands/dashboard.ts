import { t, type Lang } from '../i18n';
import { formulaCell, type ChartSpec, type WriteCell, type WriteOp } from '../port';
import { VIEW_SIZE, WEEKLY_REP_COLUMNS } from '../functions/dashboard';
import { NAMES } from './settings';

/**
 * The dashboard setup adds to every workbook: five tables computed by kimeru's own functions over
 * the workbook names setup defines (so rows logged later count), each with a native chart beside
 * it and traffic lights where a share has a standard to meet. Described once here; each host
 * draws the charts and colours its own way.
 */

/** Where the charts sit: column K, right of the widest table (the weekly one, A–I). */
const CHART_COLUMN = 11;
const CHART_SIZE = { width: 520, height: 300 };
/** A share of 80% or more is green, 50% or more amber, less red (as a whole percentage). */
const GOOD = 80;
const FAIR = 50;

interface Section {
  title: string;
  formula: string;
  /** Rows reserved for the spilled table, its header included. */
  rows: number;
  chart: Omit<ChartSpec, 'headerRow' | 'lastRow' | 'anchor' | 'title'>;
  /** The 1-based column holding a share (%) with a standard, coloured green/amber/red. */
  light?: number;
}

function sections(lang: Lang): Section[] {
  const args = [NAMES.customers, NAMES.contacts, NAMES.activities, NAMES.definition, NAMES.asOf].join(', ');
  const call = (fn: string, mode: string) => `=KIMERU.${fn}(${args}, "${mode}", "${lang}")`;
  const weeklySeries = Array.from({ length: WEEKLY_REP_COLUMNS }, (_, i) => i + 2);
  return [
    {
      title: t(lang, 'commands.dashboard.items'),
      formula: call('GAPCHECK', 'items'),
      rows: 40,
      chart: { type: 'bar', categoryColumn: 2, seriesColumns: [4] },
    },
    {
      title: t(lang, 'commands.dashboard.reps'),
      formula: call('DASHBOARD', 'reps'),
      rows: VIEW_SIZE.reps.rows,
      chart: { type: 'column', categoryColumn: 1, seriesColumns: [4] },
      light: 5,
    },
    {
      title: t(lang, 'commands.dashboard.ranks'),
      formula: call('DASHBOARD', 'ranks'),
      rows: VIEW_SIZE.ranks.rows,
      chart: { type: 'pie', categoryColumn: 1, seriesColumns: [2] },
    },
    {
      title: t(lang, 'commands.dashboard.keyperson'),
      formula: call('DASHBOARD', 'keyperson'),
      rows: VIEW_SIZE.keyperson.rows,
      chart: { type: 'column', categoryColumn: 1, seriesColumns: [5] },
      light: 5,
    },
    {
      title: t(lang, 'commands.dashboard.weekly'),
      formula: call('DASHBOARD', 'weekly'),
      rows: VIEW_SIZE.weekly.rows,
      chart: { type: 'line', categoryColumn: 1, seriesColumns: weeklySeries },
    },
  ];
}

/** Height of a section in rows: its title, its table and a blank row; at least the chart's height. */
const CHART_ROWS = Math.ceil(CHART_SIZE.height / 21) + 1;

/**
 * The dashboard sheet `sheet`: `add` adds it with its titles; `fill` (planned after the workbook
 * names its formulas use are defined) writes the formulas, then adds its charts and traffic lights.
 */
export function dashboardOps(sheet: string, lang: Lang): { add: WriteOp; fill: WriteOp[] } {
  const rows: WriteCell[][] = [[t(lang, 'commands.dashboard.title')], [t(lang, 'commands.dashboard.hint')]];
  const fill: WriteOp[] = [];
  const extras: WriteOp[] = [];
  for (const s of sections(lang)) {
    const titleRow = rows.length + 2; // one blank row between sections
    rows.push([]);
    rows.push([s.title]);
    const headerRow = titleRow + 1;
    const lastRow = headerRow + s.rows - 1;
    fill.push({ kind: 'setBlock', sheet, row: headerRow, column: 1, rows: [[formulaCell(s.formula)]] });
    const height = Math.max(s.rows, CHART_ROWS);
    for (let i = 0; i < height; i++) rows.push([]);
    extras.push({
      kind: 'addChart',
      sheet,
      chart: {
        ...s.chart,
        title: s.title,
        headerRow,
        lastRow,
        anchor: { row: titleRow, column: CHART_COLUMN, ...CHART_SIZE },
      },
    });
    if (s.light !== undefined)
      extras.push({
        kind: 'trafficLight',
        sheet,
        column: s.light,
        firstRow: headerRow + 1,
        lastRow,
        green: GOOD,
        amber: FAIR,
      });
  }
  // Empty rows at the end are not cells: the sheet ends at the last section's title.
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return { add: { kind: 'addSheet', sheet, rows, frozenRows: 2 }, fill: [...fill, ...extras] };
}
