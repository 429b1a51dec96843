import type { Activity, ActivityType, AttrValue, Contact, ContactRole, Customer, Dataset } from '../model';
import { t } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import type { MessageKey, Params } from '../i18n';
import type { CellObjectReader, CellValue, HostRows, Read } from '../values/cell';
import { readActivityType } from './activityTypes';
import { ActivityLog, activityTypeCode, datasetOf, type PeopleEntry } from '../activity-log';
import { columnLetter } from './columns';
import { CustomerIndex, customerIdKey, foldCustomerId } from './companies';
import { contactGroups } from './contactGroups';
import { indexPeople, matchPeople, type PeopleIndex, type PeopleMatch } from './people';
import { plainDay, scanSlots, type FastRows } from './readTable';
import { keepShapes } from '../keep-shapes';
import { readContactRole } from './roles';
import { ACTIVITY_TABLE, CONTACT_TABLE, CUSTOMER_NAME_HEADERS, CUSTOMER_TABLE } from './schemas';
import { normalizeHeader } from './headers';
import { DateDays } from '../values/days';
import { MAX_KEY_LENGTH, normalizeText, plainNote } from '../values/text';
import type { CellRead, TableLayout, TableOptions, TableRow, TableSpec } from './spec';

/** Builds issues located at one cell of a table read: by column key, or by grid index for an
 *  unmapped column. `value` is the cell as written, shown in the list of unread rows. */
function cellIssuer(table: TableLayout, opts: TableOptions) {
  const firstColumn = (opts.firstColumn ?? 1) - 1; // 0-based offset from the 1-based option
  return (
    row: TableRow | number,
    column: string | { index: number },
    key: MessageKey,
    params: Params,
    severity: 'error' | 'warning',
    value?: string,
  ): Issue => {
    const index = typeof column === 'string' ? table.columns[column] : column.index;
    return {
      key,
      params,
      sheet: opts.sheet,
      row: typeof row === 'number' ? row : row.row,
      ...(index === undefined
        ? {}
        : { column: columnLetter(firstColumn + index), header: table.headers[index] ?? '' }),
      severity,
      ...(value === undefined || value === '' ? {} : { value }),
    };
  };
}
type Issuer = ReturnType<typeof cellIssuer>;

function text(row: TableRow, key: string): string {
  const v = row.cells[key];
  return typeof v === 'string' ? v : '';
}

/** Where each customer column's value sits in a scanSlots row: its place in CUSTOMER_TABLE. */
const CUSTOMER_SLOT = (() => {
  const at = (key: string): number => CUSTOMER_TABLE.columns.findIndex((c) => c.key === key);
  return { id: at('id'), name: at('name'), kana: at('kana'), rep: at('rep') };
})();

/**
 * A table read in progress that takes its rows one at a time. The row function scanSlots calls
 * is one module function that hands the row to the read in progress: optimised code that calls
 * a function made per call (a closure, a bound function) is thrown away when that function is
 * collected, so every recalculation after a collection ran unoptimised again.
 */
interface RowReader {
  read(
    row: number,
    values: readonly (CellRead | undefined)[],
    extra: Record<string, AttrValue>,
    layout: TableLayout,
  ): void;
  /** Takes a whole data row from the grid when it can (see FastRows); absent: never. */
  fast?(line: readonly CellValue[], row: number, layout: TableLayout): boolean;
  /** false: `fast` is not tried on this read. */
  readonly fastRows?: boolean;
}

let reading: RowReader | null = null;

function readingRow(
  row: number,
  values: readonly (CellRead | undefined)[],
  extra: Record<string, AttrValue>,
  _invalid: readonly string[],
  layout: TableLayout,
): void {
  (reading as RowReader).read(row, values, extra, layout);
}

/** scanSlots with each data row handed to `reader`. */
function scanRows(
  reader: RowReader,
  grid: CellValue[][],
  spec: TableSpec,
  opts: TableOptions,
  unread?: ReadonlySet<string>,
): TableLayout {
  const outer = reading;
  reading = reader;
  try {
    return scanSlots(
      grid,
      spec,
      opts,
      readingRow,
      unread,
      reader.fast && reader.fastRows !== false ? (reader as FastRows) : undefined,
    );
  } finally {
    reading = outer;
  }
}

/**
 * Keys seen so far in a table, each with a value. Lists are often sorted by ID: while each key is
 * above the last, none can repeat, and no map of 10,000 or 30,000 keys is needed. The map is made
 * from the rows so far (`sofar`) the first time the order breaks.
 */
class SeenKeys<T> {
  private map: Map<string, T> | null = null;
  private last = '';

  constructor(private readonly sofar: () => [string, T][]) {}

  /** The value kept for `key`, or undefined for a key not seen before. */
  get(key: string): T | undefined {
    if (this.map === null && key > this.last) {
      this.last = key;
      return undefined;
    }
    this.map ??= new Map(this.sofar());
    return this.map.get(key);
  }

  /** Keeps `value` for a key `get` just called new. */
  set(key: string, value: T): void {
    this.map?.set(key, value);
  }
}

/**
 * Reads the customer list. The id is the ID column's text, or the customer name when the sheet
 * has no ID column or the cell is blank. Rows without a name, or repeating an id, are skipped
 * with an issue. Every unmapped column becomes an attribute. One pass straight from the column
 * slots (see scanSlots): RANK reads 10,000 customers on every recalculation.
 */
export function readCustomers(
  grid: CellValue[][],
  opts: TableOptions,
  /** Optional columns no caller will look at (kana, rep): read as ''. */
  unread?: ReadonlySet<string>,
): { customers: Customer[]; issues: Issue[]; table: TableLayout } {
  const scan = new CustomerScan(opts);
  const table = scanRows(scan, grid, CUSTOMER_TABLE, opts, unread);
  keepShapes('customers', scan);
  return { customers: scan.customers, issues: [...table.issues, ...scan.duplicates], table };
}

/** A customer read in progress. */
class CustomerScan implements RowReader {
  readonly customers: Customer[] = [];
  readonly duplicates: Issue[] = [];
  /** Each id's key → its sheet row. */
  private readonly seen = new SeenKeys<number>(() => this.customers.map((c) => [customerIdKey(c.id), c.row]));
  private issue: Issuer | null = null;

