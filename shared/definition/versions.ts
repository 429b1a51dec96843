import { t, type Lang } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import type { Day } from '../model';
import { columnLetter } from '../tables/columns';
import { formatDay, isBlank, normalizeText, readDate, readNumber, type CellValue } from '../values';
import { canonicalDefinition, deepFreeze, definitionsEqual } from './canonical';
import { fieldOf, HISTORY_HEADERS, type HistoryField } from './labels';
import type { Definition, DefinitionVersion } from './model';
import { checkDefinition } from './schema';

export { diffDefinitions, type DiffLine } from './diff';

/*
 * The history sheet (版の履歴): one row per saved version, never edited after it is written.
 *   版 | 日付 | 作成者 | 変更内容 | 定義(JSON) [| continuation…]
 * The definition is stored as canonical JSON in one cell; a definition longer than
 * JSON_CELL_LIMIT characters continues in the cells to its right (both hosts cap a cell near
 * 32,767 / 50,000 characters) and is rejoined on reading.
 */

/** Characters of JSON per cell; below Excel's 32,767 limit with room to spare. */
export const JSON_CELL_LIMIT = 30000;

export interface HistoryRead {
  /** Readable versions, by version number. */
  versions: DefinitionVersion[];
  /** One issue per row that could not be read (it is left out of `versions`, never dropped silently). */
  issues: Issue[];
}

export interface ReadHistoryOptions {
  sheet?: string;
  /** 1-based sheet row of grid[0]. */
  firstRow?: number;
  /** 1-based sheet column of grid[x][0]. */
  firstColumn?: number;
}

const HISTORY_LABELS: Record<HistoryField, Parameters<typeof t>[1]> = {
  version: 'definition.label.historyVersion',
  date: 'definition.label.historyDate',
  author: 'definition.label.historyAuthor',
  note: 'definition.label.historyNote',
  json: 'definition.label.historyJson',
};
const HISTORY_ORDER: readonly HistoryField[] = ['version', 'date', 'author', 'note', 'json'];

/** The history sheet's header row in `lang`. */
export function historyHeader(lang: Lang): CellValue[] {
  return HISTORY_ORDER.map((f) => t(lang, HISTORY_LABELS[f]));
}

/** One history row: version, date, author, note, then the JSON in one or more cells. */
export function historyRow(version: DefinitionVersion, lang: Lang): CellValue[] {
  const json = JSON.stringify(canonicalDefinition(version.definition));
  return [version.version, formatDay(version.date, lang), version.author, version.note, ...splitJson(json)];
}

