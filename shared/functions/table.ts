import { answersOfPeriod, readConfirmations } from '../engines/review-records';
import { t, type Lang } from '../i18n';
import { issueSummary, issueTable, KimeruError, type Issue } from '../issues';
import type { Customer, Day } from '../model';
import type { CellValue } from '../values/cell';
import { formatDay, foldText, normalizeText } from '../values';
import {
  activitiesUntil,
  actionTable,
  ACTION_HORIZON,
  checkGaps,
  coverageOf,
  coverageTable,
  gapRepTable,
  gapSummaryTable,
  gapTable,
  listActions,
  halfYearOf,
  periodCode,
  keyPersonsOf,
  ranksAt,
  readRankHistory,
  reviewRows,
  reviewTable,
  summarizeGaps,
  type GapRow,
} from '../engines';
import { readKnowsAnswers } from '../tables/answers';
import { dashboardFunction } from './dashboard';
import { readRanked, readTables } from './inputs';
import type { CoercedArgs, FunctionDef, ParamDef } from './types';

/**
 * kimeru's custom functions, defined once: the Sheets stubs (KIMERU_RANK…), Excel's
 * functions.json (KIMERU.RANK…) and the playground's formula engine are generated from this
 * table. Every function takes whole ranges with their header rows, returns a 2D array that
 * spills, is pure, and reads the as-of date from an argument, never from the clock.
 */

const param = (
  name: string,
  kind: ParamDef['kind'],
  optional: boolean,
  ja: string,
  en: string,
): ParamDef => ({
  name,
  kind,
  optional,
  help: { ja, en },
});

/** A table range (customers, contacts, the log): read only through the table reader. */
const tableParam = (name: string, ja: string, en: string): ParamDef => ({
  ...param(name, 'range', false, ja, en),
  table: true,
});

const CUSTOMERS = tableParam(
  'customers',
  '顧客表の範囲（見出し行を含む）',
  'The customer table, header row included',
);
const CONTACTS = tableParam(
  'contacts',
  '連絡先表の範囲（見出し行を含む）',
  'The contact table, header row included',
);
const ACTIVITIES = tableParam(
  'activities',
  '行動記録の範囲（見出し行を含む）',
  'The activity log, header row included',
);
const DEFINITION = param(
  'definition',
  'range',
  false,
  '顧客管理の定義シートの範囲。定義履歴シートを渡すと、基準日に適用中の版（基準日のない関数では最新の版）で計算します',
  'The definition sheet; given the definition history sheet, the version in force on the as-of date (the latest version where there is no as-of date)',
);
const AS_OF = param(
  'as_of',
  'date',
  false,
  '基準日: 日付を入れたセル（TODAY() ではなくセルを参照）',
  'As-of date: a cell holding a date (not TODAY())',
);
const LANG = param(
  'lang',
  'text',
  true,
  '見出しの言語: "ja"（既定）か "en"',
  'Language of the headers: "ja" (default) or "en"',
);

const GAP_MODES = ['gaps', 'all', 'summary', 'reps', 'items', 'issues'] as const;
type GapMode = (typeof GAP_MODES)[number];

function range(args: CoercedArgs, name: string): CellValue[][] {
  return args.ranges[name] ?? [];
}

/** The four ranges GAPCHECK and REVIEW read. */
function allTables(args: CoercedArgs) {
  return {
    customers: range(args, 'customers'),
    contacts: range(args, 'contacts'),
    activities: range(args, 'activities'),
    cellObjects: args.cellObjects,
    hostRows: args.hostRows,
    definition: range(args, 'definition'),
    // With the definition history as `definition`, the version in force on this day is used.
    ...(args.dates['as_of'] != null ? { asOf: args.dates['as_of'] } : {}),
  };
}

function asOf(args: CoercedArgs): Day {
  const d = args.dates['as_of'];
  if (d === null || d === undefined)
    throw new KimeruError({ key: 'functions.missingArgument', params: { name: 'as_of' } });
  return d;
}

/**
 * A result aligned row by row with the customer range, so it can sit right beside the table:
 * the header label on the header row, one value per customer row, blanks elsewhere. Rows that
 * were read with problems show it where the user looks: the header carries the count, and a
 * customer row that was left out says why in its own cell.
 */
