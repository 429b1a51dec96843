import type {
  GasChart,
  GasChartBuilder,
  GasConditionalFormatRule,
  GasConditionalFormatRuleBuilder,
} from '../../../appsscript/src/gas';
import type { CallLog } from './calls';
import type { FakeRange, FakeSheet } from './spreadsheet';

/**
 * Sheets' embedded charts and conditional format rules, as strict as Apps Script where kimeru
 * relies on it: a chart is on a sheet only after insertChart (build() alone draws nothing), a
 * chart type is set explicitly, positions are 1-based inside the grid, and
 * setConditionalFormatRules REPLACES every rule of the sheet (an adapter adding one must keep
 * the others itself).
 */

export type FakeChartType = 'BAR' | 'COLUMN' | 'LINE' | 'PIE';

export class FakeChart implements GasChart {
  constructor(
    readonly sheet: FakeSheet,
    readonly type: FakeChartType,
    readonly ranges: readonly FakeRange[],
    readonly options: ReadonlyMap<string, unknown>,
    readonly numHeaders: number,
    readonly position: { row: number; column: number; offsetX: number; offsetY: number },
  ) {}
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
}

export class FakeChartBuilder implements GasChartBuilder {
  private type: FakeChartType | null = null;
  private readonly ranges: FakeRange[] = [];
  private readonly options = new Map<string, unknown>();
  private numHeaders = -1;
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };

  constructor(
    private readonly calls: CallLog,
    private readonly sheet: FakeSheet,
  ) {}

  private as(type: FakeChartType): this {
    this.calls.record(`EmbeddedChartBuilder.as${type[0]}${type.slice(1).toLowerCase()}Chart`);
    this.type = type;
    return this;
  }
  asBarChart(): this {
    return this.as('BAR');
  }
  asColumnChart(): this {
    return this.as('COLUMN');
  }
  asLineChart(): this {
    return this.as('LINE');
  }
  asPieChart(): this {
    return this.as('PIE');
  }
  addRange(range: FakeRange): this {
    this.calls.record('EmbeddedChartBuilder.addRange');
    this.ranges.push(range);
    return this;
  }
  setNumHeaders(headers: number): this {
    this.calls.record('EmbeddedChartBuilder.setNumHeaders');
    if (!Number.isInteger(headers) || headers < -1) throw new Error('Exception: Invalid argument: headers');
    this.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.calls.record('EmbeddedChartBuilder.setOption');
    this.options.set(option, value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.calls.record('EmbeddedChartBuilder.setPosition');
    if (![anchorRowPos, anchorColPos].every((n) => Number.isInteger(n) && n >= 1))
      throw new Error('Exception: Those rows are out of bounds.');
    if (anchorRowPos > this.sheet.maxRows || anchorColPos > this.sheet.maxColumns)
      throw new Error('Exception: Those rows are out of bounds.');
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): FakeChart {
    this.calls.record('EmbeddedChartBuilder.build');
    if (this.type === null) throw new Error('the fake wants the chart type set (asColumnChart…)');
    if (this.ranges.length === 0) throw new Error('Exception: The chart has no data.');
    return new FakeChart(
      this.sheet,
      this.type,
      this.ranges,
      new Map(this.options),
      this.numHeaders,
      this.position,
    );
  }
}

/** A custom-formula condition, as the rule holds it. */
export type FakeCondition = { kind: 'formula'; formula: string };

export class FakeConditionalFormatRule implements GasConditionalFormatRule {
  constructor(
    readonly condition: FakeCondition,
    readonly background: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
}

export class FakeConditionalFormatRuleBuilder implements GasConditionalFormatRuleBuilder {
  private condition: FakeCondition | null = null;
  private background: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly calls: CallLog) {}
  whenFormulaSatisfied(formula: string): this {
    this.calls.record('ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    // Apps Script wants the formula as typed, starting with "=".
    if (!formula.startsWith('=')) throw new Error(`Exception: Invalid formula: ${formula}`);
    this.condition = { kind: 'formula', formula };
    return this;
  }
  setBackground(color: string | null): this {
    this.calls.record('ConditionalFormatRuleBuilder.setBackground');
    if (color !== null && !/^#[0-9a-f]{6}$/i.test(color))
      throw new Error(`Exception: Invalid color: ${color}`);
    this.background = color;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.calls.record('ConditionalFormatRuleBuilder.setRanges');
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    this.calls.record('ConditionalFormatRuleBuilder.build');
    // Apps Script refuses a rule without a condition or a format.
    if (this.condition === null)
      throw new Error('Exception: The conditional format rule must have a condition.');
    if (this.background === null)
      throw new Error('Exception: The conditional format rule must have a format.');
    return new FakeConditionalFormatRule(this.condition, this.background, this.ranges);
  }
}
