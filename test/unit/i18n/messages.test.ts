import { t, toLang } from '../../../shared/i18n';
import { formatIssue, KimeruError } from '../../../shared/issues';

describe('messages', () => {
  it('locates an issue by sheet, row and column in Japanese and English', () => {
    const issue = {
      key: 'error.internal' as const,
      params: { detail: 'x' },
      sheet: '顧客',
      row: 5,
      column: 'C',
      header: '年間取引額',
    };
    expect(formatIssue('ja', issue)).toBe(
      '「顧客」シート 5行目 C列「年間取引額」: 予期しないエラーが起きました: x',
    );
    expect(formatIssue('en', issue)).toBe(
      'Sheet "顧客", row 5, column C ("年間取引額"): An unexpected error occurred: x',
    );
  });

  it('keeps unknown placeholders visible rather than dropping them', () => {
    expect(t('en', 'error.internal')).toBe('An unexpected error occurred: {detail}');
  });

  it('reads the user language loosely and defaults to Japanese', () => {
    expect(toLang('en-US')).toBe('en');
    expect(toLang('ja_JP')).toBe('ja');
    expect(toLang('')).toBe('ja');
    expect(toLang(undefined)).toBe('ja');
  });

  it('carries every issue in a KimeruError', () => {
    const e = new KimeruError([
      { key: 'error.internal', params: { detail: 'a' } },
      { key: 'error.internal', params: { detail: 'b' } },
    ]);
    expect(e.issues).toHaveLength(2);
    expect(e.message).toContain('a');
  });
});
