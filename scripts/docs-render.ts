import { columnLetter } from '../shared/tables/columns';
import { t, type Lang, type MessageKey, type Params } from '../shared/i18n';
import {
  ACTIVITY_TYPE_LABELS,
  METRIC_LABELS,
  PERSPECTIVE_LABELS,
  ROLE_LABELS,
} from '../shared/i18n/vocabulary';
import { ACTIVITY_TYPES, CONTACT_ROLES, type Contact } from '../shared/model';
import {
  historyHeader,
  readDefinition,
  type Definition,
  LINT_LIMITS,
  METRICS,
  starterDefinition,
  thresholdUnit,
  writeDefinition,
  type Item,
  type MetricKind,
} from '../shared/definition';
import { DEFAULT_WINDOWS, rankCustomers, standardText } from '../shared/engines';
import {
  ACTIVITY_TYPE_SYNONYMS,
  columnLabel,
  CONTACT_ROLE_SYNONYMS,
  matchPeople,
  readCustomers,
  TABLE_SPECS,
  type ColumnSpec,
} from '../shared/tables';
import { callFunction, excelName, FUNCTIONS, sheetsName, type FunctionDef } from '../shared/functions';
import { EXCEL_NAMESPACE } from '../shared/functions/table';
import {
  dayFromDate,
  dayFromParts,
  dayToIso,
  formatDay,
  readAttribute,
  readBoolean,
  readDate,
  readNumber,
  type CellValue,
} from '../shared/values';

/*
 * The generated parts of README.md, rendered from the code itself (the function table, the
 * starter definition, the table schemas, the metric catalog…) so the reference cannot drift
 * from what kimeru does. Pure: no file IO, so jest can import it; scripts/docs.ts writes.
 */

/** The README blocks this module renders, each between <!-- generated:NAME:start/end --> markers. */
export const BLOCKS = [
  'tables',
  'values',
  'labels',
  'starter',
  'limits',
  'metrics',
  'ranking',
  'functions',
] as const;
export type BlockName = (typeof BLOCKS)[number];

export const startMarker = (name: BlockName): string => `<!-- generated:${name}:start -->`;
export const endMarker = (name: BlockName): string => `<!-- generated:${name}:end -->`;

// ---------------------------------------------------------------------------------------------
// Markdown helpers

