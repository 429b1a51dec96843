import { foldText, isBlank, normalizeNote, normalizeText, toKatakana } from '../../../shared/values';

describe('normalizeText', () => {
  it.each([
    ['  株式会社　山田   製作所 ', '株式会社 山田 製作所'],
    ['ＡＢＣ－１２３', 'ABC-123'],
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['㈱山田', '(株)山田'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['line1\nline2', 'line1 line2'],
    ['plain ascii', 'plain ascii'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('gives what NFKC, collapsing and trimming give, for any mix of kana, kanji, ASCII and spaces', () => {
    // Texts built from the characters the plain-text shortcut passes and those it must not.
    const pieces = [
      '山',
      '田',
      'ヤ',
      'や',
      'ー',
      '々',
      'A',
      'z',
      '1',
      '-',
      ' ',
      '\u3000',
      '\t',
      'ｱ',
      'Ａ',
      'ﾞ',
      'ゞ',
      'ヿ',
      '\u3099',
      '㈱',
    ];
    let seed = 7;
    const next = (): number => {
      // xorshift32: deterministic, so a failure can be replayed
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = next() % 8; k >= 0; k--) text += pieces[next() % pieces.length];
      expect([text, normalizeText(text)]).toEqual([text, text.normalize('NFKC').replace(/\s+/g, ' ').trim()]);
    }
  });

  it('turns numbers, booleans, dates and blanks into text', () => {
    expect(normalizeText(1200)).toBe('1200');
    expect(normalizeText(true)).toBe('TRUE');
    expect(normalizeText(new Date(2026, 10, 29))).toBe('2026-11-29');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
  });
});

describe('isBlank', () => {
  it('treats whitespace-only text, including full-width spaces, as blank', () => {
    expect([null, undefined, '', '   ', '\u3000\u3000', '\t\n'].map(isBlank)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
  it('does not treat 0, FALSE or a dash as blank', () => {
    expect([0, false, '-', 'x'].map(isBlank)).toEqual([false, false, false, false]);
  });
});

describe('normalizeNote', () => {
  it('keeps line breaks and the characters as written, trims each line', () => {
    expect(normalizeNote('  ①予算確認 \r\n\r\n\r\n\r\n②次回デモ　')).toBe('①予算確認\n\n②次回デモ');
  });
});

describe('kana folding', () => {
  it('hiragana, katakana and half-width katakana fold alike', () => {
    expect(toKatakana('やまだ')).toBe('ヤマダ');
    expect(foldText('やまだ 製作所')).toBe(foldText('ﾔﾏﾀﾞ製作所'));
  });
});
