import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Which Office.js members the Excel add-in's code calls, found by the TypeScript checker (not by
 * text search): every property access whose symbol is declared in Office's type packages
 * (@types/office-js, custom-functions-runtime, office-runtime), named as the type declares it,
 * e.g. `Excel.Range.getResizedRange`. Type positions (`Excel.Range` as a type) are not uses.
 */

const ROOT = resolve(__dirname, '../../..');
const OFFICE_TYPES = /[\\/]@types[\\/](office-js|custom-functions-runtime|office-runtime)[\\/]/;

/** The add-in's sources: office-addin/src (its workbook adapter, task-pane bridge and functions). */
export function addinSources(): string[] {
  const dir = join(ROOT, 'office-addin/src');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

export interface MemberUse {
  /** Fully qualified member, e.g. Excel.Range.getResizedRange. */
  member: string;
  /** The `[Api set: …]` remark of its declaration in the type package, '' when it has none. */
  typesSays: string;
  /** First place it is used, file:line (relative to the repository). */
  at: string;
}

/** Office.js members used by `files`, one entry per member, sorted. */
export function officeMembersUsed(files: readonly string[]): MemberUse[] {
  const program = ts.createProgram([...files], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['office-js', 'custom-functions-runtime', 'office-runtime'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, MemberUse>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not found by the TypeScript program: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        let symbol = checker.getSymbolAtLocation(node.name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decl = symbol?.declarations?.[0];
        if (symbol && decl && OFFICE_TYPES.test(decl.getSourceFile().fileName)) {
          const member = checker.getFullyQualifiedName(symbol);
          if (!found.has(member)) {
            const line = source.getLineAndCharacterOfPosition(node.name.getStart()).line + 1;
            found.set(member, {
              member,
              typesSays: apiSetRemark(decl),
              at: `${file.slice(ROOT.length + 1)}:${line}`,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found.values()].sort((a, b) => a.member.localeCompare(b.member));
}

/** The `[Api set: X n]` remark in a declaration's JSDoc (the type package's own note). */
function apiSetRemark(decl: ts.Declaration): string {
  const text = decl.getSourceFile().text;
  const docs = ts.getJSDocCommentsAndTags(decl);
  const start = docs.length > 0 ? docs[0]!.getStart() : decl.getFullStart();
  const m = /\[Api set: ([^\]]+)\]/.exec(text.slice(start, decl.getStart()));
  return m ? m[1]!.trim() : '';
}