/** One table cell: pipes escaped, line breaks as <br>. */
function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function code(s: string): string {
  return s === '' ? '' : `\`${s.replace(/\|/g, '\\|')}\``;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Words as written, each once (compared as people would: case and width ignored). */
function unique(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const k = w.normalize('NFKC').toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function both(ja: string, en: string): string {
  return ja === en ? ja : `${ja} / ${en}`;
}

// ---------------------------------------------------------------------------------------------
// Tables kimeru reads

function requiredText(c: ColumnSpec): string {
  if (c.required && c.allowBlank) return '列は必須・空欄可 / column required, cell may be blank';
  return c.required ? '**必須** / **required**' : '—';
}

function renderTables(): string {
  const parts: string[] = [];
  for (const spec of Object.values(TABLE_SPECS)) {
    parts.push(`### ${both(t('ja', spec.sheetKey), t('en', spec.sheetKey))}`);
    parts.push(
      table(
        ['列 / Column', '必須 / Required', '認識される見出し / Headers recognised'],
        spec.columns.map((c) => [
          cell(both(columnLabel(c, 'ja'), columnLabel(c, 'en'))),
          requiredText(c),
          c.aliases.map(code).join(' '),
        ]),
      ),
    );
  }
  parts.push('### 連絡先の役割 / Contact roles');
  parts.push(
    table(
      ['役割 / Role', '書き方 / Written as'],
      CONTACT_ROLES.map((r) => [
        cell(both(ROLE_LABELS[r].ja, ROLE_LABELS[r].en)),
        unique([ROLE_LABELS[r].ja, ROLE_LABELS[r].en, ...CONTACT_ROLE_SYNONYMS[r]])
          .map(code)
          .join(' '),
      ]),
    ),
  );
  parts.push('### 行動の種別 / Activity types');
  parts.push(
    table(
      ['種別 / Type', '書き方 / Written as'],
      ACTIVITY_TYPES.map((type) => [
        cell(both(ACTIVITY_TYPE_LABELS[type].ja, ACTIVITY_TYPE_LABELS[type].en)),
        unique([
          ACTIVITY_TYPE_LABELS[type].ja,
          ACTIVITY_TYPE_LABELS[type].en,
          ...ACTIVITY_TYPE_SYNONYMS[type],
        ])
          .map(code)
          .join(' '),
      ]),
    ),
  );
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Cell forms, read by the real readers

const ERROR_TEXT = '✗ エラー（行・列を示す） / error (row and column named)';

function shown(v: CellValue): string {
  return typeof v === 'number' ? `${v}（数値のセル / number cell）` : code(String(v));
}

const NUMBER_INPUTS: CellValue[] = [
  '１２３',
  '1,200万円',
  '1億2000万',
  '¥3,500',
  '70%',
  '△500',
  '(1,200)',
  '1,5',
];
const DATE_INPUTS: CellValue[] = [
  '2026/11/29',
  '2026-11-29',
  '2026年11月29日',
  '令和8年11月29日',
  'R8.11.29',
  'H31/4/30',
  '２０２６／１１／２９',
  '2026/11/29(日) 14:30',
  '20261129',
  46355,
  'Nov 29, 2026',
  '11/29/2026',
  '令和元年4月1日',
  '2026/2/30',
];
const BOOLEAN_INPUTS: CellValue[] = ['○', '×', 'はい', 'いいえ', '済', '未', '✓', '-', 'TRUE', 'たぶん'];
const ATTRIBUTE_INPUTS: CellValue[] = ['1,200万円', '３００', '70%', '0120', '製造業'];

function renderValues(): string {
  const number = (v: CellValue): string => {
    const r = readNumber(v);
    return r.ok ? String(r.value) : ERROR_TEXT;
  };
  const date = (v: CellValue): string => {
    const r = readDate(v);
    return r.ok ? (r.value === null ? '（空欄 / blank）' : dayToIso(r.value)) : ERROR_TEXT;
  };
  const flag = (v: CellValue): string => {
    const r = readBoolean(v);
    return r.ok ? String(r.value).toUpperCase() : ERROR_TEXT;
  };
  const attribute = (v: CellValue): string => {
    const a = readAttribute(v);
    if (a === null) return '（空欄 / blank）';
    return typeof a === 'number' ? `${a}（数値 / number）` : `${code(String(a))}（文字 / text）`;
  };
  const rows = (inputs: CellValue[], read: (v: CellValue) => string): string[][] =>
    inputs.map((v) => [shown(v), read(v)]);
  return [
    '**数値 / Numbers**',
    table(['セル / Cell', '読み取り / Read as'], rows(NUMBER_INPUTS, number)),
    '**日付 / Dates**',
    table(['セル / Cell', '読み取り / Read as'], rows(DATE_INPUTS, date)),
    '**はい・いいえ / Yes-no**',
    table(['セル / Cell', '読み取り / Read as'], rows(BOOLEAN_INPUTS, flag)),
    '**顧客表のその他の列（属性） / Other customer columns (attributes)**',
    table(['セル / Cell', '読み取り / Read as'], rows(ATTRIBUTE_INPUTS, attribute)),
    '**面談者 / People met** — 連絡先が 田中 太郎（部長・キーマン）、田中 次郎（課長）、鈴木 花子（主任）の顧客で / ' +
      'for a customer whose contacts are 田中 太郎 (部長, key person), 田中 次郎 (課長) and 鈴木 花子 (主任)',
    table(
      ['セル / Cell', '読み取り / Read as'],
      PEOPLE_INPUTS.map((v) => [code(v), people(v)]),
    ),
  ].join('\n\n');
}

const SAMPLE_PEOPLE: Contact[] = [
  {
    id: 'P1',
    customerId: 'C1',
    name: '田中 太郎',
    kana: 'タナカ タロウ',
    title: '部長',
    role: 'key',
    row: 2,
  },
  {
    id: 'P2',
    customerId: 'C1',
    name: '田中 次郎',
    kana: 'タナカ ジロウ',
    title: '課長',
    role: 'charge',
    row: 3,
  },
  {
    id: 'P3',
    customerId: 'C1',
    name: '鈴木 花子',
    kana: 'スズキ ハナコ',
    title: '主任',
    role: 'charge',
    row: 4,
  },
];
const PEOPLE_INPUTS = [
  '田中部長、鈴木様',
  '鈴木さん/田中課長',
  'たなか たろう',
  '田中部長 鈴木様 他2名',
  '田中',
  '佐藤様',
];

function people(text: string): string {
  const m = matchPeople(text, SAMPLE_PEOPLE);
  const name = new Map(SAMPLE_PEOPLE.map((p) => [p.id, p.name]));
  const parts = m.ids.map((id) => name.get(id) ?? id);
  for (const a of m.ambiguous)
    parts.push(
      `⚠ 「${a.name}」は複数に該当 / "${a.name}" is ambiguous (${a.candidates.map((id) => name.get(id) ?? id).join(', ')})`,
    );
  for (const u of m.unknown) parts.push(`⚠ 「${u}」は連絡先にない / "${u}" is not a contact`);
  return cell(parts.join('、'));
}

// ---------------------------------------------------------------------------------------------
// Definition-sheet labels

interface LabelDoc {
  key: MessageKey;
  ja: string;
  en: string;
}

const SETTING_LABELS: LabelDoc[] = [
  { key: 'definition.label.title', ja: '見出し（任意の文字でよい）', en: 'Title (any text)' },
  {
    key: 'definition.label.version',
    ja: '版の番号（3、第3版、v3）。保存前は空欄',
    en: 'Version number (3, 第3版, v3); blank before saving',
  },
  {
    key: 'definition.label.ranks',
    ja: 'ランク名を右へ、良い順に（最初の空欄まで、各10文字まで）',
    en: 'Rank names to the right, best first (up to the first blank, 10 characters each)',
  },
  {
    key: 'definition.label.fiscalStartMonth',
    ja: '期首月 1〜12（4、4月、Apr）。省略時は4',
    en: 'First month of the fiscal year, 1–12 (4, 4月, Apr); 4 when omitted',
  },
  {
    key: 'definition.label.ranking',
    ja: '「ルール」か「ABC分析」。空欄なら置かれている表で決まる',
    en: '"Rules" or "ABC analysis"; when blank, the table present decides',
  },
  {
    key: 'definition.label.abcColumn',
    ja: 'ABC分析で集計する顧客表の列（例: 年間取引額）',
    en: 'The customer column ABC analysis sums (e.g. annual sales)',
  },
];

const BLOCK_HEADERS: Array<{ keys: MessageKey[]; ja: string; en: string }> = [
  {
    keys: ['definition.label.rankColumn', 'definition.label.conditions'],
    ja: 'ルールの表: 1行に ランク と 条件。上から順に判定',
    en: 'Rules table: a rank and its conditions per row, tried from the top',
  },
  {
    keys: ['definition.label.rankColumn', 'definition.label.cutoff'],
    ja: 'ABC分析の表: ランクごとの累積構成比（70%、70、0.7）',
    en: 'ABC table: cumulative share per rank (70%, 70, 0.7)',
  },
  {
    keys: [
      'definition.label.perspective',
      'definition.label.itemId',
      'definition.label.item',
      'definition.label.standard',
      'definition.label.metric',
      'definition.label.target',
      'definition.label.window',
    ],
    ja: '項目の表。右にランク名の列（A、B、C…）を並べ、しきい値を書く',
    en: 'Item table; rank-name columns (A, B, C…) to the right hold the thresholds',
  },
];

const VALUE_LABELS: LabelDoc[] = [
  { key: 'definition.label.methodRules', ja: 'ランク分けの値', en: 'Ranking value' },
  { key: 'definition.label.methodAbc', ja: 'ランク分けの値', en: 'Ranking value' },
  {
    key: 'definition.label.otherwise',
    ja: '条件なしのルール（すべての顧客に当てはまる）',
    en: 'A rule without conditions (matches every customer)',
  },
  {
    key: 'definition.label.required',
    ja: 'フラグ型の指標のしきい値（○、1、TRUE も可）',
    en: 'Threshold of a yes/no metric (○, 1, TRUE also work)',
  },
  { key: 'definition.label.and', ja: '条件のつなぎ', en: 'Joins conditions' },
];

function renderLabels(): string {
  const label = (key: MessageKey, lang: Lang): string => code(t(lang, key));
  const rows = (docs: LabelDoc[]): string[][] =>
    docs.map((d) => [label(d.key, 'ja'), label(d.key, 'en'), cell(d.ja), cell(d.en)]);
  const header = ['日本語', 'English', '意味', 'Meaning'];
  return [
    '**設定の行（A列にラベル、右に値） / Setting rows (label, then the value to its right)**',
    table(header, rows(SETTING_LABELS)),
    '**表の見出し行 / Table header rows**',
    table(
      header,
      BLOCK_HEADERS.map((b) => [
        b.keys.map((k) => label(k, 'ja')).join(' \\| '),
        b.keys.map((k) => label(k, 'en')).join(' \\| '),
        cell(b.ja),
        cell(b.en),
      ]),
    ),
    '**値 / Values**',
    table(header, [
      ...rows(VALUE_LABELS),
      ...(Object.keys(PERSPECTIVE_LABELS) as Array<keyof typeof PERSPECTIVE_LABELS>).map((p) => [
        code(PERSPECTIVE_LABELS[p].ja),
        code(PERSPECTIVE_LABELS[p].en),
        '切り口',
        'Perspective',
      ]),
    ]),
    '**版の履歴シートの見出し / History sheet header**',
    table(
      ['日本語', 'English'],
      [
        [
          historyHeader('ja').map(String).map(code).join(' \\| '),
          historyHeader('en').map(String).map(code).join(' \\| '),
        ],
      ],
    ),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The starter definition, exactly as writeDefinition lays it out

/** A grid as a spreadsheet-like Markdown table: column letters on top, row numbers on the left. */
export function gridTable(grid: CellValue[][]): string {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const header = ['', ...Array.from({ length: width }, (_, i) => columnLetter(i))];
  const rows = grid.map((r, i) => [
    String(i + 1),
    ...Array.from({ length: width }, (_, c) => {
      const v = r[c];
      return cell(v instanceof Date ? dayToIso(dayFromDate(v)) : v);
    }),
  ]);
  return table(header, rows);
}

function renderStarter(): string {
  return [
    "`writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 })`",
    gridTable(writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 })),
    "`writeDefinition(starterDefinition('en'), { lang: 'en', version: 1 })`",
    gridTable(writeDefinition(starterDefinition('en'), { lang: 'en', version: 1 })),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The 1-3-5-7 limits

type LimitKey = keyof typeof LINT_LIMITS;
const LIMIT_DOCS: Record<LimitKey, { rule: string; ja: [string, string]; en: [string, string] }> = {
  perspectives: {
    rule: '3',
    ja: ['切り口の数（コラムの3つ）', '定義を3つの切り口で書く。切り口の外の項目は警告'],
    en: ['Perspectives (the column’s three)', 'The definition is written along three perspectives'],
  },
  conditionsPerRule: {
    rule: '3',
    ja: ['1つのランク分けルールの条件数', 'ランクの理由を一息で説明できるように'],
    en: ['Conditions in one ranking rule', 'A rank can be explained in one breath'],
  },
  itemsPerPerspective: {
    rule: '5',
    ja: ['1つの切り口の項目数', '1週間の訪問を計画しながら頭に置ける数'],
    en: ['Items under one perspective', 'What a person keeps in mind while planning a week of visits'],
  },
  ranks: {
    rule: '5',
    ja: ['ランクの数', '同上: 多すぎるランクは使い分けられない'],
    en: ['Ranks', 'Same: more ranks than that are not told apart in practice'],
  },
  measurableItems: {
    rule: '7',
    ja: ['測定する項目の数（全体）', '各項目が全顧客のギャップの列になる。人が同時に動けるのは7つほど'],
    en: [
      'Measurable items in all',
      'Each becomes a column of gaps for every customer; a rep acts on about seven checks at a time',
    ],
  },
  standardChars: {
    rule: '—',
    ja: ['基準の文字数', '基準は1文。印刷した営業マニュアルの1行に収まる長さ'],
    en: ['Characters in a standard', 'A standard is one sentence: one line of the printed sales manual'],
  },
};

function renderLimits(): string {
  const keys = Object.keys(LINT_LIMITS) as LimitKey[];
  const order = ['3', '5', '7', '—'];
  keys.sort((a, b) => order.indexOf(LIMIT_DOCS[a].rule) - order.indexOf(LIMIT_DOCS[b].rule));
  return [
    table(
      ['1-3-5-7', '上限', '数えるもの', '理由'],
      keys.map((k) => [
        LIMIT_DOCS[k].rule,
        String(LINT_LIMITS[k]),
        cell(LIMIT_DOCS[k].ja[0]),
        cell(LIMIT_DOCS[k].ja[1]),
      ]),
    ),
    table(
      ['1-3-5-7', 'Limit', 'What is counted', 'Why'],
      keys.map((k) => [
        LIMIT_DOCS[k].rule,
        String(LINT_LIMITS[k]),
        cell(LIMIT_DOCS[k].en[0]),
        cell(LIMIT_DOCS[k].en[1]),
      ]),
    ),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The metric catalog

interface MetricDoc {
  threshold: Record<Lang, string>;
  scope: Record<Lang, string>;
  /** A threshold to show the standard in words with. */
  sample: number;
  target?: Record<Lang, string>;
  /** Examples of what GAPCHECK writes as the actual: message keys (joined by a space) and params. */
  actual: Array<{ keys: MessageKey[]; params?: Params | ((lang: Lang) => Params) }>;
}

const METRIC_DOCS: Record<MetricKind, MetricDoc> = {
  key_person_registered: {
    threshold: {
      ja: '必須: キーマン（役割がキーマン・決裁者）の連絡先が1人以上いる',
      en: 'Required: at least one contact with the key-person role (key person, decision maker)',
    },
    scope: { ja: '—', en: '—' },
    sample: 1,
    actual: [{ keys: ['engines.actual.keyPersons'] }, { keys: ['engines.actual.noKeyPerson'] }],
  },
  key_person_contact_days: {
    threshold: {
      ja: 'N: 基準日までN日以内に、面談者にキーマンが含まれる行動がある',
      en: 'N: an activity whose people met include a key person, at most N days before the as-of date',
    },
    scope: { ja: '直近のキーマン接触', en: 'The latest key-person contact' },
    sample: 60,
    actual: [
      { keys: ['engines.actual.lastKeyContact'], params: { days: 45 } },
      { keys: ['engines.actual.lastKeyContact', 'engines.actual.chargeOnlySince'], params: { days: 120 } },
      { keys: ['engines.actual.chargeOnly'] },
      { keys: ['engines.actual.noKeyContact'] },
      { keys: ['engines.actual.noKeyPerson'] },
      { keys: ['engines.actual.noContact'] },
    ],
  },
  contact_days: {
    threshold: {
      ja: 'N: 基準日までN日以内に何かの行動がある（種別・相手を問わない）',
      en: 'N: any activity (any type, anyone) at most N days before the as-of date',
    },
    scope: { ja: '直近の行動', en: 'The latest activity' },
    sample: 30,
    actual: [
      { keys: ['engines.actual.lastContact'], params: { days: 12 } },
      { keys: ['engines.actual.noContact'] },
    ],
  },
  distinct_contacts: {
    threshold: {
      ja: 'N: 期間内にN人以上の異なる連絡先と会っている',
      en: 'N: at least N different contacts met within the window',
    },
    scope: {
      ja: `期間（空欄なら${DEFAULT_WINDOWS.distinct_contacts ?? ''}日）`,
      en: `Window (blank: ${DEFAULT_WINDOWS.distinct_contacts ?? ''} days)`,
    },
    sample: 3,
    actual: [{ keys: ['engines.actual.distinctContacts'], params: { days: 180, count: 2 } }],
  },
  activity_count: {
    threshold: {
      ja: 'N: 期間内に対象の種別の行動がN回以上',
      en: 'N: at least N activities of the target type(s) within the window',
    },
    scope: {
      ja: `対象: 種別（訪問、Web会議…。空欄なら全種別）、期間（空欄なら${DEFAULT_WINDOWS.activity_count ?? ''}日）`,
      en: `Target: activity type(s) (visit, web meeting…; blank: any); window (blank: ${DEFAULT_WINDOWS.activity_count ?? ''} days)`,
    },
    sample: 2,
    target: { ja: '訪問', en: 'Visit' },
    actual: [{ keys: ['engines.actual.activityCount'], params: { days: 90, count: 1 } }],
  },
  next_action_overdue: {
    threshold: {
      ja: 'N: 最新の行動の次回期日を過ぎてもN日まで（0 = 期日当日まで）',
      en: 'N: the next action of the latest activity is at most N days past its due date (0 = by the due date)',
    },
    scope: {
      ja: '顧客の最新の行動に書かれた次回アクション（後の行動が前の次回アクションを閉じる）',
      en: 'The next action written on the customer’s latest activity (a later activity closes an earlier one)',
    },
    sample: 0,
    actual: [
      { keys: ['engines.actual.nextDueOverdue'], params: { days: 5 } },
      { keys: ['engines.actual.nextDueOpen'] },
      { keys: ['engines.actual.noOpenAction'] },
    ],
  },
  attribute_filled: {
    threshold: {
      ja: '必須: 対象の列がすべて入力されている',
      en: 'Required: every column named in the target is filled in',
    },
    scope: {
      ja: '対象: 顧客表の列名（「、」「,」区切り）。必須',
      en: 'Target: customer column names (separated by , or 、); required',
    },
    sample: 1,
    target: { ja: '業種、従業員数', en: 'Industry, Employees' },
    actual: [
      {
        keys: ['engines.actual.attributesFilled'],
        params: (lang) => ({ columns: lang === 'ja' ? '業種、従業員数' : 'Industry, Employees' }),
      },
      { keys: ['engines.actual.attributesEmpty'] },
      {
        keys: ['engines.actual.columnMissing'],
        params: (lang) => ({ columns: lang === 'ja' ? '業種' : 'Industry' }),
      },
    ],
  },
  recording_lag_days: {
    threshold: {
      ja: 'N: 期間内の行動が、日付からN日以内に記録されている（記録日時 − 日付 ≤ N）。記録日時のない手入力の行は数えない',
      en: 'N: activities in the window were recorded within N days of their date (recorded at − date ≤ N); hand-typed rows without a recorded time are not counted',
    },
    scope: {
      ja: `期間（空欄なら${DEFAULT_WINDOWS.recording_lag_days ?? ''}日）`,
      en: `Window (blank: ${DEFAULT_WINDOWS.recording_lag_days ?? ''} days)`,
    },
    sample: 3,
    actual: [
      { keys: ['engines.actual.recordsOnTime'] },
      { keys: ['engines.actual.lateRecords'] },
      { keys: ['engines.actual.noStampedRecords'] },
    ],
  },
};

const UNIT_TEXT: Record<ReturnType<typeof thresholdUnit>, Record<Lang, string>> = {
  flag: { ja: '必須 / 空欄', en: 'Required / blank' },
  days: { ja: '日数', en: 'days' },
  people: { ja: '人数', en: 'people' },
  times: { ja: '回数', en: 'times' },
};

function sampleParams(lang: Lang, metric: MetricKind): Params {
  const ja = lang === 'ja';
  return {
    names: '田中 太郎',
    date: formatDay(dayFromParts(2026, 8, 1), lang),
    days: DEFAULT_WINDOWS[metric] ?? 120,
    count: 1,
    total: 5,
    max: 6,
    type: ACTIVITY_TYPE_LABELS.visit[lang],
    columns: ja ? '従業員数' : 'Employees',
    action: ja ? '見積提出' : 'Send the quote',
  };
}

function sampleItem(metric: MetricKind, lang: Lang): Item {
  const doc = METRIC_DOCS[metric];
  return {
    id: 'X1',
    perspective: 'relationships',
    name: '',
    standard: '',
    metric,
    target: doc.target ? doc.target[lang] : '',
    window: null,
    thresholds: {},
  };
}

function renderMetrics(): string {
  const overview = table(
    ['コード / Code', '日本語', 'English', 'しきい値 / Threshold', '既定の期間 / Default window'],
    METRICS.map((m) => [
      code(m),
      cell(METRIC_LABELS[m].ja),
      cell(METRIC_LABELS[m].en),
      cell(both(UNIT_TEXT[thresholdUnit(m)].ja, UNIT_TEXT[thresholdUnit(m)].en)),
      DEFAULT_WINDOWS[m] === undefined ? '—' : `${DEFAULT_WINDOWS[m]}日 / days`,
    ]),
  );
  const detail = (lang: Lang, header: string[]): string =>
    table(
      header,
      METRICS.map((m) => {
        const doc = METRIC_DOCS[m];
        const params = sampleParams(lang, m);
        const actual = doc.actual
          .map((a) => {
            const own = typeof a.params === 'function' ? a.params(lang) : a.params;
            return a.keys.map((k) => t(lang, k, { ...params, ...own })).join(' ');
          })
          .map((s) => (lang === 'ja' ? `「${s}」` : `"${s}"`));
        return [
          code(m),
          cell(doc.threshold[lang]),
          cell(doc.scope[lang]),
          cell(standardText(sampleItem(m, lang), doc.sample, lang)),
          cell(actual.join('\n')),
        ];
      }),
    );
  return [
    overview,
    detail('ja', ['コード', 'しきい値の意味', '期間・対象', '基準の表示（例）', 'GAPCHECK の実績（例）']),
    detail('en', [
      'Code',
      'What the threshold means',
      'Window / target',
      'Standard shown (e.g.)',
      'GAPCHECK actual (e.g.)',
    ]),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Ranking, worked examples computed by the ranking engine

const RULES_GRID: CellValue[][] = [
  ['ランク', 'S', 'A', 'B'],
  ['ランク分け', 'ルール'],
  [],
  ['ランク', '条件'],
  ['S', '年間取引額 >= 1億 かつ 従業員数 >= 300'],
  ['A', '年間取引額 >= 3000万'],
  ['A', '業種 = 製造業'],
  [],
  ['切り口', '項目', '基準', '指標', 'S', 'A', 'B'],
  ['人間関係の構築', 'キーマンとの接触', 'キーマン本人と定期的に会う。', 'キーマン接触', '30日', 60, ''],
];

const RULES_CUSTOMERS: CellValue[][] = [
  ['顧客名', '年間取引額', '従業員数', '業種'],
  ['大手工業', '1億2000万円', '５００', '製造業'],
  ['中堅商事', '8,000万円', 120, '小売業'],
  ['町田製作所', '500万', 20, '製造業'],
  ['駅前商店', 3000000, 5, '小売業'],
  ['新規開拓社', '', '', ''],
];

const ABC_CUSTOMERS: CellValue[][] = [
  ['顧客名', '年間取引額'],
  ['甲社', '5,000万円'],
  ['乙社', 25000000],
  ['丙社', '1,500万'],
  ['丁社', '６００万円'],
  ['戊社', 4000000],
  ['己社', ''],
  ['庚社', '未定'],
];

function rankedTable(def: Definition, grid: CellValue[][]): string {
  const { customers } = readCustomers(grid, { sheet: '顧客' });
  const ja = rankCustomers(def, customers, 'ja');
  const en = rankCustomers(def, customers, 'en');
  const header = (grid[0] ?? []).map((h) => cell(h));
  return table(
    [...header, 'ランク / Rank', '根拠', 'Basis'],
    customers.map((c, i) => [
      ...(grid[c.row - 1] ?? []).map((v) => cell(v)),
      `**${ja[i]?.rank ?? ''}**`,
      cell(ja[i]?.basis),
      cell(en[i]?.basis),
    ]),
  );
}

function renderRanking(): string {
  const rules = readDefinition(RULES_GRID).definition;
  return [
    '**ルールの例 / Rules example** — 定義シート / definition sheet:',
    gridTable(RULES_GRID),
    '顧客表と結果 / Customers and result:',
    rankedTable(rules, RULES_CUSTOMERS),
    '**ABC分析の例 / ABC example** — スターター定義（年間取引額、A 70% / B 90% / C 100%） / ' +
      'the starter definition (annual sales, A 70% / B 90% / C 100%):',
    rankedTable(starterDefinition('ja'), ABC_CUSTOMERS),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Functions: rendered from FUNCTIONS, with result columns and error messages from real calls

// A small workbook with a title row above the customer table, as real sheets have.
const SAMPLE_CUSTOMERS: CellValue[][] = [
  ['顧客一覧', null, null, null, null, null],
  [null, null, null, null, null, null],
  ['顧客ID', '顧客名', '営業担当', '業種', '従業員数', '年間取引額'],
  ['C001', '株式会社山田製作所', '佐藤', '製造業', '３００', '1,200万円'],
  ['C002', '(株)鈴木商事', '高橋', '卸売業', 50, 3500000],
];
const CUSTOMER_HEADER_INDEX = 2;
const SAMPLE_CONTACTS: CellValue[][] = [
  ['顧客ID', '氏名', '役職', '役割'],
  ['C001', '田中 太郎', '部長', 'キーマン'],
  ['C002', '伊藤 誠', '', '担当者'],
];
const SAMPLE_ACTIVITIES: CellValue[][] = [
  ['日付', '顧客ID', '面談者', '種別', '内容', '次回アクション', '次回期日', '営業担当', '記録日時'],
  ['2026/11/20', 'C001', '田中部長', '訪問', '予算確認', 'デモ', '2026/12/10', '佐藤', '2026/11/20'],
  ['令和8年11月10日', '鈴木商事', '伊藤さん', '来社', '定例', '', '', '高橋', '2026/11/10'],
];
const SAMPLE_KNOWS: CellValue[][] = [
  ['営業担当', '項目', '知っている'],
  ['高橋', 'RE2', '○'],
];

const SAMPLE_RANK_HISTORY: CellValue[][] = [
  ['基準日', '顧客ID', '顧客名', 'ランク', '版'],
  ['2026/05/01', 'C001', '株式会社山田製作所', 'B', '第1版'],
  ['2026/05/01', 'C002', '(株)鈴木商事', 'C', '第1版'],
  ['2026/11/01', 'C001', '株式会社山田製作所', 'A', '第2版'],
];

const SAMPLE_ARGS: Record<string, (lang: Lang) => unknown> = {
  customers: () => SAMPLE_CUSTOMERS,
  contacts: () => SAMPLE_CONTACTS,
  activities: () => SAMPLE_ACTIVITIES,
  definition: (lang) => writeDefinition(starterDefinition(lang), { lang, version: 1 }),
  as_of: () => '2026/11/29',
  knows: () => SAMPLE_KNOWS,
  rank_history: () => SAMPLE_RANK_HISTORY,
  lang: (lang) => lang,
};

function fn(name: string): FunctionDef {
  const f = FUNCTIONS.find((x) => x.name === name);
  if (!f) throw new Error(`docs: no function ${name} in FUNCTIONS; update scripts/docs-render.ts`);
  return f;
}

function sampleArgs(f: FunctionDef, lang: Lang, overrides: Record<string, unknown> = {}): unknown[] {
  return f.params.map((p) => {
    if (p.name in overrides) return overrides[p.name];
    const sample = SAMPLE_ARGS[p.name];
    if (sample) return sample(lang);
    if (!p.optional)
      throw new Error(
        `docs: no sample value for ${excelName(f)} argument ${p.name}; add one in scripts/docs-render.ts`,
      );
    return undefined;
  });
}

function run(f: FunctionDef, args: unknown[]): CellValue[][] {
  const r = callFunction(f, args);
  if (!r.ok) throw new Error(`docs: the sample call of ${excelName(f)} failed: ${r.message}`);
  return r.value;
}

function headerOf(out: CellValue[][]): { index: number; cells: string[] } {
  const index = out.findIndex((r) => r.some((v) => v !== '' && v !== null && v !== undefined));
  return { index, cells: (out[index] ?? []).map((v) => String(v ?? '')) };
}

/** Quoted choices in a text parameter's help ("gaps", "all"…); none for lang. */
function choicesOf(f: FunctionDef, name: string): string[] {
  const p = f.params.find((x) => x.name === name);
  if (!p || p.kind !== 'text' || p.name === 'lang') return [];
  return [...p.help.en.matchAll(/"([a-z]+)"/g)].map((m) => m[1] ?? '').filter((s) => s !== '');
}

/** The optional argument that changes the result's columns, with its values. */
function variantsOf(f: FunctionDef): { name: string; values: unknown[]; shown: string[] } | null {
  for (const p of f.params) {
    if (!p.optional) continue;
    if (p.kind === 'boolean') return { name: p.name, values: [false, true], shown: ['FALSE', 'TRUE'] };
    const choices = choicesOf(f, p.name);
    if (choices.length > 0) return { name: p.name, values: choices, shown: choices.map((c) => `"${c}"`) };
  }
  return null;
}

const KIND_TEXT: Record<FunctionDef['params'][number]['kind'], string> = {
  range: '範囲 / range',
  date: '日付 / date',
  text: '文字 / text',
  boolean: 'TRUE/FALSE',
};

function sheetsExample(f: FunctionDef): string {
  return f.example.split(`${EXCEL_NAMESPACE}.`).join(`${EXCEL_NAMESPACE}_`);
}

function renderFunction(f: FunctionDef): string {
  const parts: string[] = [`### \`${excelName(f)}\` · \`${sheetsName(f)}\``, f.help.ja, f.help.en];
  parts.push(
    table(
      ['引数 / Argument', '種類 / Kind', '省略 / Optional', '説明', 'Description'],
      f.params.map((p) => [
        code(p.name),
        KIND_TEXT[p.kind],
        p.optional ? '可 / yes' : '—',
        cell(p.help.ja),
        cell(p.help.en),
      ]),
    ),
  );

  const variants = variantsOf(f);
  const calls = variants
    ? variants.values.map((v, i) => ({
        label: `${code(variants.name)} = ${code(variants.shown[i] ?? '')}`,
        v,
      }))
    : [{ label: '', v: undefined }];
  let aligned = true;
  const rows = calls.map(({ label, v }) => {
    const headers = (['ja', 'en'] as const).map((lang) => {
      const out = run(f, sampleArgs(f, lang, variants ? { [variants.name]: v } : {}));
      const h = headerOf(out);
      aligned &&= h.index === CUSTOMER_HEADER_INDEX && out.length === SAMPLE_CUSTOMERS.length;
      return h.cells.map(cell).join(' · ');
    });
    return variants ? [label, ...headers] : headers;
  });
  parts.push(
    aligned
      ? '**返す列 / Returns** — 顧客表と同じ行数で、見出しは顧客表の見出し行に、値は各顧客の行にそろいます（顧客表の右隣に置けます）。 / ' +
          'As many rows as the customer range: the header sits on its header row and each value on its customer’s row (place it right beside the table).'
      : '**返す列 / Returns** — 見出し行のあとに結果の行が続く表です（行は右下へスピルします）。 / ' +
          'A table: a header row, then one row per result (spilling down and right).',
  );
  parts.push(table([...(variants ? ['引数 / Argument'] : []), '列', 'Columns'], rows));
  parts.push(
    '**例 / Example**',
    ['```text', `Excel:  ${f.example}`, `Sheets: ${sheetsExample(f)}`, '```'].join('\n'),
  );

  const required = f.params.filter((p) => !p.optional).map((p) => code(p.name));
  const ranges = f.params.filter((p) => p.kind === 'range').map((p) => code(p.name));
  const dates = f.params.filter((p) => p.kind === 'date').map((p) => code(p.name));
  const flags = f.params.filter((p) => p.kind === 'boolean').map((p) => code(p.name));
  const choices = f.params.map((p) => ({ p, c: choicesOf(f, p.name) })).filter((x) => x.c.length > 0);
  const ja = [
    `必須の引数（${required.join(', ')}）がない`,
    `範囲（${ranges.join(', ')}）に見出し行や必須の列がない、または定義が読めない`,
  ];
  const en = [
    `a required argument (${required.join(', ')}) is missing`,
    `a range (${ranges.join(', ')}) has no header row or lacks a required column, or the definition cannot be read`,
  ];
  if (dates.length > 0) {
    ja.push(`${dates.join(', ')} が日付として読めない`);
    en.push(`${dates.join(', ')} is not a date`);
  }
  if (flags.length > 0) {
    ja.push(`${flags.join(', ')} が TRUE/FALSE でない`);
    en.push(`${flags.join(', ')} is not TRUE/FALSE`);
  }
  for (const { p, c } of choices) {
    ja.push(`${code(p.name)} が ${c.join(', ')} 以外`);
    en.push(`${code(p.name)} is not one of ${c.join(', ')}`);
  }
  parts.push(`**エラー / Errors** — ${ja.join('、')}。 / ${en.join('; ')}.`);
  parts.push(
    '**読めない行 / Unreadable rows** — エラーにせず、その行を除いて計算し、件数を結果に示します（「読めなかった行」の節）。 / Never an error: the row is left out, the result is computed from the others and shows the count (see "Rows that could not be read").',
  );
  return parts.join('\n\n');
}

/** The definition grid with one threshold cell broken, to show a definition error for real. */
function brokenDefinition(lang: Lang): CellValue[][] {
  const grid = writeDefinition(starterDefinition(lang), { lang, version: 1 }).map((r) => [...r]);
  const header = grid.findIndex((r) => r[0] === t(lang, 'definition.label.perspective'));
  const row = grid.findIndex((r) => r[1] === 'RE2');
  const col = grid[header]?.indexOf('A') ?? -1;
  if (header < 0 || row < 0 || col < 0) throw new Error('docs: the starter definition has no RE2 / A cell');
  (grid[row] as CellValue[])[col] = '60日くらい';
  return grid;
}

const ERROR_CASES: Array<{
  ja: string;
  en: string;
  fn: string;
  args: (lang: Lang) => Record<string, unknown>;
}> = [
  { ja: '基準日がない', en: 'No as-of date', fn: 'GAPCHECK', args: () => ({ as_of: null }) },
  { ja: '基準日が読めない', en: 'Unreadable as-of date', fn: 'GAPCHECK', args: () => ({ as_of: 'きのう' }) },
  {
    ja: '定義のしきい値が数値でない',
    en: 'A threshold that is not a number',
    fn: 'RANK',
    args: (lang) => ({ definition: brokenDefinition(lang) }),
  },
  {
    ja: '顧客表に顧客名の列がない',
    en: 'No customer-name column',
    fn: 'RANK',
    args: () => ({
      customers: [
        ['コード', '売上'],
        ['X1', 100],
      ],
    }),
  },
  { ja: 'mode が違う', en: 'Unknown mode', fn: 'GAPCHECK', args: () => ({ mode: 'everything' }) },
  {
    ja: 'TRUE/FALSE でない',
    en: 'Not TRUE/FALSE',
    fn: 'LASTCONTACT',
    args: () => ({ key_persons_only: 'たぶん' }),
  },
];

function renderErrorExamples(): string {
  const rows = ERROR_CASES.map((c) => {
    const f = fn(c.fn);
    const messages = (['ja', 'en'] as const).map((lang) => {
      const r = callFunction(f, sampleArgs(f, lang, c.args(lang)));
      if (r.ok) throw new Error(`docs: the error example "${c.en}" did not fail`);
      return cell(r.message);
    });
    return [cell(`${c.ja} / ${c.en}`), code(excelName(f)), ...messages];
  });
  return [
    '### エラーの例 / Error examples',
    '次のメッセージは、実際に関数を呼び出して得たものです。 / These messages come from real calls of the functions.',
    table(['場合 / Case', '関数 / Function', '日本語', 'English'], rows),
  ].join('\n\n');
}

/** GAPCHECK over a log with one impossible date, as the functions show it: a real call. */
function renderUnreadExample(): string {
  const f = fn('GAPCHECK');
  const broken = SAMPLE_ACTIVITIES.map((r, i) => (i === 1 ? ['2026/13/45', ...r.slice(1)] : r));
  const run = (lang: Lang, mode: string) => {
    const r = callFunction(f, sampleArgs(f, lang, { activities: broken, mode }));
    if (!r.ok) throw new Error(`docs: GAPCHECK failed on one unreadable row: ${r.message}`);
    return r.value;
  };
  const last = (lang: Lang) => String(run(lang, 'gaps').at(-1)?.[0] ?? '');
  const [header, ...rows] = run('ja', 'issues');
  return [
    '### 読めなかった行の例 / Rows left out, an example',
    '行動記録の2行目の日付を「2026/13/45」にして GAPCHECK を呼ぶと、ほかの行からギャップを計算し、表の下に1行足します。 / With the date of the log\'s row 2 set to "2026/13/45", GAPCHECK computes the gaps from every other row and adds one line under the table:',
    table(['', ''], [[cell(last('ja')), cell(last('en'))]]),
    '`mode` に `"issues"` を指定すると（または `KIMERU.ISSUES` で）一覧が返ります。 / Mode `"issues"` (or `KIMERU.ISSUES`) returns the list:',
    table(
      (header ?? []).map((h) => cell(String(h))),
      rows.map((r) => r.map((v) => cell(String(v ?? '')))),
    ),
  ].join('\n\n');
}

function renderFunctions(): string {
  return [...FUNCTIONS.map(renderFunction), renderUnreadExample(), renderErrorExamples()].join('\n\n');
}

// ---------------------------------------------------------------------------------------------

const RENDERERS: Record<BlockName, () => string> = {
  tables: renderTables,
  values: renderValues,
  labels: renderLabels,
  starter: renderStarter,
  limits: renderLimits,
  metrics: renderMetrics,
  ranking: renderRanking,
  functions: renderFunctions,
};

/** Every generated block's Markdown (without the markers). */
export function renderBlocks(): Record<BlockName, string> {
  const out = {} as Record<BlockName, string>;
  for (const name of BLOCKS) out[name] = RENDERERS[name]();
  return out;
}

/** Where a block's content sits in the README: between the end of its start marker and its end marker. */
function blockRange(readme: string, name: BlockName): { from: number; to: number } {
  const start = readme.indexOf(startMarker(name));
  const end = readme.indexOf(endMarker(name));
  if (start < 0 || end < 0 || end < start)
    throw new Error(`README.md has no ${startMarker(name)} … ${endMarker(name)} pair`);
  if (readme.indexOf(startMarker(name), start + 1) >= 0)
    throw new Error(`README.md has ${startMarker(name)} twice`);
  return { from: start + startMarker(name).length, to: end };
}

/** The README with every generated block replaced; the rest of the text is left exactly as it is. */
export function applyBlocks(readme: string, blocks: Record<BlockName, string> = renderBlocks()): string {
  let out = readme;
  for (const name of BLOCKS) {
    const { from, to } = blockRange(out, name);
    out = `${out.slice(0, from)}\n${blocks[name]}\n${out.slice(to)}`;
  }
  return out;
}

/** Names of the blocks whose README text differs from what the code renders now. */
export function staleBlocks(readme: string, blocks: Record<BlockName, string> = renderBlocks()): BlockName[] {
  return BLOCKS.filter((name) => {
    const { from, to } = blockRange(readme, name);
    return readme.slice(from, to) !== `\n${blocks[name]}\n`;
  });
}
