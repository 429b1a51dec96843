import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { buildOfficeAddin, excelTaskpaneHtml, type OfficeBuildOptions } from '../../office-addin/build';

/** Builds the Excel add-in into a fresh temp folder, with the real task pane UI. */
export async function buildAddin(options: OfficeBuildOptions = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kimeru-office-'));
  await buildOfficeAddin(dir, await excelTaskpaneHtml(), options);
  return dir;
}

/** Microsoft's manifest XSDs, kept in the repo so the check runs offline on any clone. */
export const SCHEMA_DIR = resolve(__dirname, '../../office-addin/schemas');

/** Validates a manifest against Microsoft's XSDs; the output names the first offending element. */
export function validateManifest(file: string): { ok: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error(
      'xmllint is missing: run `apt-get install libxml2-utils` (the manifest is validated against the XSDs with it).',
    );
  try {
    const out = execFileSync(
      'xmllint',
      ['--noout', '--schema', join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd'), file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: true, output: out };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { ok: false, output: err.stderr ?? err.message };
  }
}

/** What the manifest says, read with plain patterns (its structure is checked by the XSD). */
export interface ManifestFacts {
  id: string;
  permissions: string[];
  hosts: string[];
  sets: Record<string, string>;
  /** Every resid="…" used. */
  used: string[];
  /** Resources by id: DefaultValue and overrides by locale. */
  resources: Map<string, { value: string; overrides: Record<string, string> }>;
  /** Every URL anywhere in the manifest (attributes DefaultValue/Value that look like URLs). */
  urls: string[];
  /** resid of the element named, e.g. resid('Namespace'); '' when absent. */
  resid(element: string): string;
  /** resid of the SourceLocation inside an element (Script, Page, Metadata). */
  source(element: string): string;
}

export function readManifest(xml: string): ManifestFacts {
  const all = (re: RegExp): RegExpExecArray[] => [...xml.matchAll(re)];
  const resources = new Map<string, { value: string; overrides: Record<string, string> }>();
  for (const m of all(
    /<bt:(?:Image|Url|String) id="([^"]+)" DefaultValue="([^"]*)"\s*(\/>|>([\s\S]*?)<\/bt:(?:Image|Url|String)>)/g,
  )) {
    const overrides: Record<string, string> = {};
    for (const o of (m[4] ?? '').matchAll(/<bt:Override Locale="([^"]+)" Value="([^"]*)"\/>/g))
      overrides[o[1]!] = o[2]!;
    resources.set(m[1]!, { value: m[2]!, overrides });
  }
  return {
    id: /<Id>([^<]+)<\/Id>/.exec(xml)?.[1] ?? '',
    permissions: all(/<Permissions>([^<]+)<\/Permissions>/g).map((m) => m[1]!.trim()),
    hosts: all(/<Host Name="([^"]+)"\/>/g).map((m) => m[1]!),
    sets: Object.fromEntries(all(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g).map((m) => [m[1]!, m[2]!])),
    used: all(/resid="([^"]+)"/g).map((m) => m[1]!),
    resources,
    urls: all(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g).map((m) => m[1]!),
    resid: (element) => new RegExp(`<${element}[^>]*\\sresid="([^"]+)"`).exec(xml)?.[1] ?? '',
    source: (element) =>
      new RegExp(`<${element}>\\s*<SourceLocation resid="([^"]+)"\\/>\\s*</${element}>`).exec(xml)?.[1] ?? '',
  };
}

export interface CustomFunctionsStandIn {
  associated: Map<string, (...args: unknown[]) => unknown>;
  Error: new (code: string, message?: string) => Error & { code: string };
  /**
   * Calls a function as Excel does with cells that hold errors or data types, by the rules of
   * the built functions.json: without `allowErrorForDataTypeAny` an error anywhere in an argument
   * means the function is not called and the cell shows that error; without
   * `allowCustomDataForDataTypeAny` a data type arrives as its basic value (an entity's is
   * #VALUE!). A `string` parameter never takes an error. The error is returned as
   * `{ excelError: '#N/A' }`.
   */
  call(id: string, ...args: unknown[]): unknown;
}

/** An error cell as Excel's data-types JSON has it (e.g. excelError('NotAvailable', '#N/A')). */
export function excelError(errorType: string, text: string): Record<string, string> {
  return { type: 'Error', basicType: 'Error', basicValue: text, errorType };
}

/** An entity cell (a company converted to a data type), as Excel's data-types JSON has it. */
export function excelEntity(text: string): Record<string, unknown> {
  return { type: 'Entity', basicType: 'Error', basicValue: '#VALUE!', text, properties: {} };
}

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: { id: string; parameters: { type?: string }[] }[];
}

function cellsOf(arg: unknown): unknown[] {
  if (!Array.isArray(arg)) return [arg];
  return arg.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function excelArgument(arg: unknown, meta: Metadata, type: string): unknown {
  const convert = (v: unknown): unknown => {
    if (!isObject(v) || v.type === 'Error' || meta.allowCustomDataForDataTypeAny === true) return v;
    const basic = v.basicValue;
    return typeof basic === 'string' && basic.startsWith('#') ? excelError('Value', basic) : basic;
  };
  const converted = Array.isArray(arg)
    ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(convert) : convert(row)))
    : convert(arg);
  const error = cellsOf(converted).find((v) => isObject(v) && v.type === 'Error') as
    | Record<string, string>
    | undefined;
  if (error && (meta.allowErrorForDataTypeAny !== true || type !== 'any'))
    throw Object.assign(new Error('excel error'), { excelError: error.basicValue });
  return converted;
}

/**
 * Runs the built functions.js as Excel's shared runtime does: a classic script in a page whose
 * globals include CustomFunctions (here a stand-in recording `associate`).
 */
export async function loadFunctions(
  dir: string,
  metadataFile = 'functions.json',
): Promise<CustomFunctionsStandIn> {
  const js = await readFile(join(dir, 'functions.js'), 'utf8');
  const meta = JSON.parse(await readFile(join(dir, metadataFile), 'utf8')) as Metadata;
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
  };
  runInContext(js, createContext({ CustomFunctions }));
  const call = (id: string, ...args: unknown[]): unknown => {
    const fn = associated.get(id);
    const params = meta.functions.find((f) => f.id === id)?.parameters;
    if (!fn || !params) throw new Error(`${id} is not registered`);
    try {
      const passed = args.map((a, i) => excelArgument(a, meta, params[i]?.type ?? 'any'));
      return fn(...passed);
    } catch (e) {
      const shown = (e as { excelError?: string }).excelError;
      if (shown !== undefined) return { excelError: shown };
      if (e instanceof CustomFunctionsError) return { excelError: e.code, message: e.message };
      throw e;
    }
  };
  return { associated, Error: CustomFunctionsError, call };
}