  constructor(private readonly opts: TableOptions) {}

  read(
    row: number,
    values: readonly (CellRead | undefined)[],
    extra: Record<string, AttrValue>,
    layout: TableLayout,
  ): void {
    const name = slotText(values, CUSTOMER_SLOT.name);
    if (name === '') return; // required: the scan reported it
    const id = slotText(values, CUSTOMER_SLOT.id) || name;
    const key = customerIdKey(id);
    const firstRow = this.seen.get(key);
    if (firstRow !== undefined) {
      this.issue ??= cellIssuer(layout, this.opts);
      this.duplicates.push(
        this.issue(
          row,
          'id' in layout.columns ? 'id' : 'name',
          'tables.duplicateCustomerId',
          { id, firstRow },
          'error',
          id,
        ),
      );
      return;
    }
    this.seen.set(key, row);
    this.customers.push({
      id,
      name,
      kana: slotText(values, CUSTOMER_SLOT.kana),
      rep: slotText(values, CUSTOMER_SLOT.rep),
      // Each customer owns its attributes (the scan shares one frozen record when there are none).
      attributes: layout.extra.length > 0 ? extra : {},
      row,
    });
  }
}

function toIndex(customers: readonly Customer[] | CustomerIndex): CustomerIndex {
  return customers instanceof CustomerIndex ? customers : new CustomerIndex(customers);
}

/** The grid index of a customer-name column beside a customer-ID column, if the table has one. */
function customerNameColumn(layout: TableLayout): number | null {
  const ref = layout.columns['customer'];
  if (ref === undefined || NAME_HEADERS.has(normalizeHeader(layout.headers[ref] ?? ''))) return null;
  const extra = layout.extra.find((x) => NAME_HEADERS.has(normalizeHeader(layout.headers[x.index] ?? '')));
  return extra ? extra.index : null;
}
const NAME_HEADERS = new Set(CUSTOMER_NAME_HEADERS.map((h) => normalizeHeader(h)));

/**
 * Resolves rows' customer references: the ID (or name) in the customer column, or — where people
 * typed the company and left the ID blank — the customer-name column beside it, when that name
 * means exactly one customer. A reference to a customer not in the list is reported once per
 * customer with its row count (a prospect logged twenty times is one thing to fix, not twenty).
 */
class CustomerResolver {
  private readonly unknown = new Map<string, Issue>();
  private nameColumn: number | null | undefined;
  private lastId = '';
  private last: Customer | null = null;

  constructor(
    private readonly index: CustomerIndex,
    private readonly issues: Issue[],
  ) {}

  /** The customer whose ID is exactly `id` (not blank), as resolveRef finds it, or null. */
  exact(id: string): Customer | null {
    if (id === this.lastId) return this.last;
    const exact = this.index.get(id);
    if (!exact) return null;
    this.lastId = id;
    this.last = exact;
    return exact;
  }

  resolve(row: TableRow, layout: TableLayout, issue: Issuer): Customer | null {
    return this.resolveRef(text(row, 'customer'), row.row, row.extra, layout, issue);
  }

  /** resolve() on a row's parts: the customer cell's text, the sheet row and its attributes. */
  resolveRef(
    id: string,
    row: number,
    extra: Record<string, AttrValue>,
    layout: TableLayout,
    issue: Issuer,
  ): Customer | null {
    if (id !== '') {
      // The usual case, an ID exactly as the customer list has it: nothing else is looked at
      // (and a log's next row is usually the same customer's).
      return this.exact(id) ?? this.find(id, row, 'customer', issue);
    }
    if (this.nameColumn === undefined) this.nameColumn = customerNameColumn(layout);
    const name = this.nameColumn === null ? '' : normalizeText(extra[extraName(layout, this.nameColumn)]);
    if (name === '') {
      const key = this.nameColumn === null ? 'tables.customerRequired' : 'tables.customerOrNameRequired';
      this.issues.push(issue(row, 'customer', key, {}, 'error'));
      return null;
    }
    return this.find(name, row, { index: this.nameColumn as number }, issue);
  }

  private find(
    ref: string,
    row: TableRow | number,
    column: string | { index: number },
    issue: Issuer,
  ): Customer | null {
    // The usual case, an ID exactly as the customer list has it: no match object per row.
    const exact = this.index.get(ref);
    if (exact) return exact;
    const match = this.index.find(ref);
    if (match === null) {
      const key = foldCustomerId(ref);
      const seen = this.unknown.get(key);
      if (seen) {
        seen.count = (seen.count ?? 1) + 1;
        seen.key = 'tables.unknownCustomerRows';
        seen.params = { value: seen.value ?? ref, count: seen.count };
        return null;
      }
      const first = issue(row, column, 'tables.unknownCustomer', { value: ref }, 'error', ref);
      first.count = 1;
      this.unknown.set(key, first);
      this.issues.push(first);
      return null;
    }
    if ('ambiguous' in match) {
      const candidates = match.ambiguous.map((c) => `${c.id} ${c.name}`).join(', ');
      this.issues.push(
        issue(row, column, 'tables.ambiguousCustomer', { value: ref, candidates }, 'error', ref),
      );
      return null;
    }
    return match.customer;
  }
}

/** The key of an unmapped column in a row's `extra` (its header, told apart by letter if repeated). */
function extraName(layout: TableLayout, index: number): string {
  return layout.extra.find((x) => x.index === index)?.header ?? '';
}

/**
 * Reads contacts; each row's customer (id or name) is resolved through the customer index. The
 * id is the contact ID column, else "customerId:name". An unknown role is reported and read as
 * 'other'; an unknown customer or a repeated id skips the row with an issue.
 */
export function readContacts(
  grid: CellValue[][],
  customers: readonly Customer[] | CustomerIndex,
  opts: TableOptions,
): { contacts: Contact[]; issues: Issue[]; table: TableLayout } {
  const scan = new ContactScan(customers, opts);
  const table = scanRows(scan, grid, CONTACT_TABLE, opts);
  keepShapes('contacts', scan);
  return { contacts: scan.contacts, issues: [...table.issues, ...scan.issues], table };
}

