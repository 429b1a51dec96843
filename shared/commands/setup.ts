import { t, type Lang } from '../i18n';
import { formatIssues, KimeruError, type Issue } from '../issues';
import type { Day } from '../model';
import { hasHoles, type WorkbookPort, type WriteCell, type WriteOp } from '../port';
import { starterDefinition, writeDefinition, readDefinition, historyHeader, historyRow } from '../definition';
import type { Definition } from '../definition/model';
import { activityHeader } from '../engines';
import {
  CONTACT_TABLE,
  CUSTOMER_TABLE,
  HEADER_SEARCH_ROWS,
  TABLE_SPECS,
  columnLabel,
  columnLetter,
  headerLabels,
  readCustomers,
  scanTable,
  type TableLayout,
  type TableSpec,
} from '../tables';
import { normalizeHeader } from '../tables/headers';
import { isBlank, normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import {
  HIDDEN_ROLES,
  LAZY_ROLES,
  NAMES,
  REPORT_ROLES,
  ROLES,
  TABLE_ROLES,
  isOurOutput,
  mappingOfCode,
  readSettings,
  roleSheetName,
  settingsRows,
  settingsSheetNames,
  type Mappings,
  type Role,
  type Settings,
  type TableRole,
} from './settings';
import { findSettingsSheet } from './workbook';
import { unreadSheetOp } from './unread';
import { dashboardOps } from './dashboard';

/**
 * Setup (C1): adds whichever of kimeru's sheets are missing to the open workbook and adopts the
 * team's own tables — the customer list, the contacts and the activity log — found by their
 * header rows whatever the sheets are called. It says what it adopted and how it read each
 * column, and never changes a cell it did not create: a sheet that bears one of our names but is
 * not ours is left alone and ours gets another name. Re-running it plans no write at all.
 */

export interface SetupRequest {
  lang: Lang;
  /** The sheet holding the customer list; found by its headers when omitted. */
  customerSheet?: string;
  /** The sheet holding the contacts (people at customers); found by its headers when omitted. */
  contactsSheet?: string;
  /** The sheet holding the activity log; found by its headers when omitted. */
  logSheet?: string;
  /** Customer column key (id, name, kana, rep) → the user's header text, when not recognised. */
  mapping?: Record<string, string>;
  /** Per table: column key → the user's header text (the pane's "use this column for …"). */
  mappings?: Partial<Mappings>;
}

/** One field of a table and the sheet column it is read from. */
export interface AdoptedColumn {
  key: string;
  /** The field's name in the user's language (顧客名, Date …). */
  label: string;
  /** The column letter, e.g. "B". */
  column: string;
  /** The header as written in the sheet. */
  header: string;
}

/** How setup reads one of the team's tables. */
export interface TableAdoption {
  /** The sheet used ('' only when setup could not place the table). */
  sheet: string;
  /** found: by its headers · chosen: named by the user · kept: set up before · created: new and empty. */
  how: 'found' | 'chosen' | 'kept' | 'created';
  /** 1-based row of the header; null when the sheet's header could not be read. */
  headerRow: number | null;
  /** 1-based sheet rows holding data (title rows, totals and notes excluded); null when none. */
  dataRows: { first: number; last: number } | null;
  /** Data rows (non-blank rows between the header and the end of the data). */
  rows: number;
  /** Rows below the header that are not data (a 合計 row, notes under the table). */
  notData: { row: number; reason: 'total' | 'note' }[];
  /** Each field found → its column. */
  columns: AdoptedColumn[];
  /** Fields kimeru knows that the sheet has no column for. */
  missing: { key: string; label: string }[];
  /** Columns not read as a field (customers: read as attributes). */
  unused: { column: string; header: string }[];
  /** Every header cell, for choosing another column for a field. */
  headers: { column: string; header: string }[];
  /** Other sheets that could hold this table (the pane offers them). */
  alternatives: string[];
  /** Why the sheet cannot be read as this table (a preview of the user's choice shows it). */
  problem?: string;
}

export interface SetupReport {
  changed: boolean;
  /** What setup did, one line each, in the user's language. */
  messages: string[];
  sheets: Record<Role, string>;
  /** How each of the team's tables is read, whether or not this run changed it. */
  tables: Record<TableRole, TableAdoption>;
  customerCount: number;
  /** Rows of the customer list that could not be read (shown, not fatal). */
  issues: Issue[];
  /** The sheet listing them (読めなかった行), when there were any. */
  unreadSheet: string | null;
  /** What to do next, in order, in the user's language (the pane and the CLI show them last). */
  nextSteps: string[];
}

/** Rows setup reads from the top of every sheet (its header, the first data) and from its end. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + 30;
/** The last rows: where a total row or notes under a table are. */
const TAIL_ROWS = 30;

/**
 * Plans and applies setup; returns what it did. Every sheet's top and last rows are read first;
 * a long activity log is never read whole (the host calls are the same for 10 rows and for
 * 10,000), every other sheet setup needs is then read whole in one more batch.
 */
export async function setup(port: WorkbookPort, req: SetupRequest, today: Day): Promise<SetupReport> {
  const names = await port.sheetNames();
  const grids = await port.readSheets(names, { rows: HEAD_ROWS, lastRows: TAIL_ROWS });
  const partial = new Set(names.filter((n) => grids[n] !== undefined && hasHoles(grids[n])));
  const readWhole = async (sheets: string[]) => {
    if (sheets.length === 0) return;
    Object.assign(grids, await port.readSheets(sheets));
    for (const n of sheets) partial.delete(n);
  };
  const settingsName = findSettingsSheet(names);
  if (settingsName !== null && partial.has(settingsName)) await readWhole([settingsName]);
  // Every other sheet is read whole, short or long, so the calls depend on no sheet's length.
  const logs = likelyLogs(names, grids, req, settingsName);
  await readWhole(names.filter((n) => grids[n] !== undefined && !logs.has(n) && n !== settingsName));
  let planned = planSetup(names, withLogRows(grids, partial), req, today);
  // A log read in part that setup took for another table after all: read it whole, plan again.
  const misread = [...partial].filter((n) =>
    Object.entries(planned.report.sheets).some(([role, sheet]) => role !== 'activities' && sheet === n),
  );
  if (misread.length > 0) {
    await readWhole(misread);
    planned = planSetup(names, withLogRows(grids, partial), req, today);
  }
  const { plan, report } = planned;
  if (plan.length > 0) await port.write(plan);
  return report;
}

/**
 * The sheets that hold an activity log (read by their ends only, short or long): named as the log in the request or the
 * settings, or found by a log's header; never a sheet named as another table or kimeru's own.
 */
function likelyLogs(
  names: readonly string[],
  grids: Record<string, CellValue[][]>,
  req: SetupRequest,
  settingsName: string | null,
): Set<string> {
  const settings = settingsName !== null ? readSettings(grids[settingsName] ?? []) : null;
  const mapping = settings?.mappings.activities ?? {};
  const out = new Set<string>();
  for (const name of names) {
    if (grids[name] === undefined || name === settingsName) continue;
    if (name === req.customerSheet || name === req.contactsSheet) continue;
    if (name === req.logSheet) {
      out.add(name);
      continue;
    }
    const roles = Object.entries(settings?.sheets ?? {}).filter(([, sheet]) => sheet === name);
    if (roles.some(([role]) => role !== 'activities')) continue;
    if (roles.length > 0) {
      out.add(name);
      continue;
    }
    const fits: Candidate['fits'] = {};
    for (const role of TABLE_ROLES) {
      const layout = headerOf(grids[name] ?? [], TABLE_SPECS[role], settings?.mappings[role] ?? {});
      if (layout) fits[role] = layout;
    }
    if (classify(name, fits) === 'activities' && headerOf(grids[name] ?? [], TABLE_SPECS.activities, mapping))
      out.add(name);
  }
  return out;
}

/**
 * The grids to plan from, a log read in part made whole in length: each row not read stands for
 * a data row (the last row read above it, or the first below), so its row count, data range and
 * width come from the used range, and its total row and notes from the last rows read. A blank
 * row in the middle of a long log is counted as a row.
 */
function withLogRows(
  grids: Record<string, CellValue[][]>,
  partial: ReadonlySet<string>,
): Record<string, CellValue[][]> {
  const out = { ...grids };
  for (const name of partial) {
    const grid = grids[name];
    if (!grid) continue;
    const filled = new Array<CellValue[]>(grid.length);
    let firstHole = -1;
    let lastHole = -1;
    for (let r = 0; r < grid.length; r++) {
      if (r in grid) filled[r] = grid[r]!;
      else {
        if (firstHole < 0) firstHole = r;
        lastHole = r;
      }
    }
    const above = firstHole > 0 ? grid[firstHole - 1] : undefined;
    const below = lastHole >= 0 ? grid[lastHole + 1] : undefined;
    const stand =
      above && !above.every(isBlank) ? above : below && !below.every(isBlank) ? below : ([] as CellValue[]);
    for (let r = Math.max(0, firstHole); r <= lastHole; r++) if (!(r in grid)) filled[r] = stand;
    out[name] = filled;
  }
  return out;
}

/** The field each table's name grows by: a row typed below counts once it has this column. */
const GROW_KEY: Record<TableRole, string> = { customers: 'name', contacts: 'name', activities: 'customer' };

/** The pure part of setup: from the workbook as it is, the writes to make and the report. */
export function planSetup(
  names: readonly string[],
  grids: Record<string, CellValue[][]>,
  req: SetupRequest,
  today: Day,
  /** preview: a chosen sheet whose header does not fit is shown with its problem, not refused. */
  opts: { preview?: boolean } = {},
): { plan: WriteOp[]; report: SetupReport } {
  const settingsName = findSettingsSheet(names);
  const existing = settingsName !== null ? readSettings(grids[settingsName] ?? []) : null;
  const lang = existing?.lang ?? req.lang;
  // A working copy: `existing` stays as read, to tell which settings rows change.
  const settings: Settings = existing
    ? {
        ...existing,
        sheets: { ...existing.sheets },
        mappings: {
          customers: { ...existing.mappings.customers },
          contacts: { ...existing.mappings.contacts },
          activities: { ...existing.mappings.activities },
        },
      }
    : { lang, asOf: today, sheets: {}, mappings: { customers: {}, contacts: {}, activities: {} }, rowOf: {} };
  const wantedMappings: Partial<Mappings> = {
    ...req.mappings,
    ...(req.mapping ? { customers: { ...req.mappings?.customers, ...req.mapping } } : {}),
  };
  for (const table of TABLE_ROLES) {
    const m = wantedMappings[table];
    if (m)
      for (const [key, header] of Object.entries(m))
        if (header.trim() !== '') settings.mappings[table][key] = header.trim();
  }
  const messages: string[] = [];
  const plan: WriteOp[] = [];
  // Hosts compare sheet names without regard to case: "contacts" already takes "Contacts".
  const taken = new SheetNames(names);
  const created = new Set<Role>();

  // The team's tables: the sheet named in the request, the one set up before, or the best found.
  const adoption = adoptTables(names, grids, settings, req, settingsName, lang, opts.preview === true);
  const tables = {} as Record<TableRole, TableAdoption>;
  const reread = new Set<TableRole>();
  let customerCount = 0;
  let issues: Issue[] = [];
  for (const role of TABLE_ROLES) {
    const choice = adoption[role];
    if (!choice) continue;
    settings.sheets[role] = choice.sheet;
    tables[role] = describe(role, choice, lang);
    if (role === 'customers') {
      customerCount = choice.rows;
      issues = choice.issues;
    }
    if (existing?.sheets[role] !== choice.sheet || mappingChanged(existing, settings, role)) reread.add(role);
    if (existing?.sheets[role] !== choice.sheet)
      messages.push(
        t(lang, 'commands.setup.adopted', { sheet: choice.sheet, role: roleSheetName(role, lang) }),
      );
    if (reread.has(role)) messages.push(...adoptionLines(role, tables[role], lang));
  }

  const starter = starterDefinition(lang);
  let dashboard: ReturnType<typeof dashboardOps> | null = null;
  for (const role of ROLES) {
    if (LAZY_ROLES.includes(role)) continue;
    const current = settings.sheets[role];
    if (current !== undefined && taken.has(current)) continue; // set up before, or adopted above
    if (REPORT_ROLES.includes(role)) {
      // Added by the first command that writes one; only the name is reserved now.
      if (current !== undefined) continue;
      const name = freeName(roleSheetName(role, lang), taken);
      taken.add(name);
      settings.sheets[role] = name;
      continue;
    }
    const wanted = current ?? roleSheetName(role, lang);
    const existingName = taken.actual(wanted);
    if (
      existingName !== undefined &&
      !isTableRole(role) &&
      !Object.values(settings.sheets).includes(existingName) &&
      adoptable(role, grids[existingName] ?? [])
    ) {
      settings.sheets[role] = existingName;
      messages.push(
        t(lang, 'commands.setup.adopted', { sheet: existingName, role: roleSheetName(role, lang) }),
      );
      continue;
    }
    const name = freeName(wanted, taken);
    if (name !== wanted) messages.push(t(lang, 'commands.setup.taken', { sheet: wanted, alt: name }));
    taken.add(name);
    settings.sheets[role] = name;
    created.add(role);
    if (role === 'dashboard') {
      dashboard = dashboardOps(name, lang);
      continue; // added last among the visible sheets, filled once the names exist
    }
    const content =
      role === 'history'
        ? initialContent(role, lang, starter, today, adoptedDefinition(settings, created, grids))
        : initialContent(role, lang, starter, today);
    plan.push({
      kind: 'addSheet',
      sheet: name,
      ...content,
      ...(HIDDEN_ROLES.includes(role) ? { hidden: true } : {}),
    });
    if (!HIDDEN_ROLES.includes(role)) messages.push(t(lang, 'commands.setup.created', { sheet: name }));
    if (isTableRole(role)) {
      const layout = headerOf(content.rows as CellValue[][], TABLE_SPECS[role], {});
      tables[role] = {
        ...describe(
          role,
          { sheet: name, how: 'created', layout, rows: 0, issues: [], alternatives: [] },
          lang,
        ),
        alternatives: adoption.alternatives[role],
      };
      grids[name] = content.rows as CellValue[][];
      reread.add(role);
    }
  }

  // The customer rows setup could not read go to the 読めなかった行 sheet, as after every
  // command (made only when there is something to list; a user's sheet of that name is left alone).
  // With nothing to list, an existing list (the last command's) is left as it is.
  let unreadSheet: string | null = null;
  if (!opts.preview && issues.length > 0) {
    const fallback = roleSheetName('issues', lang);
    const name = settings.sheets.issues ?? taken.actual(fallback) ?? fallback;
    const actual = taken.actual(name);
    const grid = actual !== undefined ? grids[actual] : undefined;
    const op = unreadSheetOp(actual ?? name, grid, issues, lang, t(lang, 'commands.setup.stamp'), today);
    if (op) {
      plan.push(op);
      settings.sheets.issues = actual ?? name;
    }
    if (op !== null || (grid !== undefined && isOurOutput(grid))) unreadSheet = actual ?? name;
  }

  if (dashboard) {
    plan.push(dashboard.add);
    messages.push(t(lang, 'commands.setup.created', { sheet: dashboard.add.sheet }));
  }

  // Settings: a new sheet the first time; later, only rows for what is new.
  const settingsSheet = settingsName ?? freeName(settingsSheetNames()[lang === 'ja' ? 0 : 1]!, taken);
  if (settingsName === null) {
    plan.push({ kind: 'addSheet', sheet: settingsSheet, rows: settingsRows(settings), frozenRows: 1 });
    messages.push(t(lang, 'commands.setup.created', { sheet: settingsSheet }));
  } else {
    // Existing settings: rewrite a changed value in place, add rows for new codes below.
    const added: WriteCell[][] = [];
    for (const row of settingsRows(settings)) {
      const code = row[2];
      if (typeof code !== 'string') continue;
      const at = settings.rowOf[code];
      if (at === undefined) added.push(row);
      else if (!sameSetting(existing, code, row[1]))
        plan.push({ kind: 'setBlock', sheet: settingsName, row: at, column: 2, rows: [[row[1] ?? null]] });
    }
    if (added.length > 0)
      plan.push({
        kind: 'setBlock',
        sheet: settingsName,
        row: (grids[settingsName] ?? []).length + 1,
        column: 1,
        rows: added,
      });
  }

  // Names for dashboards over the data rows only (a whole column reaches a custom function as
  // 1,048,576 rows), for every table adopted or created in this run; existing names stay.
  const freshSettings = settingsName === null;
  for (const role of TABLE_ROLES) {
    const sheet = settings.sheets[role];
    const table = tables[role];
    if (!sheet || !table || !(reread.has(role) || freshSettings)) continue;
    const op = tableNameOp(
      NAMES[role]!,
      sheet,
      grids[sheet] ?? [],
      table,
      adoption[role]?.layout ?? null,
      role,
    );
    if (op) plan.push(op);
  }
  const definitionSheet = settings.sheets.definition;
  if (definitionSheet && (created.has('definition') || freshSettings)) {
    const rows = created.has('definition')
      ? (initialContent('definition', lang, starter, today).rows as CellValue[][])
      : (grids[definitionSheet] ?? []);
    plan.push({
      kind: 'defineName',
      name: NAMES.definition!,
      sheet: definitionSheet,
      firstColumn: 1,
      lastColumn: Math.max(1, widthOf(rows)),
      firstRow: 1,
      lastRow: Math.max(1, lastNonBlank(rows)),
      growColumn: 1,
    });
  }
  if (freshSettings)
    plan.push({
      kind: 'defineName',
      name: NAMES.asOf!,
      sheet: settingsSheet,
      firstColumn: 2,
      lastColumn: 2,
      firstRow: 3,
      lastRow: 3,
    });

  if (dashboard) plan.push(...dashboard.fill);

  if (plan.length === 0) messages.push(t(lang, 'commands.setup.nothingToDo'));
  return {
    plan,
    report: {
      changed: plan.length > 0,
      messages,
      sheets: Object.fromEntries(ROLES.map((r) => [r, settings.sheets[r] ?? ''])) as Record<Role, string>,
      tables,
      customerCount,
      issues,
      unreadSheet,
      nextSteps: nextSteps(settings, lang),
    },
  };
}

/** Check the columns read → save the definition as v1 → log the first activity → open the dashboard. */
function nextSteps(settings: Settings, lang: Lang): string[] {
  const sheet = (role: Role) => settings.sheets[role] ?? roleSheetName(role, lang);
  return [
    t(lang, 'commands.setup.next.columns'),
    t(lang, 'commands.setup.next.saveV1', { sheet: sheet('definition') }),
    t(lang, 'commands.setup.next.log', { sheet: sheet('activities') }),
    t(lang, 'commands.setup.next.dashboard', { sheet: sheet('dashboard') }),
  ];
}

function isTableRole(role: Role): role is TableRole {
  return (TABLE_ROLES as readonly Role[]).includes(role);
}

function mappingChanged(existing: Settings | null, settings: Settings, role: TableRole): boolean {
  const before = existing?.mappings[role] ?? {};
  const after = settings.mappings[role];
  return Object.keys(after).some((k) => before[k] !== after[k]);
}

/** Whether the settings as read already hold this value (only sheet names and mappings change). */
function sameSetting(existing: Settings | null, code: string, value: WriteCell | undefined): boolean {
  if (!existing) return false;
  if (code.startsWith('sheet:')) return existing.sheets[code.slice(6) as Role] === value;
  const at = mappingOfCode(code);
  if (at) return existing.mappings[at.table][at.key] === value;
  return true;
}

// ── Finding the team's tables ────────────────────────────────────────────────────────────────

interface Choice {
  sheet: string;
  how: TableAdoption['how'];
  layout: TableLayout | null;
  rows: number;
  issues: Issue[];
  alternatives: string[];
  problem?: string;
}

/**
 * A sheet that does not read as the table: its likeliest header row (the one of the first rows
 * with the most text cells) is offered, so the user can say which column holds which field.
 */
function unreadable(sheet: string, how: Choice['how'], grid: CellValue[][], problem: string): Choice {
  let best = -1;
  let most = 0;
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const texts = (grid[r] ?? []).filter((c) => typeof c === 'string' && c.trim() !== '').length;
    if (texts > most) [best, most] = [r, texts];
  }
  const headers = best < 0 ? [] : (grid[best] ?? []).map((c) => (typeof c === 'string' ? c.trim() : ''));
  const layout: TableLayout | null =
    best < 0
      ? null
      : {
          headerRow: best + 1,
          columns: {},
          headers,
          extra: headers.flatMap((header, index) => (header === '' ? [] : [{ index, header }])),
          issues: [],
          dataRows: null,
          notData: [],
        };
  return { sheet, how, layout, rows: 0, issues: [], alternatives: [], problem };
}

