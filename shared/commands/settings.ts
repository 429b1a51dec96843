import { t, toLang, type Lang } from '../i18n';
import type { Day } from '../model';
import type { WriteCell, WriteOp } from '../port';
import { dateCell } from '../port';
import { normalizeText, readDate } from '../values';
import type { CellValue } from '../values/cell';

/**
 * kimeru's settings sheet: one row per setting — label (in the user's language), value, and a
 * stable code in column C that kimeru reads, so a user may rename labels or change values.
 */

export const ROLES = [
  'customers',
  'contacts',
  'activities',
  'definition',
  'history',
  'ranking',
  'gaps',
  'review',
  'answers',
  'manual',
  'issues',
  'rankHistory',
  'dashboard',
  'confirmations',
  'acknowledgements',
] as const;
export type Role = (typeof ROLES)[number];

/** Sheets made by the first run that has something to put in them, not by setup. */
export const LAZY_ROLES: readonly Role[] = ['issues', 'rankHistory', 'confirmations', 'acknowledgements'];

/**
 * Report sheets: setup reserves their names in the settings but adds them only when a command
 * first writes one, so a new workbook shows what the user needs (definition, dashboard, log).
 * The review sheet is still added by setup: reps run reviews at the same time, and two first
 * runs would both try to add it.
 */
export const REPORT_ROLES: readonly Role[] = ['ranking', 'gaps', 'manual'];

/** kimeru's working sheets, hidden where the host can hide a sheet (the pane reads them). */
export const HIDDEN_ROLES: readonly Role[] = ['history', 'answers'];

/** Sheets whose whole content kimeru rebuilds on each run. */
export const OUTPUT_ROLES: readonly Role[] = ['ranking', 'gaps', 'review', 'manual', 'issues'];

/** The team's own tables setup adopts by their headers, whatever their sheets are called. */
export const TABLE_ROLES = ['customers', 'contacts', 'activities'] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

/** Per table: column key → the user's header text, when they chose a column by hand. */
export type Mappings = Record<TableRole, Record<string, string>>;

export const emptyMappings = (): Mappings => ({ customers: {}, contacts: {}, activities: {} });

export interface Settings {
  lang: Lang;
  asOf: Day | null;
  sheets: Partial<Record<Role, string>>;
  /** Column choices per table. Stored as `map:<key>` (customers, as before) and `map:<table>:<key>`. */
  mappings: Mappings;
  /** 1-based row of each code in the settings sheet, for updating one value in place. */
  rowOf: Record<string, number>;
}

/** Workbook names for dashboard formulas: =KIMERU.GAPCHECK(KIMERU_CUSTOMERS, …, KIMERU_ASOF). */
export const NAMES: Partial<Record<Role | 'asOf', string>> = {
  customers: 'KIMERU_CUSTOMERS',
  contacts: 'KIMERU_CONTACTS',
  activities: 'KIMERU_ACTIVITIES',
  definition: 'KIMERU_DEFINITION',
  asOf: 'KIMERU_ASOF',
};

export function settingsSheetNames(): string[] {
  return [t('ja', 'commands.sheet.settings'), t('en', 'commands.sheet.settings')];
}

export function roleSheetName(role: Role, lang: Lang): string {
  return t(lang, `commands.sheet.${role}`);
}

export function readSettings(grid: CellValue[][]): Settings {
  const settings: Settings = { lang: 'ja', asOf: null, sheets: {}, mappings: emptyMappings(), rowOf: {} };
  grid.forEach((cells, r) => {
    const code = normalizeText(cells[2]);
    if (code === '') return;
    settings.rowOf[code] = r + 1;
    const value = cells[1];
    if (code === 'lang') settings.lang = toLang(value);
    else if (code === 'asOf') {
      const d = readDate(value);
      settings.asOf = d.ok ? d.value : null;
    } else if (code.startsWith('sheet:')) {
      const role = code.slice(6) as Role;
      const name = normalizeText(value);
      if (ROLES.includes(role) && name !== '') settings.sheets[role] = String(value).trim();
    } else if (code.startsWith('map:')) {
      const name = String(value ?? '').trim();
      const at = mappingOfCode(code);
      if (name !== '' && at) settings.mappings[at.table][at.key] = name;
    }
  });
  return settings;
}

/** The settings sheet's rows: title, language, as-of date, each sheet's name, the column mapping. */
export function settingsRows(s: Omit<Settings, 'rowOf'>): WriteCell[][] {
  const lang = s.lang;
  const rows: WriteCell[][] = [
    [t(lang, 'commands.settings.title'), null, null],
    [t(lang, 'commands.settings.lang'), lang, 'lang'],
    [t(lang, 'commands.settings.asOf'), s.asOf === null ? null : dateCell(s.asOf), 'asOf'],
  ];
  for (const role of ROLES) {
    const name = s.sheets[role];
    if (name !== undefined)
      rows.push([
        t(lang, 'commands.settings.sheet', { role: roleSheetName(role, lang) }),
        name,
        `sheet:${role}`,
      ]);
  }
  for (const table of TABLE_ROLES)
    for (const [key, header] of Object.entries(s.mappings[table]))
      rows.push([
        t(lang, 'commands.settings.mapping', { table: roleSheetName(table, lang), column: key }),
        header,
        mappingCode(table, key),
      ]);
  return rows;
}

/** The settings code of one column choice; customers keep the code they had before tables had roles. */
export function mappingCode(table: TableRole, key: string): string {
  return table === 'customers' ? `map:${key}` : `map:${table}:${key}`;
}

/** The table and column key a `map:` code stands for. */
export function mappingOfCode(code: string): { table: TableRole; key: string } | null {
  const parts = code.split(':');
  if (parts[0] !== 'map') return null;
  if (parts.length === 2 && parts[1]) return { table: 'customers', key: parts[1] };
  const table = parts[1] as TableRole;
  if (parts.length === 3 && TABLE_ROLES.includes(table) && parts[2]) return { table, key: parts[2] };
  return null;
}

/** The one write that moves the as-of date the dashboard formulas read. */
export function setAsOfOp(settingsSheet: string, settings: Settings, asOf: Day): WriteOp | null {
  const row = settings.rowOf['asOf'];
  if (row === undefined) return null;
  return { kind: 'setBlock', sheet: settingsSheet, row, column: 2, rows: [[dateCell(asOf)]] };
}

/**
 * Whether a sheet is one kimeru may rebuild: empty, or starting with kimeru's note in A1 (in
 * either language). A settings row pointing an output at a user's sheet is refused, not obeyed.
 */
export function isOurOutput(grid: readonly CellValue[][] | undefined): boolean {
  if (!grid || grid.every((row) => row.every((c) => normalizeText(c) === ''))) return true;
  const a1 = normalizeText(grid[0]?.[0]);
  return OUTPUT_MARKERS.some((m) => a1.startsWith(m));
}

const OUTPUT_MARKERS: readonly string[] = (['ja', 'en'] as const).flatMap((lang) => [
  // The note's text up to its first placeholder, and the placeholder setup writes.
  normalizeText(t(lang, 'commands.output.note').split('{')[0]),
  normalizeText(t(lang, 'commands.output.empty')),
]);
