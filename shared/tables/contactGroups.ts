import type { Contact } from '../model';

/** Each customer's contacts and key persons (role 'key'), in the order of the contact list. */
export interface ContactGroups {
  byCustomer: ReadonlyMap<string, readonly Contact[]>;
  keyPersons: ReadonlyMap<string, readonly Contact[]>;
}

/**
 * The contacts grouped by customer, made once per contact list: the activity reader matches the
 * people met against them and the dataset index hands them to the checks, both on every
 * recalculation. A list is grouped again when it is another array or has grown since (a command
 * appending a contact); lists read from a sheet are never edited in place.
 */
export function contactGroups(contacts: readonly Contact[]): ContactGroups {
  const kept = GROUPS.get(contacts);
  if (kept && kept.length === contacts.length) return kept.groups;
  const byCustomer = new Map<string, Contact[]>();
  const keyPersons = new Map<string, Contact[]>();
  for (const c of contacts) {
    push(byCustomer, c.customerId, c);
    if (c.role === 'key') push(keyPersons, c.customerId, c);
  }
  const groups = { byCustomer, keyPersons };
  GROUPS.set(contacts, { length: contacts.length, groups });
  return groups;
}

const GROUPS = new WeakMap<readonly Contact[], { length: number; groups: ContactGroups }>();

function push(map: Map<string, Contact[]>, key: string, value: Contact): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
