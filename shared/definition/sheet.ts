import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { ACTIVITY_TYPE_LABELS, METRIC_LABELS, PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import { KimeruError, type Issue } from '../issues';
import { ACTIVITY_TYPES, type ActivityType } from '../model';
import { columnLetter } from '../tables/columns';
import { activityTypeOf } from '../tables/activityTypes';
import { isBlank, normalizeText, readBoolean, readNumber, type CellValue } from '../values';
import { canonicalDefinition } from './canonical';
import { formatConditions, parseConditions } from './conditions';
import {
  fieldOf,
  isNoneMark,
  ITEM_HEADERS,
  labelKey,
  parseMetric,
  parsePerspective,
  SHEET_LABELS,
  vocabParams,
  type ItemField,
} from './labels';
import {
  METRICS,
  PERSPECTIVES,
  type Definition,
  type Item,
  type MetricKind,
  type Perspective,
  type RankMethod,
  type RankRule,
} from './model';

/*
 * The definition sheet: one range holds the whole definition, so a custom function can take it
 * as one argument. Layout as written (ja; en uses the English labels):
 *
 *   顧客管理の定義                                   ← title (any text before the first setting)
 *   版         | 3                                    ← blank when the sheet is not a saved version
 *   ランク     | A | B | C                            ← rank names, best first, up to the first blank
 *   期首月     | 4
 *   ランク分け | ABC分析                              ← or ルール
 *   対象列     | 年間取引額                           ← ABC only
 *
 *   ランク | 累積構成比                              ← ABC: cut-off per rank
 *   A      | 70%
 *   …
 *   ランク | 条件                                    ← rules: first matching row wins
 *   A      | 年間取引額 >= 1億 かつ 従業員数 >= 300
 *   C      | (その他)
 *
 *   切り口 | 項目ID | 項目 | 基準 | 指標 | 対象 | 期間(日) | A | B | C
 *   …one row per item; blank threshold = not checked for that rank…
 *
 * The reader finds rows by their first non-blank cell and columns by header text (ja or en), so
 * blank rows, moved or extra columns (メモ…), an indent column and English labels in a Japanese
 * sheet all read. A row starting with ※ or # is a note. A blank 切り口 repeats the one above (as
 * merged cells read). A blank 項目ID gets the next free id of its perspective (AT…, RE…, IN…).
 */

export interface ReadDefinitionOptions {
  /** Sheet name, for issue locations. */
  sheet?: string;
  /** 1-based sheet row of grid[0]; 1 by default. */
  firstRow?: number;
  /** 1-based sheet column of grid[x][0]; 1 (column A) by default. */
  firstColumn?: number;
}

export interface DefinitionRead {
  definition: Definition;
  /** The 版 written in the sheet, or null when it has none. */
  version: number | null;
  /** Warnings (skipped rows and columns, assigned ids); errors are thrown. */
  issues: Issue[];
}

export interface WriteDefinitionOptions {
  lang: Lang;
  version?: number | null;
}

type Setting = 'version' | 'ranks' | 'fiscalStartMonth' | 'ranking' | 'abcColumn';
const SETTINGS: readonly Setting[] = ['version', 'ranks', 'fiscalStartMonth', 'ranking', 'abcColumn'];

// Metrics whose threshold is a flag (1 = required) rather than a count of days/contacts.
const FLAG_METRICS: ReadonlySet<MetricKind> = new Set(['key_person_registered', 'attribute_filled']);
// Metrics that count within a look-back window; blank = the engines' default window.
const WINDOW_METRICS: ReadonlySet<MetricKind> = new Set([
  'distinct_contacts',
  'activity_count',
  'recording_lag_days',
]);
// Prefixes of ids assigned to hand-typed items without one.
const ID_PREFIX: Record<Perspective, string> = { attributes: 'AT', relationships: 'RE', information: 'IN' };
// Words people write after a threshold or window number: "60日以内", "3 days", "2回以上".
const NUMBER_SUFFIX =
  /\s*(日以内|日以上|日|以内|以上|回以上|回|人以上|人|名|件|days?|times?|people|persons?)$/i;
const REQUIRED_WORDS = new Set(['必須', '要', '必要', 'required', 'must', 'yes'].map(labelKey));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MAX_RANK_LENGTH = 10;

/** Where the header of an issue's column is: a block header row, or a [row, column] label cell. */
type HeaderAt = number | [number, number];

interface Block {
  header: number;
  rows: number[];
}
interface PairBlock extends Block {
  rankCol: number;
  valueCol: number;
}
interface ItemsBlock extends Block {
  cols: Partial<Record<ItemField, number>>;
  /** Header columns that look like rank names (short), by column index. */
  rankCols: Map<number, string>;
}

/** Text as written (trimmed), for names and standards that must round-trip unchanged. */
function cellText(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : normalizeText(v);
}

class DefinitionSheetReader {
  readonly issues: Issue[] = [];
  private readonly firstRow: number;
  private readonly firstColumn: number;

  constructor(
    private readonly grid: CellValue[][],
    private readonly opts: ReadDefinitionOptions,
  ) {
    this.firstRow = opts.firstRow ?? 1;
    this.firstColumn = opts.firstColumn ?? 1;
  }

  cell(r: number, c: number): CellValue {
    return this.grid[r]?.[c];
  }

  /**
   * Records an issue at row r, column c. `header` says which cell names the column: a block's
   * header row (same column), or the label cell [row, column] of a setting row.
   */
  report(
    severity: 'error' | 'warning',
    key: MessageKey,
    params: Params,
    r?: number,
    c?: number,
    header?: HeaderAt,
  ): void {
    const issue: Issue = { key, params, severity };
    if (this.opts.sheet !== undefined) issue.sheet = this.opts.sheet;
    if (r !== undefined) issue.row = this.firstRow + r;
    if (r !== undefined && c !== undefined) {
      issue.column = columnLetter(this.firstColumn - 1 + c);
      const [hr, hc] = header === undefined ? [r, c] : typeof header === 'number' ? [header, c] : header;
      issue.header = cellText(this.cell(hr, hc));
    }
    this.issues.push(issue);
  }

  error(key: MessageKey, params: Params, r?: number, c?: number, header?: HeaderAt): void {
    this.report('error', key, params, r, c, header);
  }

  warn(key: MessageKey, params: Params, r?: number, c?: number, header?: HeaderAt): void {
    this.report('warning', key, params, r, c, header);
  }

  /** Index of the first non-blank cell at or after `from`, or -1. */
  nextFilled(r: number, from: number): number {
    const row = this.grid[r] ?? [];
    for (let c = Math.max(0, from); c < row.length; c++) if (!isBlank(row[c])) return c;
    return -1;
  }

  read(): DefinitionRead {
    const settings = new Map<Setting, { r: number; c: number }>();
    let rules: PairBlock | null = null;
    let cutoffs: PairBlock | null = null;
    let items: ItemsBlock | null = null;
    let block: Block | null = null;
    let seenDefinitionRow = false;

    for (let r = 0; r < this.grid.length; r++) {
      const c0 = this.nextFilled(r, 0);
      if (c0 < 0) continue;
      const first = this.cell(r, c0);
      if (/^[※#＃]/.test(cellText(first))) continue;

      const header = this.itemsHeader(r);
      if (header) {
        if (items)
          this.error(
            'definition.duplicateSetting',
            { label: cellText(first), first: this.firstRow + items.header },
            r,
            c0,
          );
        else items = header;
        block = header;
        seenDefinitionRow = true;
        continue;
      }

      const setting = SETTINGS.find((s) => SHEET_LABELS[s].has(labelKey(first)));
      if (setting === 'ranks') {
        const c1 = this.nextFilled(r, c0 + 1);
        const k1 = labelKey(this.cell(r, c1));
        const kind = SHEET_LABELS.conditions.has(k1)
          ? 'rules'
          : SHEET_LABELS.cutoff.has(k1)
            ? 'cutoffs'
            : null;
        if (kind) {
          const b: PairBlock = { header: r, rows: [], rankCol: c0, valueCol: c1 };
          const existing = kind === 'rules' ? rules : cutoffs;
          if (existing)
            this.error(
              'definition.duplicateSetting',
              { label: cellText(this.cell(r, c1)), first: this.firstRow + existing.header },
              r,
              c1,
            );
          else if (kind === 'rules') rules = b;
          else cutoffs = b;
          block = b;
          seenDefinitionRow = true;
          continue;
        }
      }
      if (setting) {
        const previous = settings.get(setting);
        if (previous)
          this.error(
            'definition.duplicateSetting',
            { label: cellText(first), first: this.firstRow + previous.r },
            r,
            c0,
          );
        else settings.set(setting, { r, c: c0 });
        block = null;
        seenDefinitionRow = true;
        continue;
      }
      if (block) block.rows.push(r);
      // Anything before the first setting is the title (or the manager's heading).
      else if (seenDefinitionRow) this.warn('definition.rowIgnored', { value: cellText(first) }, r, c0);
    }

    const version = this.readVersion(settings.get('version'));
    const fiscalStartMonth = this.readFiscalMonth(settings.get('fiscalStartMonth'));
    const ranks = this.readRanks(settings.get('ranks'));
    const rankByKey = new Map(ranks.map((rank) => [labelKey(rank), rank] as const));
    const ranking = this.readRanking(settings, rules, cutoffs, ranks, rankByKey);
    const itemList = items ? this.readItems(items, ranks, rankByKey) : [];
    if (!items) this.error('definition.missingItems', {});

    const errors = this.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0 || !ranking) throw new KimeruError(errors);
    const definition = canonicalDefinition({ ranks, ranking, items: itemList, fiscalStartMonth });
    return { definition, version, issues: this.issues.filter((i) => i.severity !== 'error') };
  }

  /** The item table's header: a row naming at least the perspective, item and metric columns. */
  itemsHeader(r: number): ItemsBlock | null {
    const row = this.grid[r] ?? [];
    const cols: Partial<Record<ItemField, number>> = {};
    for (let c = 0; c < row.length; c++) {
      const field = fieldOf(ITEM_HEADERS, row[c]);
      if (field && cols[field] === undefined) cols[field] = c;
    }
    if (cols.perspective === undefined || cols.name === undefined || cols.metric === undefined) return null;
    const rankCols = new Map<number, string>();
    const seen = new Set<string>();
    for (let c = 0; c < row.length; c++) {
      const k = labelKey(row[c]);
      if (k === '' || SHEET_LABELS.note.has(k)) continue;
      const field = fieldOf(ITEM_HEADERS, row[c]);
      if (field) {
        if (cols[field] !== c) this.error('definition.duplicateColumn', { header: cellText(row[c]) }, r, c);
        continue;
      }
      if (seen.has(k)) {
        this.error('definition.duplicateColumn', { header: cellText(row[c]) }, r, c);
        continue;
      }
      seen.add(k);
      // Short headers are rank columns (A, B, S, 優良…); longer unknown ones are notes.
      if (normalizeText(row[c]).length <= MAX_RANK_LENGTH && !/\s/.test(normalizeText(row[c])))
        rankCols.set(c, cellText(row[c]));
      else this.warn('definition.columnIgnored', { header: cellText(row[c]) }, r, c);
    }
    if (cols.standard === undefined)
      this.error(
        'definition.missingColumn',
        { header: `${t('ja', 'definition.label.standard')} / ${t('en', 'definition.label.standard')}` },
        r,
      );
    return { header: r, rows: [], cols, rankCols };
  }

  readVersion(at: { r: number; c: number } | undefined): number | null {
    if (!at) return null;
    const c = this.nextFilled(at.r, at.c + 1);
    if (c < 0) return null;
    const raw = this.cell(at.r, c);
    const n = readNumber(
      typeof raw === 'string' ? raw.replace(/^\s*(第|v|ver\.?)\s*/i, '').replace(/版\s*$/, '') : raw,
    );
    if (!n.ok || n.value === null || !Number.isInteger(n.value) || n.value < 1) {
      this.error('definition.versionInvalid', { value: cellText(raw) }, at.r, c, [at.r, at.c]);
      return null;
    }
    return n.value;
  }

  readFiscalMonth(at: { r: number; c: number } | undefined): number {
    if (!at) return 4;
    const c = this.nextFilled(at.r, at.c + 1);
    if (c < 0) return 4;
    const raw = this.cell(at.r, c);
    const text = normalizeText(raw).toLowerCase();
    const named = MONTHS.findIndex((m) => text.startsWith(m));
    if (named >= 0) return named + 1;
    const n = readNumber(text.replace(/\s*(月|月始まり|月期首)$/, ''));
    if (!n.ok || n.value === null || !Number.isInteger(n.value) || n.value < 1 || n.value > 12) {
      this.error('definition.fiscalMonthInvalid', { value: cellText(raw) }, at.r, c, [at.r, at.c]);
      return 4;
    }
    return n.value;
  }

  readRanks(at: { r: number; c: number } | undefined): string[] {
    if (!at) {
      this.error('definition.missingRanks', {});
      return [];
    }
    const ranks: string[] = [];
    const keys = new Set<string>();
    // The rank names run up to the first blank cell: a note further right is not a rank.
    const start = this.nextFilled(at.r, at.c + 1);
    for (let c = start; c >= 0 && !isBlank(this.cell(at.r, c)); c++) {
      const rank = normalizeText(this.cell(at.r, c));
      const k = labelKey(rank);
      if (keys.has(k) || k === '') this.error('definition.duplicateRank', { rank }, at.r, c, [at.r, at.c]);
      else if (rank.length > MAX_RANK_LENGTH)
        this.error('definition.rankTooLong', { rank }, at.r, c, [at.r, at.c]);
      else {
        keys.add(k);
        ranks.push(rank);
      }
    }
    if (start < 0) this.error('definition.emptyRanks', {}, at.r, at.c);
    return ranks;
  }

  readRanking(
    settings: Map<Setting, { r: number; c: number }>,
    rules: PairBlock | null,
    cutoffs: PairBlock | null,
    ranks: string[],
    rankByKey: Map<string, string>,
  ): RankMethod | null {
    let kind: 'rules' | 'abc' | null = null;
    const at = settings.get('ranking');
    const valueCol = at ? this.nextFilled(at.r, at.c + 1) : -1;
    // A blank ランク分け row counts as none: the method follows from the table present.
    if (at && valueCol >= 0) {
      const c = valueCol;
      const k = labelKey(this.cell(at.r, c));
      if (SHEET_LABELS.methodRules.has(k)) kind = 'rules';
      else if (SHEET_LABELS.methodAbc.has(k)) kind = 'abc';
      else {
        this.error('definition.unknownMethod', { value: cellText(this.cell(at.r, c)) }, at.r, c, [
          at.r,
          at.c,
        ]);
        return null;
      }
    } else if (rules && !cutoffs) kind = 'rules';
    else if (cutoffs && !rules) kind = 'abc';
    if (!kind) {
      this.error('definition.missingRanking', {});
      return null;
    }
    const unused = kind === 'rules' ? cutoffs : rules;
    if (unused) {
      const method = kind === 'rules' ? 'definition.label.methodRules' : 'definition.label.methodAbc';
      this.warn(
        'definition.blockUnused',
        { methodJa: t('ja', method), methodEn: t('en', method) },
        unused.header,
        unused.rankCol,
      );
    }
    if (kind === 'rules') {
      if (!rules) {
        this.error('definition.missingRulesBlock', {});
        return null;
      }
      return { kind: 'rules', rules: this.readRules(rules, ranks, rankByKey) };
    }
    const columnAt = settings.get('abcColumn');
    const columnCell = columnAt ? this.nextFilled(columnAt.r, columnAt.c + 1) : -1;
    const column = columnAt && columnCell >= 0 ? cellText(this.cell(columnAt.r, columnCell)) : '';
    if (column === '') this.error('definition.missingAbcColumn', {}, columnAt?.r, columnAt?.c);
    if (!cutoffs) {
      this.error('definition.missingCutoffBlock', {});
      return null;
    }
    return { kind: 'abc', column, cutoffs: this.readCutoffs(cutoffs, ranks, rankByKey) };
  }

  /** The rank named in a block row, or null (reported). */
  blockRank(
    b: PairBlock,
    r: number,
    ranks: string[],
    rankByKey: Map<string, string>,
    unknownKey: MessageKey,
  ): string | null {
    const raw = this.cell(r, b.rankCol);
    if (isBlank(raw)) {
      this.error('definition.blockRankMissing', {}, r, b.rankCol, b.header);
      return null;
    }
    const rank = rankByKey.get(labelKey(raw));
    if (rank === undefined) {
      this.error(unknownKey, { rank: cellText(raw), ranks: ranks.join(', ') }, r, b.rankCol, b.header);
      return null;
    }
    return rank;
  }

  readRules(b: PairBlock, ranks: string[], rankByKey: Map<string, string>): RankRule[] {
    const out: RankRule[] = [];
    for (const r of b.rows) {
      const condCell = this.cell(r, b.valueCol);
      if (isBlank(this.cell(r, b.rankCol)) && isBlank(condCell)) continue;
      const rank = this.blockRank(b, r, ranks, rankByKey, 'definition.ruleUnknownRank');
      const parsed = parseConditions(typeof condCell === 'string' ? condCell : normalizeText(condCell));
      if (!parsed.ok) this.error(parsed.key, parsed.params, r, b.valueCol, b.header);
      else if (rank !== null) out.push({ rank, conditions: parsed.conditions });
    }
    return out;
  }

  readCutoffs(b: PairBlock, ranks: string[], rankByKey: Map<string, string>): Record<string, number> {
    const found = new Map<string, { value: number; r: number; text: string }>();
    for (const r of b.rows) {
      const raw = this.cell(r, b.valueCol);
      if (isBlank(this.cell(r, b.rankCol)) && isBlank(raw)) continue;
      const text = cellText(raw);
      const rank = this.blockRank(b, r, ranks, rankByKey, 'definition.cutoffUnknownRank');
      const n = readNumber(raw);
      if (!n.ok || n.value === null) {
        this.error('definition.cutoffNotNumber', { value: text }, r, b.valueCol, b.header);
        continue;
      }
      if (!Number.isFinite(n.value)) {
        this.error('definition.numberNotFinite', { value: text }, r, b.valueCol, b.header);
        continue;
      }
      // 70 (no % sign) means 70%: a share above 1 can only be a percentage. (Shifting the
      // decimal point in text keeps 0.29 exact; 1e21 prints as "1e+21", so it is divided.)
      const percent = n.value > 1 && !text.includes('%') && !text.includes('％');
      const shifted = percent ? Number(`${n.value}e-2`) : n.value;
      const share = Number.isNaN(shifted) ? n.value / 100 : shifted;
      if (share <= 0 || share > 1) {
        this.error('definition.cutoffOutOfRange', { value: text }, r, b.valueCol, b.header);
        continue;
      }
      if (rank === null) continue;
      if (found.has(rank)) this.error('definition.duplicateRank', { rank }, r, b.rankCol, b.header);
      else found.set(rank, { value: share, r, text });
    }
    const cutoffs: Record<string, number> = {};
    let prev: { rank: string; value: number; text: string } | null = null;
    for (const rank of ranks) {
      const f = found.get(rank);
      if (!f) {
        this.error('definition.cutoffMissing', { rank }, b.header, b.valueCol);
        continue;
      }
      if (prev && f.value <= prev.value)
        this.error(
          'definition.cutoffNotIncreasing',
          { rank, value: f.text, prevRank: prev.rank, prev: prev.text },
          f.r,
          b.valueCol,
          b.header,
        );
      cutoffs[rank] = f.value;
      prev = { rank, value: f.value, text: f.text };
    }
    return cutoffs;
  }

  readItems(b: ItemsBlock, ranks: string[], rankByKey: Map<string, string>): Item[] {
    const items: Item[] = [];
    const pendingIds: Array<{ item: Item; r: number }> = [];
    const ids = new Map<string, number>();
    let lastPerspective: Perspective | null = null;
    const col = (r: number, f: ItemField): CellValue => {
      const c = b.cols[f];
      return c === undefined ? undefined : this.cell(r, c);
    };
    const at = (f: ItemField): number | undefined => b.cols[f];

    // A header that is not a rank names a threshold for a rank that does not exist only when it
    // is short (D, S, 1…) and its cells look like thresholds; otherwise it is the manager's own
    // column (確認者, 状況…), skipped with a warning.
    for (const [c, header] of [...b.rankCols]) {
      if (rankByKey.has(labelKey(header))) continue;
      const short = normalizeText(header).length <= 3;
      if (!short || !b.rows.every((r) => looksLikeThreshold(this.cell(r, c)))) {
        b.rankCols.delete(c);
        this.warn('definition.columnIgnored', { header }, b.header, c);
      }
    }
    const used = [...Object.values(b.cols), ...b.rankCols.keys()];

    for (const r of b.rows) {
      if (used.every((c) => isBlank(this.cell(r, c)))) continue;
      const errorsBefore = this.issues.length;

      let perspective: Perspective | null = lastPerspective;
      const pCell = col(r, 'perspective');
      if (!isBlank(pCell)) {
        perspective = parsePerspective(pCell);
        if (!perspective)
          this.error(
            'definition.unknownPerspective',
            { value: cellText(pCell), ...vocabParams('list', PERSPECTIVE_LABELS, PERSPECTIVES) },
            r,
            at('perspective'),
            b.header,
          );
      } else if (!perspective)
        this.error('definition.perspectiveMissing', {}, r, at('perspective'), b.header);
      if (perspective) lastPerspective = perspective;

      const name = cellText(col(r, 'name'));
      if (name === '') this.error('definition.itemNameMissing', {}, r, at('name'), b.header);

      const metricCell = col(r, 'metric');
      const metricText = cellText(metricCell);
      let metric: MetricKind | null = null;
      if (metricText !== '' && !isNoneMark(metricText)) {
        metric = parseMetric(metricCell);
        if (!metric)
          this.error(
            'definition.unknownMetric',
            { value: metricText, ...vocabParams('list', METRIC_LABELS, METRICS) },
            r,
            at('metric'),
            b.header,
          );
      }
      const metricParams = metric ? vocabParams('metric', METRIC_LABELS, [metric]) : {};
      const target = this.readTarget(r, b, metric, metricParams);
      const window = this.readWindow(r, b, metric, metricParams);
      // An unknown metric is reported once; its thresholds are not judged against "no metric".
      const metricUnknown = metric === null && metricText !== '' && !isNoneMark(metricText);
      const thresholds = metricUnknown ? {} : this.readThresholds(r, b, metric, rankByKey, ranks);

      if (this.issues.slice(errorsBefore).some((i) => i.severity === 'error') || !perspective) continue;
      const item: Item = {
        id: normalizeText(col(r, 'id')),
        perspective,
        name,
        standard: cellText(col(r, 'standard')),
        metric,
        target,
        window,
        thresholds,
      };
      const why = cellText(col(r, 'why'));
      const howTo = cellText(col(r, 'howTo'));
      if (why !== '') item.why = why;
      if (howTo !== '') item.howTo = howTo;
      items.push(item);
      if (item.id === '') {
        pendingIds.push({ item, r });
      } else if (ids.has(item.id)) {
        this.error(
          'definition.duplicateItemId',
          { id: item.id, first: this.firstRow + (ids.get(item.id) ?? 0) },
          r,
          at('id'),
          b.header,
        );
      } else ids.set(item.id, r);
    }
    // Ids for hand-typed items: the next free number of their perspective, in sheet order.
    for (const { item, r } of pendingIds) {
      let n = 1;
      while (ids.has(`${ID_PREFIX[item.perspective]}${n}`)) n++;
      item.id = `${ID_PREFIX[item.perspective]}${n}`;
      ids.set(item.id, r);
      if (b.cols.id !== undefined)
        this.warn('definition.idAssigned', { id: item.id }, r, b.cols.id, b.header);
    }
    return items;
  }

  readTarget(r: number, b: ItemsBlock, metric: MetricKind | null, metricParams: Params): string {
    const c = b.cols.target;
    const raw = c === undefined ? undefined : this.cell(r, c);
    const text = cellText(raw);
    if (metric === 'attribute_filled') {
      const columns = splitList(text);
      if (columns.length === 0)
        this.error('definition.targetRequired', metricParams, r, c ?? b.cols.metric, b.header);
      return columns.join(',');
    }
    if (metric === 'activity_count') {
      // One or more activity types ("訪問、Web会議"), stored as codes; blank = any type.
      if (text === '' || isNoneMark(text)) return '';
      const types: ActivityType[] = [];
      for (const name of splitList(text)) {
        const type = activityTypeOf(name);
        if (!type) {
          this.error(
            'definition.unknownActivityType',
            { value: name, ...vocabParams('list', ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES) },
            r,
            c,
            b.header,
          );
          return '';
        }
        if (!types.includes(type)) types.push(type);
      }
      return types.join(',');
    }
    if (text !== '' && !isNoneMark(text))
      this.warn(
        'definition.targetIgnored',
        { value: text, ...metricParams, ...noMetricParams(metric) },
        r,
        c,
        b.header,
      );
    return '';
  }

  readWindow(r: number, b: ItemsBlock, metric: MetricKind | null, metricParams: Params): number | null {
    const c = b.cols.window;
    const raw = c === undefined ? undefined : this.cell(r, c);
    const text = cellText(raw);
    const blank = text === '' || isNoneMark(text);
    if (metric === null || !WINDOW_METRICS.has(metric)) {
      if (!blank)
        this.warn(
          'definition.windowIgnored',
          { value: text, ...metricParams, ...noMetricParams(metric) },
          r,
          c,
          b.header,
        );
      return null;
    }
    if (blank) return null;
    const n = readNumber(numberText(raw));
    if (n.ok && n.value !== null && !Number.isFinite(n.value)) {
      this.error('definition.numberNotFinite', { value: text }, r, c, b.header);
      return null;
    }
    if (!n.ok || n.value === null || !Number.isInteger(n.value) || n.value < 1) {
      this.error('definition.windowInvalid', { value: text }, r, c, b.header);
      return null;
    }
    return n.value;
  }

  readThresholds(
    r: number,
    b: ItemsBlock,
    metric: MetricKind | null,
    rankByKey: Map<string, string>,
    ranks: string[],
  ): Record<string, number | null> {
    const thresholds: Record<string, number | null> = {};
    for (const [c, header] of b.rankCols) {
      const raw = this.cell(r, c);
      if (isBlank(raw)) continue;
      const text = cellText(raw);
      const rank = rankByKey.get(labelKey(header));
      if (rank === undefined) {
        this.error(
          'definition.thresholdUnknownRank',
          { rank: header, ranks: ranks.join(', ') },
          r,
          c,
          b.header,
        );
        continue;
      }
      if (metric === null) {
        this.error('definition.thresholdWithoutMetric', { value: text }, r, c, b.header);
        continue;
      }
      if (isNoneMark(text)) continue;
      if (FLAG_METRICS.has(metric)) {
        if (REQUIRED_WORDS.has(labelKey(raw))) thresholds[rank] = 1;
        else {
          const flag = readBoolean(raw);
          if (!flag.ok) this.error('definition.thresholdFlag', { value: text }, r, c, b.header);
          else if (flag.value) thresholds[rank] = 1;
        }
        continue;
      }
      const n = readNumber(numberText(raw));
      if (!n.ok || n.value === null)
        this.error('definition.thresholdNotNumber', { value: text }, r, c, b.header);
      else if (!Number.isFinite(n.value))
        this.error('definition.numberNotFinite', { value: text }, r, c, b.header);
      else if (!Number.isInteger(n.value) || n.value < 0)
        this.error('definition.thresholdInvalid', { value: text }, r, c, b.header);
      else thresholds[rank] = n.value;
    }
    return thresholds;
  }
}

/** True for a blank cell or one that reads as a threshold (60, 「60日」, 必須, ○, -). */
function looksLikeThreshold(v: CellValue): boolean {
  if (isBlank(v) || typeof v === 'number' || typeof v === 'boolean') return true;
  const text = cellText(v);
  if (isNoneMark(text) || REQUIRED_WORDS.has(labelKey(text)) || readBoolean(v).ok) return true;
  const n = readNumber(numberText(v));
  return n.ok && n.value !== null;
}

/** "業種、従業員数" / "Industry, Employees" → the names; the engines split targets the same way. */
function splitList(text: string): string[] {
  return text
    .split(/[,、，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// Closing quotes and brackets at the end, trimmed by a scan from the end: a regex anchored at $
// would retry from every character of a long run (quadratic), and a lookbehind cannot be used
// (Safari before 16.4 cannot parse it).
const CLOSERS = new Set(['"', "'", '」', '』', ')', ']']);
function withoutClosers(s: string): string {
  let end = s.length;
  while (end > 0 && CLOSERS.has(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** A threshold or window cell with its wrapping and unit removed: 「60日」, "60 days" → "60". */
function numberText(raw: CellValue): CellValue {
  if (typeof raw !== 'string') return raw;
  const unwrapped = withoutClosers(normalizeText(raw).replace(/^["'「『([]+/, ''));
  return unwrapped.trim().replace(NUMBER_SUFFIX, '');
}

// For an item without a metric, "ignored" warnings name it as "(なし)" / "(none)".
function noMetricParams(metric: MetricKind | null): Params {
  return metric
    ? {}
    : { metricJa: t('ja', 'definition.value.none'), metricEn: t('en', 'definition.value.none') };
}

/**
 * Reads a definition sheet (the whole used range, or one range passed to a custom function).
 * Throws KimeruError with every error found, each naming its row and column.
 */
export function readDefinition(grid: CellValue[][], opts: ReadDefinitionOptions = {}): DefinitionRead {
  return new DefinitionSheetReader(grid, opts).read();
}

/**
 * Writes a definition as a rectangular grid of values in `lang`. Text that starts with = + - @
 * (a standard such as "-" or "=重要") is returned as is: the writer never prefixes it; the host
 * adapters write every cell as a value so it can never become a formula.
 */
export function writeDefinition(def: Definition, opts: WriteDefinitionOptions): CellValue[][] {
  const { lang } = opts;
  const L = (key: MessageKey): string => t(lang, key);
  const withNotes = def.items.some((i) => (i.why ?? '') !== '' || (i.howTo ?? '') !== '');
  const rows: CellValue[][] = [];
  rows.push([L('definition.label.title')]);
  rows.push([L('definition.label.version'), opts.version ?? '']);
  rows.push([L('definition.label.ranks'), ...def.ranks]);
  rows.push([L('definition.label.fiscalStartMonth'), def.fiscalStartMonth]);
  const m = def.ranking;
  rows.push([
    L('definition.label.ranking'),
    L(m.kind === 'rules' ? 'definition.label.methodRules' : 'definition.label.methodAbc'),
  ]);
  if (m.kind === 'abc') {
    rows.push([L('definition.label.abcColumn'), m.column]);
    rows.push([]);
    rows.push([L('definition.label.rankColumn'), L('definition.label.cutoff')]);
    for (const rank of def.ranks) {
      const cut = m.cutoffs[rank];
      if (cut !== undefined) rows.push([rank, formatShare(cut)]);
    }
  } else {
    rows.push([]);
    rows.push([L('definition.label.rankColumn'), L('definition.label.conditions')]);
    for (const rule of m.rules) rows.push([rule.rank, formatConditions(rule.conditions, lang)]);
  }
  rows.push([]);
  rows.push([
    L('definition.label.perspective'),
    L('definition.label.itemId'),
    L('definition.label.item'),
    L('definition.label.standard'),
    L('definition.label.metric'),
    L('definition.label.target'),
    L('definition.label.window'),
    ...def.ranks,
    // Why and how to, after the thresholds, once any item has them (older sheets stay as they were).
    ...(withNotes ? [L('definition.label.why'), L('definition.label.howTo')] : []),
  ]);
  for (const item of def.items) {
    rows.push([
      PERSPECTIVE_LABELS[item.perspective]?.[lang] ?? item.perspective,
      item.id,
      item.name,
      item.standard,
      item.metric ? METRIC_LABELS[item.metric][lang] : '',
      formatTarget(item, lang),
      item.window ?? '',
      ...def.ranks.map((rank) => formatThresholdCell(item, rank, lang)),
      ...(withNotes ? [item.why ?? '', item.howTo ?? ''] : []),
    ]);
  }
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
}

/** 0.7 → "70%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(12))}%`;
}

/** The target cell as a manager reads it: an activity type's label, column names joined by 、. */
export function formatTarget(item: Item, lang: Lang): string {
  const sep = t(lang, 'definition.label.listSeparator');
  if (item.metric === 'activity_count')
    return splitList(item.target)
      .map(
        (code) =>
          (ACTIVITY_TYPE_LABELS[code as ActivityType] as Record<Lang, string> | undefined)?.[lang] ?? code,
      )
      .join(sep);
  if (item.metric === 'attribute_filled') return splitList(item.target).join(sep);
  return item.target;
}

function formatThresholdCell(item: Item, rank: string, lang: Lang): CellValue {
  const v = item.thresholds[rank];
  if (v === null || v === undefined) return '';
  if (item.metric && FLAG_METRICS.has(item.metric) && v === 1) return t(lang, 'definition.label.required');
  return v;
}
