import { FakeRange, type FakeRequestContext } from './context';
import { FakeOfficeError, jsonBytes, propertiesOf, ProxyObject } from './proxy';
import { parseAddress, type Box, type FakeSheet, type Scalar, type TableState } from './sheet';

/**
 * Excel tables in the fake: `worksheet.tables` / `workbook.tables` (load, add, getItem…),
 * `table.name` / `table.style` (settable), `table.rows.add(index, values)` and the header, data
 * body and whole ranges, all queued and applied at `context.sync()` like the rest of the fake.
 * A range written directly below a table does not join it (Excel's AutoExpand is a UI feature
 * the fake leaves out): only `rows.add` grows a table.
 */

const TABLE_PROPERTIES = ['name', 'style'];
const COLLECTION_PROPERTIES = [
  'items',
  'items/name',
  'items/style',
  'items/columns/items/name',
  'name',
  'style',
  'columns/items/name',
];

export class FakeTableCollection extends ProxyObject {
  /** `scope` is the worksheet's sheet for `worksheet.tables`, null for `workbook.tables`. */
  constructor(
    context: FakeRequestContext,
    private readonly scope: (() => FakeSheet) | null,
  ) {
    super(context);
  }

  get items(): FakeTable[] {
    return this.read('items');
  }

  load(spec?: string | string[]): this {
    const props = propertiesOf(spec, COLLECTION_PROPERTIES).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const tables = this.tablesInScope();
        const got = tables.map((t) => ({
          state: t,
          name: t.name,
          style: t.style,
          columns: headerNames(t),
        }));
        return {
          responseBytes: jsonBytes(got.map(({ name, style, columns }) => ({ name, style, columns }))),
          commit: () =>
            this.loaded.set(
              'items',
              got.map((g) => {
                const table = new FakeTable(this.context, () => g.state);
                table.fill(props, g);
                return table;
              }),
            ),
        };
      },
    });
    return this;
  }

  /**
   * A table over `address` (a Range, or an address with its sheet: Excel would put a bare
   * address on the active sheet, which the fake does not model, so it refuses one).
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    this.context.check();
    let target: () => { sheet: FakeSheet; box: Box };
    if (typeof address === 'string') {
      const bang = address.lastIndexOf('!');
      const box = bang < 0 ? null : parseAddress(address.slice(bang + 1));
      if (!box)
        throw new FakeOfficeError(
          'InvalidArgument',
          `Give tables.add a Range or an address with its sheet, not "${address}".`,
        );
      const sheetName = address
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      target = () => {
        const sheet = this.context.excel.sheet(sheetName);
        if (!sheet) throw new FakeOfficeError('ItemNotFound', `No sheet ${sheetName}`);
        return { sheet, box };
      };
    } else target = () => address.targetCells();
    let created: TableState | undefined;
    this.context.enqueue({
      write: true,
      requestBytes: 32,
      run: () => {
        const { sheet, box } = target();
        created = this.context.excel.addTable(sheet, box, hasHeaders);
      },
    });
    return new FakeTable(this.context, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The table was not added.');
      return created;
    });
  }

  getItem(name: string): FakeTable {
    return this.lookup(name, false);
  }

  getItemOrNullObject(name: string): FakeTable {
    return this.lookup(name, true);
  }

  private tablesInScope(): TableState[] {
    const sheet = this.scope?.();
    return this.context.excel.tables.filter((t) => !sheet || t.sheet === sheet);
  }

  private lookup(name: string, nullable: boolean): FakeTable {
    let found: TableState | undefined;
    const table = new FakeTable(
      this.context,
      () => {
        if (!found)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
        return found;
      },
      nullable,
    );
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const key = name.toLowerCase();
        found = this.tablesInScope().find((t) => t.name.toLowerCase() === key);
        if (!found && !nullable)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
        return { responseBytes: 0, commit: () => (nullable ? table.setNull(!found) : undefined) };
      },
    });
    return table;
  }
}

export class FakeTable extends ProxyObject {
  readonly rows: FakeTableRowCollection;
  readonly columns: FakeTableColumnCollection;

  constructor(
    context: FakeRequestContext,
    private readonly resolve: () => TableState,
    nullable = false,
  ) {
    super(context);
    this.rows = new FakeTableRowCollection(context, resolve);
    this.columns = new FakeTableColumnCollection(context, resolve);
    if (!nullable) this.setResolvedNull(false);
  }

  /** @internal */
  setNull(isNull: boolean): void {
    this.setResolvedNull(isNull);
  }

  /** @internal what a collection load brought back for this table. */
  fill(props: string[], got: { name: string; style: string; columns: string[] }): void {
    if (props.includes('name') || props.includes('items')) this.loaded.set('name', got.name);
    if (props.includes('style') || props.includes('items')) this.loaded.set('style', got.style);
    if (props.includes('columns/items/name')) this.columns.fill(got.columns);
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(name),
      run: () => this.context.excel.renameTable(this.resolve(), name),
    });
  }

  get style(): string {
    return this.read('style');
  }
  set style(style: string) {
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(style),
      run: () => {
        if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style) && style !== '')
          throw new FakeOfficeError('InvalidArgument', `No table style ${style}`);
        this.resolve().style = style;
      },
    });
  }

  load(spec?: string | string[]): this {
    const props = propertiesOf(spec, TABLE_PROPERTIES);
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const t = this.resolve();
        const got: Record<string, unknown> = { name: t.name, style: t.style };
        return {
          responseBytes: jsonBytes(props.map((p) => got[p])),
          commit: () => props.forEach((p) => this.loaded.set(p, got[p])),
        };
      },
    });
    return this;
  }

  /** Header and data body. */
  getRange(): FakeRange {
    return this.part((box) => box);
  }

  getHeaderRowRange(): FakeRange {
    return this.part((box) => ({ ...box, rows: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.part((box) => ({ ...box, top: box.top + 1, rows: box.rows - 1 }));
  }

  /** Resolved when its place in the queue runs, so it sees rows added before it in the batch. */
  private part(of: (box: Box) => Box): FakeRange {
    this.context.check();
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        return { sheet: t.sheet, box: of(t.box) };
      },
      false,
    );
  }
}