function besideCustomers(
  height: number,
  headerRow: number,
  header: CellValue[],
  rows: Iterable<{ row: number; values: CellValue[] }>,
  issues: readonly Issue[],
  lang: Lang,
): CellValue[][] {
  return placeBeside(
    height,
    headerRow,
    header,
    (out) => {
      for (const r of rows) out[r.row - 1] = r.values;
    },
    issues,
    lang,
  );
}

/** besideCustomers with the customer rows written by `place` straight into the result. */
function placeBeside(
  height: number,
  headerRow: number,
  header: CellValue[],
  place: (out: CellValue[][]) => void,
  issues: readonly Issue[],
  lang: Lang,
): CellValue[][] {
  const length = Math.max(height, headerRow);
  const out: CellValue[][] = [];
  for (let i = 0; i < length; i++) out.push(BLANK_ROW);
  const summary = issueSummary(lang, issues);
  out[headerRow - 1] =
    summary === ''
      ? header
      : [
          t(lang, 'functions.header.withIssues', { header: String(header[0] ?? ''), summary }),
          ...header.slice(1),
        ];
  place(out);
  // Rows no customer took are blank, each its own array (the result is the caller's to change).
  for (let i = 0; i < length; i++)
    if (out[i] === BLANK_ROW) out[i] = new Array<CellValue>(header.length).fill('');
  for (const i of issues) {
    if (i.argument !== 'customers' || i.severity === 'warning' || i.row === undefined) continue;
    const line = out[i.row - 1];
    if (line && line[0] === '') line[0] = t(lang, 'functions.rowLeftOut', { why: t(lang, i.key, i.params) });
  }
  return out;
}

/** A placeholder for a row not yet written, never returned (see placeBeside). */
const BLANK_ROW: CellValue[] = [];

/** A table result with one more line under it when rows were left out or read with a caveat. */
function withIssueLine(
  table: CellValue[][],
  issues: readonly Issue[],
  lang: Lang,
  how: 'functions.issuesLine.mode' | 'functions.issuesLine.function',
): CellValue[][] {
  const summary = issueSummary(lang, issues);
  if (summary === '') return table;
  const width = table[0]?.length ?? 1;
  const line = new Array<CellValue>(width).fill('');
  line[0] = t(lang, how, { summary });
  table.push(line);
  return table;
}

const RANK: FunctionDef = {
  name: 'RANK',
  help: {
    ja: '顧客表の各行のランクを、定義のランク分け（ルールまたはABC分析）で返します。顧客表の横に置くと行がそろいます。顧客表はランク分けが使う列だけを読みます（ほかの列のエラーは数えません）。',
    en: "Returns each customer row's rank by the definition's ranking (rules or ABC analysis); placed beside the table, rows line up. Of the customer table, only the columns the ranking uses are read (errors elsewhere are not counted).",
  },
  example: '=KIMERU.RANK(顧客!A1:H200, 定義!A1:L40)',
  params: [CUSTOMERS, DEFINITION, LANG],
  run(args, lang) {
    const customers = range(args, 'customers');
    const r = readRanked(
      {
        customers,
        definition: range(args, 'definition'),
        cellObjects: args.cellObjects,
        hostRows: args.hostRows,
      },
      lang,
      { rankingOnly: true },
    );
    const read = r.dataset.customers;
    return placeBeside(
      customers.length,
      r.customerHeaderRow,
      [t(lang, 'functions.col.rank')],
      (out) => placeRanks(out, read, r.rankList),
      r.issues,
      lang,
    );
  },
};

/** Each customer's rank on its own row (a module function: compiled once, not per call). */
function placeRanks(out: CellValue[][], customers: readonly Customer[], ranks: readonly string[]): void {
  for (let i = 0; i < customers.length; i++) out[(customers[i] as Customer).row - 1] = [ranks[i] ?? ''];
}

function gapMode(text: string): GapMode {
  const mode = (foldText(text) || 'gaps') as GapMode;
  if (!GAP_MODES.includes(mode))
    throw new KimeruError({
      key: 'functions.badMode',
      params: { value: text, choices: GAP_MODES.join(', ') },
    });
  return mode;
}

/**
 * Per item: how many customers it was measured on, how many fall short, and how many had nothing
 * to measure (データなし: counted apart, never in "checked"). The no-data column comes after the
 * gaps so the columns before it keep their places.
 */
