/**
 * What a host hands a custom function, and the bare pass over it that every figure of
 * bench/hosts.ts is divided by.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, runInThisContext } from 'node:vm';
import type { CellValue } from '../shared/values/cell';
import type { Grids } from './generate';

const DAY_MS = 86_400_000;

/**
 * The bare pass as source: it runs where the call runs — in the worker, and in each Apps Script
 * execution's own realm (bench/hosts-worker.ts), cold as a custom function that did nothing else
 * would be. Run in the worker on another realm's Dates, its call to getTime would meet a new
 * Date prototype every execution and slow down for it.
 */
export const BARE_PASS_SOURCE = `(function barePass(args) {
  var acc = 0;
  for (var a = 0; a < args.length; a++) {
    var arg = args[a];
    if (!Array.isArray(arg)) {
      acc += cellWeight(arg);
      continue;
    }
    for (var r = 0; r < arg.length; r++) {
      var row = arg[r];
      for (var i = 0; i < row.length; i++) acc += cellWeight(row[i]);
    }
  }
  return acc;
  function cellWeight(v) {
    if (typeof v === 'string') return v.length;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v !== null && typeof v === 'object') return v.getTime() / ${DAY_MS};
    return 0;
  }
})`;

/**
 * Reads every input cell once, as cheaply as a host function possibly could: what the call
 * costs on top of this is kimeru's own work.
 */
export const barePass = runInThisContext(BARE_PASS_SOURCE) as (args: readonly unknown[]) => number;

/**
 * A host deserialises a custom function's arguments (Sheets from its server's reply, Excel's
 * runtime from a message): every text cell arrives as a string of its own, made in the sheet's
 * order, never one object shared by the rows that repeat it (as the generator's are). A reader
 * that compares or hashes texts pays for that here too.
 */
export function ownStrings(grids: Grids): void {
  for (const grid of [grids.customers, grids.contacts, grids.activities])
    for (const row of grid)
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (typeof v === 'string' && v.length > 0) row[i] = ownString(v);
      }
}

/**
 * A range as a host hands it over for one more recalculation: new row arrays, every text a new
 * string of its own and every Date a new Date of the same realm. A reader's caches that outlive a
 * call (texts it has numbered, hashes the engine keeps in each string) then meet texts equal to,
 * but not the same objects as, the ones they hold — as in Sheets and Excel, which deserialise the
 * arguments anew each time.
 */
export function hostCopy(grid: readonly CellValue[][], realm?: DateConstructor): CellValue[][] {
  return grid.map((row) => row.map((v) => hostCell(v, realm)));
}

/**
 * One cell as hostCopy copies it: a string of its own, a Date anew — of `realm` when given (an
 * Apps Script execution's own), else of the Date's realm.
 */
export function hostCell(v: CellValue, realm?: DateConstructor): CellValue {
  if (typeof v === 'string') return v.length > 0 ? ownString(v) : v;
  if (v !== null && typeof v === 'object') {
    const date = v as Date;
    return new (realm ?? (date.constructor as DateConstructor))(date.getTime()) as CellValue;
  }
  return v;
}

function ownString(v: string): string {
  return Array.from(v).join('');
}

/**
 * The built Excel functions.js, loaded as Excel's shared runtime loads it: evaluated once, its
 * functions called through what it associated (by id: GAPCHECK, RANK…).
 */
export function excelFunctions(buildDir: string): (fn: string, args: unknown[]) => unknown {
  const js = readFileSync(join(buildDir, 'functions.js'), 'utf8');
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class CustomFunctionsError extends Error {}
  const CustomFunctions = {
    associate: (id: string, f: (...args: unknown[]) => unknown) => associated.set(id, f),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  runInContext(js, createContext({ CustomFunctions }));
  return (fn, args) => associated.get(fn)!(...args);
}
