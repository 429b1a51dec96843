import { t } from '../../../shared/i18n';
import { readActivityType, readContactRole } from '../../../shared/tables';

describe('readActivityType', () => {
  it.each([
    ['訪問', 'visit'],
    ['来社', 'visit'],
    ['面談', 'visit'],
    ['商談', 'visit'],
    ['打ち合わせ', 'visit'],
    ['打合せ', 'visit'],
    ['訪問（定例）', 'visit'],
    ['電話', 'call'],
    ['TEL', 'call'],
    ['ＴＥＬ', 'call'],
    ['tel', 'call'],
    ['架電', 'call'],
    ['Call', 'call'],
    ['Web会議', 'web'],
    ['ｗｅｂ会議', 'web'],
    ['オンライン', 'web'],
    ['Zoom', 'web'],
    ['Teams', 'web'],
    ['Google Meet', 'web'],
    ['メール', 'email'],
    ['E-mail', 'email'],
    ['提案', 'proposal'],
    ['見積提出', 'proposal'],
    ['プレゼン', 'proposal'],
    ['その他', 'other'],
    ['Web meeting', 'web'],
  ])('%s → %s', (word, type) => {
    expect(readActivityType(word)).toEqual({ ok: true, value: type });
  });

  it('blank → tables.typeRequired', () => {
    const r = readActivityType('  ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.key).toBe('tables.typeRequired');
  });

  it('unknown → tables.unknownType listing the accepted words', () => {
    const r = readActivityType('飲み会');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(t('ja', r.key, r.params)).toBe(
      '「飲み会」は行動の種別として読めません（使える種別: 訪問、電話、Web会議、メール、提案、その他）。「その他」として数えます。',
    );
    expect(t('en', r.key, r.params)).toBe(
      '"飲み会" is not an activity type (accepted types: Visit, Call, Web meeting, Email, Proposal, Other). It is counted as "Other".',
    );
  });
});

describe('readContactRole', () => {
  it.each([
    ['キーマン', 'key'],
    ['決裁者', 'key'],
    ['KP', 'key'],
    ['key', 'key'],
    ['担当者', 'charge'],
    ['窓口', 'charge'],
    ['担当', 'charge'],
    ['影響者', 'influencer'],
    ['インフルエンサー', 'influencer'],
    ['その他', 'other'],
    ['', 'other'],
  ])('%j → %s', (word, role) => {
    expect(readContactRole(word)).toEqual({ ok: true, value: role });
  });

  it('unknown text is an issue', () => {
    expect(readContactRole('偉い人')).toEqual({
      ok: false,
      key: 'tables.unknownRole',
      params: { value: '偉い人' },
    });
  });
});
