import { readAttribute, readBoolean } from '../../../shared/values';

describe('readBoolean', () => {
  it.each([
    true,
    'TRUE',
    'true',
    1,
    '1',
    '○',
    '〇',
    '◯',
    '✓',
    '✔',
    'レ',
    'はい',
    '有',
    'あり',
    '済',
    'yes',
    'Y',
    'ｙｅｓ',
  ])('%j → true', (v) => expect(readBoolean(v)).toEqual({ ok: true, value: true }));
  it.each([false, 'FALSE', 0, '0', '×', '✕', 'いいえ', '無', 'なし', '未', 'no', 'N', '-', '－'])(
    '%j → false',
    (v) => expect(readBoolean(v)).toEqual({ ok: true, value: false }),
  );
  it('blank → null; anything else is an error', () => {
    expect(readBoolean(' ')).toEqual({ ok: true, value: null });
    expect(readBoolean('たぶん')).toEqual({
      ok: false,
      key: 'values.notABoolean',
      params: { value: 'たぶん' },
    });
    expect(readBoolean(2).ok).toBe(false);
  });
});

describe('readAttribute', () => {
  it('reads numbers, number-like text, booleans, dates and text', () => {
    expect(readAttribute(null)).toBeNull();
    expect(readAttribute('  ')).toBeNull();
    expect(readAttribute(350)).toBe(350);
    expect(readAttribute('1,200万円')).toBe(12000000);
    expect(readAttribute('１２０')).toBe(120);
    expect(readAttribute(true)).toBe(true);
    expect(readAttribute(new Date(2026, 10, 29))).toBe('2026-11-29');
    expect(readAttribute('製造業')).toBe('製造業');
    expect(readAttribute('=1+1')).toBe('=1+1');
  });
  it('keeps codes with a leading zero as text', () => {
    expect(readAttribute('0120')).toBe('0120');
    expect(readAttribute('03-1234-5678')).toBe('03-1234-5678');
  });
});
