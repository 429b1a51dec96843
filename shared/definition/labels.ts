import { t, LANGS, type Lang, type MessageKey } from '../i18n';
import { METRIC_LABELS, PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import { normalizeHeader } from '../tables/headers';
import type { CellValue } from '../values';
import { METRICS, PERSPECTIVES, type MetricKind, type Perspective } from './model';

/**
 * Recognising the words people write in the definition and history sheets. Every label is
 * accepted in both languages whatever the sheet's language, plus a few everyday aliases; all
 * comparisons go through normalizeHeader, so 【切り口】, 切り口: and "Item ID" / item_id meet.
 */

/** The comparison key of a label cell. */
export function labelKey(v: CellValue): string {
  return normalizeHeader(v);
}

/** Keys of a message label in both languages, plus aliases. */
function keysOf(key: MessageKey | null, aliases: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (key) for (const lang of LANGS) out.add(labelKey(t(lang, key)));
  for (const a of aliases) out.add(labelKey(a));
  out.delete('');
  return out;
}

/** Labels of setting rows and block headers in the definition sheet. */
export const SHEET_LABELS = {
  title: keysOf('definition.label.title', [
    '顧客管理の定義書',
    'customer management definition',
    'definition',
  ]),
  version: keysOf('definition.label.version', ['バージョン', '定義の版', 'ver']),
  ranks: keysOf('definition.label.ranks', ['rank', 'ランク名', 'ranks']),
  fiscalStartMonth: keysOf('definition.label.fiscalStartMonth', [
    '期首',
    '期初月',
    '期首の月',
    '年度開始月',
    'fiscal start month',
    'fiscal year start',
  ]),
  ranking: keysOf('definition.label.ranking', ['ランク分けの方法', 'ランク付け', 'ranking method']),
  abcColumn: keysOf('definition.label.abcColumn', ['集計列', '評価列', 'ABC対象列', 'column', 'value']),
  conditions: keysOf('definition.label.conditions', ['condition', 'ルール', 'rule', 'rules']),
  cutoff: keysOf('definition.label.cutoff', [
    '累積比率',
    '累積構成比率',
    '累積シェア',
    '区切り',
    'cutoff',
    'cut-off',
    'share',
  ]),
  otherwise: keysOf('definition.label.otherwise', [
    'その他',
    'それ以外',
    '上記以外',
    'otherwise',
    'else',
    'default',
    'others',
  ]),
  methodRules: keysOf('definition.label.methodRules', [
    '条件',
    'ルール方式',
    'しきい値',
    'threshold rules',
    'rule',
  ]),
  methodAbc: keysOf('definition.label.methodAbc', [
    'abc',
    'パレート',
    'パレート分析',
    'pareto',
    'pareto analysis',
  ]),
  note: keysOf(null, [
    'メモ',
    '備考',
    '注記',
    'コメント',
    '補足',
    'note',
    'notes',
    'memo',
    'comment',
    'comments',
    'remarks',
  ]),
} as const;

export type ItemField =
  'perspective' | 'id' | 'name' | 'standard' | 'metric' | 'target' | 'window' | 'why' | 'howTo';

/** Headers of the item table. */
export const ITEM_HEADERS: Record<ItemField, Set<string>> = {
  perspective: keysOf('definition.label.perspective', ['観点', 'perspectives']),
  id: keysOf('definition.label.itemId', ['ID', 'No', 'No.', '番号', '項目番号', 'item no']),
  name: keysOf('definition.label.item', ['項目名', 'item name', 'name']),
  standard: keysOf('definition.label.standard', [
    '基準(言葉)',
    '内容',
    '説明',
    'マニュアル',
    'standard (in words)',
    'description',
  ]),
  metric: keysOf('definition.label.metric', ['チェック', '測定', 'metrics', 'check']),
  target: keysOf('definition.label.target', ['対象列', '対象(列)', 'subject']),
  window: keysOf('definition.label.window', ['期間', '集計期間', '期間(日数)', 'window', 'days']),
  why: keysOf('definition.label.why', ['目的', 'なぜ', 'ねらい', 'purpose', 'reason']),
  howTo: keysOf('definition.label.howTo', ['実践方法', '進め方', 'how', 'how-to', 'practice']),
};

/** Headers of the history sheet. */
export type HistoryField = 'version' | 'date' | 'author' | 'note' | 'json';
export const HISTORY_HEADERS: Record<HistoryField, Set<string>> = {
  version: keysOf('definition.label.historyVersion', ['バージョン', 'ver']),
  date: keysOf('definition.label.historyDate', ['保存日', '作成日', '更新日']),
  author: keysOf('definition.label.historyAuthor', ['作成者', '更新者', '担当', 'by']),
  note: keysOf('definition.label.historyNote', ['変更点', 'メモ', '備考', 'note', 'notes', 'changes']),
  json: keysOf('definition.label.historyJson', ['定義', 'json', 'definition']),
};

/** Which field a header cell names, or null. */
export function fieldOf<F extends string>(table: Record<F, Set<string>>, v: CellValue): F | null {
  const k = labelKey(v);
  if (k === '') return null;
  for (const field of Object.keys(table) as F[]) if (table[field].has(k)) return field;
  return null;
}

// Labels with a parenthetical part ("キーマン接触(日以内)") are accepted with and without it.
function withoutParen(s: string): string {
  // [^()（）]: an unclosed bracket stops the scan at the next one (linear on "((((").
  return s.replace(/[(（][^()（）]*[)）]/g, '').trim();
}

function vocabularyIndex<K extends string>(
  codes: readonly K[],
  labels: Record<K, Record<Lang, string>>,
  aliases: Record<string, K>,
): Map<string, K> {
  const index = new Map<string, K>();
  for (const code of codes) {
    index.set(labelKey(code), code);
    for (const lang of LANGS) {
      index.set(labelKey(labels[code][lang]), code);
      index.set(labelKey(withoutParen(labels[code][lang])), code);
    }
  }
  for (const [alias, code] of Object.entries(aliases)) index.set(labelKey(alias), code);
  index.delete('');
  return index;
}

const PERSPECTIVE_INDEX = vocabularyIndex(PERSPECTIVES, PERSPECTIVE_LABELS, {
  顧客属性: 'attributes',
  属性: 'attributes',
  属性の把握: 'attributes',
  人間関係: 'relationships',
  関係構築: 'relationships',
  人間関係構築: 'relationships',
  情報: 'information',
  情報収集: 'information',
  情報収集記録活用: 'information',
  'customer attributes': 'attributes',
  relationship: 'relationships',
  'building relationships': 'relationships',
  'information: collect, record, use': 'information',
});

const METRIC_INDEX = vocabularyIndex(METRICS, METRIC_LABELS, {
  キーマン面談: 'key_person_contact_days',
  キーマン接触日数: 'key_person_contact_days',
  接触: 'contact_days',
  最終接触: 'contact_days',
  接触日数: 'contact_days',
  接触人数: 'distinct_contacts',
  行動回数: 'activity_count',
  活動回数: 'activity_count',
  次回アクション: 'next_action_overdue',
  期限超過: 'next_action_overdue',
  記録遅れ: 'recording_lag_days',
  記録: 'recording_lag_days',
  属性: 'attribute_filled',
  入力: 'attribute_filled',
});

/** "人間関係の構築", "Relationships", "relationships", "人間関係" → 'relationships'. */
export function parsePerspective(v: CellValue): Perspective | null {
  return PERSPECTIVE_INDEX.get(labelKey(v)) ?? null;
}

/** "キーマン接触(日以内)", "キーマン接触", "key_person_contact_days" → the metric. */
export function parseMetric(v: CellValue): MetricKind | null {
  return METRIC_INDEX.get(labelKey(v)) ?? null;
}

/** "訪問", "Visit", "visit", 来社, Zoom… → the type, as the activity log reads it; null if unknown. */

// Marks people write for "nothing here": a metric of "-" or "なし" means a people-checked item.
const NONE_MARKS = new Set(['-', '－', '—', '–', 'ー', '―', 'なし', '無し', '無', 'none', 'n/a', 'na', '×']);

/** True for "-", "—", "なし", "none"… (after trimming). */
export function isNoneMark(s: string): boolean {
  return NONE_MARKS.has(s.normalize('NFKC').trim().toLowerCase());
}

/**
 * Message params naming vocabulary words in both languages: issues are created before anyone
 * knows the language they will be shown in, so ja templates use {nameJa} and en ones {nameEn}.
 */
export function vocabParams<K extends string>(
  name: string,
  labels: Record<K, Record<Lang, string>>,
  codes: readonly K[],
): Record<string, string> {
  return {
    [`${name}Ja`]: codes.map((c) => labels[c].ja).join('、'),
    [`${name}En`]: codes.map((c) => labels[c].en).join(', '),
  };
}
