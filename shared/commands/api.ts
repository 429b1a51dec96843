import { t, toLang, type Lang } from '../i18n';
import { ACTIVITY_TYPE_LABELS, ROLE_LABELS } from '../i18n/vocabulary';
import { formatIssues, isKimeruError } from '../issues';
import { ACTIVITY_TYPES, type ContactRole, type Day } from '../model';
import type { WorkbookPort } from '../port';
import type { Definition } from '../definition/model';
import { parsePeriod, type ActivityInput, type PeriodName } from '../engines';
import { dayToIso, readDate } from '../values';
import { KimeruError } from '../issues';
import { datasetOf } from './data';
import { actionsOf, coverageFor, type ActionsResult, type CoverageResult } from './actions';
import { definitionState, previewDefinition, saveDefinition, type DefinitionState } from './definition';
import { logActivity, type LogResult } from './log';
import { writeManual } from './manual';
import { acknowledgeVersion, confirmItem, runReview, type ConfirmRequest, type ReviewResult } from './review';
import { runGapCheck, runRanking, unreadOf, type ReportResult, type UnreadRows } from './reports';
import { planSetup, setup, type SetupReport, type SetupRequest } from './setup';
import { findSettingsSheet, loadWorkbook } from './workbook';
import {
  compareVersions,
  listVersions,
  showVersion,
  type VersionComparison,
  type VersionList,
  type VersionShown,
} from './versions';

/**
 * The one API the sidebar / task pane talks to, whatever the host. Everything in and out is
 * plain JSON (google.script.run cannot carry Dates or class instances), and every call answers
 * with an envelope: a user-facing error never arrives as a stack trace.
 */

export type Envelope<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Clock {
  /** Today and the minutes since midnight, in the spreadsheet's time zone. */
  now(): { day: Day; minutes: number };
}

export interface SidebarState {
  setUp: boolean;
  lang: Lang;
  today: string;
  asOf: string | null;
  sheetNames: string[];
  customers: { id: string; name: string; kana: string; rep: string }[];
  contacts: {
    id: string;
    customerId: string;
    name: string;
    title: string;
    role: ContactRole;
    roleLabel: string;
  }[];
  activityTypes: { code: string; label: string }[];
  reps: string[];
  /** Rows that could not be read, so the user knows the lists may be incomplete. */
  warnings: string[];
}

/** What the user may choose in setup: a sheet per table, a column per field. */
export type SetupChoice = Omit<SetupRequest, 'lang'>;

export interface KimeruApi {
  getState(): Promise<Envelope<SidebarState>>;
  /** Sets up (or re-runs setup with the user's choice of sheet or column for a table). */
  setup(req: SetupChoice): Promise<Envelope<SetupReport & { text: string[]; unread: UnreadRows }>>;
  /** What setup would adopt with this choice, and how it would read each column; writes nothing. */
  previewSetup(req: SetupChoice): Promise<Envelope<SetupReport & { text: string[]; unread: UnreadRows }>>;
  logActivity(input: ActivityInput): Promise<Envelope<LogResult>>;
  getDefinition(): Promise<Envelope<DefinitionState>>;
  previewDefinition(
    definition: Definition,
  ): Promise<Envelope<{ lint: string[]; flags: string[]; diff: string[]; effect: string[] }>>;
  saveDefinition(req: {
    definition: Definition;
    note: string;
    author: string;
    baseVersion: number | null;
    baseFingerprint?: string;
  }): Promise<Envelope<{ version: number; message: string; diff: string[] }>>;
  runRanking(asOf?: string): Promise<Envelope<ReportResult>>;
  runGapCheck(asOf?: string): Promise<Envelope<ReportResult>>;
  /** The review as of `asOf` (default today), or of `period` when named: "2026H1", "2026上期". */
  runReview(asOf?: string, period?: string): Promise<Envelope<ReviewResult>>;
  /** A manager records whether a rep does an item without a metric, in a period. */
  confirmItem(req: ConfirmRequest): Promise<Envelope<{ message: string }>>;
  /** A rep marks a saved version as read (読みました). */
  acknowledgeVersion(req: { version: number; rep: string }): Promise<Envelope<{ message: string }>>;
  /** The manual of version `n` (an earlier one written again), else of the version in force today. */
  writeManual(version?: number): Promise<Envelope<ReportResult>>;
  /** Every saved version, and which is in force today. */
  listVersions(): Promise<Envelope<VersionList>>;
  /** Saved version `n` (default: the one in force today). */
  showVersion(n?: number): Promise<Envelope<VersionShown>>;
  /** The diff sentences between any two saved versions. */
  compareVersions(a: number, b: number): Promise<Envelope<VersionComparison>>;
  /** 次にやること: one rep's (blank: everyone's) actions, most urgent first; writes nothing. */
  getActions(req: { rep?: string; asOf?: string }): Promise<Envelope<ActionsResult>>;
  /** One customer's contacts with when and by whom they were last met; writes nothing. */
  getCoverage(req: { customerId: string; asOf?: string }): Promise<Envelope<CoverageResult>>;
}

