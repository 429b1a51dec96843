import { dateCell, formulaCell, needsTextGuard } from '../../../shared/port';
import { dayFromParts } from '../../../shared/values';
import { encodeBlock, encodeCell, isDateFormat, serialToDate } from '../../../office-addin/src/cells';
import { toSpill } from '../../../office-addin/src/functions';
import { parseInput } from '../../fakes/excel';

describe('text Excel would not keep as typed', () => {
  it('guards formulas, signed and formatted numbers, dates, times, booleans and error literals', () => {
    const guarded = [
      '=SUM(A1)',
      '+81 3-1234-5678',
      '-1',
      '@メンション',
      '＝全角',
      "'先頭の引用符",
      '0120-123-456',
      '007',
      '1/2',
      '2026/11/29',
      '2026年11月29日',
      '令和8年11月29日',
      'R8.11.29',
      '1,200',
      '50%',
      '¥1,200',
      '１２３',
      '9:30',
      'TRUE',
      'false',
      '#N/A',
    ];
    expect(guarded.filter((t) => !needsTextGuard(t))).toEqual([]);
    for (const t of guarded) expect(encodeCell(t).input).toBe(`'${t}`);
  });

  it('leaves plain words alone', () => {
    for (const t of ['株式会社山田製作所', '訪問', 'キーマン', '', 'Open kimeru']) {
      expect(needsTextGuard(t)).toBe(false);
      expect(encodeCell(t).input).toBe(t);
    }
  });

  it('round-trips through Excel’s parsing as the same text (the fake parses like Excel)', () => {
    for (const t of ['=1+1', '-1', '1,200', '2026/11/29', 'TRUE', "'x", '#N/A'])
      expect(parseInput(encodeCell(t).input, undefined)?.value).toBe(t);
  });
});

describe('cells kimeru writes', () => {
  it('writes dates as serials with a date format and timestamps with a time', () => {
    const day = dayFromParts(2026, 11, 29);
    expect(encodeCell(dateCell(day))).toEqual({ input: 46355, format: 'yyyy/mm/dd', formula: false });
    expect(encodeCell(dateCell(day, 630))).toEqual({
      input: 46355 + 630 / 1440,
      format: 'yyyy/mm/dd hh:mm',
      formula: false,
    });
    expect(encodeCell(formulaCell('SUM(A1:A3)'))).toEqual({
      input: '=SUM(A1:A3)',
      format: null,
      formula: true,
    });
  });

  it('pads ragged rows with null (left as is) and sends formats only when a cell needs one', () => {
    const plain = encodeBlock([['a', 'b'], ['c']]);
    expect(plain.inputs).toEqual([
      ['a', 'b'],
      ['c', null],
    ]);
    expect(plain.formats).toBeNull();
    const replaced = encodeBlock([['a', 1]], true);
    expect(replaced.formats).toEqual([[null, 'General']]);
  });
});

describe('reading dates back', () => {
  it('tells date formats from number, currency, percentage and time-only formats', () => {
    for (const f of [
      'yyyy/mm/dd',
      'm/d/yyyy',
      'yyyy/mm/dd hh:mm',
      '[$-ja-JP]ggge"年"m"月"d"日"',
      'd-mmm-yy',
      'mmm',
    ])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of [
      'General',
      '0',
      '#,##0',
      '"¥"#,##0',
      '0%',
      '0.00E+00',
      'h:mm',
      '[h]:mm:ss',
      'mm:ss',
      '@',
      null,
    ])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  it('turns a serial into the local date and time it shows', () => {
    const d = serialToDate(46355 + 630 / 1440);
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 11, 29, 10, 30,
    ]);
  });
});

describe('custom function results', () => {
  it('spill as rectangles of strings, numbers and booleans, never empty', () => {
    expect(toSpill([['a'], ['b', 2, true], [null, undefined]])).toEqual([
      ['a', '', ''],
      ['b', 2, true],
      ['', '', ''],
    ]);
    expect(toSpill([])).toEqual([['']]);
    expect(toSpill([[new Date(2026, 10, 29)]])).toEqual([[46355]]);
  });
});