function itemCounts(rows: readonly GapRow[], lang: Lang, stamp: string): CellValue[][] {
  const byItem = new Map<string, { name: string; checked: number; gaps: number; noData: number }>();
  for (const r of rows) {
    const c = byItem.get(r.itemId) ?? { name: r.itemName, checked: 0, gaps: 0, noData: 0 };
    if (r.status === 'nodata') c.noData++;
    else c.checked++;
    if (r.status === 'gap') c.gaps++;
    byItem.set(r.itemId, c);
  }
  const header = [
    t(lang, 'functions.col.itemId'),
    t(lang, 'functions.col.item'),
    t(lang, 'functions.col.checked'),
    t(lang, 'functions.col.gaps'),
    t(lang, 'engines.col.noData'),
    t(lang, 'functions.col.version'),
  ];
  return [header, ...[...byItem].map(([id, c]) => [id, c.name, c.checked, c.gaps, c.noData, stamp])];
}

const GAPCHECK: FunctionDef = {
  name: 'GAPCHECK',
  help: {
    ja: '現在の定義の測定できる項目ごとに、基準日時点で各顧客が基準を満たしているかを調べ、ギャップを表で返します。行は緊急度順: 一度も会っていない（キーマン未接触・未登録、接触なし）行が先頭、次に期限の古い順、期限のない項目はその後（同じならランク順・顧客表の順）。各行に営業担当・未接触のキーマン・期限・超過日数が付きます。',
    en: "Checks every customer against every measurable item of the definition as of a date and returns the gaps as a table. Rows are by urgency: never met (key person never met or not registered, no contact) first, then the oldest date to act by, then items without a date (ties: rank, then the customer table's order). Each row carries the rep, the key person not met, the date to act by and the days overdue.",
  },
  example: '=KIMERU.GAPCHECK(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 定義!A1:L40, 設定!B2)',
  params: [
    CUSTOMERS,
    CONTACTS,
    ACTIVITIES,
    DEFINITION,
    AS_OF,
    param(
      'mode',
      'text',
      true,
      '"gaps"（既定: ギャップのみ）、"all"（OKも含む）、"summary"（顧客ごと）、"reps"（営業担当ごとの件数）、"items"（項目ごとの社数）、"issues"（読めなかった行の一覧。行動記録は定義の項目が測る列だけを読みます）',
      '"gaps" (default: gaps only), "all" (with OKs), "summary" (per customer), "reps" (counts per rep), "items" (customers per item), "issues" (rows that could not be read; of the activity log, only the columns the items of the definition measure are read)',
    ),
    LANG,
  ],
  run(args, lang) {
    const mode = gapMode(args.texts['mode'] ?? '');
    const r = readRanked(allTables(args), lang, { metricsOnly: true });
    if (mode === 'issues') return issueTable(lang, r.issues);
    const day = asOf(args);
    // Only what the mode shows: the default lists gaps alone; the counts need no words.
    const rows = checkGaps(
      r.definition,
      r.index,
      day,
      r.rankList,
      lang,
      mode === 'gaps' ? { only: 'gap' } : mode === 'all' ? {} : { texts: false },
    );
    const table = (): CellValue[][] => {
      switch (mode) {
        case 'all':
          return gapTable(rows, lang, r.stamp, day);
        case 'summary':
          return gapSummaryTable(summarizeGaps(rows), lang, r.stamp);
        case 'reps':
          return gapRepTable(rows, lang, r.stamp);
        case 'items':
          return itemCounts(rows, lang, r.stamp);
        case 'gaps':
          return gapTable(rows, lang, r.stamp, day);
      }
    };
    return withIssueLine(table(), r.issues, lang, 'functions.issuesLine.mode');
  },
};