function headerProblem(
  role: TableRole,
  sheet: string,
  grid: CellValue[][],
  mapping: Record<string, string>,
  lang: Lang,
): string {
  try {
    scanTable(grid.slice(0, HEADER_SEARCH_ROWS), TABLE_SPECS[role], { sheet, mapping }, () => {});
    return '';
  } catch (e) {
    if (e instanceof KimeruError) return formatIssues(lang, e.issues);
    throw e;
  }
}

/** A sheet and the tables its header row could be. */
interface Candidate {
  name: string;
  fits: Partial<Record<TableRole, TableLayout>>;
  primary: TableRole | null;
  hint: TableRole | null;
  rows: number;
}

// Words teams put in a sheet's name for each table. Contacts first: 顧客連絡先 is contacts,
// 顧客訪問記録 a log; whatever else names a customer is the customer list.
const NAME_HINTS: [TableRole, RegExp][] = [
  ['contacts', /連絡先|キーマン|キーパーソン|担当者|人物|名刺|窓口|contact|people|person|keyman/],
  ['activities', /活動|行動|日報|週報|訪問|履歴|記録|商談|報告|activit|log|visit|report|histor/],
  ['customers', /顧客|取引先|得意先|会社|企業|customer|account|client|compan/],
];

function nameHint(name: string): TableRole | null {
  const norm = name.normalize('NFKC').toLowerCase();
  return NAME_HINTS.find(([, re]) => re.test(norm))?.[0] ?? null;
}

