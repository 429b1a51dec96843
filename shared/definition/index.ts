/** The customer-management definition: model, sheet format, starter, 1-3-5-7 lint, versions. */
export * from './model';
export { readDefinition, writeDefinition, formatShare, formatTarget } from './sheet';
export type { DefinitionRead, ReadDefinitionOptions, WriteDefinitionOptions } from './sheet';
export { parseConditions, formatConditions, formatCondition, formatConditionNumber } from './conditions';
export type { ConditionsRead } from './conditions';
export { parsePerspective, parseMetric } from './labels';
export { canonicalDefinition, definitionsEqual, definitionFingerprint } from './canonical';
export { checkDefinition, definitionSchema } from './schema';
export type { DefinitionCheck } from './schema';
export { formatThreshold, thresholdUnit } from './format';
export type { ThresholdUnit } from './format';
export { starterDefinition } from './template';
export { lintDefinition, LINT_LIMITS } from './lint';
export { definitionIssues, HUGE_NUMBER } from './checks';
export {
  readHistory,
  historyRow,
  historyHeader,
  nextVersion,
  latestVersion,
  versionInForce,
  stampLabel,
  diffDefinitions,
  JSON_CELL_LIMIT,
} from './versions';
export type { HistoryRead, ReadHistoryOptions, DiffLine } from './versions';
export { definitionMessages } from './messages';
