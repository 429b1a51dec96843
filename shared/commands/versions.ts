import { t, type Lang } from '../i18n';
import { formatIssue, KimeruError } from '../issues';
import type { Day } from '../model';
import type { WorkbookPort } from '../port';
import { diffDefinitions, versionInForce } from '../definition';
import type { Definition, DefinitionVersion } from '../definition/model';
import { manualRows } from '../engines';
import { dayToIso, formatDay, normalizeText } from '../values';
import { historyOf } from './data';
import { loadWorkbook } from './workbook';

/**
 * Any saved version, and any two compared: what the definition pane and `kimeru definition`
 * show. Everything comes from the history sheet (版の履歴), never from the definition sheet,
 * whose unsaved edits are no version.
 */

export interface VersionSummary {
  version: number;
  /** The day it took effect (ISO), the day it was saved unless written otherwise. */
  date: string;
  author: string;
  note: string;
  /** In force today: the version GAPCHECK and RANK use for today's date. */
  inForce: boolean;
}

export interface VersionList {
  versions: VersionSummary[];
  /** One line per version, newest first, for people (the CLI prints them). */
  lines: string[];
  /** History rows that could not be read, one sentence each. */
  unread: string[];
}

export interface VersionShown extends VersionSummary {
  definition: Definition;
  /** The version as the manual would print it: heading, items with standards, ranking. */
  lines: string[];
}

export interface VersionComparison {
  from: number;
  to: number;
  /** The diff sentences kimeru writes everywhere (the pane, the version note's preview). */
  diff: string[];
  lines: string[];
}

async function savedVersions(port: WorkbookPort) {
  return historyOf(await loadWorkbook(port, ['history']));
}

function summary(v: DefinitionVersion, inForce: DefinitionVersion | null): VersionSummary {
  return {
    version: v.version,
    date: dayToIso(v.date),
    author: v.author,
    note: v.note,
    inForce: v === inForce,
  };
}

/** Every saved version, oldest first, and which one is in force today. */
export async function listVersions(port: WorkbookPort, lang: Lang, today: Day): Promise<VersionList> {
  const history = await savedVersions(port);
  const inForce = versionInForce(history.versions, today);
  const versions = history.versions.map((v) => summary(v, inForce));
  const lines =
    versions.length === 0
      ? [t(lang, 'definition.versions.none')]
      : [...history.versions].reverse().map((v) => {
          const line = t(lang, 'definition.versions.line', {
            version: v.version,
            date: formatDay(v.date, lang),
            author: v.author || t(lang, 'definition.versions.unnamed'),
            note: oneLine(v.note),
          });
          return v === inForce ? `${line}  ${t(lang, 'definition.versions.inForce')}` : line;
        });
  return { versions, lines, unread: history.issues.map((i) => formatIssue(lang, i)) };
}

/** Version `n`, or the one in force today when `n` is not given. */
export async function showVersion(
  port: WorkbookPort,
  n: number | undefined,
  lang: Lang,
  today: Day,
): Promise<VersionShown> {
  const history = await savedVersions(port);
  const inForce = versionInForce(history.versions, today);
  const v = n === undefined ? inForce : pick(history.versions, n);
  if (v === null) throw new KimeruError({ key: 'definition.versions.none' });
  const heading = t(lang, 'definition.versions.heading', {
    version: v.version,
    date: formatDay(v.date, lang),
    author: v.author || t(lang, 'definition.versions.unnamed'),
    note: oneLine(v.note),
  });
  const manual = manualRows(v.definition, { version: v.version, date: v.date }, lang)
    .slice(1) // the manual's own title: the heading above says more
    .map((row) =>
      row
        .map((c) => normalizeText(c))
        .filter((c) => c !== '')
        .join('  '),
    );
  return { ...summary(v, inForce), definition: v.definition, lines: [heading, ...trimBlank(manual)] };
}

/** What changed from version `a` to version `b` (either order: the older is always "before"). */
export async function compareVersions(
  port: WorkbookPort,
  a: number,
  b: number,
  lang: Lang,
): Promise<VersionComparison> {
  const history = await savedVersions(port);
  const [before, after] = [pick(history.versions, a), pick(history.versions, b)].sort(
    (x, y) => x.version - y.version,
  ) as [DefinitionVersion, DefinitionVersion];
  const diff = diffDefinitions(before.definition, after.definition, lang).map((d) => d.text);
  const params = { from: before.version, to: after.version };
  const lines =
    diff.length === 0
      ? [t(lang, 'definition.versions.same', params)]
      : [t(lang, 'definition.versions.diffHeading', params), ...diff.map((d) => `  ${d}`)];
  return { from: before.version, to: after.version, diff, lines };
}

function pick(versions: readonly DefinitionVersion[], n: number): DefinitionVersion {
  const v = versions.find((x) => x.version === n);
  if (v) return v;
  if (versions.length === 0) throw new KimeruError({ key: 'definition.versions.none' });
  throw new KimeruError({
    key: 'definition.versions.missing',
    params: { version: n, available: versions.map((x) => x.version).join(', ') },
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ');
}

function trimBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