const ACTIONS: FunctionDef = {
  name: 'ACTIONS',
  help: {
    ja: `次にやること: 基準日時点で、期限切れか${ACTION_HORIZON}日以内に期限が来るものを緊急度順に返します — 次回アクション、ランクの上限日数内にキーマンに会うこと、ランクの接触間隔内に連絡すること。期限のない行（キーマンに一度も会っていない等）が先頭、次に期限の古い順。各行に顧客・ランク・営業担当・キーマン・最終接触日と接触した人・期限・超過日数（マイナスは残り日数）。`,
    en: `Next actions: as of the as-of date, what is overdue or due within ${ACTION_HORIZON} days, most urgent first — open next actions, key persons to meet within the rank's limit, customers to contact within the rank's interval. Rows with no date (a key person never met…) come first, then the oldest date to act by. Each row has the customer, rank, rep, key persons, when and by whom last met, the date to act by and the days overdue (negative: days left).`,
  },
  example: '=KIMERU.ACTIONS(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 定義!A1:L40, 設定!B2, "佐藤")',
  params: [
    CUSTOMERS,
    CONTACTS,
    ACTIVITIES,
    DEFINITION,
    AS_OF,
    param(
      'rep',
      'text',
      true,
      '営業担当の名前（その人の顧客だけ）。空欄なら全員',
      "A rep's name (only that rep's customers); blank for everyone",
    ),
    LANG,
  ],
  run(args, lang) {
    const r = readRanked(allTables(args), lang);
    const rows = listActions(r.definition, r.index, asOf(args), r.ranks, lang, {
      rep: args.texts['rep'] ?? '',
    });
    return withIssueLine(actionTable(rows, lang, r.stamp), r.issues, lang, 'functions.issuesLine.function');
  },
};

const COVERAGE: FunctionDef = {
  name: 'COVERAGE',
  help: {
    ja: 'キーマンの接触状況: 顧客ごとに連絡先全員の区分・最終接触日・接触した人・直近6か月の面談回数を返します。誰も会っていないキーマンが先頭、キーマン未登録の顧客はその旨の行が出ます。',
    en: 'Key-person coverage: per customer, every contact with role, last met, by whom and meetings in the last six months — key persons nobody has met first; a customer without a key person gets a row saying so.',
  },
  example: '=KIMERU.COVERAGE(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 設定!B2, "K001")',
  params: [
    CUSTOMERS,
    CONTACTS,
    ACTIVITIES,
    AS_OF,
    param(
      'customer',
      'text',
      true,
      '顧客IDか顧客名（その顧客だけ）。空欄なら全顧客',
      "A customer's ID or name (only that customer); blank for all",
    ),
    LANG,
  ],
  run(args, lang) {
    const r = readTables({
      customers: range(args, 'customers'),
      contacts: range(args, 'contacts'),
      activities: range(args, 'activities'),
      cellObjects: args.cellObjects,
      hostRows: args.hostRows,
    });
    const day = asOf(args);
    const wanted = args.texts['customer'] ?? '';
    let customers = r.dataset.customers;
    if (wanted !== '') {
      const key = foldText(wanted);
      const found =
        r.index.customerById.get(wanted) ??
        customers.find((c) => foldText(c.id) === key) ??
        customers.find((c) => foldText(c.name) === key);
      if (!found)
        throw new KimeruError({
          key: 'coverage.unknownCustomer',
          params: { customer: normalizeText(wanted) },
        });
      customers = [found];
    }
    return withIssueLine(
      coverageTable(coverageOf(r.index, day, customers), day, lang),
      r.issues,
      lang,
      'functions.issuesLine.function',
    );
  },
};

const LASTCONTACT: FunctionDef = {
  name: 'LASTCONTACT',
  help: {
    ja: '顧客表の各行に、基準日までの最終接触日と経過日数を返します。キーマンのみ=TRUE でキーマンとの接触に限ります。',
    en: 'Returns, for each customer row, the last contact up to the as-of date and the days since; key_persons_only = TRUE counts key-person contacts only.',
  },
  example: '=KIMERU.LASTCONTACT(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 設定!B2, TRUE)',
  params: [
    CUSTOMERS,
    CONTACTS,
    ACTIVITIES,
    AS_OF,
    param(
      'key_persons_only',
      'boolean',
      true,
      'TRUE: キーマンとの接触のみ数える',
      'TRUE: count key-person contacts only',
    ),
    LANG,
  ],
  run(args, lang) {
    const customers = range(args, 'customers');
    const r = readTables({
      customers,
      contacts: range(args, 'contacts'),
      activities: range(args, 'activities'),
      cellObjects: args.cellObjects,
      hostRows: args.hostRows,
    });
    const day = asOf(args);
    const keyOnly = args.booleans['key_persons_only'] === true;
    const rows = r.dataset.customers.map((c) => {
      const keys = new Set(keyPersonsOf(r.index, c.id).map((k) => k.id));
      const acts = activitiesUntil(r.index, c.id, day);
      let last: Day | null = null;
      for (const a of acts) {
        if (keyOnly && !a.contactIds.some((id) => keys.has(id))) continue;
        if (last === null || a.date > last) last = a.date;
      }
      return { row: c.row, values: last === null ? ['', ''] : [formatDay(last, lang), day - last] };
    });
    const header = keyOnly
      ? [t(lang, 'functions.col.lastKeyContact'), t(lang, 'functions.col.daysSince')]
      : [t(lang, 'functions.col.lastContact'), t(lang, 'functions.col.daysSince')];
    return besideCustomers(customers.length, r.customerHeaderRow, header, rows, r.issues, lang);
  },
};

