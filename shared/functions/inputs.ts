import { KimeruError, type Issue } from '../issues';
import type { Lang } from '../i18n';
import type { Dataset } from '../model';
import type { Definition, MetricKind } from '../definition/model';
import { definitionIssues, readDefinition, readHistory, stampLabel, versionInForce } from '../definition';
import type { Day } from '../values/days';
import { readDataset, type CustomerColumns } from '../tables';
import { coreFieldOf, headerKey, indexDataset, rankList, type DatasetIndex } from '../engines';
import { isDateValue, type CellObjectReader, type CellValue, type HostRows } from '../values/cell';

/**
 * Reading a function's range arguments. Issues found in a range name the argument, the row and
 * the column within that range (a custom function cannot see the sheet it was given).
 */

export interface TableArgs {
  customers: CellValue[][];
  contacts?: CellValue[][];
  activities?: CellValue[][];
  /** The host's cell objects in these ranges, read where a cell is read (CoercedArgs.cellObjects). */
  cellObjects?: CellObjectReader;
  /** The host's readers of these ranges' rows (CoercedArgs.hostRows). */
  hostRows?: HostRows | undefined;
  /** The customer columns read, where not all (readDataset's customerColumns). */
  customerColumns?: CustomerColumns;
}

export interface Tables {
  dataset: Dataset;
  index: DatasetIndex;
  /** 1-based row of the customer header within the customers range. */
  customerHeaderRow: number;
  /** Rows left out or read with a caveat, located by argument, row and column. */
  issues: Issue[];
  /** The customer table's headers as written, for checking what the definition names. */
  customerHeaders: string[] | null;
}

export interface Ranked extends Tables {
  definition: Definition;
  /** "第3版" / "v3": which version of the definition produced the result. */
  stamp: string;
  /** Each customer's rank, in the order of dataset.customers. */
  rankList: readonly string[];
  /** The same ranks by customer id (built on first use: RANK reads rankList). */
  ranks: Map<string, string>;
}

// Internal sheet labels, never shown: issues carrying them are relabelled as arguments.
const ARGUMENT_OF_SHEET: Record<string, string> = {
  '\u0000customers': 'customers',
  '\u0000contacts': 'contacts',
  '\u0000activities': 'activities',
  '\u0000definition': 'definition',
};
const sheetOf = (argument: string): string => `\u0000${argument}`;

function relabel(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => {
    const argument = i.sheet !== undefined ? ARGUMENT_OF_SHEET[i.sheet] : undefined;
    if (argument === undefined) return i;
    const { sheet: _sheet, ...rest } = i;
    return { ...rest, argument };
  });
}

function relabelled<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof KimeruError) throw new KimeruError(relabel(e.issues));
    throw e;
  }
}

/**
 * Free text of the activity log that no function shows or checks (目的, 内容, 記録ID): left unread,
 * so a recalculation does not normalise 300,000 cells for nothing.
 */
const UNREAD_ACTIVITY_COLUMNS: ReadonlySet<string> = new Set(['purpose', 'content', 'key']);

/**
 * The activity columns each metric reads. A function that only measures the definition's items
 * (GAPCHECK) leaves the others unread: with no next-action item, 300,000 next actions are never
 * normalised. The date and the customer are always read (they decide which rows count).
 */
const METRIC_COLUMNS: Record<MetricKind, readonly string[]> = {
  key_person_registered: [],
  key_person_contact_days: ['contacts'],
  contact_days: [],
  distinct_contacts: ['contacts'],
  activity_count: ['type'],
  next_action_overdue: ['nextAction', 'nextDue'],
  attribute_filled: [],
  recording_lag_days: ['recordedAt'],
};
const MEASURED_COLUMNS = ['contacts', 'type', 'nextAction', 'nextDue', 'rep', 'recordedAt'];

/** UNREAD_ACTIVITY_COLUMNS plus every column no measured item of `def` reads. */
function unreadForMetrics(def: Definition): Set<string> {
  const used = new Set<string>();
  for (const item of def.items) if (item.metric) for (const c of METRIC_COLUMNS[item.metric]) used.add(c);
  const unread = new Set(UNREAD_ACTIVITY_COLUMNS);
  for (const c of MEASURED_COLUMNS) if (!used.has(c)) unread.add(c);
  return unread;
}

/**
 * The customer columns ranking by `def` reads: the attributes its rules (or its ABC analysis)
 * name, as lookupColumn finds them (the header as written or its headerKey), and the kana and rep
 * only when a rule names them. RANK reads 10,000 customers on every recalculation.
 */
function rankingColumns(def: Definition): CustomerColumns {
  const named =
    def.ranking.kind === 'rules'
      ? def.ranking.rules.flatMap((r) => r.conditions.map((c) => c.column))
      : [def.ranking.column];
  const exact = new Set(named);
  const keys = new Set(named.map(headerKey));
  const unread = new Set(['kana', 'rep']);
  for (const name of named) {
    const field = coreFieldOf(name);
    if (field !== null) unread.delete(field);
  }
  return { unread, attributes: (header) => exact.has(header) || keys.has(headerKey(header)) };
}