/** Builds the API over one host's port. `lang` is the user's language (the host's locale). */
export function createApi(port: WorkbookPort, clock: Clock, userLang: string): KimeruApi {
  const lang = toLang(userLang);
  const wrap = async <T>(run: () => Promise<T>): Promise<Envelope<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (e) {
      if (isKimeruError(e)) return { ok: false, message: formatIssues(lang, e.issues) };
      return {
        ok: false,
        message: t(lang, 'error.internal', { detail: e instanceof Error ? e.message : String(e) }),
      };
    }
  };
  // What setup did, as lines; the rows it could not read go to the same warning box as every command's.
  const withText = (report: SetupReport): SetupReport & { text: string[]; unread: UnreadRows } => ({
    ...report,
    text: report.messages,
    unread: unreadOf(lang, report.issues, report.unreadSheet),
  });
  // google.script.run hands an omitted argument before a given one over as null.
  const asOfDay = (text: string | null | undefined): Day => {
    if (text === undefined || text === null || text.trim() === '') return clock.now().day;
    const read = readDate(text);
    if (!read.ok || read.value === null)
      throw new KimeruError({
        key: 'functions.badDateArgument',
        params: { name: t(lang, 'commands.settings.asOf'), value: text },
      });
    return read.value;
  };
  const periodOf = (text: string | null | undefined): PeriodName | undefined => {
    if (text === undefined || text === null || text.trim() === '') return undefined;
    const named = parsePeriod(text);
    if (named === null) throw new KimeruError({ key: 'engines.review.badPeriod', params: { value: text } });
    return named;
  };

  return {
    getState: () => wrap(() => sidebarState(port, clock, lang)),
    setup: (req) => wrap(async () => withText(await setup(port, { lang, ...req }, clock.now().day))),
    previewSetup: (req) =>
      wrap(async () => {
        const names = await port.sheetNames();
        const grids = await port.readSheets(names);
        return withText(planSetup(names, grids, { lang, ...req }, clock.now().day, { preview: true }).report);
      }),
    logActivity: (input) => wrap(() => logActivity(port, input, clock.now(), lang)),
    getDefinition: () => wrap(() => definitionState(port, lang)),
    previewDefinition: (definition) => wrap(() => previewDefinition(port, definition, lang, clock.now().day)),
    saveDefinition: (req) => wrap(() => saveDefinition(port, req, clock.now().day, lang)),
    runRanking: (asOf) => wrap(() => runRanking(port, asOfDay(asOf), lang)),
    runGapCheck: (asOf) =>
      wrap(async () => {
        const { gaps: _gaps, ...rest } = await runGapCheck(port, asOfDay(asOf), lang);
        return rest;
      }),
    runReview: (asOf, period) => wrap(() => runReview(port, asOfDay(asOf), lang, periodOf(period))),
    writeManual: (version) => wrap(() => writeManual(port, clock.now().day, lang, version ?? undefined)),
    confirmItem: (req) =>
      wrap(() => {
        const named = periodOf(req.period);
        if (named === undefined)
          throw new KimeruError({ key: 'engines.review.badPeriod', params: { value: req.period } });
        return confirmItem(port, req, named, lang);
      }),
    acknowledgeVersion: (req) => wrap(() => acknowledgeVersion(port, req, lang)),
    listVersions: () => wrap(() => listVersions(port, lang, clock.now().day)),
    showVersion: (n) => wrap(() => showVersion(port, n, lang, clock.now().day)),
    compareVersions: (a, b) => wrap(() => compareVersions(port, a, b, lang)),
    getActions: (req) => wrap(() => actionsOf(port, req.rep ?? '', asOfDay(req.asOf), lang)),
    getCoverage: (req) => wrap(() => coverageFor(port, req.customerId, asOfDay(req.asOf), lang)),
  };
}

async function sidebarState(port: WorkbookPort, clock: Clock, lang: Lang): Promise<SidebarState> {
  const sheetNames = await port.sheetNames();
  const base = {
    lang,
    today: dayToIso(clock.now().day),
    sheetNames,
    activityTypes: ACTIVITY_TYPES.map((code) => ({ code, label: ACTIVITY_TYPE_LABELS[code][lang] })),
  };
  if (findSettingsSheet(sheetNames) === null)
    return { ...base, setUp: false, asOf: null, customers: [], contacts: [], reps: [], warnings: [] };
  const loaded = await loadWorkbook(port, ['customers', 'contacts']);
  const { dataset, issues } = datasetOf(loaded);
  return {
    ...base,
    setUp: true,
    asOf: loaded.settings.asOf === null ? null : dayToIso(loaded.settings.asOf),
    customers: dataset.customers.map(({ id, name, kana, rep }) => ({ id, name, kana, rep })),
    contacts: dataset.contacts.map(({ id, customerId, name, title, role }) => ({
      id,
      customerId,
      name,
      title,
      role,
      roleLabel: ROLE_LABELS[role][lang],
    })),
    reps: [...new Set(dataset.customers.map((c) => c.rep).filter((r) => r !== ''))].sort(),
    warnings: issues.slice(0, 20).map((i) => formatIssues(lang, [i])),
  };
}