const KEYPERSON: FunctionDef = {
  name: 'KEYPERSON',
  help: {
    ja: '顧客表の各行に、登録されているキーマン（決裁者を含む）の氏名と人数を返します。',
    en: 'Returns, for each customer row, the registered key persons (decision makers included) and how many there are.',
  },
  example: '=KIMERU.KEYPERSON(顧客!A1:H200, 連絡先!A1:F600)',
  params: [CUSTOMERS, CONTACTS, LANG],
  run(args, lang) {
    const customers = range(args, 'customers');
    const r = readTables({
      customers,
      contacts: range(args, 'contacts'),
      cellObjects: args.cellObjects,
      hostRows: args.hostRows,
    });
    const sep = lang === 'ja' ? '、' : ', ';
    const rows = r.dataset.customers.map((c) => {
      const keys = keyPersonsOf(r.index, c.id);
      return { row: c.row, values: [keys.map((k) => k.name).join(sep), keys.length] };
    });
    return besideCustomers(
      customers.length,
      r.customerHeaderRow,
      [t(lang, 'functions.col.keyPersons'), t(lang, 'functions.col.keyPersonCount')],
      rows,
      r.issues,
      lang,
    );
  },
};

const REVIEW: FunctionDef = {
  name: 'REVIEW',
  help: {
    ja: '基準日を含む半期について、営業担当ごと・項目ごとに「知っている」（本人の回答）と「出来ている」（データ上の達成率）を比べます。',
    en: 'For the half-year containing the as-of date, compares per rep and item what the rep says they know with what the data shows they do.',
  },
  example:
    '=KIMERU.REVIEW(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 定義!A1:L40, 設定!B2, 振り返り回答!A1:C100)',
  params: [
    CUSTOMERS,
    CONTACTS,
    ACTIVITIES,
    DEFINITION,
    AS_OF,
    param(
      'knows',
      'range',
      true,
      '本人の回答: 営業担当・項目（IDか名前）・知っている（○/×）の3列',
      "The reps' answers: three columns rep, item (id or name), knows (TRUE/FALSE, ○/×)",
    ),
    LANG,
    param(
      'confirmations',
      'range',
      true,
      '確認記録シート: 指標のない項目を上長が「出来ている」と確認した記録（渡さなければその項目は未確認）',
      'The confirmations sheet: what a manager confirmed for items without a metric (without it those items are not confirmed)',
    ),
  ],
  run(args, lang) {
    const r = readRanked(allTables(args), lang);
    const day = asOf(args);
    const half = halfYearOf(day, r.definition.fiscalStartMonth, lang);
    const code = periodCode(half);
    // Answers and confirmations of other half-years (the 期間 column) are not this review's.
    const knowsGrid = answersOfPeriod(range(args, 'knows'), code);
    const read = readKnowsAnswers(knowsGrid, r.definition.items, { argument: 'knows' });
    const knows = read.answers;
    const confirmed = readConfirmations(range(args, 'confirmations'), code, 'confirmations');
    const confirmationIssues = confirmed.issues.map(({ sheet: _sheet, ...i }) => ({
      ...i,
      argument: 'confirmations',
    }));
    // Measured as of the as-of date while the half-year is still running.
    const period = { start: half.start, end: Math.min(half.end, day) };
    const rows = reviewRows(
      r.definition,
      r.index,
      period,
      r.ranks,
      knows,
      undefined,
      confirmed.confirmations,
    );
    return withIssueLine(
      reviewTable(rows, lang, `${half.label} ${r.stamp}`),
      [...r.issues, ...read.issues, ...confirmationIssues],
      lang,
      'functions.issuesLine.function',
    );
  },
};