/** The columns only a contact list has: a contact ID, a title, a role. */
const CONTACT_ONLY = ['id', 'title', 'role'];

/**
 * Which table a sheet holds, the most specific first: a log needs a date and a customer (and a
 * type column), contacts a person's name and a customer, a customer list a customer name. A
 * customer list with a 担当者名 column also reads as contacts: it is contacts only when it has
 * a column only contacts have, or its name says so.
 */
function classify(name: string, fits: Candidate['fits']): TableRole | null {
  const hint = nameHint(name);
  if (hint && fits[hint]) return hint;
  if (fits.activities) return 'activities';
  const contacts = fits.contacts;
  if (contacts && (!fits.customers || CONTACT_ONLY.some((k) => k in contacts.columns))) return 'contacts';
  if (fits.customers) return 'customers';
  return null;
}

function adoptTables(
  names: readonly string[],
  grids: Record<string, CellValue[][]>,
  settings: Settings,
  req: SetupRequest,
  settingsName: string | null,
  lang: Lang,
  preview: boolean,
): Partial<Record<TableRole, Choice>> & { alternatives: Record<TableRole, string[]> } {
  const requested: Partial<Record<TableRole, string>> = {
    ...(req.customerSheet !== undefined ? { customers: req.customerSheet } : {}),
    ...(req.contactsSheet !== undefined ? { contacts: req.contactsSheet } : {}),
    ...(req.logSheet !== undefined ? { activities: req.logSheet } : {}),
  };
  const out: Partial<Record<TableRole, Choice>> = {};
  const used = new Set<string>();
  // kimeru's other sheets are never the team's tables.
  const ours = new Set<string>(
    ROLES.filter((r) => !isTableRole(r)).flatMap((r) => (settings.sheets[r] ? [settings.sheets[r]] : [])),
  );
  if (settingsName !== null) ours.add(settingsName);

  // 1. Named in the request: read as that table or fail with what is missing from its header.
  for (const role of TABLE_ROLES) {
    const named = requested[role];
    if (named === undefined) continue;
    if (!names.includes(named))
      throw new KimeruError({ key: 'commands.setup.customerSheetMissing', params: { sheet: named } });
    const grid = grids[named] ?? [];
    try {
      out[role] = readChoice(role, named, grid, settings.mappings[role], 'chosen', true)!;
    } catch (e) {
      if (!(preview && e instanceof KimeruError)) throw e;
      out[role] = unreadable(named, 'chosen', grid, formatIssues(lang, e.issues));
    }
    used.add(named);
  }
  // 2. Set up before and still there: kept as it is (re-running setup changes nothing).
  for (const role of TABLE_ROLES) {
    const before = settings.sheets[role];
    if (out[role] || before === undefined || !names.includes(before) || used.has(before)) continue;
    const grid = grids[before] ?? [];
    out[role] =
      readChoice(role, before, grid, settings.mappings[role], 'kept', false) ??
      unreadable(before, 'kept', grid, headerProblem(role, before, grid, settings.mappings[role], lang));
    used.add(before);
  }

  // 3. Found by headers among the other sheets.
  const candidates: Candidate[] = [];
  for (const name of names) {
    if (ours.has(name)) continue;
    const grid = grids[name] ?? [];
    const fits: Candidate['fits'] = {};
    for (const role of TABLE_ROLES) {
      const layout = headerOf(grid, TABLE_SPECS[role], settings.mappings[role]);
      if (layout) fits[role] = layout;
    }
    const primary = classify(name, fits);
    if (!primary) continue;
    const layout = fits[primary]!;
    candidates.push({ name, fits, primary, hint: nameHint(name), rows: countRows(grid, layout.headerRow) });
  }
  const rank = (role: TableRole) => (a: Candidate, b: Candidate) =>
    Number(b.primary === role) - Number(a.primary === role) ||
    Number(b.hint === role) - Number(a.hint === role) ||
    b.rows - a.rows;
  const alternatives = {} as Record<TableRole, string[]>;
  // Each sheet for the table it most likely holds first; a table still missing then takes a sheet
  // that also reads as it (a second customer-like sheet may be the contacts).
  for (const pass of ['primary', 'any'] as const)
    for (const role of TABLE_ROLES) {
      // A second log or contact list is never the customer list.
      if (out[role] || (pass === 'any' && role === 'customers')) continue;
      const pool = candidates
        .filter((c) => !used.has(c.name) && c.fits[role] && (pass === 'any' || c.primary === role))
        .sort(rank(role));
      for (const c of pool) {
        const choice = readChoice(role, c.name, grids[c.name] ?? [], settings.mappings[role], 'found', false);
        // A customer list with no customer in it is not one.
        if (!choice || (role === 'customers' && choice.rows === 0)) continue;
        out[role] = choice;
        used.add(c.name);
        break;
      }
    }
  for (const role of TABLE_ROLES) {
    const chosen = out[role]?.sheet;
    alternatives[role] = candidates
      .filter(
        (c) =>
          c.fits[role] &&
          (role !== 'customers' || c.primary === 'customers') &&
          c.name !== chosen &&
          !usedElsewhere(out, role, c.name),
      )
      .sort(rank(role))
      .map((c) => c.name);
    const choice = out[role];
    if (choice) choice.alternatives = alternatives[role];
  }
  return { ...out, alternatives };
}