function splitJson(json: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length || chunks.length === 0) {
    let end = Math.min(json.length, start + JSON_CELL_LIMIT);
    // Never cut a surrogate pair (an emoji in a standard) in half.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

/** Reads the history sheet; every unreadable row becomes an issue naming its row and column. */
export function readHistory(grid: CellValue[][], opts: ReadHistoryOptions = {}): HistoryRead {
  const issues: Issue[] = [];
  const firstRow = opts.firstRow ?? 1;
  const firstColumn = opts.firstColumn ?? 1;
  const issue = (
    key: Issue['key'],
    params: Issue['params'],
    r?: number,
    c?: number,
    header?: string,
  ): void => {
    const i: Issue = { key, params, severity: 'error' };
    if (opts.sheet !== undefined) i.sheet = opts.sheet;
    if (r !== undefined) i.row = firstRow + r;
    if (c !== undefined) i.column = columnLetter(firstColumn - 1 + c);
    if (header !== undefined) i.header = header;
    issues.push(i);
  };

  let headerRow = -1;
  const cols: Partial<Record<HistoryField, number>> = {};
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    const found: Partial<Record<HistoryField, number>> = {};
    row.forEach((v, c) => {
      const f = fieldOf(HISTORY_HEADERS, v);
      if (f && found[f] === undefined) found[f] = c;
    });
    if (found.version !== undefined && found.json !== undefined) {
      headerRow = r;
      Object.assign(cols, found);
    }
  }
  if (headerRow < 0) {
    // A new workbook has an empty history: nothing to report.
    if (grid.some((row) => row.some((v) => !isBlank(v)))) issue('definition.history.missingHeader', {});
    return { versions: [], issues };
  }
  const headerText = (f: HistoryField): string => {
    const c = cols[f];
    return c === undefined ? '' : normalizeText(grid[headerRow]?.[c]);
  };

  const versions: DefinitionVersion[] = [];
  const seen = new Map<number, number>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const cell = (f: HistoryField): CellValue => (cols[f] === undefined ? undefined : row[cols[f]]);
    const at = (f: HistoryField): [number, number | undefined, string] => [r, cols[f], headerText(f)];

    const rawVersion = cell('version');
    const n = readNumber(
      typeof rawVersion === 'string' ? rawVersion.replace(/^\s*(第|v)\s*|版\s*$/gi, '') : rawVersion,
    );
    if (!n.ok || n.value === null || !Number.isInteger(n.value) || n.value < 1) {
      issue('definition.history.versionInvalid', { value: normalizeText(rawVersion) }, ...at('version'));
      continue;
    }
    const version = n.value;
    const rawDate = cell('date');
    const date = readDate(rawDate);
    if (!date.ok || date.value === null) {
      issue('definition.history.dateInvalid', { value: normalizeText(rawDate) }, ...at('date'));
      continue;
    }
    const jsonCol = cols.json as number;
    let json = '';
    // The JSON cell, then its continuation cells up to the first blank. Not trimmed: a chunk
    // may begin or end inside a string value.
    for (let c = jsonCol; c < row.length && !isBlank(row[c]); c++) json += String(row[c]);
    if (json === '') {
      issue('definition.history.jsonMissing', {}, ...at('json'));
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      issue('definition.history.jsonBroken', {}, ...at('json'));
      continue;
    }
    const checked = checkDefinition(parsed);
    if (!checked.ok) {
      issue(
        'definition.history.snapshotInvalid',
        { path: checked.path, detail: checked.detail },
        ...at('json'),
      );
      continue;
    }
    const first = seen.get(version);
    if (first !== undefined) {
      issue('definition.history.duplicateVersion', { version, first: firstRow + first }, ...at('version'));
      continue;
    }
    seen.set(version, r);
    versions.push(
      deepFreeze({
        version,
        date: date.value,
        author: normalizeText(cell('author')),
        note:
          typeof cell('note') === 'string' ? (cell('note') as string).trim() : normalizeText(cell('note')),
        definition: canonicalDefinition(checked.definition),
      }),
    );
  }
  versions.sort((a, b) => a.version - b.version);
  return { versions, issues };
}

/** The latest version (highest number), or null for an empty history. */
export function latestVersion(history: readonly DefinitionVersion[]): DefinitionVersion | null {
  let latest: DefinitionVersion | null = null;
  for (const v of history) if (!latest || v.version > latest.version) latest = v;
  return latest;
}

/**
 * The version in force on `day`: the highest-numbered version that took effect (its date) on or
 * before that day. A day before the first version took effect gets the first version (the team
 * had written nothing else down); null when nothing was ever saved.
 */
export function versionInForce(history: readonly DefinitionVersion[], day: Day): DefinitionVersion | null {
  let inForce: DefinitionVersion | null = null;
  let first: DefinitionVersion | null = null;
  for (const v of history) {
    if (!first || v.version < first.version) first = v;
    if (v.date <= day && (!inForce || v.version > inForce.version)) inForce = v;
  }
  return inForce ?? first;
}

/**
 * The next version (バージョンアップ) of `def`: number = highest + 1. Refuses a definition that
 * is invalid, unchanged from the latest version, or saved without a note on what changed.
 */
export function nextVersion(
  history: readonly DefinitionVersion[],
  def: Definition,
  meta: { date: Day; author: string; note: string },
): DefinitionVersion {
  const issues: Issue[] = [];
  const checked = checkDefinition(def);
  if (!checked.ok)
    issues.push({
      key: 'definition.invalid',
      params: { path: checked.path, detail: checked.detail },
      severity: 'error',
    });
  const latest = latestVersion(history);
  if (latest && definitionsEqual(latest.definition, def))
    issues.push({ key: 'definition.unchanged', severity: 'error' });
  if (isBlank(meta.note)) issues.push({ key: 'definition.noteRequired', severity: 'error' });
  if (issues.length > 0) throw new KimeruError(issues);
  return deepFreeze({
    version: (latest?.version ?? 0) + 1,
    date: meta.date,
    author: meta.author.trim(),
    note: meta.note.trim(),
    definition: canonicalDefinition(def),
  });
}

/** The label that stamps rank and gap outputs: "第3版" / "v3"; "未保存" / "unsaved" for null. */
export function stampLabel(version: number | DefinitionVersion | null, lang: Lang): string {
  const n = typeof version === 'number' ? version : version?.version;
  if (n === undefined) return t(lang, 'definition.label.unsaved');
  return t(lang, 'definition.label.stamp', { version: n });
}