export class FakeTableRowCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly resolve: () => TableState,
  ) {}

  /** Rows inserted at `index` (the end when null or -1); each row needs one value per column. */
  add(index?: number | null, values?: Scalar[][]): FakeTableRow {
    let top: { sheet: FakeSheet; row: number; left: number; columns: number } | undefined;
    this.context.enqueue({
      write: true,
      requestBytes: jsonBytes(values ?? []) + 16,
      run: () => {
        const t = this.resolve();
        const row = this.context.excel.addTableRows(t, index, values);
        top = { sheet: t.sheet, row, left: t.box.left, columns: t.box.columns };
      },
    });
    return new FakeTableRow(this.context, () => {
      if (!top) throw new FakeOfficeError('InvalidObjectPath', 'The table row was not added.');
      return top;
    });
  }
}

/** The first row `rows.add` added: it stays at that place in the sheet. */
export class FakeTableRow {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly at: () => { sheet: FakeSheet; row: number; left: number; columns: number },
  ) {}

  getRange(): FakeRange {
    this.context.check();
    return new FakeRange(
      this.context,
      () => {
        const { sheet, row, left, columns } = this.at();
        return { sheet, box: { top: row, left, rows: 1, columns } };
      },
      false,
    );
  }
}

export class FakeTableColumnCollection extends ProxyObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolve: () => TableState,
  ) {
    super(context);
  }

  get items(): { name: string }[] {
    return this.read('items');
  }

  /** @internal */
  fill(names: string[]): void {
    this.loaded.set(
      'items',
      names.map((name) => ({ name })),
    );
  }

  load(spec?: string | string[]): this {
    propertiesOf(spec, ['items', 'items/name', 'name']);
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const names = headerNames(this.resolve());
        return { responseBytes: jsonBytes(names), commit: () => this.fill(names) };
      },
    });
    return this;
  }
}

function headerNames(t: TableState): string[] {
  return t.sheet.values({ ...t.box, rows: 1 })[0]!.map((v) => String(v));
}