/** One read of a contact table in progress. */
class ContactScan implements RowReader {
  readonly issues: Issue[] = [];
  readonly contacts: Contact[] = [];
  private readonly resolver: CustomerResolver;
  private issue: Issuer | null = null;
  /** Contact id → its place in `contacts` (the first row with that id). */
  private readonly seen = new SeenKeys<number>(() => this.contacts.map((c, i) => [c.id, i]));
  private readonly roles = new Map<string, Read<ContactRole>>();

  constructor(
    customers: readonly Customer[] | CustomerIndex,
    private readonly opts: TableOptions,
  ) {
    this.resolver = new CustomerResolver(toIndex(customers), this.issues);
  }

  read(
    row: number,
    values: readonly (CellRead | undefined)[],
    extra: Record<string, AttrValue>,
    layout: TableLayout,
  ): void {
    const issue = (this.issue ??= cellIssuer(layout, this.opts));
    const name = slotText(values, CONTACT_SLOT.name);
    const customer = this.resolver.resolveRef(
      slotText(values, CONTACT_SLOT.customer),
      row,
      extra,
      layout,
      issue,
    );
    if (name === '' || !customer) return;
    const customerId = customer.id;
    const id = slotText(values, CONTACT_SLOT.id) || `${customerId}:${name}`;
    const first = this.seen.get(id);
    if (first !== undefined) {
      // The same person written twice is one contact (a copy-paste, a second line for a new
      // phone number); one ID on two different people is a conflict the user has to settle.
      const earlier = this.contacts[first] as Contact;
      const samePerson = earlier.name === name;
      this.issues.push(
        issue(
          row,
          'id' in layout.columns ? 'id' : 'name',
          samePerson ? 'tables.repeatedContact' : 'tables.duplicateContactId',
          { id, name, firstRow: earlier.row },
          samePerson ? 'warning' : 'error',
          samePerson ? name : id,
        ),
      );
      return;
    }
    this.seen.set(id, this.contacts.length);
    let role: ContactRole = 'other';
    const roleText = slotText(values, CONTACT_SLOT.role);
    let readRole = this.roles.get(roleText);
    if (!readRole) this.roles.set(roleText, (readRole = readContactRole(roleText)));
    if (readRole.ok) role = readRole.value;
    else this.issues.push(issue(row, 'role', readRole.key, readRole.params, 'warning', roleText));
    this.contacts.push({
      id,
      customerId,
      name,
      kana: slotText(values, CONTACT_SLOT.kana),
      title: slotText(values, CONTACT_SLOT.title),
      role,
      row,
    });
  }
}

/** Where each contact column's value sits in a scanSlots row. */
const CONTACT_SLOT = (() => {
  const at = (key: string): number => CONTACT_TABLE.columns.findIndex((c) => c.key === key);
  return {
    id: at('id'),
    customer: at('customer'),
    name: at('name'),
    kana: at('kana'),
    title: at('title'),
    role: at('role'),
  };
})();

/**
 * Reads the activity log. A row whose date or customer cannot be read is skipped with an error;
 * the people met are matched to that customer's contacts (unknown or ambiguous names are
 * warnings, never guesses); a blank or unknown type is reported and counted as 'other'.
 */
export function readActivities(
  grid: CellValue[][],
  customers: readonly Customer[] | CustomerIndex,
  contacts: readonly Contact[],
  opts: TableOptions,
  /** Columns no caller will look at (read as ''/null): a function skips the free text it never shows. */
  unread?: ReadonlySet<string>,
): { log: ActivityLog; readonly activities: Activity[]; issues: Issue[]; table: TableLayout } {
  const scan = new ActivityScan(grid, customers, contacts, opts, unread);
  const table = scanRows(scan, grid, ACTIVITY_TABLE, opts, unread);
  keepShapes('activities', scan);
  const log = scan.log;
  return {
    log,
    get activities() {
      return log.toArray();
    },
    issues: [...table.issues, ...scan.issues],
    table,
  };
}

/** One read of an activity log in progress: rows go straight into the log's columns. */
class ActivityScan implements RowReader {
  readonly issues: Issue[] = [];
  readonly log: ActivityLog;
  private readonly resolver: CustomerResolver;
  private issue: Issuer | null = null;
  private readonly byCustomer: ReadonlyMap<string, readonly Contact[]>;
  private readonly types = new Map<string, Read<ActivityType>>();
  private nameOf: Map<string, string> | null = null;
  private lastCustomer: Customer | null = null;
  private lastCache: PeopleCache | null = null;
  private readonly readsType: boolean;
  /** This read's number: an entry of the people cache holds its code for one read at a time. */
  private readonly readNumber = ++reads;
  /** The free texts are not kept: rows may take the fast path (`fast`). */
  readonly fastRows: boolean;
  private at: LogColumns | null = null;
  /** Dates of the host's realm, by time: a log repeats the same few hundred days. */
  private readonly dateDays = new DateDays();
  /** The host's days of Dates in rows it has not moved, while a read uses them (hostDays). */
  private hostDay: ((time: number, column: number) => number) | null = null;
  private readonly customerIndex: CustomerIndex;
  // What fast rows learn per customer, by its place in the customer list (CustomerIndex.placeOf):
  // arrays, not maps keyed by text. A log is written in date order, each row another customer's,
  // and a look-up by text per row missed the processor's caches again and again.
  /**
   * Per customer, one record of SLOT_SIZE numbers (half a cache line: at 10,000 customers the
   * records then fit the processor's cache that a log by date reads them from): its code in the
   * log's customer ids (-1 before its first row), where its next recent people cell goes, and its
   * last RECENT people cells — their numbers in PEOPLE_TEXTS (-1: none), their codes in the log
   * with their key-person marks.
   */
  private readonly perCustomer: Int32Array;
  /** Per customer, its people cache once a row has needed it. */
  private readonly peopleAt: (PeopleCache | undefined)[];
  // The previous fast row's customer cell as the grid had it, and its customer's place.
  private lastRef: unknown = NaN;
  private lastPlace = -1;
  // The people cells of the run of rows the last fast row ended (rows of one customer, one after
  // another, as in a log sorted by customer), as the grid had them, with their codes and marks:
  // a cell equal to one of them reads as it did, without looking its text up among every text
  // read (a look-up that must first hash the host's new string). In a log by date a run is a row.
  private runPlace = -1;
  private runCount = 0;
  private readonly runCells: unknown[] = new Array<unknown>(RUN_CELLS).fill(null);
  private readonly runCodes = new Int32Array(RUN_CELLS);
  /** Next-action, type and rep cells read so far, and their codes: a log uses a handful of each. */
  private readonly nextActions = new CellCodes();
  private readonly typeCells = new CellCodes();
  private readonly repCells = new CellCodes();

