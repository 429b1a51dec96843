import { needsTextGuard } from '../../../shared/port';
import { sheetText } from '../../../appsscript/src/text-guard';

describe('text written to Sheets', () => {
  it.each([
    ['=SUM(A1)', true],
    ['＝全角', true],
    ['+81 3-1234-5678', true],
    ['-', true],
    ['@担当', true],
    ["'引用", true],
    ['0120-123-456', true],
    ['1/2', true],
    ['2026年11月29日', true],
    ['１２３', true],
    ['C001', true],
    ['true', true],
    ['#N/A', true],
    ['#REF!', true],
    [' FALSE ', true],
    ['株式会社山田製作所', false],
    ['ヤマダセイサクショ', false],
    ['TRUE ではない', false],
    ['', false],
  ])('%j needs the apostrophe: %s', (text, expected) => {
    expect(needsTextGuard(text)).toBe(expected);
  });

  it('prefixes exactly one apostrophe, which Sheets does not keep in the value', () => {
    expect(sheetText('=1+1')).toBe("'=1+1");
    expect(sheetText("'x")).toBe("''x");
    expect(sheetText('佐藤')).toBe('佐藤');
    expect(sheetText('#N/A')).toBe("'#N/A");
  });
});
