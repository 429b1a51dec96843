import type { Lang } from '../i18n';
import { formatIssues, type Issue } from '../issues';
import type { Day } from '../model';
import { dateCell, KEY_LEDGER_SHEET, type WorkbookPort, type WriteCell } from '../port';
import {
  activityCells,
  activityColumnLabel,
  indexDataset,
  validateActivity,
  type ActivityColumn,
  type ActivityInput,
} from '../engines';
import { ACTIVITY_TABLE, CUSTOMER_TABLE, readTable } from '../tables';
import { HEADER_SEARCH_ROWS } from '../tables/readTable';
import { normalizeHeader } from '../tables/headers';
import { t } from '../i18n';
import type { CellValue } from '../values/cell';
import { datasetOf } from './data';
import { loadWorkbook, sheetOf } from './workbook';

export type LogResult =
  | {
      ok: true;
      row: number | null;
      duplicate: boolean;
      keyPersonMet: boolean;
      message: string;
      warnings: string[];
    }
  | { ok: false; issues: { field: string; message: string }[]; message: string };

/**
 * Logs one activity from the sidebar: validates it against the workbook's customers and
 * contacts, then appends exactly one row (under the host's lock; a retried submit with the same
 * key writes nothing). Invalid input writes nothing at all.
 */
export async function logActivity(
  port: WorkbookPort,
  input: ActivityInput,
  now: { day: Day; minutes: number },
  lang: Lang,
): Promise<LogResult> {
  const loaded = await loadWorkbook(port, ['customers', 'contacts']);
  const { dataset } = datasetOf(loaded);
  const check = validateActivity(input, indexDataset(dataset), now.day, lang);
  if (!check.ok) return invalid(check.issues, lang);

  const cells = activityCells(check.activity, lang, dateCell(now.day, now.minutes), check);
  // The log's header only, never its rows: logging costs the same at 10 rows and at 100,000
  // (the port finds the next row and the keys under its lock).
  const logSheet = sheetOf(loaded, 'activities');
  const grid = (await port.readSheets([logSheet], { rows: HEADER_SEARCH_ROWS }))[logSheet] ?? [];
  const layout = columnLayout(grid, loaded.settings.mappings.activities);
  const row: WriteCell[] = new Array<WriteCell>(layout.width).fill(null);
  for (const [column, index] of layout.columns) row[index] = cells[column];
  // A team's own log may refer to customers by name (顧客名) rather than by ID.
  const customerIndex = layout.columns.get('customer');
  if (customerIndex !== undefined && !layout.customerById) row[customerIndex] = check.customerName;
  const keyIndex = layout.columns.get('key');
  const key = check.activity.key;
  // A log without a 記録ID column (a team's own, adopted as it is) keeps its keys in kimeru's
  // hidden key sheet instead, so a retried submit is written once there too.
  const keyed =
    key === ''
      ? {}
      : keyIndex !== undefined
        ? { keyColumn: keyIndex + 1 }
        : { ledger: { sheet: KEY_LEDGER_SHEET, keys: [key] } };
  const result = await port.append({ sheet: logSheet, rows: [row], ...keyed });
  const written = result.rows[0] ?? null;
  return {
    ok: true,
    row: written,
    duplicate: result.duplicates > 0,
    keyPersonMet: check.keyPersonMet,
    message:
      result.duplicates > 0
        ? t(lang, 'commands.log.duplicate')
        : t(lang, 'commands.log.written', { row: written ?? '' }),
    warnings: check.warnings.map((w) => formatIssues(lang, [w])),
  };
}

function invalid(issues: Issue[], lang: Lang): LogResult {
  return {
    ok: false,
    issues: issues.map((i) => ({
      field: String(i.params?.['field'] ?? ''),
      message: formatIssues(lang, [i]),
    })),
    message: formatIssues(lang, issues),
  };
}

/**
 * Where each of our columns sits in the activity sheet as it is now: kimeru's own sheet, or a
 * log the team kept before, in its own column order. Unknown columns of theirs stay blank.
 */
function columnLayout(
  grid: CellValue[][],
  mapping: Record<string, string>,
): {
  columns: Map<ActivityColumn, number>;
  width: number;
  customerById: boolean;
} {
  const columns = new Map<ActivityColumn, number>();
  const table = readTable(grid, ACTIVITY_TABLE, { sheet: '', mapping });
  for (const [key, index] of Object.entries(table.columns)) columns.set(key as ActivityColumn, index);
  // The two reading aids are not table keys: find them by their label in either language.
  for (const extra of ['customerName', 'keyPersonMet'] as const) {
    const labels = (['ja', 'en'] as const).map((l) => normalizeHeader(activityColumnLabel(extra, l)));
    const found = table.extra.find((e) => labels.includes(normalizeHeader(e.header)));
    if (found) columns.set(extra, found.index);
  }
  let width = table.headers.length;
  for (const i of columns.values()) width = Math.max(width, i + 1);
  const customerHeader = normalizeHeader(table.headers[table.columns['customer'] ?? -1] ?? '');
  const idAliases = CUSTOMER_TABLE.columns.find((c) => c.key === 'id')?.aliases ?? [];
  const customerById = customerHeader === '' || idAliases.some((a) => normalizeHeader(a) === customerHeader);
  return { columns, width, customerById };
}