  constructor(
    grid: CellValue[][],
    customers: readonly Customer[] | CustomerIndex,
    private readonly contacts: readonly Contact[],
    private readonly opts: TableOptions,
    unread: ReadonlySet<string> | undefined,
  ) {
    this.customerIndex = toIndex(customers);
    startPeopleTexts();
    this.resolver = new CustomerResolver(this.customerIndex, this.issues);
    this.byCustomer = contactGroups(contacts).byCustomer;
    const count = this.customerIndex.customers.length;
    // Filled, not grown by assignment: an array written at scattered places turns into a map.
    this.peopleAt = new Array<PeopleCache | undefined>(count).fill(undefined);
    this.perCustomer = new Int32Array(count * SLOT_SIZE);
    for (let k = 0; k < count; k++) {
      const at = k * SLOT_SIZE;
      this.perCustomer[at + SLOT_LOG] = -1;
      this.perCustomer.fill(-1, at + SLOT_TEXTS, at + SLOT_TEXTS + RECENT);
    }
    // One pass over the log, its cells read from their column slots (see scanSlots), no object per row.
    this.log = new ActivityLog(Math.max(0, grid.length - 1), unread);
    this.readsType = !unread?.has('type');
    this.fastRows = this.log.purpose === null && this.log.content === null && this.log.key === null;
    this.unread = unread;
  }
  private readonly unread: ReadonlySet<string> | undefined;

  read(
    row: number,
    values: readonly (CellRead | undefined)[],
    extra: Record<string, AttrValue>,
    layout: TableLayout,
  ): void {
    const issue = (this.issue ??= cellIssuer(layout, this.opts));
    const rawDate = values[SLOT.date];
    const date = typeof rawDate === 'number' ? rawDate : null;
    // A row without a date is left out (the scan listed it); its customer is still checked,
    // so one fix makes the row count.
    const ref = values[SLOT.customer];
    const customer = this.resolver.resolveRef(typeof ref === 'string' ? ref : '', row, extra, layout, issue);
    if (date === null || !customer) return;

    let type = UNREAD_TYPE;
    if (this.readsType) {
      const typeText = slotText(values, SLOT.type);
      const known = this.types.get(typeText);
      if (known) type = known;
      else this.types.set(typeText, (type = readActivityType(typeText)));
      if (!type.ok) this.issues.push(issue(row, 'type', type.key, type.params, 'warning', typeText));
    }

    const contactText = slotText(values, SLOT.contacts);
    const peopleCode = contactText === '' ? -1 : this.peopleMet(contactText, customer, row, issue);
    const nextDue = values[SLOT.nextDue];
    const recordedAt = values[SLOT.recordedAt];
    const log = this.log;
    this.write(
      row,
      date,
      log.customerIds.code(customer.id),
      peopleCode,
      peopleCode < 0 ? 0 : log.people[peopleCode]!.keyMet,
      type.ok ? activityTypeCode(type.value) : OTHER_CODE,
      log.nextActions.code(slotText(values, SLOT.nextAction)),
      typeof nextDue === 'number' ? nextDue : NaN,
      log.reps.code(slotText(values, SLOT.rep)),
      typeof recordedAt === 'number' ? recordedAt : NaN,
    );
    log.purpose?.push(slotText(values, SLOT.purpose));
    log.content?.push(slotText(values, SLOT.content));
    log.key?.push(slotText(values, SLOT.key));
  }

  /** Appends one read row to the log's columns. */
  private write(
    row: number,
    date: number,
    customerCode: number,
    peopleCode: number,
    keyMet: number,
    typeCode: number,
    nextActionCode: number,
    nextDue: number,
    repCode: number,
    recordedAt: number,
  ): void {
    const log = this.log;
    const n = log.length++;
    log.row[n] = row;
    log.date[n] = date;
    log.customer[n] = customerCode;
    log.peopleCode[n] = peopleCode;
    log.keyMet[n] = keyMet;
    log.type[n] = typeCode;
    log.nextActionCode[n] = nextActionCode;
    log.nextDue[n] = nextDue;
    log.repCode[n] = repCode;
    log.recordedAt[n] = recordedAt;
  }

