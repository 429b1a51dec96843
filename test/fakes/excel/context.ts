import type { FakeExcel } from './workbook';
import { FakeOfficeError, jsonBytes, propertiesOf, ProxyObject, type Action } from './proxy';
import {
  formatBox,
  formulaValue,
  GENERAL,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  parseInput,
  qualified,
  type Box,
  type FakeSheet,
  type Scalar,
} from './sheet';
import { FakeTableCollection } from './tables';
import { FakeChartCollection, FakeConditionalFormatCollection } from './charts';

/**
 * The Excel JavaScript API's proxy model, strict where the real one is: every call only queues
 * work; `context.sync()` runs the queue in order; a property can be read only after it was
 * loaded and a sync ran; written arrays must match the range's size; `*OrNullObject` objects
 * say `isNullObject`; a sync whose request or response is over the payload limit fails whole;
 * objects cannot be used once their `Excel.run` has ended.
 */

export { FakeOfficeError };

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  private queue: Action[] = [];
  closed = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.check();
        this.enqueue({
          write: true,
          requestBytes: 0,
          run: () => void this.excel.counts.suspendCalculation++,
        });
      },
    };
  }

  check(): void {
    if (this.closed)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object was used outside the Excel.run batch that created it.',
      );
  }

  enqueue(action: Action): void {
    this.check();
    this.queue.push(action);
  }

  /** Queued writes not yet sent. */
  get pendingWrites(): number {
    return this.queue.filter((a) => a.write).length;
  }

  async sync(): Promise<void> {
    this.check();
    this.excel.counts.syncs++;
    const queue = this.queue;
    this.queue = [];
    const limit = this.excel.payloadLimitBytes;
    const request = queue.reduce((n, a) => n + a.requestBytes, 0);
    if (request > limit)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    let response = 0;
    const commits: (() => void)[] = [];
    for (const action of queue) {
      const r = action.run();
      if (r) {
        response += r.responseBytes;
        commits.push(r.commit);
      }
      if (response > limit)
        throw new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        );
    }
    for (const c of commits) c();
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context, null);
  }
}

export class FakeWorksheetCollection extends ProxyObject {
  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  load(spec?: string | string[]): this {
    propertiesOf(spec, ['items', 'items/name', 'name']);
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const sheets = [...this.context.excel.sheets];
        return {
          responseBytes: jsonBytes(sheets.map((s) => s.name)),
          commit: () => {
            const items = sheets.map((s) => {
              const ws = new FakeWorksheet(this.context, () => s);
              ws.resolveNow(s);
              return ws;
            });
            this.loaded.set('items', items);
          },
        };
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return this.lookup(name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.lookup(name, true);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(name),
      run: () => {
        created = this.context.excel.addSheet(name);
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', `The worksheet ${name} was not added.`);
      return created;
    });
  }

  private lookup(name: string, nullable: boolean): FakeWorksheet {
    let found: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.context, () => {
      if (!found) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      return found;
    });
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        found = this.context.excel.sheet(name);
        if (!found && !nullable)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
        return { responseBytes: 0, commit: () => (nullable ? ws.setNull(!found) : undefined) };
      },
    });
    return ws;
  }
}

export class FakeWorksheet extends ProxyObject {
  readonly freezePanes: { freezeRows(count: number): void };
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;

  constructor(
    context: FakeRequestContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(context);
    this.tables = new FakeTableCollection(context, resolve);
    this.charts = new FakeChartCollection(context, resolve);
    this.freezePanes = {
      freezeRows: (count: number) =>
        this.context.enqueue({
          write: true,
          requestBytes: 8,
          run: () => {
            const sheet = this.resolve();
            sheet.frozenRows = count;
            this.context.excel.log.push({ sheet: sheet.name, address: `freezeRows(${count})` });
          },
        }),
    };
  }

  /** @internal the collection load fills the name right away. */
  resolveNow(sheet: FakeSheet): void {
    this.loaded.set('name', sheet.name);
    this.setResolvedNull(false);
  }

  /** @internal */
  setNull(isNull: boolean): void {
    this.setResolvedNull(isNull);
  }

  get name(): string {
    return this.read('name');
  }

  /** Worksheet.visibility (set only; the fake applies it in order with the other writes). */
  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => {
        this.resolve().visibility = value;
      },
    });
  }

  load(spec?: string | string[]): this {
    propertiesOf(spec, ['name']);
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const sheet = this.resolve();
        return { responseBytes: jsonBytes(sheet.name), commit: () => this.loaded.set('name', sheet.name) };
      },
    });
    return this;
  }

  /** The whole sheet without an address, else the cells at `address` ("A1:C3", "A:M"). */
  getRange(address?: string): FakeRange {
    this.context.check();
    const box =
      address === undefined
        ? { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }
        : parseAddress(address);
    if (!box) throw new FakeOfficeError('InvalidArgument', `Invalid range address: ${address}`);
    return new FakeRange(this.context, () => ({ sheet: this.resolve(), box }), false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.check();
    return usedWithin(this.context, () => ({ sheet: this.resolve(), box: null }), valuesOnly);
  }
}

