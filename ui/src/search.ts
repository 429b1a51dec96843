import { foldText } from '../../shared/values/text';

/**
 * Customer search for the log form: by name, フリガナ or ID, folded so that hiragana typed
 * matches katakana, half-width ｶﾅ matches full-width, and spaces and case do not matter.
 * The folded keys are computed once per customer list, not per keystroke.
 */

export interface SearchCustomer {
  id: string;
  name: string;
  kana: string;
  rep: string;
}

export interface CustomerIndex<C extends SearchCustomer> {
  entries: { customer: C; id: string; name: string; kana: string }[];
}

/** Folds every customer's id, name and kana once. */
export function indexCustomers<C extends SearchCustomer>(customers: readonly C[]): CustomerIndex<C> {
  return {
    entries: customers.map((customer) => ({
      customer,
      id: foldText(customer.id),
      name: foldText(customer.name),
      kana: foldText(customer.kana),
    })),
  };
}

/**
 * Customers matching `query`, best first: an exact ID, then names / kana / IDs starting with
 * the query, then those containing it; sheet order within each group. `total` counts all.
 */
export function searchCustomers<C extends SearchCustomer>(
  index: CustomerIndex<C>,
  query: string,
  limit = 30,
): { matches: C[]; total: number } {
  const q = foldText(query);
  if (q === '') return { matches: [], total: 0 };
  const groups: C[][] = [[], [], []];
  for (const e of index.entries) {
    if (e.id === q) groups[0]!.push(e.customer);
    else if (e.name.startsWith(q) || e.kana.startsWith(q) || e.id.startsWith(q)) groups[1]!.push(e.customer);
    else if (e.name.includes(q) || e.kana.includes(q) || e.id.includes(q)) groups[2]!.push(e.customer);
  }
  const all = groups.flat();
  return { matches: all.slice(0, limit), total: all.length };
}
