import {
  readDefinition,
  readHistory,
  diffDefinitions,
  stampLabel,
  writeDefinition,
} from '../shared/definition';
import { PERSPECTIVES } from '../shared/definition/model';
import { perRankText, rankCustomers } from '../shared/engines';
import { callFunction, findFunction } from '../shared/functions';
import { defineMessages, t, toLang, type Lang } from '../shared/i18n';
import { PERSPECTIVE_LABELS } from '../shared/i18n/vocabulary';
import { formatIssue } from '../shared/issues';
import { readDataset } from '../shared/tables';
import type { CellValue } from '../shared/values/cell';
import { formatDay } from '../shared/values/days';
import { readDate } from '../shared/values/dates';
import { COMPANY_NAME, KEY_CONTACT_ITEM, REP_NAMES, sampleWorkbook, type SampleWorkbook } from '../shared/sample';

/*
 * `npm start`: kimeru over the sample workbook, in the terminal, until the browser playground
 * exists. Everything shown is computed by the custom-function table (GAPCHECK, REVIEW — called
 * exactly as a spreadsheet would call them) and the engines; nothing is re-implemented here.
 */

/** The demo's own words; the rest comes from the product's catalogs. */
const DEMO_MESSAGES = defineMessages({
  ja: {
    title: 'kimeru デモ — {company}',
    facts: '基準日 {asOf} ・ 顧客 {customers}社 ・ 連絡先 {contacts}名 ・ 行動 {activities}件',
    reps: '営業担当 {count}名: {names}',
    readIssues: '読み込みの注意 {count}件 (現実の記録にある書き方の揺れ):',
    definition: '■ 顧客管理の定義 {stamp} ({date} {author}「{note}」)',
    ranking: '■ ランク分け',
    rankCounts: '{rank}: {count}社',
    top: '上位{count}社',
    rankWarnings: 'ランクの注意:',
    gaps: '■ ギャップ (GAPCHECK {stamp}, 基準日 {asOf})',
    ofChecked: '(対象 {checked}社)',
    keyContactA: '{item} — ランクAの顧客',
    mostGaps: '■ ギャップの多い顧客',
    gapCount: 'ギャップ {count}件',
    review: '■ 半期振り返り {period}: 知っているのに出来ていない',
    reviewNone: '該当なし',
    versions: '■ 版の比較 {from} → {to}',
    versionLine: '{stamp} {date} {author}「{note}」',
    effect: '{item}のギャップ: {from} {before}社 → {to} {after}社',
    failed: '{name} がエラーを返しました: {message}',
  },
  en: {
    title: 'kimeru demo — {company}',
    facts: 'As of {asOf} · {customers} customers · {contacts} contacts · {activities} activities',
    reps: '{count} reps: {names}',
    readIssues: '{count} reading notes (the variations real logs have):',
    definition: '■ Customer-management definition {stamp} ({date} {author}: "{note}")',
    ranking: '■ Ranking',
    rankCounts: '{rank}: {count}',
    top: 'Top {count}',
    rankWarnings: 'Ranking notes:',
    gaps: '■ Gaps (GAPCHECK {stamp}, as of {asOf})',
    ofChecked: '(of {checked} checked)',
    keyContactA: '{item} — rank A customers',
    mostGaps: '■ Customers with the most gaps',
    gapCount: '{count} gaps',
    review: '■ Half-year review {period}: known but not done',
    reviewNone: 'none',
    versions: '■ Versions compared: {from} → {to}',
    versionLine: '{stamp} {date} {author}: "{note}"',
    effect: '{item} gaps: {from} {before} → {to} {after}',
    failed: '{name} returned an error: {message}',
  },
});
type DemoKey = keyof typeof DEMO_MESSAGES.ja;

function say(lang: Lang, key: DemoKey, params: Record<string, string | number> = {}): string {
  return DEMO_MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

// ── Terminal width: East Asian wide and full-width characters take two columns. ──────────────

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Columns `text` takes in a terminal: 2 per East Asian wide character, 0 per combining mark. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

/** `text` cut to at most `max` columns, with … when cut. */
function clip(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows aligned in columns (the last column is not padded), each line indented. */
function aligned(rows: readonly string[][], indent = '  ', maxWidth = 40): string[] {
  const widths: number[] = [];
  const clipped = rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? clip(cell, maxWidth) : cell)));
  for (const row of clipped)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return clipped.map((row) =>
    (
      indent + row.map((cell, i) => (i < row.length - 1 ? pad(cell, widths[i] ?? 0) : cell)).join('  ')
    ).trimEnd(),
  );
}

