/** Commands over the workbook port: setup, logging, versions and the output sheets, and the UI's API. */
export { createApi } from './api';
export type { KimeruApi, Envelope, Clock, SidebarState } from './api';
export { setup, planSetup } from './setup';
export type { SetupRequest, SetupReport } from './setup';
export { logActivity } from './log';
export type { LogResult } from './log';
export { definitionState, previewDefinition, saveDefinition } from './definition';
export type { DefinitionState } from './definition';
export { runRanking, runGapCheck } from './reports';
export { writeManual } from './manual';
export { runReview, confirmItem, acknowledgeVersion } from './review';
export type { ReviewResult, ConfirmRequest } from './review';
export { listVersions, showVersion, compareVersions } from './versions';
export type { VersionList, VersionShown, VersionComparison, VersionSummary } from './versions';
export type { ReportResult, UnreadRows } from './reports';
export { loadWorkbook, findSettingsSheet } from './workbook';
export { ROLES, NAMES, OUTPUT_ROLES, readSettings } from './settings';
export type { Role, Settings } from './settings';