/** The used part of a sheet, or of a range within it; resolved when its position in the queue runs. */
function usedWithin(
  context: FakeRequestContext,
  outer: () => { sheet: FakeSheet; box: Box | null },
  valuesOnly: boolean,
): FakeRange {
  let resolved: { sheet: FakeSheet; box: Box } | null | undefined;
  const range = new FakeRange(
    context,
    () => {
      if (!resolved) throw new FakeOfficeError('InvalidObjectPath', 'The used range is a null object.');
      return resolved;
    },
    true,
  );
  context.enqueue({
    requestBytes: 0,
    run: () => {
      const { sheet, box } = outer();
      const used = sheet.usedBox(valuesOnly);
      const within = used && box ? intersect(used, box) : used;
      resolved = within ? { sheet, box: within } : null;
      return { responseBytes: 0, commit: () => range.setNull(within === null) };
    },
  });
  return range;
}

function intersect(a: Box, b: Box): Box | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const right = Math.min(a.left + a.columns, b.left + b.columns);
  return bottom > top && right > left ? { top, left, rows: bottom - top, columns: right - left } : null;
}

const RANGE_PROPERTIES = ['values', 'formulas', 'numberFormat', 'address', 'rowCount', 'columnCount'];

export class FakeRange extends ProxyObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; box: Box },
    private readonly nullable: boolean,
  ) {
    super(context);
    if (!nullable) this.setNull(false);
  }

  /** @internal */
  setNull(isNull: boolean): void {
    this.setResolvedNull(isNull);
  }

  private resolvesNull(): boolean {
    try {
      this.target();
      return false;
    } catch {
      return true;
    }
  }

  /** @internal the sheet and cells this range stands for (once resolved by a sync). */
  targetCells(): { sheet: FakeSheet; box: Box } {
    return this.target();
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, this);
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(rows: Scalar[][]) {
    this.write('values', rows);
  }
  get formulas(): Scalar[][] {
    return this.read('formulas');
  }
  set formulas(rows: Scalar[][]) {
    this.write('formulas', rows);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(rows: (string | null)[][]) {
    this.write('numberFormat', rows);
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  load(spec?: string | string[]): this {
    const props = propertiesOf(spec, RANGE_PROPERTIES);
    if (props.some((p) => p === 'values' || p === 'formulas' || p === 'numberFormat'))
      this.context.excel.counts.rangeReads++;
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        // Loading a null object's properties is no error in Excel: it loads nothing.
        if (this.nullable && this.resolvesNull()) return { responseBytes: 0, commit: () => {} };
        const { sheet, box } = this.target();
        const heavy = props.some((p) => p === 'values' || p === 'formulas' || p === 'numberFormat');
        // A whole-column read would be gigabytes: Excel refuses it, and so does the fake.
        if (heavy && box.rows * box.columns > 2_000_000)
          throw new FakeOfficeError(
            'ResponsePayloadSizeLimitExceeded',
            'The response payload size has exceeded the limit.',
          );
        const got: Record<string, unknown> = {
          address: qualified(sheet.name, box),
          rowCount: box.rows,
          columnCount: box.columns,
        };
        if (props.includes('values')) got['values'] = sheet.values(box);
        if (props.includes('formulas')) got['formulas'] = sheet.formulas(box);
        if (props.includes('numberFormat')) got['numberFormat'] = sheet.formats(box);
        const picked = props.map((p) => [p, got[p]] as const);
        return {
          responseBytes: jsonBytes(Object.fromEntries(picked)),
          commit: () => picked.forEach(([p, v]) => this.loaded.set(p, v)),
        };
      },
    });
    return this;
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.check();
    return usedWithin(this.context, () => this.target(), valuesOnly);
  }

  /** The range grown (or shrunk) by rows and columns from its top-left cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this.context.check();
    return new FakeRange(
      this.context,
      () => {
        const { sheet, box } = this.target();
        const rows = box.rows + deltaRows;
        const columns = box.columns + deltaColumns;
        if (rows < 1 || columns < 1 || box.top + rows > MAX_ROWS || box.left + columns > MAX_COLUMNS)
          throw new FakeOfficeError('InvalidArgument', 'The resized range is outside the sheet.');
        return { sheet, box: { ...box, rows, columns } };
      },
      false,
    );
  }

  /**
   * Range.insert(Excel.InsertShiftDirection.down): the cells of the range's columns at and below
   * it move down by its height, in the same request as what is queued with it. Like Excel, it
   * refuses to shift part of a table or of a merged area, or cells off the sheet's last row.
   */
  insert(shift: 'Down' | 'Right'): FakeRange {
    if (shift !== 'Down') throw new FakeOfficeError('InvalidArgument', 'The fake inserts down only.');
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => {
        const { sheet, box } = this.target();
        const below = (b: Box) =>
          b.top + b.rows > box.top && b.left < box.left + box.columns && b.left + b.columns > box.left;
        for (const t of this.context.excel.tables)
          if (t.sheet === sheet && below(t.box))
            throw new FakeOfficeError(
              'InvalidOperation',
              'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.',
            );
        for (const m of sheet.merged)
          if (below(m) && (m.left < box.left || m.left + m.columns > box.left + box.columns))
            throw new FakeOfficeError('InvalidOperation', "We can't do that to a merged cell.");
        const filter = sheet.filter;
        if (filter && box.top < filter.top + filter.rows && below(filter))
          throw new FakeOfficeError(
            'FilteredRangeConflict',
            'The attempted operation causes a conflict with a filtered range.',
          );
        sheet.guardEdit(box, 'insert');
        const used = sheet.usedBox(false);
        if (used && used.top + used.rows + box.rows > MAX_ROWS)
          throw new FakeOfficeError('InvalidOperation', 'There is no room to insert rows in the sheet.');
        sheet.shiftDown(box.top, box.left, box.columns, box.rows);
        for (const m of sheet.merged) if (m.top >= box.top && below(m)) m.top += box.rows;
        this.context.excel.log.push({ sheet: sheet.name, address: `insert(Down) ${formatBox(box)}` });
      },
    });
    return this;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => {
        const { sheet, box } = this.target();
        sheet.guardEdit(box, 'clear');
        sheet.rows.forEach((row, r) => {
          if (r < box.top || r >= box.top + box.rows || !row) return;
          row.forEach((cell, c) => {
            if (!cell || c < box.left || c >= box.left + box.columns) return;
            if (applyTo === 'All') row[c] = undefined;
            else if (applyTo === 'Formats') cell.format = GENERAL;
            else row[c] = cell.format === GENERAL ? undefined : { value: '', format: cell.format };
          });
        });
        this.context.excel.log.push({ sheet: sheet.name, address: `clear(${applyTo}) ${formatBox(box)}` });
      },
    });
  }

  private write(property: 'values' | 'formulas' | 'numberFormat', rows: (Scalar | null)[][]): void {
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(rows),
      run: () => {
        const { sheet, box } = this.target();
        const fits =
          Array.isArray(rows) &&
          rows.length === box.rows &&
          rows.every((r) => Array.isArray(r) && r.length === box.columns);
        if (!fits)
          throw new FakeOfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${formatBox(box)}).`,
          );
        sheet.guardEdit(box, property);
        rows.forEach((row, i) =>
          row.forEach((input, j) => {
            if (input === null) return; // null leaves the cell as it is
            const r = box.top + i;
            const c = box.left + j;
            const previous = sheet.cell(r, c);
            if (property === 'numberFormat') {
              const format = String(input) === '' ? GENERAL : String(input);
              sheet.setCell(r, c, { ...(previous ?? { value: '' }), format });
            } else if (property === 'formulas' && typeof input === 'string' && input.startsWith('=')) {
              const value = formulaValue(sheet, input);
              sheet.setCell(r, c, { value, formula: input, format: previous?.format ?? GENERAL });
            } else sheet.setCell(r, c, parseInput(input, previous));
          }),
        );
        this.context.excel.log.push({ sheet: sheet.name, address: `${property} ${formatBox(box)}` });
      },
    });
  }
}

export class FakeNamedItemCollection extends ProxyObject {
  get items(): { name: string }[] {
    return this.read('items');
  }

  load(spec?: string | string[]): this {
    propertiesOf(spec, ['items', 'items/name', 'name']);
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const names = [...this.context.excel.names.keys()];
        return {
          responseBytes: jsonBytes(names),
          commit: () =>
            this.loaded.set(
              'items',
              names.map((name) => ({ name })),
            ),
        };
      },
    });
    return this;
  }

  /** `reference`: a range, or a formula (Excel requires its leading "="; kept as written). */
  add(name: string, reference: FakeRange | string, _comment?: string): void {
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(name) + (typeof reference === 'string' ? jsonBytes(reference) : 32),
      run: () => {
        if (this.context.excel.name(name) !== undefined || this.context.excel.table(name))
          throw new FakeOfficeError('InvalidArgument', `The name ${name} already exists.`);
        if (typeof reference === 'string') {
          if (!reference.startsWith('='))
            throw new FakeOfficeError('InvalidArgument', `The reference ${reference} is not valid.`);
          const sheet = /^='((?:[^']|'')+)'!/.exec(reference)?.[1]?.replace(/''/g, "'") ?? '';
          this.context.excel.names.set(name, { sheet, address: '', formula: reference });
          return;
        }
        const { sheet, box } = reference.targetCells();
        this.context.excel.names.set(name, { sheet: sheet.name, address: formatBox(box) });
      },
    });
  }

  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.context.enqueue({
          write: true,
          requestBytes: jsonBytes(name),
          run: () => {
            const key = this.context.excel.name(name);
            if (key === undefined) throw new FakeOfficeError('ItemNotFound', `No name ${name}`);
            this.context.excel.names.delete(key);
          },
        }),
    };
  }
}
