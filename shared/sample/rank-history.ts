import { rankCustomers, rankHistoryHeader } from '../engines';
import { stampLabel } from '../definition';
import { readDataset } from '../tables';
import type { CellValue } from '../values/cell';
import { dayFromParts, dayToSerial } from '../values/days';
import { customerGrid } from './customers';
import { sampleVersions } from './definition';

/**
 * The ranking snapshots みらい精機 took before the sample's as-of date, as kimeru's rank history
 * keeps them: on 2026-05-29 (about six months earlier, under version 1) and 2026-08-31. Half a
 * year ago two customers stood a rank apart from today (business grew at one, shrank at the
 * other), so the ranking sheet has movement to show.
 */

/** The customers whose rank was different on 2026-05-29, and what it was. */
export const EARLIER_RANKS: Readonly<Record<string, string>> = { C010: 'B', C011: 'A' };

export function rankHistoryGrid(): CellValue[][] {
  const [v1] = sampleVersions();
  const customers = readDataset({ customers: customerGrid(), contacts: null, activities: null }).dataset
    .customers;
  const ranked = rankCustomers(v1!.definition, customers, 'ja');
  const name = new Map(customers.map((c) => [c.id, c.name]));
  const rows: CellValue[][] = [rankHistoryHeader('ja')];
  const may = dayToSerial(dayFromParts(2026, 5, 29));
  const august = dayToSerial(dayFromParts(2026, 8, 31));
  for (const r of ranked)
    rows.push([
      may,
      r.customerId,
      name.get(r.customerId) ?? '',
      EARLIER_RANKS[r.customerId] ?? r.rank,
      stampLabel(1, 'ja'),
    ]);
  // A snapshot records only what moved since the one before.
  for (const r of ranked)
    if (EARLIER_RANKS[r.customerId] !== undefined && EARLIER_RANKS[r.customerId] !== r.rank)
      rows.push([august, r.customerId, name.get(r.customerId) ?? '', r.rank, stampLabel(1, 'ja')]);
  return rows;
}