  /**
   * A row whose cells are all plain — a date as a serial number or a Date, a customer ID exactly
   * as the customer list has it, people met who are all the customer's contacts, texts that need
   * no normalising, no error value — read straight from the grid into the log. It gives what the
   * column loop and `read` give such a row (and raises no issue); any other row is left to them.
   */
  fast(line: readonly CellValue[], row: number, layout: TableLayout): boolean {
    const at = (this.at ??= logColumns(layout, this.unread));
    for (let i = 0; i < at.extra.length; i++) {
      // Unmapped columns only matter here for the issues their cells raise.
      const v = line[at.extra[i]!];
      if (typeof v === 'string' ? v.charCodeAt(0) === 35 : v !== null && typeof v === 'object') return false;
    }
    const date = this.dayIn(line, at.date);
    if (date !== date) return false;
    const nextDue = at.nextDue < 0 ? NaN : this.optionalDay(line, at.nextDue);
    if (nextDue === undefined) return false;
    const recordedAt = at.recordedAt < 0 ? NaN : this.optionalDay(line, at.recordedAt);
    if (recordedAt === undefined) return false;

    const ref = line[at.customer];
    let place = this.lastPlace;
    if (ref !== this.lastRef || place < 0) {
      if (typeof ref === 'number') {
        // An ID typed as a number (1001): the column loop reads it as its text, String(ref).
        place = this.customerIndex.placeOfCell(ref);
      } else {
        if (typeof ref !== 'string' || ref.charCodeAt(0) === 35) return false;
        // An ID exactly as the list has it (the list's IDs are read normalised, and normalising
        // one again changes nothing): looked up as it is, without a pass over its characters first.
        place = this.customerIndex.placeOf(ref);
        if (place < 0) {
          const id = normalizeText(ref);
          place = id === '' || id === ref ? -1 : this.customerIndex.placeOf(id);
        }
      }
      if (place < 0) return false;
      this.lastRef = ref;
      this.lastPlace = place;
    }

    // A text already in the log's table is read as itself (the table holds texts as read, and
    // reading one again changes nothing): no character check, one look-up.
    const log = this.log;
    let nextText: string | null = null;
    const nextRaw = at.nextAction < 0 ? '' : line[at.nextAction];
    let nextCode = this.nextActions.codeOf(nextRaw);
    const nextMissed = nextCode === MISS;
    if (nextMissed) {
      const found = typeof nextRaw === 'string' ? log.nextActions.find(nextRaw) : undefined;
      if (found !== undefined) nextCode = found;
      else if ((nextText = plainNoteOf(nextRaw)) === null) return false;
    }

    const repRaw = at.rep < 0 ? '' : line[at.rep];
    let repCode = this.repCells.codeOf(repRaw);
    let repText: string | null = null;
    if (repCode === MISS && (repText = plainTextOf(repRaw)) === null) return false;

    let typeCode = OTHER_CODE;
    if (at.type >= 0) {
      const typeRaw = line[at.type];
      typeCode = this.typeCells.codeOf(typeRaw);
      if (typeCode === MISS) {
        const text = plainTextOf(typeRaw);
        if (text === null) return false;
        let type = this.types.get(text);
        if (!type) this.types.set(text, (type = readActivityType(text)));
        if (!type.ok) return false; // a warning: the column loop reports it
        typeCode = activityTypeCode(type.value);
        this.typeCells.add(typeRaw, typeCode);
      }
    }

    // The people met: one of the customer's last few cells, else its cached match (a cell
    // equal to a cached text is read as itself, as for the next action above).
    let peopleCode = -1;
    let keyMet = 0;
    let entry: MatchEntry | null | undefined = null;
    let recent = -1;
    let textNumber = -1;
    const peopleRaw = at.contacts < 0 ? '' : line[at.contacts];
    let inRun = -1;
    if (place === this.runPlace)
      for (let k = 0; k < this.runCount; k++)
        if (this.runCells[k] === peopleRaw) {
          inRun = k;
          break;
        }
    if (inRun < 0 && peopleRaw !== '' && peopleRaw !== null && peopleRaw !== undefined) {
      if (typeof peopleRaw === 'string') {
        textNumber = PEOPLE_TEXTS.get(peopleRaw) ?? -1;
        if (textNumber >= 0) recent = this.recentOf(place, textNumber);
      }
      if (recent < 0) {
        const cache = this.cacheAt(place);
        entry = textNumber >= 0 ? numberedEntry(cache, textNumber) : undefined;
        if (entry === undefined) {
          const text = plainNoteOf(peopleRaw);
          if (text === null) return false;
          if (text === '') entry = null;
          else {
            // The cell is its text (plainNoteOf): the next time, by its number.
            if (textNumber < 0) PEOPLE_TEXTS.set(text, (textNumber = PEOPLE_TEXTS.size));
            entry = this.entryFor(text, cache, textNumber);
          }
        }
        // Names to warn about: the column loop lists them.
        if (entry !== null && entry.warnings !== null) return false;
      }
    }

    // The row is read: from here on nothing declines it. Codes are given in the order of the
    // rows, as the column loop gives them.
    const record = place * SLOT_SIZE;
    const state = this.perCustomer;
    let customerCode = state[record + SLOT_LOG]!;
    if (customerCode < 0)
      state[record + SLOT_LOG] = customerCode = log.customerIds.code(this.customerIndex.customers[place]!.id);
    if (nextText !== null) nextCode = log.nextActions.code(nextText);
    if (nextMissed) this.nextActions.add(nextRaw, nextCode);
    if (inRun >= 0) {
      const packed = this.runCodes[inRun]!;
      peopleCode = packed >> 1;
      keyMet = packed & 1;
    } else {
      if (recent >= 0) {
        const packed = state[recent + SLOT_CODES]!;
        peopleCode = packed >> 1;
        keyMet = packed & 1;
      } else if (entry) {
        peopleCode = this.codeOf(entry);
        keyMet = entry.keyMet;
        if (textNumber >= 0) this.remember(place, textNumber, peopleCode, keyMet);
      }
      this.runCell(place, peopleRaw, peopleCode * 2 + keyMet);
    }
    if (repText !== null) this.repCells.add(repRaw, (repCode = log.reps.code(repText)));
    this.write(row, date, customerCode, peopleCode, keyMet, typeCode, nextCode, nextDue, repCode, recordedAt);
    return true;
  }

  /** Keeps a fast row's people cell (code × 2 + mark) among its customer's run, which it starts if new. */
  private runCell(place: number, raw: unknown, packed: number): void {
    if (place !== this.runPlace) {
      this.runPlace = place;
      this.runCount = 0;
    }
    // NaN is not === to itself, and a run keeps its first few cells: the others are looked up.
    if (this.runCount === RUN_CELLS || raw !== raw) return;
    this.runCells[this.runCount] = raw;
    this.runCodes[this.runCount++] = packed;
  }

  /** The index in `perCustomer` of this text's place among the customer's recent people cells, or -1. */
  private recentOf(place: number, textNumber: number): number {
    const state = this.perCustomer;
    const from = place * SLOT_SIZE + SLOT_TEXTS;
    for (let k = from; k < from + RECENT; k++) if (state[k] === textNumber) return k - SLOT_TEXTS;
    return -1;
  }

  /** Keeps a people cell's reading among the customer's recent ones, in place of the oldest. */
  private remember(place: number, textNumber: number, code: number, keyMet: number): void {
    const state = this.perCustomer;
    const record = place * SLOT_SIZE;
    const next = state[record + SLOT_NEXT]!;
    state[record + SLOT_NEXT] = (next + 1) % RECENT;
    const k = record + next;
    state[k + SLOT_TEXTS] = textNumber;
    state[k + SLOT_CODES] = code * 2 + keyMet;
  }

