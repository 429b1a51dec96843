import type { CellValue } from '../values/cell';
import { activityGrid, activitySeeds, earlierActivitySeeds } from './activities';
import { seeded } from './random';
import { rankHistoryGrid } from './rank-history';
import { AS_OF_SERIAL } from './company';
import { contactGrid, contactSeeds } from './contacts';
import { customerGrid } from './customers';
import { acknowledgementGrid, definitionGrid, historyGrid, reviewAnswerGrid } from './definition';

/**
 * The sample workbook of 株式会社みらい精機, as sheet grids (header row first): pure data, no
 * host or Node API, so the terminal demo and the browser playground load the same thing.
 */
export interface SampleWorkbook {
  /** 顧客: a title row and a blank row above the header, 50 customers. */
  customers: CellValue[][];
  /** 連絡先: 2–4 people per customer with their role. */
  contacts: CellValue[][];
  /** 行動: a year of activities, about 600 in the half-year before the as-of date. */
  activities: CellValue[][];
  /** 顧客管理の定義, version 2. */
  definition: CellValue[][];
  /** 版の履歴: versions 1 and 2. */
  history: CellValue[][];
  /** 振り返り回答: each rep's 知っている answer per item, for the reviews of 2026H1 and 2026H2. */
  reviewAnswers: CellValue[][];
  /** ランク履歴: the ranking snapshots of 2026-05-29 (version 1) and 2026-08-31. */
  rankHistory: CellValue[][];
  /** 既読: who marked which version as read (田村 and 中島 have not read version 2). */
  acknowledgements: CellValue[][];
  /** 基準日 as a date cell holds it (serial number of 2026-11-29). */
  asOf: number;
}

/** Builds the sample workbook; the same cells on every call. */
export function sampleWorkbook(): SampleWorkbook {
  const contacts = contactSeeds();
  const later = activitySeeds(contacts);
  // The earlier half-year has its own random sequence: the later rows are written as before.
  const earlier = activityGrid(earlierActivitySeeds(contacts, later), seeded(8));
  return {
    customers: customerGrid(),
    contacts: contactGrid(contacts),
    activities: [...earlier, ...activityGrid(later).slice(1)],
    definition: definitionGrid(),
    history: historyGrid(),
    reviewAnswers: reviewAnswerGrid(),
    rankHistory: rankHistoryGrid(),
    acknowledgements: acknowledgementGrid(),
    asOf: AS_OF_SERIAL,
  };
}

export { COMPANY_NAME, REPS, REP_NAMES, MANAGER, AS_OF_DAY, AS_OF_SERIAL } from './company';
export { CAUTIONARY_ID, NO_KEY_PERSON, CUSTOMER_SEEDS } from './customers';
export { PLANTED } from './activities';
export { VERSION_2_NOTE, KEY_CONTACT_ITEM, sampleVersions } from './definition';
export { EARLIER_RANKS } from './rank-history';
