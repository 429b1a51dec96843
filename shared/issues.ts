import { hasMessage, t, type Lang, type MessageKey, type Params } from './i18n';

/**
 * One problem with the user's data, located as precisely as we can: the sheet, the 1-based row
 * and the column letter as the user sees them, and the header text of that column.
 */
export interface Issue {
  key: MessageKey;
  params?: Params;
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
  /** Set instead of `sheet` when the cells came in as a custom-function argument. */
  argument?: string;
  /**
   * Thrown in a KimeruError, an issue stops the operation (no customer table, an unreadable
   * definition). Returned beside a result, 'error' means the row was left out and 'warning' that
   * it was read with a caveat (an unknown name in a log, a type counted as その他).
   */
  severity?: 'error' | 'warning';
  /** The cell's value as written (shown in the list of rows that could not be read). */
  value?: string;
  /** How many rows this one issue stands for (e.g. every activity of one unknown customer). */
  count?: number;
}

/** Thrown when an operation cannot go on; carries every issue found, not just the first. */
export class KimeruError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[] | Issue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => formatIssue('en', i)).join('\n'));
    this.name = 'KimeruError';
    this.issues = list;
  }
}

/** "「顧客」シート 5行目 C列「年間取引額」: 数値として読めません…" in the user's language. */
export function formatIssue(lang: Lang, issue: Issue): string {
  const fix = issueFix(lang, issue);
  const why = t(lang, issue.key, quotedParams(issue.params));
  const body = fix === '' ? why : `${why}${lang === 'ja' ? '' : ' '}${fix}`;
  const where = formatLocation(lang, issue);
  if (!where) return body;
  return lang === 'ja' ? `${where}: ${body}` : `${capitalize(where)}: ${body}`;
}

/**
 * What the user should do about an issue: the catalog's `<key>.fix` message when there is one
 * (e.g. 'tables.unknownCustomer.fix'), else ''.
 */
export function issueFix(lang: Lang, issue: Issue): string {
  const key = `${issue.key}.fix`;
  return hasMessage(key) ? t(lang, key, quotedParams(issue.params)) : '';
}

// A cell quoted in a message is cut short: a 50,000-character cell pasted by mistake must not
// become a 50,000-character message. Lists the message itself builds (accepted headers) stay whole.
const MAX_QUOTED = 500;
const QUOTED_PART = 100;

function quotedParams(params: Params | undefined): Params | undefined {
  if (!params) return params;
  let out: Params | undefined;
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' && v.length > MAX_QUOTED) (out ??= { ...params })[k] = `${v.slice(0, QUOTED_PART)}…`;
  return out ?? params;
}

export function formatIssues(lang: Lang, issues: readonly Issue[], max = 10): string {
  const shown = issues.slice(0, max).map((i) => formatIssue(lang, i));
  if (issues.length > max) shown.push(t(lang, 'error.more', { count: issues.length - max }));
  return shown.join('\n');
}

function formatLocation(lang: Lang, i: Issue): string {
  const header = i.header ?? '';
  if (i.argument !== undefined) {
    if (i.row !== undefined && i.column !== undefined)
      return t(lang, 'loc.argumentRowColumn', { argument: i.argument, row: i.row, column: i.column, header });
    if (i.row !== undefined) return t(lang, 'loc.argumentRow', { argument: i.argument, row: i.row });
    return t(lang, 'loc.argument', { argument: i.argument });
  }
  if (i.sheet !== undefined && i.row !== undefined && i.column !== undefined)
    return t(lang, 'loc.sheetRowColumn', { sheet: i.sheet, row: i.row, column: i.column, header });
  if (i.sheet !== undefined && i.row !== undefined)
    return t(lang, 'loc.sheetRow', { sheet: i.sheet, row: i.row });
  if (i.row !== undefined && i.column !== undefined)
    return t(lang, 'loc.rowColumn', { row: i.row, column: i.column, header });
  if (i.row !== undefined) return t(lang, 'loc.row', { row: i.row });
  if (i.sheet !== undefined) return t(lang, 'loc.sheet', { sheet: i.sheet });
  return '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function isKimeruError(e: unknown): e is KimeruError {
  return e instanceof KimeruError;
}

/** How many rows were left out (an issue may stand for several) and how many were read with a caveat. */
export function countIssues(issues: readonly Issue[]): { skipped: number; warnings: number } {
  let skipped = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'warning') warnings += i.count ?? 1;
    else skipped += i.count ?? 1;
  }
  return { skipped, warnings };
}

/** "読めなかった行 13件・注意 2件" / "13 rows left out, 2 warnings"; '' when there is nothing to say. */
export function issueSummary(lang: Lang, issues: readonly Issue[]): string {
  const { skipped, warnings } = countIssues(issues);
  const parts: string[] = [];
  if (skipped > 0)
    parts.push(t(lang, skipped === 1 ? 'issues.skipped.one' : 'issues.skipped.other', { count: skipped }));
  if (warnings > 0)
    parts.push(
      t(lang, warnings === 1 ? 'issues.warnings.one' : 'issues.warnings.other', { count: warnings }),
    );
  return parts.join(t(lang, 'issues.separator'));
}

/**
 * The list of rows that could not be read, as one table — the same on the 読めなかった行 sheet,
 * in the ISSUES function and in the CLI: where (sheet or argument, row, column, header), the value
 * as written, why, what to do, and whether the row was left out or read with a caveat.
 * Rows left out come first, then warnings, each in sheet order.
 */
export function issueTable(lang: Lang, issues: readonly Issue[]): (string | number)[][] {
  const header = [
    t(lang, 'issues.col.sheet'),
    t(lang, 'issues.col.row'),
    t(lang, 'issues.col.column'),
    t(lang, 'issues.col.header'),
    t(lang, 'issues.col.value'),
    t(lang, 'issues.col.why'),
    t(lang, 'issues.col.fix'),
    t(lang, 'issues.col.outcome'),
  ];
  const sorted = [...issues].sort((a, b) => rankOf(a) - rankOf(b) || (a.row ?? 0) - (b.row ?? 0));
  return [
    header,
    ...sorted.map((i) => [
      i.sheet ?? i.argument ?? '',
      i.row ?? '',
      i.column ?? '',
      i.header ?? '',
      clipValue(i.value ?? ''),
      t(lang, i.key, quotedParams(i.params)),
      issueFix(lang, i),
      t(lang, i.severity === 'warning' ? 'issues.outcome.warning' : 'issues.outcome.skipped'),
    ]),
  ];
}

// The list shows what the cell says, not a whole pasted page: enough to find the cell.
const MAX_VALUE_SHOWN = 200;

function clipValue(v: string): string {
  return v.length > MAX_VALUE_SHOWN ? `${v.slice(0, MAX_VALUE_SHOWN)}…` : v;
}

function rankOf(i: Issue): number {
  return i.severity === 'warning' ? 1 : 0;
}
