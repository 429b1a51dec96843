import { t, type Lang, type MessageKey, type Params } from './i18n';

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
  /** 'error' blocks the operation; 'warning' is reported but lets it go on. */
  severity?: 'error' | 'warning';
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
