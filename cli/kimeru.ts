import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createApi, type Clock, type Envelope, type KimeruApi, type UnreadRows } from '../shared/commands';
import { t, toLang, type Lang } from '../shared/i18n';
import type { WriteCell } from '../shared/port';
import { dayFromDate, dayToIso, readDate } from '../shared/values';
import { readCsv } from '../xlsx/csv';
import { fail } from '../xlsx/messages';
import { isCompoundFile, isZip } from '../xlsx/sniff';
import { openStreamedBook, type StreamedBook } from '../xlsx/stream-book';
import { writePackage } from '../xlsx/write';
import { FileWorkbook } from './file-workbook';
import { readInput, sameFile, writeAtomically } from './files';
import { say, type CliKey } from './messages';
import { actionsText } from './actions';
import { reportJson } from './json';
import { writeSample } from './sample';

/**
 * `kimeru setup|rank|gapcheck|review|manual <file.xlsx|file.csv>`: kimeru's commands over a
 * workbook file, for batch use by a consultant. The tables a command needs are read straight
 * from the package (no formula engine: a formula cell gives the value the file cached), and the
 * result is saved with kimeru's sheets added to the original package — to <name>.kimeru.xlsx
 * (never over an existing one without --force), over a <name>.kimeru.xlsx given as the input
 * (kimeru's own earlier output, so setup → rank → gapcheck build up one file), or atomically
 * over the input with --in-place. `kimeru sample <file.xlsx>` writes a sample company to try on.
 */

const COMMANDS = ['setup', 'rank', 'gapcheck', 'review', 'manual', 'actions', 'sample', 'definition'] as const;
type Command = (typeof COMMANDS)[number];
/** The commands that compute a result into a sheet (each takes --as-of, --json). */
type ReportCommand = 'rank' | 'gapcheck' | 'review' | 'manual';
/** `kimeru definition versions|show|diff FILE …`: reads the versions, writes nothing. */
const DEFINITION_VIEWS = ['versions', 'show', 'diff'] as const;
type DefinitionView = (typeof DEFINITION_VIEWS)[number];

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today, for the as-of date when none is given (the tests fix it). */
  now?: () => Date;
}

interface Options {
  command: Command;
  file: string;
  asOf?: string;
  lang: Lang;
  out?: string;
  inPlace: boolean;
  /** Overwrite the default output <name>.kimeru.xlsx when it exists. */
  force: boolean;
  customerSheet?: string;
  contactsSheet?: string;
  logSheet?: string;
  /** `actions --rep NAME`: only this rep's customers. */
  rep?: string;
  /** Print the result as JSON on stdout (the human lines go to stderr). */
  json: boolean;
  /** review: the half-year to review, as written (2026H1, 2026上期…). */
  period?: string;
  /** definition: which view, and the version numbers after the file. */
  view?: DefinitionView;
  versions: number[];
  /** manual: the version whose manual to write (default: the one in force on the as-of date). */
  manualVersion?: number;
}

