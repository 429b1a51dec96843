import { t, type Lang } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import type { Day } from '../model';
import type { WorkbookPort, WriteCell, WriteOp } from '../port';
import { starterDefinition, writeDefinition, readDefinition, historyHeader, historyRow } from '../definition';
import type { Definition } from '../definition/model';
import { activityHeader } from '../engines';
import {
  ACTIVITY_TABLE,
  CONTACT_TABLE,
  CUSTOMER_TABLE,
  headerLabels,
  readCustomers,
  readTable,
  type TableSpec,
} from '../tables';
import { normalizeHeader } from '../tables/headers';
import { normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import {
  LAZY_ROLES,
  NAMES,
  ROLES,
  readSettings,
  roleSheetName,
  settingsRows,
  settingsSheetNames,
  type Role,
  type Settings,
} from './settings';
import { findSettingsSheet } from './workbook';

/**
 * Setup (C1): adds whichever of kimeru's sheets are missing to the open workbook and adopts the
 * customer list already there. It never changes a cell it did not create: a sheet that bears one
 * of our names but is not ours is left alone and ours gets another name. Re-running it on a
 * set-up workbook plans no write at all.
 */

export interface SetupRequest {
  lang: Lang;
  /** The sheet holding the customer list; found by its headers when omitted. */
  customerSheet?: string;
  /** Customer column key (id, name, kana, rep) → the user's header text, when not recognised. */
  mapping?: Record<string, string>;
}

export interface SetupReport {
  changed: boolean;
  /** What setup did, one line each, in the user's language. */
  messages: string[];
  sheets: Record<Role, string>;
  customerCount: number;
  /** Rows of the customer list that could not be read (shown, not fatal). */
  issues: Issue[];
}

/** Plans and applies setup; returns what it did. */
export async function setup(port: WorkbookPort, req: SetupRequest, today: Day): Promise<SetupReport> {
  const names = await port.sheetNames();
  const grids = await port.readSheets(names);
  const { plan, report } = planSetup(names, grids, req, today);
  if (plan.length > 0) await port.write(plan);
  return report;
}

/** The pure part of setup: from the workbook as it is, the writes to make and the report. */
export function planSetup(
  names: readonly string[],
  grids: Record<string, CellValue[][]>,
  req: SetupRequest,
  today: Day,
): { plan: WriteOp[]; report: SetupReport } {
  const settingsName = findSettingsSheet(names);
  const existing = settingsName !== null ? readSettings(grids[settingsName] ?? []) : null;
  const lang = existing?.lang ?? req.lang;
  // A working copy: `existing` stays as read, to tell which settings rows change.
  const settings: Settings = existing
    ? { ...existing, sheets: { ...existing.sheets }, mapping: { ...existing.mapping } }
    : { lang, asOf: today, sheets: {}, mapping: {}, rowOf: {} };
  if (req.mapping) settings.mapping = { ...settings.mapping, ...req.mapping };
  const messages: string[] = [];
  const plan: WriteOp[] = [];
  // Hosts compare sheet names without regard to case: "contacts" already takes "Contacts".
  const taken = new SheetNames(names);
  const created = new Set<Role>();

  // The customer list: the one named, the one set up before, or the best one found by headers.
  const customers = chooseCustomerSheet(names, grids, settings, req, settingsName);
  let customerCount = 0;
  let issues: Issue[] = [];
  if (customers) {
    if (settings.sheets.customers !== customers.name)
      messages.push(
        t(lang, 'commands.setup.adopted', { sheet: customers.name, role: roleSheetName('customers', lang) }),
      );
    settings.sheets.customers = customers.name;
    customerCount = customers.count;
    issues = customers.issues;
  }

  const starter = starterDefinition(lang);
  for (const role of ROLES) {
    if (LAZY_ROLES.includes(role)) continue;
    const current = settings.sheets[role];
    if (current !== undefined && taken.has(current)) continue; // set up before, still there
    if (role === 'customers' && customers) continue;
    const wanted = current ?? roleSheetName(role, lang);
    const existingName = taken.actual(wanted);
    if (existingName !== undefined && adoptable(role, grids[existingName] ?? [], settings.mapping)) {
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
    plan.push({ kind: 'addSheet', sheet: name, ...initialContent(role, lang, starter, today) });
    messages.push(t(lang, 'commands.setup.created', { sheet: name }));
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

  // Names for dashboards, for every sheet new in this run (existing names are left as they are).
  const freshSettings = settingsName === null;
  for (const role of ['customers', 'contacts', 'activities', 'definition'] as const) {
    const name = NAMES[role];
    const sheet = settings.sheets[role];
    if (name && sheet && (created.has(role) || freshSettings || (role === 'customers' && customers?.changed)))
      plan.push({
        kind: 'defineName',
        name,
        sheet,
        firstColumn: 1,
        lastColumn: widthOf(role, grids[sheet], lang),
      });
  }
  if (freshSettings)
    plan.push({
      kind: 'defineName',
      name: NAMES.asOf!,
      sheet: settingsSheet,
      firstColumn: 2,
      lastColumn: 2,
      row: 3,
    });

  if (plan.length === 0) messages.push(t(lang, 'commands.setup.nothingToDo'));
  return {
    plan,
    report: {
      changed: plan.length > 0,
      messages,
      sheets: Object.fromEntries(ROLES.map((r) => [r, settings.sheets[r] ?? ''])) as Record<Role, string>,
      customerCount,
      issues,
    },
  };
}

/** Whether the settings as read already hold this value (only sheet names and mappings change). */
function sameSetting(existing: Settings | null, code: string, value: WriteCell | undefined): boolean {
  if (!existing) return false;
  if (code.startsWith('sheet:')) return existing.sheets[code.slice(6) as Role] === value;
  if (code.startsWith('map:')) return existing.mapping[code.slice(4)] === value;
  return true;
}

interface CustomerChoice {
  name: string;
  count: number;
  issues: Issue[];
  changed: boolean;
}

function tryCustomers(
  name: string,
  grid: CellValue[][],
  mapping: Record<string, string>,
): CustomerChoice | null {
  try {
    const read = readCustomers(grid, { sheet: name, mapping });
    return { name, count: read.customers.length, issues: read.issues, changed: false };
  } catch (e) {
    if (e instanceof KimeruError) return null;
    throw e;
  }
}

function chooseCustomerSheet(
  names: readonly string[],
  grids: Record<string, CellValue[][]>,
  settings: Settings,
  req: SetupRequest,
  settingsName: string | null,
): CustomerChoice | null {
  const named = req.customerSheet ?? settings.sheets.customers;
  if (named !== undefined && (req.customerSheet !== undefined || names.includes(named))) {
    if (!names.includes(named))
      throw new KimeruError({ key: 'commands.setup.customerSheetMissing', params: { sheet: named } });
    // Named explicitly: its header problems are the user's to see, not to be skipped over.
    const read = readCustomers(grids[named] ?? [], { sheet: named, mapping: settings.mapping });
    return {
      name: named,
      count: read.customers.length,
      issues: read.issues,
      changed: settings.sheets.customers !== named,
    };
  }
  const ours = new Set(Object.values(settings.sheets));
  const preferred = new Set([roleSheetName('customers', 'ja'), roleSheetName('customers', 'en')]);
  let best: CustomerChoice | null = null;
  for (const name of names) {
    if (name === settingsName || ours.has(name)) continue;
    const grid = grids[name] ?? [];
    // An activity log or a contact list also has a customer-name column: it is not the customer list.
    if (adoptable('activities', grid, {}) || adoptable('contacts', grid, {})) continue;
    const choice = tryCustomers(name, grid, settings.mapping);
    if (!choice || choice.count === 0) continue;
    const better =
      !best ||
      (preferred.has(name) && !preferred.has(best.name)) ||
      (preferred.has(name) === preferred.has(best.name) && choice.count > best.count);
    if (better) best = choice;
  }
  return best ? { ...best, changed: true } : null;
}

/** An existing sheet under one of our names is ours to use only if it already has our table's shape. */
function adoptable(role: Role, grid: CellValue[][], mapping: Record<string, string>): boolean {
  const table = (spec: TableSpec) => {
    try {
      readTable(grid, spec, { sheet: '', mapping: spec === CUSTOMER_TABLE ? mapping : {} });
      return true;
    } catch (e) {
      if (e instanceof KimeruError) return false;
      throw e;
    }
  };
  switch (role) {
    case 'customers':
      return table(CUSTOMER_TABLE);
    case 'contacts':
      return table(CONTACT_TABLE);
    case 'activities':
      return table(ACTIVITY_TABLE);
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

function initialContent(
  role: Role,
  lang: Lang,
  starter: Definition,
  today: Day,
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
        note: t(lang, 'commands.history.starter'),
        definition: starter,
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

/** The reps' answers: who, which item, knows or not — and a key, so concurrent reviews add each row once. */
export function answersHeader(lang: Lang): string[] {
  return [
    t(lang, 'engines.col.rep'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.knows'),
    t(lang, 'engines.col.recordId'),
  ];
}

function widthOf(role: Role, grid: CellValue[][] | undefined, lang: Lang): number {
  if (grid && grid.length > 0) return grid.reduce((w, r) => Math.max(w, r.length), 0);
  if (role === 'contacts') return headerLabels(CONTACT_TABLE, lang).length;
  if (role === 'activities') return activityHeader(lang).length;
  if (role === 'customers') return customerHeader(lang, starterDefinition(lang)).length;
  return 12;
}
