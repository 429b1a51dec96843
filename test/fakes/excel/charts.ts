import type { FakeRequestContext, FakeRange } from './context';
import { FakeOfficeError } from './proxy';
import { formatBox, type Box, type FakeSheet } from './sheet';

/**
 * Office.js charts and conditional formats, as strict as Excel where kimeru relies on it: every
 * call only queues work that a sync runs in order; a chart's source data must be on the chart's
 * own sheet; chart types and conditional-format types are Excel's enum strings; a series'
 * values and categories are single columns of the same length.
 */

/** What the fake keeps of a chart once a sync added it. */
export interface ChartState {
  type: string;
  source: Box;
  seriesBy: string;
  title: string;
  /** Per series: its value cells and its category cells (undefined: from the source block). */
  series: { values?: Box; categories?: Box }[];
  position: string;
  width: number;
  height: number;
}

/** What the fake keeps of a conditional format: its range, its custom rule's formula, its fill. */
export interface ConditionalFormatState {
  box: Box;
  type: string;
  formula: string;
  fill: string;
}

const CHART_TYPES = ['ColumnClustered', 'BarClustered', 'Line', 'Pie', 'LineMarkers', 'ColumnStacked'];

export class FakeChartCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    this.context.check();
    if (!CHART_TYPES.includes(type))
      throw new FakeOfficeError('InvalidArgument', `Invalid chart type: ${type}`);
    const state: ChartState = {
      type,
      source: { top: 0, left: 0, rows: 0, columns: 0 },
      seriesBy,
      title: '',
      series: [],
      position: '',
      width: 360,
      height: 216,
    };
    this.context.enqueue({
      write: true,
      requestBytes: 64,
      run: () => {
        const sheet = this.sheet();
        const { sheet: of, box } = sourceData.targetCells();
        if (of !== sheet)
          throw new FakeOfficeError('InvalidArgument', 'The chart source data must be on the chart’s sheet.');
        state.source = box;
        const count = seriesBy === 'Rows' ? box.rows : Math.max(1, box.columns - (box.columns > 1 ? 1 : 0));
        state.series = Array.from({ length: count }, () => ({}));
        sheet.charts.push(state);
        this.context.excel.log.push({ sheet: sheet.name, address: `charts.add(${type}) ${formatBox(box)}` });
      },
    });
    return new FakeChart(this.context, this.sheet, state);
  }
}

export class FakeChart {
  readonly title: { text: string };
  readonly series: FakeSeriesCollection;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
    private readonly state: ChartState,
  ) {
    const queue = (run: () => void) => this.context.enqueue({ write: true, requestBytes: 16, run });
    this.title = {
      set text(value: string) {
        queue(() => {
          state.title = value;
        });
      },
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'text' is not available.");
      },
    };
    this.series = new FakeSeriesCollection(context, sheet, state);
  }

  set width(points: number) {
    this.context.enqueue({ write: true, requestBytes: 8, run: () => void (this.state.width = points) });
  }
  set height(points: number) {
    this.context.enqueue({ write: true, requestBytes: 8, run: () => void (this.state.height = points) });
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.check();
    if (
      !/^\$?[A-Z]{1,3}\$?\d+$/.test(startCell) ||
      (endCell !== undefined && !/^\$?[A-Z]{1,3}\$?\d+$/.test(endCell))
    )
      throw new FakeOfficeError('InvalidArgument', `Invalid cell: ${startCell}`);
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => void (this.state.position = startCell),
    });
  }
}

export class FakeSeriesCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
    private readonly state: ChartState,
  ) {}

  getItemAt(index: number): FakeSeries {
    this.context.check();
    return new FakeSeries(this.context, this.sheet, () => {
      const s = this.state.series[index];
      if (!s) throw new FakeOfficeError('ItemNotFound', `The chart has no series ${index}.`);
      return s;
    });
  }

  add(_name?: string): FakeSeries {
    this.context.check();
    let added: ChartState['series'][number] | undefined;
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => {
        added = {};
        this.state.series.push(added);
      },
    });
    return new FakeSeries(this.context, this.sheet, () => added!);
  }
}

export class FakeSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
    private readonly series: () => ChartState['series'][number],
  ) {}

  private column(range: FakeRange, what: string): Box {
    const { sheet, box } = range.targetCells();
    if (sheet !== this.sheet()) throw new FakeOfficeError('InvalidArgument', `${what}: another sheet`);
    if (box.columns !== 1 && box.rows !== 1)
      throw new FakeOfficeError('InvalidArgument', `${what}: not one column`);
    return box;
  }

  setValues(sourceData: FakeRange): void {
    this.context.check();
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => void (this.series().values = this.column(sourceData, 'setValues')),
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this.context.check();
    this.context.enqueue({
      write: true,
      requestBytes: 16,
      run: () => void (this.series().categories = this.column(sourceData, 'setXAxisValues')),
    });
  }
}

/** Range.conditionalFormats: `add('Custom')` gives a rule formula and a fill to set. */
export class FakeConditionalFormatCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string } } } } {
    this.context.check();
    if (type !== 'Custom')
      throw new FakeOfficeError(
        'InvalidArgument',
        `The fake only draws Custom conditional formats, not ${type}`,
      );
    const state: ConditionalFormatState = {
      box: { top: 0, left: 0, rows: 0, columns: 0 },
      type,
      formula: '',
      fill: '',
    };
    const queue = (run: () => void) => this.context.enqueue({ write: true, requestBytes: 32, run });
    queue(() => {
      const { sheet, box } = this.range.targetCells();
      state.box = box;
      sheet.conditionalFormats.push(state);
    });
    const rule = {
      set formula(value: string) {
        if (!value.startsWith('=')) throw new FakeOfficeError('InvalidArgument', `Invalid formula: ${value}`);
        queue(() => void (state.formula = value));
      },
      get formula(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'formula' is not available.");
      },
    };
    const fill = {
      set color(value: string) {
        if (!/^#[0-9a-f]{6}$/i.test(value))
          throw new FakeOfficeError('InvalidArgument', `Invalid color: ${value}`);
        queue(() => void (state.fill = value));
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'color' is not available.");
      },
    };
    return { custom: { rule, format: { fill } } };
  }
}
