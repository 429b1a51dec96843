import {
  foldText,
  isBlank,
  normalizeNote,
  normalizeText,
  plainNote,
  toKatakana,
} from '../../../shared/values';

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
    // Only hiragana moves: katakana, kanji, ASCII, ゝゞ and characters beyond the BMP as written.
    expect(toKatakana('山田 やまだ-ゝゞ 𠮷野ゔぁ')).toBe('山田 ヤマダ-ヽヾ 𠮷野ヴァ');
    expect(toKatakana('ヤマダ')).toBe('ヤマダ');
    expect(toKatakana('')).toBe('');
    expect(foldText('やまだ 製作所')).toBe(foldText('ﾔﾏﾀﾞ製作所'));
  });
});

describe('plainNote', () => {
  it('holds only for texts normalizeNote leaves as they are', () => {
    const plain = [
      '佐藤 健、鈴木 花子',
      '見積提出（再）',
      'ＡＢＣ商事に電話',
      '「提案書」送付・確認',
      'Web会議 2回目',
    ];
    const notPlain = [
      ' 先頭に空白',
      '末尾に空白 ',
      '二重  空白',
      '全角　空白',
      '改行\nあり',
      'か\u3099',
      'タブ\tあり',
    ];
    for (const s of plain) {
      expect(plainNote(s)).toBe(true);
      expect(normalizeNote(s)).toBe(s);
    }
    for (const s of notPlain) expect(plainNote(s)).toBe(false);
  });

  it('admits no character that NFC changes, alone or after another plain one', () => {
    const changed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const x = String.fromCharCode(c);
      if (!plainNote(x)) continue;
      if (x.normalize('NFC') !== x) changed.push(x);
      for (const base of ['a', 'か', '漢', x])
        if (plainNote(base + x) && (base + x).normalize('NFC') !== base + x) changed.push(base + x);
    }
    // Combining marks of CJK text live in U+3000–U+30FF: every pair of plain ones there.
    const cjk: string[] = [];
    for (let c = 0x3000; c <= 0x30ff; c++)
      if (plainNote(String.fromCharCode(c))) cjk.push(String.fromCharCode(c));
    for (const a of cjk) for (const b of cjk) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    expect(changed).toEqual([]);
  });
});
