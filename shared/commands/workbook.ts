import { KimeruError } from '../issues';
import type { WorkbookPort } from '../port';
import type { CellValue } from '../values/cell';
import { LAZY_ROLES, readSettings, roleSheetName, settingsSheetNames, type Role, type Settings } from './settings';

/** A workbook kimeru has set up: its settings and the grids of the sheets a command asked for. */
export interface Loaded {
  settingsSheet: string;
  settings: Settings;
  grids: Partial<Record<Role, CellValue[][]>>;
}

/** Finds kimeru's settings sheet among the workbook's sheets, whichever language set it up. */
export function findSettingsSheet(names: readonly string[]): string | null {
  const candidates = settingsSheetNames();
  return names.find((n) => candidates.includes(n)) ?? null;
}

/**
 * Loads what a command needs with a fixed number of host calls whatever the data size:
 * the sheet list, the settings sheet, then every requested sheet in one batched read.
 */
export async function loadWorkbook(port: WorkbookPort, roles: readonly Role[]): Promise<Loaded> {
  const names = await port.sheetNames();
  const settingsSheet = findSettingsSheet(names);
  if (settingsSheet === null) throw new KimeruError({ key: 'commands.notSetUp' });
  const settingsGrid = (await port.readSheets([settingsSheet]))[settingsSheet] ?? [];
  const settings = readSettings(settingsGrid);
  // The list of unread rows came after the first release: a workbook set up before has no
  // settings row for it and finds it (or will make it) under its default name.
  for (const role of LAZY_ROLES) {
    if (!roles.includes(role) || settings.sheets[role] !== undefined) continue;
    const fallback = roleSheetName(role, settings.lang);
    settings.sheets[role] = names.find((n) => n.toLowerCase() === fallback.toLowerCase()) ?? fallback;
  }
  const wanted = roles
    .map((r) => settings.sheets[r])
    .filter((n): n is string => n !== undefined && names.includes(n));
  const read = await port.readSheets(wanted);
  const grids: Partial<Record<Role, CellValue[][]>> = {};
  for (const role of roles) {
    const name = settings.sheets[role];
    if (name !== undefined && read[name] !== undefined) grids[role] = read[name];
  }
  return { settingsSheet, settings, grids };
}

export function sheetOf(loaded: Loaded, role: Role): string {
  const name = loaded.settings.sheets[role];
  if (name === undefined) throw new KimeruError({ key: 'commands.notSetUp' });
  return name;
}