function usedElsewhere(out: Partial<Record<TableRole, Choice>>, role: TableRole, sheet: string): boolean {
  return TABLE_ROLES.some((r) => r !== role && out[r]?.sheet === sheet);
}

/** The table's layout when the sheet's first rows hold its header; null when they do not. */
function headerOf(grid: CellValue[][], spec: TableSpec, mapping: Record<string, string>): TableLayout | null {
  try {
    return scanTable(grid.slice(0, HEADER_SEARCH_ROWS), spec, { sheet: '', mapping }, () => {});
  } catch (e) {
    if (e instanceof KimeruError) return null;
    throw e;
  }
}

/** Non-blank rows below the header: how big a candidate is, cheaply. */
function countRows(grid: CellValue[][], headerRow: number): number {
  let n = 0;
  for (let r = headerRow; r < grid.length; r++) if (!(grid[r] ?? []).every(isBlank)) n++;
  return n;
}

/**
 * Reads the sheet as the table. `strict`: the user named it, so a header that does not fit is
 * their error to see (thrown); otherwise a sheet that does not fit is simply not this table.
 */
function readChoice(
  role: TableRole,
  sheet: string,
  grid: CellValue[][],
  mapping: Record<string, string>,
  how: Choice['how'],
  strict: boolean,
): Choice | null {
  try {
    if (role === 'customers') {
      const read = readCustomers(grid, { sheet, mapping });
      return { sheet, how, layout: read.table, rows: read.customers.length, issues: read.issues, alternatives: [] };
    }
    let rows = 0;
    const layout = scanTable(grid, TABLE_SPECS[role], { sheet, mapping }, () => rows++, true);
    return { sheet, how, layout, rows, issues: [], alternatives: [] };
  } catch (e) {
    if (e instanceof KimeruError && !strict) return null;
    throw e;
  }
}

