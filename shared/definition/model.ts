import type { Day } from '../model';

/**
 * The customer-management definition (顧客管理の定義): items under three perspectives, each
 * with its standard in words and, where measurable, a metric from a fixed catalog with a
 * threshold per rank; plus the rule that ranks the customers.
 */

export const PERSPECTIVES = ['attributes', 'relationships', 'information'] as const;
/** 顧客属性の把握 / 人間関係の構築 / 情報収集・記録・活用 */
export type Perspective = (typeof PERSPECTIVES)[number];

/**
 * The metric catalog. Thresholds mean, per metric:
 * - key_person_registered: 1 = the customer must have a key person registered.
 * - key_person_contact_days: a key person met within N days of the as-of date.
 * - contact_days: any activity within N days.
 * - distinct_contacts: at least N different contacts met within `window` days.
 * - activity_count: at least N activities of type `target` (blank = any) within `window` days.
 * - next_action_overdue: the open next action is at most N days past its due date.
 * - attribute_filled: 1 = the customer columns named in `target` (comma-separated) are filled.
 * - recording_lag_days: activities within `window` days were recorded within N days of their date.
 */
export const METRICS = [
  'key_person_registered',
  'key_person_contact_days',
  'contact_days',
  'distinct_contacts',
  'activity_count',
  'next_action_overdue',
  'attribute_filled',
  'recording_lag_days',
] as const;
export type MetricKind = (typeof METRICS)[number];

export interface Item {
  /** Short stable id (e.g. "R1"), so versions can be compared item by item. */
  id: string;
  perspective: Perspective;
  name: string;
  /** The standard in plain words: what the sales manual says. */
  standard: string;
  /** null: not measurable, people check it in the half-year review. */
  metric: MetricKind | null;
  /** The metric's subject: an activity type, or customer column names. '' when not needed. */
  target: string;
  /** Look-back window in days for count metrics; null when not needed. */
  window: number | null;
  /** Threshold per rank; a rank that is missing or null is not checked for this item. */
  thresholds: Record<string, number | null>;
  /** Why the item exists, for the manual (optional; absent and '' mean the same). */
  why?: string;
  /** How to practise it, one line for the manual (optional). */
  howTo?: string;
}

export const CONDITION_OPS = ['>=', '>', '<=', '<', '=', '<>', 'contains', 'filled'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface Condition {
  /** A customer column, by header text. */
  column: string;
  op: ConditionOp;
  value: string | number | null;
}

/** One threshold rule: every condition must hold (AND). No conditions = always matches. */
export interface RankRule {
  rank: string;
  conditions: Condition[];
}

export type RankMethod =
  /** Ordered rules on customer attributes: the first matching rule wins, the last rank is the default. */
  | { kind: 'rules'; rules: RankRule[] }
  /** Pareto/ABC on a value column: a customer whose cumulative share (before it) is below a rank's
   *  cut-off gets that rank; cut-offs are cumulative shares in (0, 1], in rank order. */
  | { kind: 'abc'; column: string; cutoffs: Record<string, number> };

export interface Definition {
  /** Rank names in order, best first (A, B, C…). */
  ranks: string[];
  ranking: RankMethod;
  items: Item[];
  /** First month of the fiscal year (1–12), for half-year reviews. April by default. */
  fiscalStartMonth: number;
}

/** An immutable saved state of the definition (版). */
export interface DefinitionVersion {
  version: number;
  date: Day;
  author: string;
  note: string;
  definition: Definition;
}