/** Exit codes: 0 done, 1 the file or a command failed, 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = langOf(argv);
  if (argv.length === 0) {
    io.stderr(`${say(lang, 'cli.usage')}\n`);
    return EXIT.usage;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${say(lang, 'cli.usage')}\n`);
    return EXIT.ok;
  }
  try {
    const options = parseArgs(argv, lang);
    await run(options, io);
    return EXIT.ok;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`${say(lang, 'cli.failed', { message })}\n`);
    if (e instanceof CliError && e.code === EXIT.usage) io.stderr(`\n${say(lang, 'cli.usage')}\n`);
    return e instanceof CliError ? e.code : EXIT.failed;
  }
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'ja';
  const arg = argv[i]!;
  return toLang(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]);
}

function usage(lang: Lang, key: CliKey, params: Record<string, string> = {}): never {
  throw new CliError(say(lang, key, params), EXIT.usage);
}

function failed(lang: Lang, key: CliKey, params: Record<string, string> = {}): never {
  throw new CliError(say(lang, key, params), EXIT.failed);
}

function parseArgs(argv: readonly string[], lang: Lang): Options {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let inPlace = false;
  let force = false;
  let json = false;
  const withValue = [
    '--as-of',
    '--lang',
    '--out',
    '--customer-sheet',
    '--contacts-sheet',
    '--log-sheet',
    '--rep',
    '--period',
    '--version',
  ];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--in-place') inPlace = true;
    else if (arg === '--force') force = true;
    else if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!withValue.includes(name)) usage(lang, 'cli.unknownOption', { option: arg });
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--')))
        usage(lang, 'cli.missingValue', { option: name });
      values[name] = value;
    } else positional.push(arg);
  }
  const command = positional.shift();
  if (!COMMANDS.includes(command as Command)) usage(lang, 'cli.unknownCommand', { command: command ?? '' });
  const view = command === 'definition' ? definitionView(positional.shift(), lang) : undefined;
  const [file, ...rest] = positional;
  if (file === undefined) usage(lang, 'cli.noFile');
  const versions = view !== undefined ? versionNumbers(view, rest, lang) : [];
  if (view === undefined && rest.length > 0) usage(lang, 'cli.unknownOption', { option: rest[0]! });
  if (values['--period'] !== undefined && command !== 'review')
    usage(lang, 'cli.unknownOption', { option: '--period' });
  if (values['--version'] !== undefined && command !== 'manual')
    usage(lang, 'cli.unknownOption', { option: '--version' });
  const manualVersion =
    values['--version'] !== undefined ? versionNumbers('show', [values['--version']], lang)[0] : undefined;
  return {
    command: command as Command,
    file,
    lang,
    inPlace,
    force,
    json,
    versions,
    ...(view !== undefined ? { view } : {}),
    ...(values['--period'] !== undefined ? { period: values['--period'] } : {}),
    ...(manualVersion !== undefined ? { manualVersion } : {}),
    ...(values['--as-of'] !== undefined ? { asOf: values['--as-of'] } : {}),
    ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
    ...(values['--customer-sheet'] !== undefined ? { customerSheet: values['--customer-sheet'] } : {}),
    ...(values['--contacts-sheet'] !== undefined ? { contactsSheet: values['--contacts-sheet'] } : {}),
    ...(values['--log-sheet'] !== undefined ? { logSheet: values['--log-sheet'] } : {}),
    ...(values['--rep'] !== undefined ? { rep: values['--rep'] } : {}),
  };
}

function definitionView(word: string | undefined, lang: Lang): DefinitionView {
  if (!DEFINITION_VIEWS.includes(word as DefinitionView))
    usage(lang, 'cli.definitionView', { view: word ?? '' });
  return word as DefinitionView;
}

/** The version numbers after the file: none for versions, at most one for show, two for diff. */
function versionNumbers(view: DefinitionView, words: readonly string[], lang: Lang): number[] {
  const most = { versions: 0, show: 1, diff: 2 }[view];
  if (words.length > most) usage(lang, 'cli.unknownOption', { option: words[most]! });
  if (view === 'diff' && words.length < 2) usage(lang, 'cli.diffNeedsTwo');
  return words.map((w) => {
    // 2, v2, 第2版: the version as people write it.
    const m = /^(?:第|v)?\s*(\d+)\s*版?$/i.exec(w.normalize('NFKC').trim());
    const n = m ? Number(m[1]) : NaN;
    if (!Number.isInteger(n) || n < 1) usage(lang, 'cli.badVersion', { value: w });
    return n;
  });
}

/** The name kimeru gives its output beside an input: <name>.kimeru.xlsx (.xlsm kept). */
const KIMERU_OUTPUT = /\.kimeru\.(xlsx|xlsm)$/i;

/**
 * Where the result goes: --out, the input itself with --in-place or when the input is kimeru's
 * own output (<name>.kimeru.xlsx: setup, then rank, then gapcheck on it build up that one file,
 * never a <name>.kimeru.kimeru.xlsx), or <name>.kimeru.xlsx beside it.
 */
function outputPath(o: Options): { path: string; updatesInput: boolean } {
  const input = resolve(o.file);
  const ext = extname(input).toLowerCase();
  const isCsv = ext === '.csv' || ext === '.tsv' || ext === '.txt';
  if (o.inPlace) {
    if (isCsv) usage(o.lang, 'cli.csvInPlace');
    return { path: input, updatesInput: true };
  }
  if (o.out === undefined && KIMERU_OUTPUT.test(input)) return { path: input, updatesInput: true };
  const out =
    o.out !== undefined
      ? resolve(o.out)
      : join(
          dirname(input),
          `${basename(input, extname(input))}.kimeru${ext === '.xlsm' ? '.xlsm' : '.xlsx'}`,
        );
  if (out === input) usage(o.lang, 'cli.sameFile');
  return { path: out, updatesInput: false };
}