/** The report's view of a choice: which column each field is read from, and what is left. */
function describe(role: TableRole, choice: Choice, lang: Lang): TableAdoption {
  const spec = TABLE_SPECS[role];
  const layout = choice.layout;
  const letter = (i: number) => columnLetter(i);
  const headers = (layout?.headers ?? [])
    .map((header, i) => ({ column: letter(i), header }))
    .filter((h) => h.header !== '');
  const columns: AdoptedColumn[] = [];
  const missing: { key: string; label: string }[] = [];
  for (const c of spec.columns) {
    const at = layout?.columns[c.key];
    const label = columnLabel(c, lang);
    if (at === undefined) missing.push({ key: c.key, label });
    else columns.push({ key: c.key, label, column: letter(at), header: layout?.headers[at] ?? '' });
  }
  return {
    sheet: choice.sheet,
    how: choice.how,
    headerRow: layout?.headerRow ?? null,
    dataRows: layout?.dataRows ?? null,
    rows: choice.rows,
    notData: layout?.notData ?? [],
    columns,
    missing,
    unused: (layout?.extra ?? []).map((x) => ({
      column: letter(x.index),
      header: layout?.headers[x.index] ?? x.header,
    })),
    headers,
    alternatives: choice.alternatives,
    ...(choice.problem !== undefined ? { problem: choice.problem } : {}),
  };
}

