/** The engines: ranking, gap check, half-year review, sales manual and activity validation, over an indexed dataset. */
export { indexDataset, activitiesUntil, spanUntil, contactsOf, keyPersonsOf } from './dataset-index';
export type { DatasetIndex } from './dataset-index';
export { rankCustomers, rankList, withMovement, rankingTable, conditionHolds, describeConditions } from './ranking';
export type { RankResult, RankingRow, Movement } from './ranking';
export {
  checkGaps,
  summarizeGaps,
  gapTable,
  gapSummaryTable,
  gapRepTable,
  byUrgencyOrder,
  gapHeadline,
  noDataHeadline,
} from './gaps';
export type { GapRow, GapSummary } from './gaps';
export { measureItem, subjectOf, windowOf, DEFAULT_WINDOWS, lastKeyContact, latestOf } from './metrics';
export type { Measure, MeasureStatus, Subject, KeyContact } from './metrics';
export { standardText, shortThresholdText, perRankText, subjectText } from './metric-text';
export {
  halfYearOf,
  halfYearNamed,
  parsePeriod,
  periodCode,
  previousHalfYear,
  reviewChanges,
  changeText,
  classLabel,
  reviewRows,
  reviewTable,
  DEFAULT_DONE_BAR,
} from './review';
export type {
  Confirmation,
  HalfYear,
  KnowsAnswer,
  PeriodName,
  ReviewChange,
  ReviewClass,
  ReviewRow,
} from './review';
export { manualRows, type ManualChanges } from './manual';
export {
  comparisonDay,
  rankChanges,
  rankHistoryHeader,
  ranksAt,
  readRankHistory,
  snapshotDays,
  type RankEntry,
} from './rank-history';
export {
  validateActivity,
  isDuplicateSubmit,
  activityHeader,
  activityCells,
  activityColumnLabel,
  ACTIVITY_COLUMNS,
} from './activity';
export type { ActivityInput, ActivityField, ActivityValidation, ActivityColumn } from './activity';
export { findAttribute, lookupColumn, coreFieldOf, headerKey } from './columns';
export type { AttributeLookup } from './columns';
export { enginesMessages } from './messages';
export {
  listActions,
  actionTable,
  limitFor,
  isRepOf,
  byUrgency,
  ACTION_HORIZON,
  ACTION_KINDS,
} from './actions';
export type { ActionRow, ActionKind, ActionOptions } from './actions';
export { coverageOf, coverageTable, sixMonthsBefore } from './coverage';
export type { CoverageRow, CoverageNote } from './coverage';
