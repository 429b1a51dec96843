import { FUNCTIONS, sheetsName, type FunctionDef, type ParamDef } from '../shared/functions';
import { ENTRY_POINTS } from './src/menu';

/**
 * The top-level functions of Code.js. Apps Script only sees top-level function declarations,
 * and Sheets only shows formula help from a JSDoc block with @customfunction right above one,
 * so every entry of the core's function table gets a generated, documented stub that forwards
 * to the bundle's global — never a hand-written one.
 */

const TYPES: Record<ParamDef['kind'], string> = {
  range: 'Array<Array<*>>',
  date: 'Date|number|string',
  text: 'string',
  boolean: 'boolean',
};

const OPTIONAL = { ja: '（省略可）', en: ' (optional)' };

const RETURN_HELP =
  '結果の表。右と下のセルに広がります（スピル） / A table that spills into the cells to the right and below';

/** Text safe inside a block comment, on one line. */
function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);

function checkName(name: string, what: string): void {
  if (!IDENTIFIER.test(name) || RESERVED.has(name))
    throw new Error(`Apps Script build: ${what} "${name}" is not a usable JavaScript name`);
}

function forward(globalName: string, name: string, params: readonly string[]): string {
  params.forEach((p) => checkName(p, `parameter of ${name}`));
  checkName(name, 'function name');
  const list = params.join(', ');
  return `function ${name}(${list}) {\n  return ${globalName}.${name}(${list});\n}`;
}

/** The JSDoc Sheets reads: help in Japanese, then English; one @param per parameter. */
export function customFunctionDoc(f: FunctionDef): string {
  const name = sheetsName(f);
  if (name.endsWith('_')) throw new Error(`Apps Script build: ${name} must not end in "_"`);
  const example = f.example.split('KIMERU.').join('KIMERU_');
  const lines = [
    commentText(f.help.ja),
    commentText(f.help.en),
    '',
    `例 / Example: ${commentText(example)}`,
    '',
    ...f.params.map((p) => {
      const help = p.optional
        ? `${p.help.ja}${OPTIONAL.ja} / ${p.help.en}${OPTIONAL.en}`
        : `${p.help.ja} / ${p.help.en}`;
      return `@param {${TYPES[p.kind]}} ${p.name} ${commentText(help)}`;
    }),
    `@return {Array<Array<*>>} ${RETURN_HELP}`,
    '@customfunction',
  ];
  return ['/**', ...lines.map((l) => (l === '' ? ' *' : ` * ${l}`)), ' */'].join('\n');
}

export interface Stub {
  name: string;
  params: string[];
  source: string;
}

/** Every stub: the entry points (onOpen, menu handlers, kimeruCall) and one per custom function. */
export function generateStubs(globalName: string, functions: readonly FunctionDef[] = FUNCTIONS): Stub[] {
  const plain = ENTRY_POINTS.map((e) => ({
    name: e.name,
    params: [...e.params],
    source: forward(globalName, e.name, e.params),
  }));
  const custom = functions.map((f) => {
    const params = f.params.map((p) => p.name);
    return {
      name: sheetsName(f),
      params,
      source: `${customFunctionDoc(f)}\n${forward(globalName, sheetsName(f), params)}`,
    };
  });
  const all = [...plain, ...custom];
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.name)) throw new Error(`Apps Script build: two top-level functions named ${s.name}`);
    seen.add(s.name);
  }
  return all;
}
