import { keptAfterRace } from './save-race';
import { t, type Lang } from '../i18n';
import { KimeruError, formatIssue, type Issue } from '../issues';
import type { Day } from '../model';
import type { WorkbookPort, WriteCell, WriteOp } from '../port';
import {
  definitionFingerprint,
  definitionIssues,
  definitionsEqual,
  diffDefinitions,
  historyRow,
  lintDefinition,
  nextVersion,
  writeDefinition,
  stampLabel,
} from '../definition';
import type { Definition, DefinitionVersion } from '../definition/model';
import { CUSTOMER_TABLE, scanTable } from '../tables';
import { datasetOf, definitionOf, historyOf } from './data';
import { definitionEffect } from './effect';
import { loadWorkbook, sheetOf, type Loaded } from './workbook';

export interface DefinitionState {
  definition: Definition;
  /** The version written on the definition sheet (null when never saved). */
  version: number | null;
  /** What the sheet said when loaded: send it back with a save (see saveDefinition). */
  fingerprint: string;
  stamp: string;
  /** 1-3-5-7 warnings, already in the user's language. */
  lint: string[];
  /** Where the definition would mislead (a column the customer table lacks…), with what to do. */
  flags: string[];
  history: { version: number; date: Day; author: string; note: string }[];
  /** What changed since the last saved version (empty when the sheet matches it). */
  diffFromSaved: string[];
}

/** The definition as the sheet holds it, with its history, lint and unsaved changes. */
export async function definitionState(port: WorkbookPort, lang: Lang): Promise<DefinitionState> {
  const loaded = await loadWorkbook(port, ['definition', 'history', 'customers']);
  const current = definitionOf(loaded);
  const history = historyOf(loaded);
  return {
    definition: current.definition,
    version: current.version,
    fingerprint: definitionFingerprint(current.definition),
    stamp: stampLabel(current.version, lang),
    lint: lintDefinition(current.definition).map((i) => formatIssue(lang, i)),
    flags: flagLines(current.definition, customerHeaders(loaded), lang),
    history: history.versions.map(({ version, date, author, note }) => ({ version, date, author, note })),
    diffFromSaved: history.latest
      ? diffDefinitions(history.latest.definition, current.definition, lang).map((d) => d.text)
      : [],
  };
}

const HEADER_ROWS = 50;

/**
 * The customer table's headers as written, for checking the columns a definition names; null
 * when the customer sheet is missing or its header cannot be found (the column checks are skipped).
 */
function customerHeaders(loaded: Loaded): string[] | null {
  const grid = loaded.grids.customers;
  if (grid === undefined) return null;
  try {
    // The header is found within the first rows; the data below it is not needed here.
    const layout = scanTable(
      grid.slice(0, HEADER_ROWS),
      CUSTOMER_TABLE,
      { sheet: sheetOf(loaded, 'customers'), mapping: loaded.settings.mappings.customers },
      () => undefined,
      true,
    );
    return layout.headers.filter((h) => h !== '');
  } catch (e) {
    if (e instanceof KimeruError) return null;
    throw e;
  }
}

/** Each flag with what to do about it, in the user's language. */
function flagLines(definition: Definition, headers: string[] | null, lang: Lang): string[] {
  // formatIssue ends with the issue's what-to-do sentence.
  return definitionIssues(definition, headers).map((i: Issue) => formatIssue(lang, i));
}

/**
 * Lint warnings (1-3-5-7), flags (where the definition would mislead, checked against the
 * customer table's headers) and the diff against the saved version, for an edit not yet saved.
 */
