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
  const body = t(lang, issue.key, issue.params);
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
  return hasMessage(key) ? t(lang, key, issue.params) : '';
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