/** What setup says about one adopted table: where its data is, and how each column is read. */
function adoptionLines(role: TableRole, a: TableAdoption, lang: Lang): string[] {
  const table = roleSheetName(role, lang);
  const sep = lang === 'ja' ? '、' : ', ';
  const lines: string[] = [];
  if (a.problem !== undefined) return [t(lang, 'commands.setup.tableProblem', { table, problem: a.problem })];
  if (a.headerRow === null) return lines;
  lines.push(
    a.dataRows
      ? t(lang, 'commands.setup.table', {
          table,
          sheet: a.sheet,
          header: a.headerRow,
          first: a.dataRows.first,
          last: a.dataRows.last,
          count: a.rows,
        })
      : t(lang, 'commands.setup.tableEmpty', { table, sheet: a.sheet, header: a.headerRow }),
  );
  lines.push(
    t(lang, 'commands.setup.columns', {
      list: a.columns
        .map((c) => t(lang, 'commands.setup.column', { field: c.label, column: c.column, header: c.header }))
        .join(sep),
    }),
  );
  if (a.unused.length > 0)
    lines.push(
      t(lang, role === 'customers' ? 'commands.setup.attributes' : 'commands.setup.unused', {
        list: a.unused.map((u) => `${u.column}「${u.header}」`).join(sep),
      }),
    );
  if (a.notData.length > 0)
    lines.push(
      t(lang, 'commands.setup.notData', {
        list: a.notData
          .map((n) =>
            t(lang, 'commands.setup.notDataRow', {
              row: n.row,
              reason: t(lang, `commands.setup.reason.${n.reason}`),
            }),
          )
          .join(sep),
      }),
    );
  if (a.alternatives.length > 0)
    lines.push(
      t(lang, 'commands.setup.alternatives', { list: a.alternatives.map((s) => `「${s}」`).join(sep) }),
    );
  return lines;
}

