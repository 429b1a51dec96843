import { rm } from 'node:fs/promises';
import { starterDefinition, writeDefinition } from '../../shared/definition';
import { buildProject, loadScript, type Built } from './appsscript-harness';
import { buildAddin, loadFunctions, type CustomFunctionsStandIn } from './office-harness';

/**
 * A custom function given more than its host can read in time says so at once, in the user's
 * language, naming the argument and the limit — through the built Code.js and functions.js, as
 * Sheets and Excel call them — instead of running into Apps Script's 30 s or freezing Excel.
 */

const customers = [
  ['顧客ID', '顧客名', '営業担当', '年間取引額'],
  ['C1', '株式会社テスト1', '佐藤', 10_000],
];
const contacts = [
  ['顧客ID', '氏名', '役割'],
  ['C1', '山本 健', 'キーマン'],
];
const definition = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });

/**
 * An activity log of `cells` cells or a little more. Every row is the same array: the host
 * hands over that many cells, the test does not hold them all.
 */
function log(cells: number): unknown[][] {
  const width = 10;
  const row = ['2026/11/01', 'C1', '山本', '訪問', '', '', '', '', '', ''];
  const rows: unknown[][] = [
    ['日付', '顧客ID', '面談者', '種別', '内容', '次回期日', '営業担当', '記録日時', '目的', 'メモ'],
  ];
  for (let n = width; n <= cells; n += width) rows.push(row);
  return rows;
}

describe('Sheets: a custom function past 10 million cells', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildProject();
  });

  it('stops with a message naming the argument and the limit (ja, en); a usual log computes', () => {
    const s = loadScript(built);
    const big = log(10_000_100);
    const call = (lang: string) => () =>
      s.call('KIMERU_GAPCHECK', customers, contacts, big, definition, '2026/11/29', 'gaps', lang);
    expect(call('ja')).toThrow(
      /範囲が大きすぎます: 引数「activities」が 10,000,\d{3} セル.*上限 10,000,000 セル.*30秒/,
    );
    expect(call('en')).toThrow(
      /Too much data: argument "activities" holds 10,000,\d{3} cells .*over the 10,000,000 cells.*30 s/,
    );
    // A usual log is read as before.
    const result = s.call(
      'KIMERU_GAPCHECK',
      customers,
      contacts,
      log(200),
      definition,
      '2026/11/29',
      'items',
    );
    expect(Array.isArray(result)).toBe(true);
  });
});

describe('Excel: a custom function past 5 million cells', () => {
  let dir: string;
  let cf: CustomFunctionsStandIn;
  beforeAll(async () => {
    dir = await buildAddin();
    cf = await loadFunctions(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('throws a #VALUE! CustomFunctions.Error naming the argument and the limit (ja, en)', () => {
    const gapcheck = cf.associated.get('GAPCHECK');
    if (!gapcheck) throw new Error('GAPCHECK is not associated');
    const big = log(5_000_100);
    const message = (lang: string): string => {
      try {
        gapcheck(customers, contacts, big, definition, [[46_355]], [['gaps']], [[lang]]);
      } catch (e) {
        expect(e).toBeInstanceOf(cf.Error);
        expect((e as { code: string }).code).toBe('#VALUE!');
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(message('ja')).toMatch(/引数「activities」が 5,000,\d{3} セル.*上限 5,000,000 セル/);
    expect(message('en')).toMatch(/argument "activities" holds 5,000,\d{3} cells .*over the 5,000,000 cells/);
    const ok = gapcheck(customers, contacts, log(200), definition, [[46_355]], [['items']], [['ja']]);
    expect(Array.isArray(ok)).toBe(true);
  });
});
