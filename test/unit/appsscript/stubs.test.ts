import { customFunctionDoc, generateStubs } from '../../../appsscript/stubs';
import { FUNCTIONS, type FunctionDef } from '../../../shared/functions';

const TWICE: FunctionDef = {
  name: 'TWICE',
  help: { ja: '値を2倍にします */ 注意', en: 'Doubles a value' },
  example: '=KIMERU.TWICE(A1)',
  params: [
    { name: 'values', kind: 'range', optional: false, help: { ja: '範囲', en: 'A range' } },
    { name: 'as_of', kind: 'date', optional: true, help: { ja: '基準日', en: 'As-of date' } },
  ],
  run: () => [[1]],
};

describe('generated stubs', () => {
  it('follow the function table: a new entry gets its stub, with Sheets’ name and JSDoc', () => {
    const stubs = generateStubs('Kimeru', [...FUNCTIONS, TWICE]);
    const twice = stubs.find((s) => s.name === 'KIMERU_TWICE')!;
    expect(twice.params).toEqual(['values', 'as_of']);
    expect(twice.source).toContain(
      'function KIMERU_TWICE(values, as_of) {\n  return Kimeru.KIMERU_TWICE(values, as_of);\n}',
    );
    expect(stubs.map((s) => s.name)).toEqual([
      'onOpen',
      'onInstall',
      'kimeruCall',
      'kimeruOpenWide',
      'menuSetup',
      'menuActions',
      'menuLog',
      'menuDefinition',
      'menuRank',
      'menuGaps',
      'menuReview',
      'menuManual',
      'KIMERU_RANK',
      'KIMERU_GAPCHECK',
      'KIMERU_LASTCONTACT',
      'KIMERU_KEYPERSON',
      'KIMERU_REVIEW',
      'KIMERU_ISSUES',
      'KIMERU_RANKAT',
      'KIMERU_ACTIONS',
      'KIMERU_COVERAGE',
      'KIMERU_DASHBOARD',
      'KIMERU_TWICE',
    ]);
  });

  it('document each parameter with its type, both languages, and optional ones as such', () => {
    const doc = customFunctionDoc(TWICE);
    expect(doc).toContain(' * 例 / Example: =KIMERU_TWICE(A1)');
    expect(doc).toContain(' * @param {Array<Array<*>>} values 範囲 / A range');
    expect(doc).toContain(' * @param {Date|number|string} as_of 基準日（省略可） / As-of date (optional)');
    expect(doc).toContain(' * @customfunction');
    // Help text cannot end the comment early.
    expect(doc).toContain('値を2倍にします *\\/ 注意');
    expect(doc.indexOf('*/')).toBe(doc.length - 2);
  });

  it('refuse names Apps Script or Sheets cannot use', () => {
    const bad = (params: string[], name = 'OK'): FunctionDef => ({
      ...TWICE,
      name,
      params: params.map((p) => ({ ...TWICE.params[0]!, name: p })),
    });
    expect(() => generateStubs('Kimeru', [bad(['as-of'])])).toThrow(
      '"as-of" is not a usable JavaScript name',
    );
    expect(() => generateStubs('Kimeru', [bad(['default'])])).toThrow('"default"');
    expect(() => generateStubs('Kimeru', [bad(['x'], 'RANK_')])).toThrow('must not end in "_"');
    expect(() => generateStubs('Kimeru', [TWICE, TWICE])).toThrow(
      'two top-level functions named KIMERU_TWICE',
    );
  });
});
