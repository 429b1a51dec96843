import {
  ACTIVITY_TYPES,
  type Activity,
  type ActivityType,
  type Contact,
  type Customer,
  type Dataset,
  type Day,
} from './model';

/**
 * The activity log stored by column: one typed array per field, one position per activity. A
 * custom function reads 300,000 activities on every recalculation; an object per activity — or
 * an array of 300,000 strings per column, which every major garbage collection walks — cost
 * more than reading the cells. Texts that repeat down a log (customer, rep, people met, next
 * action) are stored once in a table and referred to by code.
 *
 * The engines that run inside custom functions read these columns; everything else asks for
 * Activity objects, made on first use (`at`, `toArray`).
 */
/** The names a row wrote, the contacts they resolved to, and whether one is a key person. */
export interface PeopleEntry {
  readonly text: string;
  readonly ids: readonly string[];
  /** 1 / 0 when the reader knew the customer's key persons; -1 when not worked out yet. */
  readonly keyMet: number;
}

export class ActivityLog {
  length = 0;
  row: Int32Array;
  date: Float64Array;
  /** Position in `customerIds`. */
  customer: Int32Array;
  readonly customerIds: TextTable;
  /** Position in `people` (the names written and the contacts they resolved to); -1: nobody named. */
  peopleCode: Int32Array;
  readonly people: PeopleEntry[] = [];
  /**
   * Per position: 1 when one of the people met is a key person of the row's customer, as the
   * reader worked it out; to be trusted only while `keyMetKnown` (a log made from objects is not).
   */
  keyMet: Uint8Array;
  keyMetKnown = true;
  /** Position in ACTIVITY_TYPES. */
  type: Uint8Array;
  /** NaN where the row has none. */
  nextDue: Float64Array;
  /** NaN where the row has none (hand-typed rows). */
  recordedAt: Float64Array;
  repCode: Int32Array;
  readonly reps: TextTable;
  nextActionCode: Int32Array;
  readonly nextActions: TextTable;
  /** Free-text columns; null when the reader was told nobody looks at them (read as ''). */
  purpose: string[] | null;
  content: string[] | null;
  key: string[] | null;
  /** The objects made so far (or the ones the log was made from), by position. */
  private objects: (Activity | undefined)[] | null = null;

  /** Room for `capacity` activities; `unread` free-text columns are not kept. */
  constructor(capacity: number, unread?: ReadonlySet<string>) {
    this.row = new Int32Array(capacity);
    this.date = new Float64Array(capacity);
    this.customer = new Int32Array(capacity);
    this.peopleCode = new Int32Array(capacity);
    this.keyMet = new Uint8Array(capacity);
    this.type = new Uint8Array(capacity);
    this.nextDue = new Float64Array(capacity);
    this.recordedAt = new Float64Array(capacity);
    this.repCode = new Int32Array(capacity);
    this.nextActionCode = new Int32Array(capacity);
    this.customerIds = new TextTable();
    this.reps = new TextTable();
    this.nextActions = new TextTable();
    this.purpose = unread?.has('purpose') ? null : [];
    this.content = unread?.has('content') ? null : [];
    this.key = unread?.has('key') ? null : [];
  }

  /** A log holding these activities; `at` gives back the very same objects. */
  static of(activities: readonly Activity[]): ActivityLog {
    const log = new ActivityLog(activities.length);
    for (const a of activities) log.push(a);
    log.objects = activities.slice();
    return log;
  }

  /** Appends one activity's fields (not the object: `at` makes a new one). */
  push(a: Activity): void {
    const i = this.length++;
    this.keyMetKnown = false;
    this.row[i] = a.row;
    this.date[i] = a.date;
    this.customer[i] = this.customerIds.code(a.customerId);
    this.peopleCode[i] =
      a.contactText === '' && a.contactIds.length === 0 ? -1 : this.addPeople(a.contactText, a.contactIds);
    this.type[i] = activityTypeCode(a.type);
    this.nextDue[i] = a.nextDue ?? NaN;
    this.recordedAt[i] = a.recordedAt ?? NaN;
    this.repCode[i] = this.reps.code(a.rep);
    this.nextActionCode[i] = this.nextActions.code(a.nextAction);
    this.purpose?.push(a.purpose);
    this.content?.push(a.content);
    this.key?.push(a.key);
  }

