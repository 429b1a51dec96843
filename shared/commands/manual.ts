import { t, type Lang } from '../i18n';
import { KimeruError } from '../issues';
import type { Day } from '../model';
import type { WorkbookPort } from '../port';
import { diffDefinitions, stampLabel, versionInForce } from '../definition';
import type { DefinitionVersion } from '../definition/model';
import { manualRows, type ManualChanges } from '../engines';
import { dayToIso } from '../values';
import { definitionOf, historyOf } from './data';
import { replaceOutput, unreadRows, type ReportResult } from './reports';
import { outputRows } from './unread';
import { loadWorkbook, sheetOf } from './workbook';

/**
 * The sales manual of a version: version `n` when asked (an earlier one can be written again),
 * else the one in force today. It names its version and date, says what changed since the
 * version before (that version's note and the diff) and, per item, why and how. A workbook whose
 * definition was never saved gets the manual of its definition sheet.
 */
export async function writeManual(
  port: WorkbookPort,
  today: Day,
  lang: Lang,
  n?: number,
): Promise<ReportResult> {
  const loaded = await loadWorkbook(port, ['definition', 'history', 'manual', 'issues']);
  const history = loaded.grids.history ? historyOf(loaded).versions : [];
  let chosen: DefinitionVersion | null;
  if (n !== undefined) {
    chosen = history.find((v) => v.version === n) ?? null;
    if (chosen === null)
      throw new KimeruError(
        history.length === 0
          ? { key: 'definition.versions.none' }
          : {
              key: 'definition.versions.missing',
              params: { version: n, available: history.map((v) => v.version).join(', ') },
            },
      );
  } else chosen = versionInForce(history, today);

  let rows;
  let version: number | null;
  let issues: ReturnType<typeof definitionOf>['issues'] = [];
  if (chosen === null) {
    const onSheet = definitionOf(loaded);
    version = onSheet.version;
    issues = onSheet.issues;
    rows = manualRows(onSheet.definition, { version: version ?? 0, date: today }, lang);
  } else {
    version = chosen.version;
    const previous = history.filter((v) => v.version < chosen.version).pop() ?? null;
    const changes: ManualChanges = {
      previous: previous?.version ?? null,
      note: chosen.note,
      diff: previous ? diffDefinitions(previous.definition, chosen.definition, lang).map((d) => d.text) : [],
    };
    rows = manualRows(chosen.definition, { version: chosen.version, date: chosen.date }, lang, changes);
  }
  const stamp = stampLabel(version, lang);
  const { ops, unread } = unreadRows(loaded, issues, lang, stamp, today);
  await port.write([replaceOutput(loaded, 'manual', outputRows(lang, stamp, today, rows), 0), ...ops]);
  return {
    message: t(lang, 'commands.report.manual', { version: version ?? '-' }),
    headline: [],
    sheet: sheetOf(loaded, 'manual'),
    unread,
    version,
    stamp,
    asOf: dayToIso(today),
  };
}