/**
 * The dashboard name of one table: header row to last data row, in the table's columns. When
 * nothing lies below the data, the name grows as rows are typed or logged under it (each host
 * its own way); a table with a total row or notes under it keeps its rows (a row inserted inside
 * it grows it, as any range does).
 */
function tableNameOp(
  name: string,
  sheet: string,
  grid: CellValue[][],
  table: TableAdoption,
  layout: TableLayout | null,
  role: TableRole,
): WriteOp | null {
  if (table.headerRow === null || table.problem !== undefined) return null;
  const headerWidth = (grid[table.headerRow - 1] ?? []).length;
  const lastRow = table.dataRows?.last ?? table.headerRow;
  const width = Math.max(headerWidth, widthOf(grid.slice(table.headerRow - 1, lastRow)), 1);
  const growAt = layout?.columns[GROW_KEY[role]] ?? headerIndex(table, GROW_KEY[role]);
  const grows = lastNonBlank(grid) <= lastRow && growAt !== undefined;
  return {
    kind: 'defineName',
    name,
    sheet,
    firstColumn: 1,
    lastColumn: width,
    firstRow: table.headerRow,
    lastRow,
    ...(grows ? { growColumn: growAt + 1 } : {}),
  };
}

function headerIndex(table: TableAdoption, key: string): number | undefined {
  const c = table.columns.find((x) => x.key === key);
  if (!c) return undefined;
  const letters = c.column;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function lastNonBlank(grid: CellValue[][]): number {
  for (let r = grid.length - 1; r >= 0; r--) if (!(grid[r] ?? []).every(isBlank)) return r + 1;
  return 0;
}

function widthOf(rows: CellValue[][]): number {
  let w = 0;
  for (const r of rows)
    for (let i = r.length - 1; i >= w; i--)
      if (!isBlank(r[i])) {
        w = i + 1;
        break;
      }
  return w;
}

/** An existing sheet under one of our names is ours to use only if it already has our sheet's shape. */
function adoptable(role: Exclude<Role, TableRole>, grid: CellValue[][]): boolean {
  switch (role) {
    case 'definition':
      try {
        readDefinition(grid);
        return true;
      } catch (e) {
        if (e instanceof KimeruError) return false;
        throw e;
      }
    case 'answers': {
      const first = (grid[0] ?? []).slice(0, 3).map((c) => normalizeHeader(normalizeText(c)));
      return (['ja', 'en'] as const).some((l) =>
        answersHeader(l)
          .slice(0, 3)
          .every((h, i) => normalizeHeader(h) === first[i]),
      );
    }
    case 'history': {
      const first = (grid[0] ?? []).slice(0, 4).map((c) => normalizeHeader(normalizeText(c)));
      return (['ja', 'en'] as const).some((l) =>
        historyHeader(l)
          .slice(0, 4)
          .every((h, i) => normalizeHeader(normalizeText(h)) === first[i]),
      );
    }
    default:
      // Output sheets are rebuilt on every run: a user's sheet of that name is never taken over.
      return false;
  }
}

/** The workbook's sheet names, looked up as the hosts do: case-insensitively. */
class SheetNames {
  private readonly byKey = new Map<string, string>();
  constructor(names: readonly string[]) {
    for (const n of names) this.add(n);
  }
  has(name: string): boolean {
    return this.byKey.has(name.toLowerCase());
  }
  /** The sheet's name as the workbook spells it, if there is one. */
  actual(name: string): string | undefined {
    return this.byKey.get(name.toLowerCase());
  }
  add(name: string): void {
    this.byKey.set(name.toLowerCase(), name);
  }
}

function freeName(wanted: string, taken: SheetNames): string {
  if (!taken.has(wanted)) return wanted;
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${wanted} (kimeru)` : `${wanted} (kimeru ${i})`;
    if (!taken.has(name)) return name;
  }
}

function customerHeader(lang: Lang, def: Definition): string[] {
  const extra = new Set<string>();
  if (def.ranking.kind === 'abc') extra.add(def.ranking.column);
  for (const item of def.items)
    if (item.metric === 'attribute_filled')
      item.target.split(/[,、，]/).forEach((c) => c.trim() && extra.add(c.trim()));
  return [...headerLabels(CUSTOMER_TABLE, lang), ...extra];
}

/**
 * The team's own definition sheet, when setup adopted one that reads: it becomes version 1, so
 * reports (which use the saved version in force) compute with what the team wrote, not the starter.
 */
function adoptedDefinition(
  settings: Settings,
  created: ReadonlySet<Role>,
  grids: Record<string, CellValue[][]>,
): Definition | null {
  const sheet = settings.sheets.definition;
  if (sheet === undefined || created.has('definition')) return null;
  try {
    return readDefinition(grids[sheet] ?? [], { sheet }).definition;
  } catch (e) {
    if (e instanceof KimeruError) return null;
    throw e;
  }
}

function initialContent(
  role: Role,
  lang: Lang,
  starter: Definition,
  today: Day,
  adopted: Definition | null = null,
): { rows: WriteCell[][]; frozenRows?: number; protectRows?: number; table?: string } {
  switch (role) {
    case 'customers':
      return { rows: [customerHeader(lang, starter)], frozenRows: 1, protectRows: 1 };
    case 'contacts':
      return {
        rows: [headerLabels(CONTACT_TABLE, lang)],
        frozenRows: 1,
        protectRows: 1,
        table: 'KimeruContacts',
      };
    case 'activities':
      return { rows: [activityHeader(lang)], frozenRows: 1, protectRows: 1, table: 'KimeruActivities' };
    case 'definition':
      return { rows: writeDefinition(starter, { lang, version: 1 }) as WriteCell[][] };
    case 'history': {
      const v1 = {
        version: 1,
        date: today,
        author: 'kimeru',
        note: t(lang, adopted ? 'commands.history.adopted' : 'commands.history.starter'),
        definition: adopted ?? starter,
      };
      return {
        rows: [historyHeader(lang), historyRow(v1, lang)] as WriteCell[][],
        frozenRows: 1,
        protectRows: 1,
        table: 'KimeruHistory',
      };
    }
    case 'answers':
      return { rows: [answersHeader(lang)], frozenRows: 1, protectRows: 1, table: 'KimeruAnswers' };
    default:
      return { rows: [[t(lang, 'commands.output.empty')]] };
  }
}

/**
 * The reps' answers: who, which item, knows or not, a key (so concurrent reviews add each row
 * once) and the half-year the answer belongs to.
 */
export function answersHeader(lang: Lang): string[] {
  return [
    t(lang, 'engines.col.rep'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.knows'),
    t(lang, 'engines.col.recordId'),
    t(lang, 'engines.col.period'),
  ];
}
