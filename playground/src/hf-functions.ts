import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from 'hyperformula';
import { actionTable, coverageTable, gapSummaryTable, gapTable, reviewTable } from '../../shared/engines';
import { FUNCTIONS, callFunction, excelName, findFunction, type FunctionDef } from '../../shared/functions';
import type { CellValue } from '../../shared/values/cell';
import { say } from './messages';
import { VIEW_SIZE } from '../../shared/functions/dashboard';

/**
 * kimeru's custom functions as a HyperFormula plugin, generated from the one function table:
 * each runs through `callFunction` exactly as in Sheets and Excel. HyperFormula reserves an
 * array result's size when it parses the formula, before any value is known, so each function
 * has an upper bound on its result computed from the shapes of its range arguments.
 */

type Shape = { width: number; height: number };

// Internal HyperFormula parse-tree nodes: only the fields the size bound reads.
interface AstNode {
  type: string;
  procedureName?: string;
  args?: AstNode[];
  value?: unknown;
  expressionName?: string;
  start?: { sheet?: number };
}
interface State {
  formulaAddress: { sheet: number; row: number; col: number };
}

const HEADER_ONLY = { gaps: 8, summary: 7, review: 7 };
try {
  HEADER_ONLY.gaps = gapTable([], 'ja', '')[0]?.length ?? 8;
  HEADER_ONLY.summary = gapSummaryTable([], 'ja', '')[0]?.length ?? 7;
  HEADER_ONLY.review = reviewTable([], 'ja', '')[0]?.length ?? 7;
} catch {
  // The defaults above hold the widths as of this writing.
}

/**
 * The most rows and columns a function's result can take, from its range arguments' shapes and
 * its literal text arguments (undefined when given by a reference, so not known yet).
 */
export function resultBound(
  name: string,
  shapes: Record<string, Shape>,
  texts: Record<string, string | undefined>,
): Shape {
  const customers = shapes['customers']?.height ?? 1;
  const definition = shapes['definition']?.height ?? 1;
  const people = customers + (shapes['activities']?.height ?? 0);
  switch (name) {
    case 'RANK':
      return { width: 1, height: customers };
    case 'LASTCONTACT':
    case 'KEYPERSON':
      return { width: 2, height: customers };
    case 'GAPCHECK': {
      const mode = texts['mode']?.trim().toLowerCase();
      // Item id, item, checked, gaps, no data, version.
      if (mode === 'items') return { width: 6, height: definition + 1 };
      if (mode === 'summary') return { width: HEADER_ONLY.summary, height: customers + 1 };
      // One row per customer × item at most ("gaps", "all", or a mode known only later).
      return {
        width: Math.max(HEADER_ONLY.gaps, HEADER_ONLY.summary, 6),
        height: customers * definition + 1,
      };
    }
    case 'REVIEW':
      return { width: HEADER_ONLY.review, height: people * definition + 1 };
    // Up to three actions per customer (next action, key person, contact); header and ⚠ line.
    case 'ACTIONS':
      return { width: actionTable([], 'ja', '')[0]?.length ?? 12, height: 3 * customers + 2 };
    // One row per contact, or one per customer without a key person; header and ⚠ line.
    case 'COVERAGE':
      return {
        width: coverageTable([], 0, 'ja')[0]?.length ?? 11,
        height: customers + (shapes['contacts']?.height ?? 0) + 2,
      };
    case 'DASHBOARD': {
      // Each view keeps to a fixed size, so the dashboard's sections never run into each other.
      const view = texts['view']?.trim().toLowerCase() as keyof typeof VIEW_SIZE | undefined;
      if (view !== undefined && view in VIEW_SIZE) {
        const size = VIEW_SIZE[view];
        return { width: size.columns, height: size.rows };
      }
      return {
        width: Math.max(...Object.values(VIEW_SIZE).map((v) => v.columns)),
        height: Math.max(...Object.values(VIEW_SIZE).map((v) => v.rows)),
      };
    }
    default:
      return { width: 10, height: customers + 1 };
  }
}

const ERROR_TEXT: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.SPILL]: '#SPILL!',
};

/** An error value as the cell text Excel shows for it. */
export function errorText(e: { type: ErrorType | string }): string {
  return ERROR_TEXT[e.type as ErrorType] ?? `#${String(e.type)}!`;
}

/** One value inside HyperFormula (rich numbers, errors, the empty marker) as a plain cell value. */
function plain(v: unknown): CellValue {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return errorText(v);
  if (typeof v === 'object' && 'val' in v) return (v as { val: number }).val;
  return v as CellValue;
}

function toArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(plain));
  return plain(v);
}