  /** FastRows.hostDays: `fast` reads the rows as the grid has them, their Dates by `dayOf`. */
  hostDays(dayOf: ((time: number, column: number) => number) | null): boolean {
    this.hostDay = dayOf;
    return true;
  }

  /** The day of the cell in grid column `column` (NaN: not a plain date, or the host cannot tell). */
  private dayIn(line: readonly CellValue[], column: number): number {
    const raw = line[column];
    const hostDay = this.hostDay;
    if (hostDay === null || !(raw instanceof Date)) return plainDay(raw, this.dateDays);
    return hostDay(raw.getTime(), column);
  }

  /** dayIn for a column that may be blank (NaN); undefined for a cell the column loop must read. */
  private optionalDay(line: readonly CellValue[], column: number): number | undefined {
    const raw = line[column];
    if (raw === '' || raw === null || raw === undefined) return NaN;
    const day = this.dayIn(line, column);
    return day === day ? day : undefined;
  }

  /** The people a row names, matched to its customer's contacts: the code of the log's entry. */
  private peopleMet(contactText: string, customer: Customer, row: number, issue: Issuer): number {
    const entry = this.entryFor(contactText, this.cacheOf(customer));
    const match = entry.warnings;
    if (match === null) return this.codeOf(entry);
    if (match.tooLong !== undefined)
      this.issues.push(
        issue(
          row,
          'contacts',
          'tables.peopleTooLong',
          { length: match.tooLong, max: MAX_KEY_LENGTH },
          'warning',
          contactText,
        ),
      );
    for (const name of match.unknown)
      this.issues.push(
        issue(
          row,
          'contacts',
          'tables.unknownPerson',
          { name, customer: customer.name },
          'warning',
          contactText,
        ),
      );
    for (const a of match.ambiguous) {
      this.nameOf ??= new Map(this.contacts.map((c) => [c.id, c.name]));
      const nameOf = this.nameOf;
      const candidates = a.candidates.map((id) => nameOf.get(id) ?? id).join(', ');
      this.issues.push(
        issue(
          row,
          'contacts',
          'tables.ambiguousPerson',
          { name: a.name, candidates },
          'warning',
          contactText,
        ),
      );
    }
    return this.codeOf(entry);
  }

  /**
   * The cached match of `contactText` against the customer's contacts, made on first use; `number`
   * is the text's in PEOPLE_TEXTS (-1: none). Kept by that number while the cache has room, else
   * by text: most customers' caches never make a map.
   */
  private entryFor(
    contactText: string,
    cache: PeopleCache,
    number = PEOPLE_TEXTS.get(contactText) ?? -1,
  ): MatchEntry {
    const numbered = number >= 0 ? numberedEntry(cache, number) : undefined;
    if (numbered !== undefined) return numbered;
    let entry = cache.matches?.get(contactText);
    if (entry === undefined) {
      const match = matchPeople(contactText, cache.index);
      const clean = match.tooLong === undefined && match.unknown.length === 0 && match.ambiguous.length === 0;
      entry = {
        text: contactText,
        ids: match.ids,
        keyMet: metKey(match.ids, cache.contacts) ? 1 : 0,
        warnings: clean ? null : match,
        read: 0,
        code: -1,
      };
      if (number >= 0 && numberEntry(cache, number, entry)) return entry;
      const matches = (cache.matches ??= new Map<string, MatchEntry>());
      if (matches.size < 5000) matches.set(contactText, entry);
    } else if (number >= 0) numberEntry(cache, number, entry);
    return entry;
  }

  /** The customer's contacts indexed and the texts matched against them so far. */
  private cacheOf(customer: Customer): PeopleCache {
    // Logs list a customer's activities together: the last customer's cache is usually it.
    if (customer === this.lastCustomer && this.lastCache !== null) return this.lastCache;
    const cache = this.cacheAt(this.customerIndex.placeOf(customer.id));
    this.lastCustomer = customer;
    this.lastCache = cache;
    return cache;
  }

  /** cacheOf for the customer at `place` in the list: one cache per customer ID in a read. */
  private cacheAt(place: number): PeopleCache {
    let cache = this.peopleAt[place];
    if (cache === undefined) {
      const id = this.customerIndex.customers[place]!.id;
      this.peopleAt[place] = cache = peopleOf(id, this.byCustomer.get(id) ?? []);
    }
    return cache;
  }

  /** The entry's code in this read's log. */
  private codeOf(entry: MatchEntry): number {
    // Rows that wrote the same people share one entry of the log's people: the cached match
    // itself, with its code in this read's log kept in it (no map, no new entry per read).
    if (entry.read !== this.readNumber) {
      entry.read = this.readNumber;
      entry.code = this.log.addEntry(entry);
    }
    return entry.code;
  }
}

/** Grid indexes of the log's columns a fast row reads (-1: absent or unread), and the unmapped ones. */
interface LogColumns {
  date: number;
  customer: number;
  contacts: number;
  type: number;
  nextAction: number;
  nextDue: number;
  rep: number;
  recordedAt: number;
  extra: number[];
}

function logColumns(layout: TableLayout, unread: ReadonlySet<string> | undefined): LogColumns {
  const at = (key: string): number => (unread?.has(key) ? -1 : (layout.columns[key] ?? -1));
  return {
    date: at('date'),
    customer: at('customer'),
    contacts: at('contacts'),
    type: at('type'),
    nextAction: at('nextAction'),
    nextDue: at('nextDue'),
    rep: at('rep'),
    recordedAt: at('recordedAt'),
    extra: layout.extra.map((x) => x.index),
  };
}

/** A note cell as the column loop reads a plain one (blank: ''); null for one it must read itself. */
function plainNoteOf(raw: unknown): string | null {
  if (raw === '' || raw === null || raw === undefined) return '';
  return typeof raw === 'string' && raw.charCodeAt(0) !== 35 && plainNote(raw) ? raw : null;
}

/** A text cell as the column loop reads one (normalised; blank: ''); null for one it must read itself. */
function plainTextOf(raw: unknown): string | null {
  if (raw === null || raw === undefined) return '';
  return typeof raw === 'string' && raw.charCodeAt(0) !== 35 ? normalizeText(raw) : null;
}