  /**
   * `entry` as the next entry of `people`; its code. Its text, ids and key-person mark are never
   * changed: logs may share one (a reader's cached match is one, with fields of its own besides).
   */
  addEntry(entry: PeopleEntry): number {
    return this.people.push(entry) - 1;
  }

  /** A new entry of `people` whose key persons are not known here (the index works them out); its code. */
  addPeople(text: string, ids: readonly string[]): number {
    return this.addEntry({ text, ids, keyMet: -1 });
  }

  customerIdAt(i: number): string {
    return this.customerIds.list[this.customer[i]!]!;
  }

  /** The contacts the row's names resolved to; rows that wrote the same people share one array. */
  contactIdsAt(i: number): readonly string[] {
    const code = this.peopleCode[i]!;
    return code < 0 ? NOBODY : this.people[code]!.ids;
  }

  contactTextAt(i: number): string {
    const code = this.peopleCode[i]!;
    return code < 0 ? '' : this.people[code]!.text;
  }

  repAt(i: number): string {
    return this.reps.list[this.repCode[i]!]!;
  }

  nextActionAt(i: number): string {
    return this.nextActions.list[this.nextActionCode[i]!]!;
  }

  typeAt(i: number): ActivityType {
    return ACTIVITY_TYPES[this.type[i]!] ?? 'other';
  }

  nextDueAt(i: number): Day | null {
    const d = this.nextDue[i]!;
    return Number.isNaN(d) ? null : d;
  }

  recordedAtAt(i: number): Day | null {
    const d = this.recordedAt[i]!;
    return Number.isNaN(d) ? null : d;
  }

  /** The activity at position `i` as an object, made once. */
  at(i: number): Activity {
    const objects = (this.objects ??= []);
    let a = objects[i];
    if (a === undefined) {
      a = {
        row: this.row[i]!,
        date: this.date[i]!,
        customerId: this.customerIdAt(i),
        contactText: this.contactTextAt(i),
        // Shared between rows that wrote the same people: activities are never mutated.
        contactIds: this.contactIdsAt(i) as string[],
        type: this.typeAt(i),
        purpose: this.purpose?.[i] ?? '',
        content: this.content?.[i] ?? '',
        nextAction: this.nextActionAt(i),
        nextDue: this.nextDueAt(i),
        rep: this.repAt(i),
        recordedAt: this.recordedAtAt(i),
        key: this.key?.[i] ?? '',
      };
      objects[i] = a;
    }
    return a;
  }

  /** Every activity as an object, in log order. */
  toArray(): Activity[] {
    const out: Activity[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }
}

/**
 * Distinct texts and their codes. Down a log the same text usually comes again on the next row:
 * that case is one comparison, without hashing.
 */
export class TextTable {
  readonly list: string[] = [];
  private readonly codes = new Map<string, number>();
  private last: string | null = null;
  private lastCode = -1;

  /** The code of `text`, if the table has it. */
  find(text: string): number | undefined {
    return this.codes.get(text);
  }

  code(text: string): number {
    if (text === this.last) return this.lastCode;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.list.length;
      this.list.push(text);
      this.codes.set(text, code);
    }
    this.last = text;
    this.lastCode = code;
    return code;
  }
}

const NOBODY: readonly string[] = Object.freeze([]);
const TYPE_CODE = new Map<ActivityType, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
const OTHER = ACTIVITY_TYPES.indexOf('other');

/** The code `type` is stored as in ActivityLog.type. */
export function activityTypeCode(type: ActivityType): number {
  return TYPE_CODE.get(type) ?? OTHER;
}

/**
 * A dataset whose activities are `log`: `activities` is made from it on first use. Assigning
 * `activities` replaces the log (the two never disagree).
 */
export function datasetOf(customers: Customer[], contacts: Contact[], log: ActivityLog): Dataset {
  const ds = { customers, contacts } as Dataset;
  let activities: Activity[] | null = null;
  let current: ActivityLog | undefined = log;
  Object.defineProperty(ds, 'activities', {
    enumerable: true,
    get: () => (activities ??= current ? current.toArray() : []),
    set: (value: Activity[]) => {
      activities = value;
      current = undefined;
    },
  });
  Object.defineProperty(ds, 'log', { enumerable: false, get: () => current });
  return ds;
}