// ── The demo. ─────────────────────────────────────────────────────────────────────────────────

/** Calls a custom function as a host does; an error value stops the demo with its message. */
function call(lang: Lang, name: string, ...args: unknown[]): CellValue[][] {
  const def = findFunction(name);
  if (!def) throw new Error(name);
  const result = callFunction(def, args);
  if (!result.ok) throw new Error(say(lang, 'failed', { name, message: result.message }));
  return result.value;
}

const text = (v: CellValue): string => (v === null || v === undefined ? '' : String(v));

/** Appends every line, one by one: a spread into push() fails on a very long list. */
function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

/** The whole demo as text: company, definition, ranking, gaps, review and the version diff. */
export function renderDemo(lang: Lang = 'ja', wb: SampleWorkbook = sampleWorkbook()): string {
  const out: string[] = [];
  const asOf = readDate(wb.asOf);
  if (!asOf.ok || asOf.value === null) throw new Error('as-of');
  const asOfText = formatDay(asOf.value, lang);
  const { dataset, issues } = readDataset({
    customers: wb.customers,
    contacts: wb.contacts,
    activities: wb.activities,
  });
  const { definition } = readDefinition(wb.definition);
  const { versions } = readHistory(wb.history);
  const current = versions[versions.length - 1];
  const previous = versions[versions.length - 2];
  const stamp = stampLabel(current ?? null, lang);

  // Company and data.
  out.push(say(lang, 'title', { company: COMPANY_NAME }));
  out.push(
    say(lang, 'facts', {
      asOf: asOfText,
      customers: dataset.customers.length,
      contacts: dataset.contacts.length,
      activities: dataset.activities.length,
    }),
  );
  out.push(
    say(lang, 'reps', { count: REP_NAMES.length, names: REP_NAMES.join(lang === 'ja' ? '、' : ', ') }),
  );
  if (issues.length > 0) {
    out.push(say(lang, 'readIssues', { count: issues.length }));
    for (const issue of issues) out.push(`  - ${formatIssue(lang, issue)}`);
  }

  // The definition: perspectives → items, thresholds per rank.
  out.push('');
  out.push(
    say(lang, 'definition', {
      stamp,
      date: current ? formatDay(current.date, lang) : '',
      author: current?.author ?? '',
      note: current?.note ?? '',
    }),
  );
  const defRows: string[][] = [];
  for (const perspective of PERSPECTIVES) {
    const items = definition.items.filter((item) => item.perspective === perspective);
    if (items.length === 0) continue;
    defRows.push([PERSPECTIVE_LABELS[perspective][lang], '']);
    for (const item of items)
      defRows.push([
        `  ${item.name}`,
        item.metric ? perRankText(item, definition.ranks, lang) : t(lang, 'engines.manual.peopleCheck'),
      ]);
  }
  pushAll(out, aligned(defRows));
  if (definition.ranking.kind === 'abc')
    out.push(`  ${t(lang, 'engines.manual.abcIntro', { column: definition.ranking.column })}`);

  // Ranking: count per rank, the top 10 with the basis.
  out.push('');
  out.push(say(lang, 'ranking'));
  const ranked = rankCustomers(definition, dataset.customers, lang);
  out.push(
    '  ' +
      definition.ranks
        .map((rank) => say(lang, 'rankCounts', { rank, count: ranked.filter((r) => r.rank === rank).length }))
        .join(' / '),
  );
  const top = ranked
    .filter((r) => r.value !== null)
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))
    .slice(0, 10);
  out.push(`  ${say(lang, 'top', { count: top.length })}`);
  pushAll(
    out,
    aligned(
      top.map((r, i) => [`${i + 1}.`, r.customerName, r.rank, r.basis]),
      '    ',
    ),
  );
  const warned = ranked.filter((r) => r.issue);
  if (warned.length > 0) {
    out.push(`  ${say(lang, 'rankWarnings')}`);
    pushAll(
      out,
      aligned(
        warned.map((r) => [r.customerName, r.rank, r.basis]),
        '    ',
      ),
    );
  }

  // Gaps: per item (GAPCHECK "items"), the key-person gaps of A customers, the customers with most gaps.
  const tables = [wb.customers, wb.contacts, wb.activities];
  const gapArgs = (def: CellValue[][], mode: string) => [...tables, def, wb.asOf, mode, lang];
  out.push('');
  out.push(say(lang, 'gaps', { stamp, asOf: asOfText }));
  const items = call(lang, 'GAPCHECK', ...gapArgs(wb.definition, 'items')).slice(1);
  const byGaps = [...items].sort((a, b) => Number(b[3]) - Number(a[3]));
  pushAll(
    out,
    aligned(
      byGaps.map((r) => [
        t(lang, 'engines.headline.item', { item: text(r[1]), count: Number(r[3]) }),
        say(lang, 'ofChecked', { checked: Number(r[2]) }),
      ]),
    ),
  );
  const gapRows = call(lang, 'GAPCHECK', ...gapArgs(wb.definition, 'gaps')).slice(1);
  const keyItem = definition.items.find((item) => item.id === KEY_CONTACT_ITEM);
  if (keyItem) {
    const keyGapsA = gapRows.filter((r) => r[3] === keyItem.name && r[2] === definition.ranks[0]);
    out.push(`  ${say(lang, 'keyContactA', { item: keyItem.name })}`);
    pushAll(
      out,
      aligned(
        keyGapsA.map((r) => [text(r[1]), text(r[5])]),
        '    ',
      ),
    );
  }

  out.push('');
  out.push(say(lang, 'mostGaps'));
  const summary = call(lang, 'GAPCHECK', ...gapArgs(wb.definition, 'summary')).slice(1);
  const worst = [...summary].sort((a, b) => Number(b[3]) - Number(a[3])).slice(0, 6);
  pushAll(
    out,
    aligned(
      worst.map((r) => [text(r[1]), text(r[2]), say(lang, 'gapCount', { count: Number(r[3]) }), text(r[5])]),
    ),
  );

  // The half-year review: items the reps say they know but the data shows they do not do.
  const review = call(lang, 'REVIEW', ...tables, wb.definition, wb.asOf, wb.reviewAnswers, lang).slice(1);
  // Known only, where the data can tell (not the items people check themselves).
  const knownOnly = t(lang, 'engines.review.knownOnly');
  const unmeasured = new Set([t(lang, 'engines.review.peopleCheck'), t(lang, 'engines.review.noCustomers')]);
  const headline = review.filter((r) => r[5] === knownOnly && !unmeasured.has(text(r[4])));
  const period = text(review[0]?.[6]).replace(` ${stamp}`, '');
  out.push('');
  out.push(say(lang, 'review', { period }));
  pushAll(
    out,
    headline.length > 0
      ? aligned(headline.map((r) => [text(r[0]), text(r[2]), text(r[4])]))
      : [`  ${say(lang, 'reviewNone')}`],
  );

  // Version 1 → 2: the lines that changed, and what the change does to the gaps.
  if (previous && current) {
    const from = stampLabel(previous, lang);
    out.push('');
    out.push(say(lang, 'versions', { from, to: stamp }));
    for (const v of [previous, current])
      out.push(
        `  ${say(lang, 'versionLine', { stamp: stampLabel(v, lang), date: formatDay(v.date, lang), author: v.author, note: v.note })}`,
      );
    for (const line of diffDefinitions(previous.definition, current.definition, lang))
      out.push(`  ・${line.text}`);
    const oldGrid = writeDefinition(previous.definition, { lang: 'ja', version: previous.version });
    const oldItems = call(lang, 'GAPCHECK', ...gapArgs(oldGrid, 'items')).slice(1);
    const count = (rows: CellValue[][]) => Number(rows.find((r) => r[0] === KEY_CONTACT_ITEM)?.[3] ?? 0);
    if (keyItem)
      out.push(
        `  ${say(lang, 'effect', { item: keyItem.name, from, before: count(oldItems), to: stamp, after: count(items) })}`,
      );
  }
  return out.join('\n') + '\n';
}

function langFromArgs(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'ja';
  const arg = argv[i] ?? '';
  return toLang(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]);
}

// Run only as the entry point (npm start), not when a test imports renderDemo.
if (/demo(\.ts)?$/.test(process.argv[1] ?? '')) {
  process.stdout.write(renderDemo(langFromArgs(process.argv.slice(2))));
}