/** Whether one of `ids` is a key person among the customer's `contacts`. */
function metKey(ids: readonly string[], contacts: readonly Contact[] | undefined): boolean {
  if (contacts === undefined) return false;
  // Indexed loops: this runs once per customer and people cell, mostly before V8 has optimised
  // it (a new Apps Script execution), where for…of pays for an iterator per loop.
  for (let i = 0; i < ids.length; i++)
    for (let k = 0; k < contacts.length; k++) {
      const c = contacts[k] as Contact;
      if (c.id === ids[i] && c.role === 'key') return true;
    }
  return false;
}

const OTHER_CODE = activityTypeCode('other');
/** Not among the recent cells. */
const MISS = -0x7fffffff;

/**
 * The distinct cells of a column read so far and their codes, looked up as the grid has them: a
 * cell equal to one of them (the same text) reads as the same code, without normalising it or
 * looking its text up again. Only cells read without an issue are added. The first few are
 * compared in turn, the rest looked up in a map: a host hands each cell over as a string of its
 * own, which a map must hash (every character) before it compares, where comparing with a handful
 * of texts mostly stops at their length or first character — and a log's type, rep and next
 * action columns each hold a handful of texts.
 */
class CellCodes {
  private readonly cells: unknown[] = [];
  private readonly cellCodes: number[] = [];
  private codes: Map<unknown, number> | null = null;

  codeOf(raw: unknown): number {
    const cells = this.cells;
    for (let i = 0; i < cells.length; i++) if (cells[i] === raw) return this.cellCodes[i]!;
    return this.codes === null ? MISS : (this.codes.get(raw) ?? MISS);
  }

  add(raw: unknown, code: number): void {
    // NaN is not === to itself: the map finds it.
    if (this.cells.length < CELL_CODES_COMPARED && raw === raw) {
      this.cells.push(raw);
      this.cellCodes.push(code);
      return;
    }
    const codes = (this.codes ??= new Map<unknown, number>());
    // A column of free text would grow it without end: it starts again past a few hundred.
    if (codes.size >= CELL_CODES_LIMIT) codes.clear();
    codes.set(raw, code);
  }
}

/** How many distinct cells a CellCodes compares in turn before its map. */
const CELL_CODES_COMPARED = 8;
/** How many distinct cells a CellCodes keeps (then it starts again). */
const CELL_CODES_LIMIT = 256;

/** How many people cells of a customer's run of rows a fast row compares (ActivityScan.runCell). */
const RUN_CELLS = 4;
/** How many of a customer's last people cells a fast row compares before looking its text up. */
const RECENT = 3;
// The layout of a customer's record in ActivityScan.perCustomer.
const SLOT_LOG = 0;
const SLOT_NEXT = 1;
const SLOT_TEXTS = 2;
/** Each recent cell's code in the log and key-person mark, as code × 2 + mark. */
const SLOT_CODES = SLOT_TEXTS + RECENT;
const SLOT_SIZE = 8;
/** The type of every row when the caller does not look at types. */
const UNREAD_TYPE: Read<ActivityType> = { ok: true, value: 'other' };

/** Where each activity column's value sits in a scanSlots row: its place in ACTIVITY_TABLE. */
const SLOT = (() => {
  const at = (key: string): number => ACTIVITY_TABLE.columns.findIndex((c) => c.key === key);
  return {
    date: at('date'),
    customer: at('customer'),
    contacts: at('contacts'),
    type: at('type'),
    purpose: at('purpose'),
    content: at('content'),
    nextAction: at('nextAction'),
    nextDue: at('nextDue'),
    rep: at('rep'),
    recordedAt: at('recordedAt'),
    key: at('key'),
  };
})();

function slotText(values: readonly unknown[], slot: number): string {
  const v = values[slot];
  return typeof v === 'string' ? v : '';
}

// A customer's contacts and the names matched against them, kept across calls: a custom function
// reads the same log on every recalculation. Kept per customer with everything matching looks at,
// compared field by field (the role too: an entry knows whether a key person was met), so an
// edited contact is a miss; bounded, so it cannot grow without end.
/**
 * A cell text matched against a customer's contacts, and its code in the log of read `read`. It
 * is the log's entry for the text too (a PeopleEntry): one object per customer and text, kept
 * across calls, rather than three.
 */
type MatchEntry = PeopleEntry & {
  /** The match, when it has names to warn about (unknown, ambiguous, too long); null: none (most). */
  readonly warnings: PeopleMatch | null;
  read: number;
  code: number;
};
type PeopleCache = {
  index: PeopleIndex;
  contacts: readonly Contact[];
  /** Entries by text, for texts not numbered here (null until there is one). */
  matches: Map<string, MatchEntry> | null;
  /**
   * Up to NUMBERED entries, found by their text's number in PEOPLE_TEXTS (valid while `epoch` is
   * PEOPLE_TEXTS's): a row whose customer's last cells did not have its text compares a few
   * numbers here, not its text in a map of its own. The lists are made to their length (every
   * customer has them).
   */
  numbers: readonly number[];
  numbered: readonly MatchEntry[];
  epoch: number;
};
let reads = 0;

/**
 * Each people cell text read so far → a number, kept across reads and shared by all customers:
 * a fast row looks its text up once, then compares numbers. Cleared (a new epoch) only when a read
 * starts, so that the numbers of one read never change.
 */
const PEOPLE_TEXTS = new Map<string, number>();
const PEOPLE_TEXTS_LIMIT = 200_000;
let peopleTextsEpoch = 0;
/** How many entries a customer's cache keeps by number. */
const NUMBERED = 8;

function startPeopleTexts(): void {
  if (PEOPLE_TEXTS.size < PEOPLE_TEXTS_LIMIT) return;
  PEOPLE_TEXTS.clear();
  peopleTextsEpoch++;
}

const NO_NUMBERS: readonly number[] = [];
const NO_ENTRIES: readonly MatchEntry[] = [];

/** `list` and `item` in a new list made to its length (a list grown by a push takes room for 17). */
function appended<T>(list: readonly T[], item: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let k = 0; k < list.length; k++) out[k] = list[k] as T;
  out[list.length] = item;
  return out;
}