/** A cell value as something HyperFormula can hold in an array result. */
function toResult(v: CellValue): string | number | boolean | typeof EmptyValue {
  if (v === null || v === undefined) return EmptyValue;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569 - v.getTimezoneOffset() / 1440;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

function parameters(def: FunctionDef): FunctionArgument[] {
  return def.params.map((p) => ({
    argumentType: p.kind === 'range' ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
    ...(p.optional ? { optionalArg: true } : {}),
  }));
}

const implemented: ImplementedFunctions = {};
for (const def of FUNCTIONS)
  implemented[excelName(def)] = {
    method: 'kimeru',
    sizeOfResultArrayMethod: 'kimeruSize',
    parameters: parameters(def),
    // A range given to a date or text argument must not run the function once per cell.
    vectorizationForbidden: true,
    // Whole-column ranges are bounded by the sheet's height, which structure changes move.
    isDependentOnSheetStructureChange: true,
  };

/** The plugin: one method runs every kimeru function, dispatching on the called name. */
export class KimeruPlugin extends FunctionPlugin {
  static override implementedFunctions = implemented;

  kimeru(ast: AstNode, state: State) {
    const def = findFunction(ast.procedureName ?? '');
    if (!def) return new CellError(ErrorType.NAME);
    const bound = this.reserved(ast, state);
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata(excelName(def)),
      (...raw: unknown[]) => {
        const result = callFunction(def, raw.map(toArg));
        if (!result.ok)
          return new CellError(result.error === 'na' ? ErrorType.NA : ErrorType.VALUE, result.message);
        const rows = result.value;
        // A loop, not Math.max(...rows): a spread of 150,000+ rows overflows the call stack.
        let width = 1;
        for (const r of rows) if (r.length > width) width = r.length;
        if (rows.length > bound.height || width > bound.width)
          return new CellError(
            ErrorType.VALUE,
            say(langOf(def, raw), 'hf.tooBig', { rows: bound.height, columns: bound.width }),
          );
        const data = (rows.length > 0 ? rows : [[null]]).map((r) =>
          Array.from({ length: width }, (_, i) => toResult(r[i] ?? null)),
        );
        return SimpleRangeValue.onlyValues(data as never);
      },
    );
  }

  kimeruSize(ast: AstNode, state: State): ArraySize {
    const def = findFunction(ast.procedureName ?? '');
    if (!def) return ArraySize.scalar();
    const shapes: Record<string, Shape> = {};
    const texts: Record<string, string | undefined> = {};
    def.params.forEach((p, i) => {
      const arg = ast.args?.[i];
      if (!arg) return;
      if (p.kind === 'range') {
        const shape = this.shapeOf(arg, state);
        if (shape) shapes[p.name] = shape;
      } else if (p.kind === 'text' && arg.type === 'STRING') texts[p.name] = String(arg.value);
    });
    const b = resultBound(def.name, shapes, texts);
    return new ArraySize(Math.max(1, b.width), Math.max(1, b.height));
  }

  /**
   * The space HyperFormula reserved for this result when the formula was entered (a result larger
   * than that would crash it); unbounded when the call is nested inside another function.
   */
  private reserved(ast: AstNode, state: State): Shape {
    try {
      const graph = this.dependencyGraph as unknown as {
        getCell(
          a: State['formulaAddress'],
        ): { width?: number; height?: number; getFormula?(s: unknown): AstNode } | undefined;
        lazilyTransformingAstService: unknown;
      };
      const vertex = graph.getCell(state.formulaAddress);
      const root = vertex?.getFormula?.(graph.lazilyTransformingAstService);
      if (!vertex || !root || root.type !== 'FUNCTION_CALL' || root.procedureName !== ast.procedureName)
        return { width: Infinity, height: Infinity };
      if (typeof vertex.width === 'number' && typeof vertex.height === 'number')
        return { width: vertex.width, height: vertex.height };
      return { width: 1, height: 1 };
    } catch {
      return this.kimeruSize(ast, state);
    }
  }

  /** Rows × columns a range argument covers; whole columns count down to the sheet's last row. */
  private shapeOf(arg: AstNode, state: State): Shape | null {
    let node = arg;
    let address = state.formulaAddress;
    if (node.type === 'NAMED_EXPRESSION' && node.expressionName !== undefined) {
      const resolved = this.namedRange(node.expressionName, state.formulaAddress.sheet);
      if (!resolved) return null;
      node = resolved.ast;
      address = resolved.address;
    }
    const size = this.arraySizeForAst(node as never, { ...state, formulaAddress: address } as never);
    if (size.width < 1 || size.height < 1) return null;
    let height = size.height;
    if (!Number.isFinite(height)) {
      const sheet = node.start?.sheet ?? address.sheet;
      height = Math.max(1, this.dependencyGraph.getSheetHeight(sheet));
    }
    return { width: size.width, height };
  }

  /** The expression a workbook name stands for (e.g. KIMERU_CUSTOMERS → '顧客'!$A:$H). */
  private namedRange(name: string, sheet: number): { ast: AstNode; address: State['formulaAddress'] } | null {
    try {
      const graph = this.dependencyGraph as unknown as {
        namedExpressions: {
          nearestNamedExpression(n: string, s: number): { address: State['formulaAddress'] } | undefined;
        };
        getCell(a: State['formulaAddress']): { getFormula?(service: unknown): AstNode } | undefined;
        lazilyTransformingAstService: unknown;
      };
      const named = graph.namedExpressions.nearestNamedExpression(name, sheet);
      if (!named) return null;
      const vertex = graph.getCell(named.address);
      const ast = vertex?.getFormula?.(graph.lazilyTransformingAstService);
      return ast ? { ast, address: named.address } : null;
    } catch {
      return null;
    }
  }
}

function langOf(def: FunctionDef, raw: readonly unknown[]) {
  const i = def.params.findIndex((p) => p.name === 'lang');
  return String(i >= 0 ? (toArg(raw[i]) ?? '') : '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'ja';
}

let registered = false;

/** Registers the plugin once per page/process (HyperFormula's registry is global). */
export function registerKimeruFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTIONS.map((f) => [excelName(f), excelName(f)]));
  HyperFormula.registerFunctionPlugin(KimeruPlugin, { enGB: names });
  registered = true;
}
