/** The fixed scenario every measurement uses: one as-of date, the starter definition, seeded data. */
import { starterDefinition, writeDefinition } from '../shared/definition';
import { callFunction, findFunction } from '../shared/functions';
import type { CellValue } from '../shared/values/cell';
import type { Grids } from './generate';

/** 2026-11-29, as days since 1970 and as the spreadsheet serial a host passes for a date cell. */
export const AS_OF_DAY = 20786;
export const AS_OF_SERIAL = AS_OF_DAY + 25569;

/** The definition sheet as the host reads it: the starter definition, version 1, in Japanese. */
export function definitionGrid(): CellValue[][] {
  return writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
}

export type Measured = 'RANK' | 'GAPCHECK' | 'GAPCHECK summary';
export const MEASURED: Measured[] = ['RANK', 'GAPCHECK', 'GAPCHECK summary'];

/** The raw positional arguments exactly as a host passes them: whole ranges as 2D arrays, the date as a serial. */
export function rawArgs(fn: Measured, g: Grids, definition: CellValue[][]): unknown[] {
  switch (fn) {
    case 'RANK':
      return [g.customers, definition];
    case 'GAPCHECK':
      return [g.customers, g.contacts, g.activities, definition, AS_OF_SERIAL];
    case 'GAPCHECK summary':
      return [g.customers, g.contacts, g.activities, definition, AS_OF_SERIAL, 'summary'];
  }
}

/** Calls a kimeru function through the host wrapper; an error value stops the benchmark. */
export function callKimeru(fn: Measured | 'GAPCHECK items', raw: readonly unknown[]): CellValue[][] {
  const def = findFunction(fn.split(' ')[0] ?? '');
  if (!def) throw new Error(`no function ${fn}`);
  const result = callFunction(def, raw);
  if (!result.ok) throw new Error(`${fn} returned an error value: ${result.message}`);
  return result.value;
}