/** The cache's entry for the cell numbered `n` in PEOPLE_TEXTS, if it keeps one. */
function numberedEntry(cache: PeopleCache, n: number): MatchEntry | undefined {
  if (cache.epoch !== peopleTextsEpoch) return undefined;
  const numbers = cache.numbers;
  for (let k = 0; k < numbers.length; k++) if (numbers[k] === n) return cache.numbered[k];
  return undefined;
}

/** Keeps `entry` under number `n` unless the cache holds NUMBERED of them already; whether it did. */
function numberEntry(cache: PeopleCache, n: number, entry: MatchEntry): boolean {
  if (cache.epoch !== peopleTextsEpoch) {
    // The numbers of an earlier epoch mean other texts now (their texts are matched again).
    cache.epoch = peopleTextsEpoch;
    cache.numbers = NO_NUMBERS;
    cache.numbered = NO_ENTRIES;
  }
  const count = cache.numbers.length;
  if (count >= NUMBERED) return false;
  cache.numbers = appended(cache.numbers, n);
  cache.numbered = appended(cache.numbered, entry);
  return true;
}
const PEOPLE = new Map<string, PeopleCache>();
const PEOPLE_LIMIT = 20_000;

function peopleOf(customerId: string, contacts: readonly Contact[]): PeopleCache {
  const kept = PEOPLE.get(customerId);
  if (kept && sameContacts(kept.contacts, contacts)) return kept;
  const cache: PeopleCache = {
    index: indexPeople(contacts),
    contacts,
    matches: null,
    numbers: NO_NUMBERS,
    numbered: NO_ENTRIES,
    epoch: peopleTextsEpoch,
  };
  if (PEOPLE.size >= PEOPLE_LIMIT) PEOPLE.clear();
  PEOPLE.set(customerId, cache);
  return cache;
}

/** Whether the contacts a cache was made from read as these do (the fields matching looks at). */
function sameContacts(kept: readonly Contact[], contacts: readonly Contact[]): boolean {
  if (kept.length !== contacts.length) return false;
  for (let i = 0; i < contacts.length; i++) {
    const k = kept[i] as Contact;
    const c = contacts[i] as Contact;
    if (k.id !== c.id || k.name !== c.name || k.kana !== c.kana || k.title !== c.title || k.role !== c.role)
      return false;
  }
  return true;
}

/** Which customer columns are read: the optional core ones not in `unread`, the attributes named. */
export interface CustomerColumns {
  unread: ReadonlySet<string>;
  attributes: (header: string) => boolean;
}

/** The grids of the three tables; contacts and activities may be absent (not set up yet). */
export interface DatasetGrids {
  customers: CellValue[][];
  contacts?: CellValue[][] | null;
  activities?: CellValue[][] | null;
}

/** Where each table's grid sits; the sheet name defaults to the table's Japanese name. */
export interface DatasetOptions {
  customers?: Partial<TableOptions>;
  contacts?: Partial<TableOptions>;
  activities?: Partial<TableOptions>;
  /** Activity columns the caller never looks at: not read (see readActivities). */
  unreadActivityColumns?: ReadonlySet<string>;
  /** The customer columns the caller looks at, where not all (RANK: those its ranking names). */
  customerColumns?: CustomerColumns;
  /** The host's cell objects in all three tables (TableOptions.cellObjects). */
  cellObjects?: CellObjectReader;
  /** The host's row readers, by table: 'customers', 'contacts', 'activities' (TableOptions.hostRows). */
  hostRows?: HostRows;
}

function tableOptions(
  spec: TableSpec,
  opts: Partial<TableOptions> | undefined,
  all: DatasetOptions,
  table: 'customers' | 'contacts' | 'activities',
): TableOptions {
  const options: TableOptions = { ...opts, sheet: opts?.sheet ?? t('ja', spec.sheetKey) };
  if (all.cellObjects !== undefined) options.cellObjects = all.cellObjects;
  const hostRows = all.hostRows;
  if (hostRows !== undefined) options.hostRows = () => hostRows(table);
  return options;
}

/**
 * Reads all three tables into a Dataset. Throws one KimeruError with every table's header
 * problems (missing columns, no header); row-level problems are returned as issues.
 */
export function readDataset(
  grids: DatasetGrids,
  opts: DatasetOptions = {},
): {
  dataset: Dataset;
  issues: Issue[];
  headerRows: { customers: number | null };
  /** The customer table's headers as written (what ranking rules and attribute items may name). */
  customerHeaders: string[] | null;
} {
  const fatal: Issue[] = [];
  const issues: Issue[] = [];
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof KimeruError)) throw e;
      for (const issue of e.issues) fatal.push(issue);
      return null;
    }
  };
  const customerOptions = tableOptions(CUSTOMER_TABLE, opts.customers, opts, 'customers');
  const columns = opts.customerColumns;
  if (columns !== undefined) customerOptions.attributes = columns.attributes;
  const customerRead = attempt(() => readCustomers(grids.customers, customerOptions, columns?.unread));
  const customers = customerRead?.customers ?? [];
  // Built only when another table refers to customers (RANK reads the customer list alone).
  const index = grids.contacts || grids.activities ? new CustomerIndex(customers) : customers;
  const contactRead = grids.contacts
    ? attempt(() =>
        readContacts(
          grids.contacts ?? [],
          index,
          tableOptions(CONTACT_TABLE, opts.contacts, opts, 'contacts'),
        ),
      )
    : null;
  const contacts = contactRead?.contacts ?? [];
  const activityRead = grids.activities
    ? attempt(() =>
        readActivities(
          grids.activities ?? [],
          index,
          contacts,
          tableOptions(ACTIVITY_TABLE, opts.activities, opts, 'activities'),
          opts.unreadActivityColumns,
        ),
      )
    : null;
  if (fatal.length > 0) throw new KimeruError(fatal);
  // One by one: a spread of 150,000+ issues into push() overflows the call stack.
  for (const read of [customerRead, contactRead, activityRead])
    for (const issue of read?.issues ?? []) issues.push(issue);
  return {
    dataset: datasetOf(customers, contacts, activityRead?.log ?? new ActivityLog(0)),
    issues,
    headerRows: { customers: customerRead?.table.headerRow ?? null },
    customerHeaders: customerRead ? customerRead.table.headers.filter((h) => h !== '') : null,
  };
}