/** The file as a workbook port: an .xlsx package read lazily, or a CSV file's one sheet. */
function openFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
): { workbook: FileWorkbook; book: StreamedBook | null } {
  const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    const sheet = readCsv(bytes, fileName, lang);
    // CSV content comes guarded as a spreadsheet keeps typed text ("'00123"): the text is the value.
    const rows = sheet.content.map((r) =>
      r.map((c): WriteCell => {
        if (typeof c === 'string') return c.replace(/^'/, '');
        if (typeof c === 'number' || typeof c === 'boolean') return c;
        return null;
      }),
    );
    return { workbook: new FileWorkbook(null, lang, [{ name: sheet.name, rows }]), book: null };
  }
  if (ext !== 'xlsx' && ext !== 'xlsm' && !isZip(bytes) && !isCompoundFile(bytes))
    fail(lang, 'xlsx.unsupported', { file: fileName });
  const book = openStreamedBook(bytes, fileName, lang);
  return { workbook: new FileWorkbook(book, lang), book };
}

async function run(o: Options, io: CliIo): Promise<void> {
  const { lang } = o;
  if (o.command === 'sample') return writeSample(o.file, lang, o.force, io);
  if (o.command === 'definition') return viewDefinition(o, io);
  const today = dayFromDate((io.now ?? (() => new Date()))());
  let asOfDay = today;
  if (o.asOf !== undefined) {
    const read = readDate(o.asOf);
    if (!read.ok || read.value === null) usage(lang, 'cli.badAsOf', { value: o.asOf });
    asOfDay = read.value;
  }
  if (o.command === 'actions') return runActions(o, io, asOfDay);
  const { path: out, updatesInput } = outputPath(o);
  io.stderr(`${say(lang, 'cli.progress.read', { file: o.file })}\n`);
  const bytes = readInput(o.file, lang);
  if (!updatesInput && sameFile(o.file, out)) usage(lang, 'cli.sameFile');
  // The default output may be an earlier run's result a consultant has since edited: only --out
  // naming it, or --force, overwrites it (running on it instead updates it, keeping the edits).
  if (!updatesInput && o.out === undefined && !o.force && existsSync(out))
    failed(lang, 'cli.outputExists', { file: out, input: basename(out) });

  const { workbook, book } = openFile(bytes, basename(o.file), lang);
  // Run on the as-of date, so setup records it and the sheets say which day they describe.
  const clock: Clock = { now: () => ({ day: asOfDay, minutes: 0 }) };
  const api = createApi(workbook, clock, lang);

  // With --json, stdout carries the JSON alone; what people read goes to stderr.
  const say_ = (text: string) => (o.json ? io.stderr(text) : io.stdout(text));
  const state = await value(api.getState());
  let json: unknown = null;
  if (o.command === 'setup' || !state.setUp) json = await runSetup(api, workbook, o, io, say_);
  if (o.command !== 'setup') {
    io.stderr(`${say(lang, 'cli.progress.run', { command: o.command })}\n`);
    const asOf = o.asOf !== undefined ? dayToIso(asOfDay) : undefined;
    const result = await value(commandOf(api, o.command, asOf, o));
    say_(`${[result.message, ...result.headline.map((h) => `  ${h}`)].join('\n')}\n`);
    reportUnread(result.unread, lang, io);
    if (o.json) json = await reportJson(workbook, o.command, out, result, o.command !== 'manual');
  }

  io.stderr(`${say(lang, 'cli.progress.write', { file: out })}\n`);
  const saved = writePackage(book, workbook.changesToSave(), lang);
  try {
    await writeAtomically(out, saved, lang);
  } catch (e) {
    failed(lang, 'cli.writeFailed', { file: out, detail: e instanceof Error ? e.message : String(e) });
  }
  say_(`${say(lang, 'cli.written', { file: out })}\n`);
  if (o.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
}

/** `kimeru actions`: reads the file, prints the action list; writes nothing (setup, if needed, stays in memory). */
async function runActions(o: Options, io: CliIo, asOfDay: number): Promise<void> {
  const { workbook } = openFile(readInput(o.file, o.lang), basename(o.file), o.lang);
  const api = createApi(workbook, { now: () => ({ day: asOfDay, minutes: 0 }) }, o.lang);
  if (!(await value(api.getState())).setUp) {
    const report = await value(api.setup(sheetChoice(o)));
    if (report.customerCount === 0 && workbook.isCreated(report.sheets.customers))
      failed(o.lang, 'cli.noCustomers', { file: o.file });
  }
  const result = await value(api.getActions({ rep: o.rep ?? '', asOf: dayToIso(asOfDay) }));
  // --json: the rows as the pane gets them; the text for people goes to stderr.
  if (o.json) {
    io.stderr(actionsText(result, o.lang));
    io.stdout(`${JSON.stringify({ command: 'actions', file: o.file, ...result }, null, 2)}\n`);
  } else io.stdout(actionsText(result, o.lang));
  reportUnread(result.unread, o.lang, io);
}

const sheetChoice = (o: Options) => ({
  ...(o.customerSheet !== undefined ? { customerSheet: o.customerSheet } : {}),
  ...(o.contactsSheet !== undefined ? { contactsSheet: o.contactsSheet } : {}),
  ...(o.logSheet !== undefined ? { logSheet: o.logSheet } : {}),
});

/** `kimeru definition versions|show|diff FILE`: the saved versions, read only (nothing is written). */
async function viewDefinition(o: Options, io: CliIo): Promise<void> {
  const today = dayFromDate((io.now ?? (() => new Date()))());
  const { workbook } = openFile(readInput(o.file, o.lang), basename(o.file), o.lang);
  const api = createApi(workbook, { now: () => ({ day: today, minutes: 0 }) }, o.lang);
  const [a, b] = o.versions;
  let shown: { lines: string[] };
  if (o.view === 'versions') {
    const list = await value(api.listVersions());
    for (const line of list.unread) io.stderr(`${line}\n`);
    shown = list;
  } else if (o.view === 'show') shown = await value(api.showVersion(a));
  else shown = await value(api.compareVersions(a!, b!));
  if (o.json) {
    const { lines: _lines, ...rest } = shown as { lines: string[] } & Record<string, unknown>;
    io.stdout(`${JSON.stringify(rest, null, 2)}\n`);
  } else io.stdout(`${shown.lines.join('\n')}\n`);
}

async function runSetup(
  api: KimeruApi,
  workbook: FileWorkbook,
  o: Options,
  io: CliIo,
  say_: (text: string) => void,
): Promise<unknown> {
  io.stderr(`${say(o.lang, 'cli.progress.setup')}\n`);
  const report = await value(
    api.setup({
      ...(o.customerSheet !== undefined ? { customerSheet: o.customerSheet } : {}),
      ...(o.contactsSheet !== undefined ? { contactsSheet: o.contactsSheet } : {}),
      ...(o.logSheet !== undefined ? { logSheet: o.logSheet } : {}),
    }),
  );
  // A workbook without a customer list gets an empty one from setup: for a file, that is an error.
  if (report.customerCount === 0 && workbook.isCreated(report.sheets.customers))
    failed(o.lang, 'cli.noCustomers', { file: o.file });
  say_(`${report.text.join('\n')}\n`);
  // Setup ends with what to do next, numbered.
  const steps = report.nextSteps.map((s, i) => `  ${i + 1}. ${s}`);
  say_(`\n${t(o.lang, 'commands.setup.nextSteps')}\n${steps.join('\n')}\n`);
  reportUnread(report.unread, o.lang, io);
  const { text: _text, issues: _issues, ...result } = report;
  return result;
}

/** Warnings go to stderr — the first few in full, then where the rest are — and never fail the run. */
const UNREAD_SHOWN = 20;
function reportUnread(unread: UnreadRows, lang: Lang, io: CliIo): void {
  if (unread.summary === '') return;
  const lines = [say(lang, 'cli.unread', { summary: unread.summary })];
  for (const line of unread.lines.slice(0, UNREAD_SHOWN)) lines.push(`  ${line}`);
  const more = unread.skipped + unread.warnings - Math.min(unread.lines.length, UNREAD_SHOWN);
  if (unread.sheet !== null)
    lines.push(
      more > 0
        ? say(lang, 'cli.unreadMore', { count: String(more), sheet: unread.sheet })
        : say(lang, 'cli.unreadSheet', { sheet: unread.sheet }),
    );
  io.stderr(`${lines.join('\n')}\n`);
}

function commandOf(api: KimeruApi, command: ReportCommand, asOf: string | undefined, o: Options) {
  switch (command) {
    case 'rank':
      return api.runRanking(asOf);
    case 'gapcheck':
      return api.runGapCheck(asOf);
    case 'review':
      return api.runReview(asOf, o.period);
    case 'manual':
      return api.writeManual(o.manualVersion);
  }
}

async function value<T>(p: Promise<Envelope<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new CliError(r.message, EXIT.failed);
  return r.value;
}

/** The process's own input and output, for the shim (cli/kimeru.js) and `npx tsx cli/kimeru.ts`. */
export const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

if (require.main === module)
  void main(process.argv.slice(2), processIo).then((code) => (process.exitCode = code));