/** The dataset's index, built on first use (RANK never needs it). */
function withLazyIndex<T extends Omit<Tables, 'index'>>(tables: T): T & { index: DatasetIndex } {
  let index: DatasetIndex | null = null;
  return Object.defineProperty(tables, 'index', {
    get: () => (index ??= indexDataset(tables.dataset)),
    enumerable: true,
  }) as T & { index: DatasetIndex };
}

/**
 * Reads the tables. A row that cannot be read is left out and returned as an issue, so the
 * function computes on every other row and shows the count; only a table that cannot be found
 * at all (no header) stops the call.
 */
export function readTables(args: TableArgs, unread: ReadonlySet<string> = UNREAD_ACTIVITY_COLUMNS): Tables {
  const read = relabelled(() =>
    readDataset(
      { customers: args.customers, contacts: args.contacts ?? null, activities: args.activities ?? null },
      {
        customers: { sheet: sheetOf('customers') },
        contacts: { sheet: sheetOf('contacts') },
        activities: { sheet: sheetOf('activities') },
        unreadActivityColumns: unread,
        ...(args.cellObjects ? { cellObjects: args.cellObjects } : {}),
        ...(args.hostRows ? { hostRows: args.hostRows } : {}),
        ...(args.customerColumns ? { customerColumns: args.customerColumns } : {}),
      },
    ),
  );
  return withLazyIndex({
    dataset: read.dataset,
    customerHeaderRow: read.headerRows.customers ?? 1,
    issues: relabel(read.issues),
    customerHeaders: read.customerHeaders,
  });
}

/**
 * The `definition` argument: the definition sheet, or the definition history (定義履歴) — then
 * the version in force on the as-of date (the latest without one), so a past as-of date is
 * computed as it was decided then, and unsaved edits on the sheet never count.
 */
function definitionArgument(grid: CellValue[][], asOf: Day | undefined): DefinitionRead {
  if (lastDefinition && lastDefinition.asOf === asOf && sameCells(lastDefinition.cells, grid))
    return lastDefinition.read;
  const read = readDefinitionArgument(grid, asOf);
  lastDefinition = { cells: grid.map((row) => row.slice()), asOf, read };
  return read;
}

type DefinitionRead = { definition: Definition; version: number | null; issues: Issue[] };

// The definition last read, with a copy of its cells: every function reads the same definition
// on every recalculation, and it is read again only when a cell differs (all are compared: a
// definition is a few hundred cells). Read results are never changed by their users.
let lastDefinition: { cells: CellValue[][]; asOf: Day | undefined; read: DefinitionRead } | null = null;

function sameCells(a: readonly CellValue[][], b: readonly CellValue[][]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as CellValue[];
    const y = b[r];
    if (!y || x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (u === v) continue;
      // A date cell arrives as a new Date object on each call: equal when its time is.
      if (!isDateValue(u) || !isDateValue(v) || u.getTime() !== v.getTime()) return false;
    }
  }
  return true;
}

function readDefinitionArgument(grid: CellValue[][], asOf: Day | undefined): DefinitionRead {
  const history = readHistory(grid, { sheet: sheetOf('definition') });
  if (history.versions.length === 0) return readDefinition(grid, { sheet: sheetOf('definition') });
  const latest = history.versions.reduce((a, b) => (b.version > a.version ? b : a));
  const chosen = asOf === undefined ? latest : (versionInForce(history.versions, asOf) ?? latest);
  return { definition: chosen.definition, version: chosen.version, issues: history.issues };
}

/** What a caller of readRanked reads of the tables, where not everything. */
export interface RankedReading {
  /** Only the definition's items are measured: activity columns no item reads are left unread. */
  metricsOnly?: boolean;
  /** Only the ranking is computed: customer columns the ranking does not name are left unread. */
  rankingOnly?: boolean;
}

/** Reads the tables and the definition, and ranks every customer by it. */
export function readRanked(
  args: TableArgs & { definition: CellValue[][]; asOf?: Day },
  lang: Lang,
  { metricsOnly = false, rankingOnly = false }: RankedReading = {},
): Ranked {
  const read = relabelled(() => definitionArgument(args.definition, args.asOf));
  const tables = readTables(
    rankingOnly ? { ...args, customerColumns: rankingColumns(read.definition) } : args,
    metricsOnly ? unreadForMetrics(read.definition) : UNREAD_ACTIVITY_COLUMNS,
  );
  const ranks = rankList(read.definition, tables.dataset.customers);
  // A definition that would mislead (a rule naming a column the table lacks…) is listed too.
  const flags = definitionIssues(read.definition, tables.customerHeaders).map((i) => ({
    ...i,
    argument: 'definition',
  }));
  const customers = tables.dataset.customers;
  let byId: Map<string, string> | null = null;
  const ranked = withLazyIndex({
    dataset: tables.dataset,
    customerHeaderRow: tables.customerHeaderRow,
    customerHeaders: tables.customerHeaders,
    issues: [...relabel(read.issues), ...flags, ...tables.issues],
    definition: read.definition,
    stamp: stampLabel(read.version, lang),
    rankList: ranks,
  });
  return Object.defineProperty(ranked, 'ranks', {
    get: () => (byId ??= new Map(customers.map((c, i) => [c.id, ranks[i] as string]))),
    enumerable: true,
  }) as typeof ranked & { ranks: Map<string, string> };
}