export async function previewDefinition(
  port: WorkbookPort,
  definition: Definition,
  lang: Lang,
  today: Day,
): Promise<{ lint: string[]; flags: string[]; diff: string[]; effect: string[] }> {
  const loaded = await loadWorkbook(port, ['history', 'customers', 'contacts', 'activities']);
  const latest = historyOf(loaded).latest;
  const lint = lintDefinition(definition);
  // The effect of saving, as of today, against the saved version; none for an edit that is not
  // a definition yet (lint errors) or when nothing was ever saved.
  let effect: string[] = [];
  if (latest && !definitionsEqual(latest.definition, definition) && !lint.some((i) => i.severity === 'error')) {
    try {
      effect = definitionEffect(latest.definition, definition, datasetOf(loaded).dataset, today, lang);
    } catch (e) {
      if (!(e instanceof KimeruError)) throw e; // no customer table yet: nothing to preview on
    }
  }
  return {
    lint: lint.map((i) => formatIssue(lang, i)),
    flags: flagLines(definition, customerHeaders(loaded), lang),
    diff: latest ? diffDefinitions(latest.definition, definition, lang).map((d) => d.text) : [],
    effect,
  };
}

/**
 * Version up (バージョンアップ): appends the new version to the history (never rewriting an
 * earlier one) and rewrites the definition sheet with it. Nothing is written when the sheet moved
 * on since the editor loaded it (another save, or a hand edit: `baseVersion` and
 * `baseFingerprint` no longer match), and the history append is keyed by the version number, so
 * of two saves racing for the same number under the host's lock, only the first lands.
 */
export async function saveDefinition(
  port: WorkbookPort,
  req: {
    definition: Definition;
    note: string;
    author: string;
    baseVersion: number | null;
    baseFingerprint?: string;
  },
  today: Day,
  lang: Lang,
): Promise<{ version: number; message: string; diff: string[] }> {
  const loaded = await loadWorkbook(port, ['definition', 'history']);
  const onSheet = definitionOf(loaded);
  const conflict = () =>
    new KimeruError({ key: 'commands.definition.conflict', params: { sheet: onSheet.version ?? '-' } });
  if (onSheet.version !== req.baseVersion) throw conflict();
  if (req.baseFingerprint !== undefined && req.baseFingerprint !== definitionFingerprint(onSheet.definition))
    throw conflict();
  const history = historyOf(loaded);
  const latest = history.latest;
  // A save the host interrupted after the history append: finish it by rewriting the sheet.
  if (
    latest &&
    latest.version > (onSheet.version ?? 0) &&
    definitionsEqual(latest.definition, req.definition)
  ) {
    await port.write([definitionSheetOp(sheetOf(loaded, 'definition'), latest, lang)]);
    return {
      version: latest.version,
      message: t(lang, 'commands.definition.saved', { version: latest.version }),
      diff: [],
    };
  }
  const saved = nextVersion(history.versions, req.definition, {
    date: today,
    author: req.author,
    note: req.note,
  });
  const diff = history.latest
    ? diffDefinitions(history.latest.definition, saved.definition, lang).map((d) => d.text)
    : [];
  const row = historyRow(saved, lang);
  const appended = await port.append({
    sheet: sheetOf(loaded, 'history'),
    rows: [row as WriteCell[]],
    keyColumn: 1,
  });
  if (appended.duplicates > 0) throw conflict();
  if (!(await keptAfterRace(port, sheetOf(loaded, 'history'), row))) throw conflict();
  try {
    await port.write([definitionSheetOp(sheetOf(loaded, 'definition'), saved, lang)]);
  } catch (e) {
    // The version is in the history; saving again finishes the job (see above).
    const detail = e instanceof Error ? e.message : String(e);
    throw new KimeruError({
      key: 'commands.definition.halfSaved',
      params: { version: saved.version, detail },
    });
  }
  return {
    version: saved.version,
    message: t(lang, 'commands.definition.saved', { version: saved.version }),
    diff,
  };
}

function definitionSheetOp(sheet: string, version: DefinitionVersion, lang: Lang): WriteOp {
  return {
    kind: 'replaceSheet',
    sheet,
    rows: writeDefinition(version.definition, { lang, version: version.version }) as WriteCell[][],
  };
}
