import { readNumber } from '../../../shared/values';

const ok = (v: unknown) => ({ ok: true, value: v });

describe('readNumber', () => {
  it.each<[string | number, number]>([
    [1200, 1200],
    ['1200', 1200],
    ['1,200', 1200],
    ['１２３', 123],
    ['１，２００', 1200],
    ['¥1,200', 1200],
    ['￥１，２００', 1200],
    ['1,200円', 1200],
    ['1,200万円', 12000000],
    ['3億', 300000000],
    ['1.5万', 15000],
    ['1.1万', 11000],
    ['1億2,000万', 120000000],
    ['5千', 5000],
    ['70%', 0.7],
    ['７０％', 0.7],
    ['12.5%', 0.125],
    ['△1,200', -1200],
    ['▲500万円', -5000000],
    ['-3.5', -3.5],
    ['−3.5', -3.5],
    ['(1,200)', -1200],
    [' 42 ', 42],
    ['0.5', 0.5],
  ])('%j → %d', (input, expected) => {
    expect(readNumber(input)).toEqual(ok(expected));
  });

  it('reads blank as null, not 0', () => {
    expect(readNumber('')).toEqual(ok(null));
    expect(readNumber('\u3000')).toEqual(ok(null));
    expect(readNumber(null)).toEqual(ok(null));
  });

  it.each(['abc', '=1+1', '1,5', '12.3.4', '-', '1万50000', '万', '約100', '#N/A', '1 2'])(
    'rejects %j',
    (input) => {
      expect(readNumber(input)).toEqual({ ok: false, key: 'values.notANumber', params: { value: input } });
    },
  );

  it('rejects booleans and dates rather than turning them into numbers', () => {
    expect(readNumber(true).ok).toBe(false);
    expect(readNumber(new Date(2026, 0, 1)).ok).toBe(false);
    expect(readNumber(Number.NaN).ok).toBe(false);
  });
});
