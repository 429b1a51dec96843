import type { ContactRole, Customer, Day } from '../model';
import { t, type Lang } from '../i18n';
import { ROLE_LABELS } from '../i18n/vocabulary';
import { dayFromParts, formatDay, partsFromDay } from '../values';
import type { CellValue } from '../values/cell';
import { activitiesUntil, contactsOf, type DatasetIndex } from './dataset-index';

/**
 * Key-person coverage (人間関係の構築): per customer, every contact with their role, when and by
 * whom they were last met and how often in the last six months — never-met key persons first,
 * the column's cautionary case (a key person nobody meets while the person in charge is seen).
 */

export type CoverageNote = 'neverMet' | 'noKeyPerson' | '';

export interface CoverageRow {
  customerId: string;
  customerName: string;
  rep: string;
  /** null on the placeholder row of a customer without a key person. */
  contactId: string | null;
  name: string;
  title: string;
  role: ContactRole;
  lastMet: Day | null;
  /** The rep of the latest activity that met this person. */
  metBy: string;
  meetings: number;
  note: CoverageNote;
}

/** The first day of the six months up to `asOf`: the same date six calendar months earlier, plus one. */
export function sixMonthsBefore(asOf: Day): Day {
  const p = partsFromDay(asOf);
  let month = p.month - 6;
  let year = p.year;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  // 8/31 minus six months is the end of February, not a day that does not exist.
  const last = dayFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  return Math.min(dayFromParts(year, month, 1) + p.day - 1, last) + 1;
}

const ROLE_ORDER: Record<ContactRole, number> = { key: 0, charge: 1, influencer: 2, other: 3 };

/** Coverage rows of the given customers (all of them by default), each customer's rows together. */
export function coverageOf(
  index: DatasetIndex,
  asOf: Day,
  customers: readonly Customer[] = index.customers,
): CoverageRow[] {
  const from = sixMonthsBefore(asOf);
  const rows: CoverageRow[] = [];
  for (const customer of customers) {
    const people = contactsOf(index, customer.id);
    const met = new Map<string, { last: Day; by: string; meetings: number }>();
    for (const a of activitiesUntil(index, customer.id, asOf)) {
      // The same person written twice on one row is one meeting.
      const ids = a.contactIds.length > 1 ? new Set(a.contactIds) : a.contactIds;
      for (const id of ids) {
        const m = met.get(id) ?? { last: a.date, by: a.rep, meetings: 0 };
        // Activities come oldest first: the last one seen is the latest (same day: the lower row).
        m.last = a.date;
        m.by = a.rep;
        if (a.date >= from) m.meetings++;
        met.set(id, m);
      }
    }
    const base = { customerId: customer.id, customerName: customer.name, rep: customer.rep };
    const own: CoverageRow[] = people.map((p) => {
      const m = met.get(p.id);
      return {
        ...base,
        contactId: p.id,
        name: p.name,
        title: p.title,
        role: p.role,
        lastMet: m?.last ?? null,
        metBy: m?.by ?? '',
        meetings: m?.meetings ?? 0,
        note: m ? '' : 'neverMet',
      };
    });
    const position = new Map(own.map((r, i) => [r, i]));
    own.sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.lastMet === null ? 0 : 1) - (b.lastMet === null ? 0 : 1) ||
        (a.lastMet ?? 0) - (b.lastMet ?? 0) ||
        position.get(a)! - position.get(b)!,
    );
    if (!people.some((p) => p.role === 'key'))
      rows.push({
        ...base,
        contactId: null,
        name: '',
        title: '',
        role: 'key',
        lastMet: null,
        metBy: '',
        meetings: 0,
        note: 'noKeyPerson',
      });
    rows.push(...own);
  }
  return rows;
}

/** The coverage as a table: header row in `lang`. */
export function coverageTable(rows: readonly CoverageRow[], asOf: Day, lang: Lang): CellValue[][] {
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rep'),
    t(lang, 'coverage.col.name'),
    t(lang, 'coverage.col.title'),
    t(lang, 'coverage.col.role'),
    t(lang, 'coverage.col.lastMet'),
    t(lang, 'coverage.col.metBy'),
    t(lang, 'coverage.col.daysSince'),
    t(lang, 'coverage.col.meetings'),
    t(lang, 'coverage.col.note'),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.customerId,
      r.customerName,
      r.rep,
      r.name,
      r.title,
      ROLE_LABELS[r.role][lang],
      r.lastMet === null ? '' : formatDay(r.lastMet, lang),
      r.metBy,
      r.lastMet === null ? '' : asOf - r.lastMet,
      r.meetings,
      r.note === '' ? '' : t(lang, `coverage.note.${r.note}`),
    ]),
  ];
}
