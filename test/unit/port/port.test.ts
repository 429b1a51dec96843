import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyText, needsTextGuard, planAppend } from '../../../shared/port';
import { blockAddress, columnsAddress, topLeftOf } from '../../../office-addin/src/a1';

/*
 * The parts of the port every host shares: when text needs a guard to stay text, and which rows
 * of an append are new. Each host adapter applies them its own way (an apostrophe for Sheets and
 * Excel, HyperFormula's quote) but decides by these, so the three cannot disagree again.
 */

describe('needsTextGuard: text a spreadsheet would not keep as typed', () => {
  it.each([
    '#N/A',
    '#REF!',
    ' #DIV/0!',
    "'引用符で始まる",
    'true',
    ' FALSE ',
    '0120-123-456',
    '1/2',
    '2026年11月29日',
    '令和8年11月29日',
    'R8.11.29',
    '1,200万円',
    '１２３',
    '50%',
    '9:30',
    '=1+1',
    '＝全角のイコール',
    '+81 3',
    '-',
    '@x',
    '＠担当',
  ])('%j is guarded', (text) => {
    expect(needsTextGuard(text)).toBe(true);
  });

  it.each([
    '',
    '株式会社山田製作所',
    'ヤマダセイサクショ',
    'TRUE ではない',
    'キーマン(決裁者)',
    'Open kimeru',
    'N/A',
  ])('%j is left as it is', (text) => {
    expect(needsTextGuard(text)).toBe(false);
  });
});

describe('planAppend: the rows an append writes', () => {
  const rows = [
    ['訪問', 'k-1'],
    ['電話', 'k-2'],
    ['電話', 'k-2'],
    ['メール', ''],
    ['メール', null],
  ];

  it('skips keys already in the sheet (as the host read them back) and repeats within the request', () => {
    // Hosts read a key written as text back as a number, or with spaces around it.
    const plan = planAppend(['キー', ' k-1 ', 20260001], {
      rows: [...rows, ['訪問', '20260001']],
      keyColumn: 2,
    });
    expect(plan).toEqual({
      rows: [
        ['電話', 'k-2'],
        ['メール', ''],
        ['メール', null],
      ],
      duplicates: 3,
      ledgerKeys: [],
    });
  });

  it('checks a log without a key column against the key sheet, and lists the keys to keep there', () => {
    const plan = planAppend(['k-1'], {
      rows: [['訪問'], ['電話'], ['メール']],
      ledger: { sheet: '_kimeru_keys', keys: ['k-1', 'k-2', 'k-2'] },
    });
    expect(plan).toEqual({ rows: [['電話']], duplicates: 2, ledgerKeys: ['k-2'] });
  });

  it('writes every row when the request has no key column', () => {
    expect(planAppend(['k-1'], { rows })).toEqual({ rows, duplicates: 0, ledgerKeys: [] });
  });

  it('compares keys as text, trimmed, and never treats a blank or a date cell as a key', () => {
    expect(keyText(' k-1 ')).toBe('k-1');
    expect(keyText(20260001)).toBe('20260001');
    expect(keyText(null)).toBe('');
    expect(keyText({ kind: 'date', day: 20000 })).toBe('');
  });
});

describe('column letters in the Excel adapter come from the core', () => {
  it('addresses the first, the 26th/27th and the last column Excel has', () => {
    expect(blockAddress(1, 1, 1, 1)).toBe('A1');
    expect(columnsAddress(26, 27)).toBe('Z:AA');
    expect(blockAddress(2, 702, 3, 2)).toBe('ZZ2:AAA4');
    expect(blockAddress(1, 16_384, 1, 1)).toBe('XFD1');
    expect(topLeftOf("'行動 (kimeru)'!$AB$3:AC9")).toEqual({ row: 3, column: 28 });
  });
});

describe('one implementation for every host', () => {
  const source = (path: string) => readFileSync(join(__dirname, '..', '..', '..', path), 'utf8');

  it('the three adapters decide text guards and append keys by the core, not by copies of their own', () => {
    for (const path of [
      'appsscript/src/port.ts',
      'office-addin/src/port.ts',
      'playground/src/hf-workbook.ts',
      'cli/file-workbook.ts',
    ]) {
      expect({ path, planAppend: source(path).includes('planAppend(') }).toEqual({ path, planAppend: true });
      expect({ path, keyText: /function keyText/.test(source(path)) }).toEqual({ path, keyText: false });
    }
    for (const path of [
      'appsscript/src/text-guard.ts',
      'office-addin/src/cells.ts',
      'xlsx/cell-text.ts',
    ])
      expect({ path, guard: source(path).includes('needsTextGuard(') }).toEqual({ path, guard: true });
  });

  it('no adapter re-implements column letters', () => {
    for (const path of ['appsscript/src/port.ts', 'office-addin/src/a1.ts'])
      expect({ path, copy: /String\.fromCharCode\(65/.test(source(path)) }).toEqual({ path, copy: false });
  });
});