const optional = (p: ParamDef): ParamDef => ({ ...p, optional: true });

const RANKAT: FunctionDef = {
  name: 'RANKAT',
  help: {
    ja: '顧客表の各行に、ランク履歴から読んだ基準日時点のランクを返します（ランク分けのたびに kimeru が履歴を残します）。顧客表の横に置くと行がそろいます。',
    en: "Returns each customer row's rank on the as-of date, read from the rank history kimeru keeps at every ranking run; placed beside the table, rows line up.",
  },
  example: '=KIMERU.RANKAT(顧客!A1:H200, ランク履歴!A1:E5000, 設定!B2)',
  params: [
    CUSTOMERS,
    param(
      'rank_history',
      'range',
      false,
      'ランク履歴シートの範囲（見出し行を含む）',
      'The rank history sheet, header row included',
    ),
    AS_OF,
    LANG,
  ],
  run(args, lang) {
    const customers = range(args, 'customers');
    const r = readTables({ customers, cellObjects: args.cellObjects, hostRows: args.hostRows });
    const history = readRankHistory(range(args, 'rank_history'), 'rank_history');
    const ranks = ranksAt(history.entries, asOf(args));
    const historyIssues = history.issues.map(({ sheet: _sheet, ...i }) => ({
      ...i,
      argument: 'rank_history',
    }));
    return besideCustomers(
      customers.length,
      r.customerHeaderRow,
      [t(lang, 'functions.col.rankAt', { day: formatDay(asOf(args), lang) })],
      r.dataset.customers.map((c) => ({ row: c.row, values: [ranks.get(c.id) ?? ''] })),
      [...r.issues, ...historyIssues],
      lang,
    );
  },
};

const ISSUES: FunctionDef = {
  name: 'ISSUES',
  help: {
    ja: '顧客表・連絡先・行動記録・定義のうち、読めずに除外した行と注意のある行を一覧にします（シート・行・列・値・理由・対処）。',
    en: 'Lists the rows of the customer, contact, activity and definition ranges that were left out or read with a caveat (sheet, row, column, value, why, what to do).',
  },
  example: '=KIMERU.ISSUES(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 定義!A1:L40)',
  params: [CUSTOMERS, optional(CONTACTS), optional(ACTIVITIES), optional(DEFINITION), LANG],
  run(args, lang) {
    const given = (name: string) => (range(args, name).length > 0 ? range(args, name) : undefined);
    const tables = {
      customers: range(args, 'customers'),
      contacts: given('contacts'),
      activities: given('activities'),
      cellObjects: args.cellObjects,
      hostRows: args.hostRows,
    };
    const withDefinition = range(args, 'definition').length > 0;
    const r = withDefinition
      ? readRanked({ ...tables, definition: range(args, 'definition') }, lang)
      : readTables(tables);
    return issueTable(lang, r.issues);
  },
};

/** Every custom function, in the order the hosts list them. */
export const FUNCTIONS: readonly FunctionDef[] = [
  RANK,
  GAPCHECK,
  LASTCONTACT,
  KEYPERSON,
  REVIEW,
  ISSUES,
  RANKAT,
  ACTIONS,
  COVERAGE,
  dashboardFunction({
    customers: CUSTOMERS,
    contacts: CONTACTS,
    activities: ACTIVITIES,
    definition: DEFINITION,
    asOf: AS_OF,
    lang: LANG,
  }),
];

/** KIMERU.RANK in Excel and the playground; Sheets cannot use a dot, nor a built-in's name. */
export const EXCEL_NAMESPACE = 'KIMERU';
export const excelName = (f: FunctionDef): string => `${EXCEL_NAMESPACE}.${f.name}`;
export const sheetsName = (f: FunctionDef): string => `${EXCEL_NAMESPACE}_${f.name}`;

export function findFunction(name: string): FunctionDef | undefined {
  const bare = name.toUpperCase().replace(/^KIMERU[._]/, '');
  return FUNCTIONS.find((f) => f.name === bare);
}
