import { createApi, type Clock, type KimeruApi } from '../../../shared/commands';
import type { Lang } from '../../../shared/i18n';
import { dayFromDate } from '../../../shared/values';
import { AS_OF_DAY } from '../../../shared/sample';
import type { HyperFormulaWorkbook } from '../hf-workbook';
import { samplePlaygroundWorkbook, setupDashboardName } from '../sample-workbook';
import { openWorkbookFile, type OpenedWorkbook, type Source } from '../hf-workbook-file';
import { saveXlsx } from '../hf-workbook-file';

/** One workbook the playground shows: the sample, or a file the user opened. */
export interface Session {
  workbook: HyperFormulaWorkbook;
  source: Source;
  /** The name shown, and the base of the saved file's name. */
  fileName: string;
  api: KimeruApi;
  /** The sheet shown first. */
  firstSheet: string;
}

const minutesNow = (): number => {
  const d = new Date();
  return d.getHours() * 60 + d.getMinutes();
};

/** The sample: "today" is its as-of date, so what is logged counts on the dashboard at once. */
export async function sampleSession(lang: Lang): Promise<Session> {
  const workbook = await samplePlaygroundWorkbook(lang);
  const clock: Clock = { now: () => ({ day: AS_OF_DAY, minutes: minutesNow() }) };
  return {
    workbook,
    source: { kind: 'new', fileName: 'kimeru-sample.xlsx' },
    fileName: 'kimeru-sample.xlsx',
    api: createApi(workbook, clock, lang),
    firstSheet: setupDashboardName(),
  };
}

/** A file from disk; today is the real date. Throws a message naming the file when unreadable. */
export function fileSession(bytes: Uint8Array, fileName: string, lang: Lang): Session {
  return openedSession(openWorkbookFile(bytes, fileName, lang), fileName, lang);
}

/** The session over a file already opened (the page opens big files in steps: open-file.ts). */
export function openedSession({ workbook, source }: OpenedWorkbook, fileName: string, lang: Lang): Session {
  const clock: Clock = { now: () => ({ day: dayFromDate(new Date()), minutes: minutesNow() }) };
  return {
    workbook,
    source,
    fileName,
    api: createApi(workbook, clock, lang),
    firstSheet: workbook.hf.getSheetNames()[0] ?? '',
  };
}

/** The session as an .xlsx file and the name to save it under. */
export function saveSession(session: Session, lang: Lang): { bytes: Uint8Array; fileName: string } {
  const bytes = saveXlsx(session.workbook, session.source, lang);
  const base = session.fileName.replace(/\.[^.]*$/, '').replace(/\.kimeru$/, '');
  const ext = /\.xlsm$/i.test(session.fileName) ? 'xlsm' : 'xlsx';
  return { bytes, fileName: session.source.kind === 'new' ? session.fileName : `${base}.kimeru.${ext}` };
}
