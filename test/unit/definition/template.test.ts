import { PERSPECTIVES, readDefinition, starterDefinition, writeDefinition } from '../../../shared/definition';

describe('starterDefinition', () => {
  it.each(['ja', 'en'] as const)(
    'follows the column: three perspectives, few items, A/B/C by ABC (%s)',
    (lang) => {
      const def = starterDefinition(lang);
      expect(def.ranks).toEqual(['A', 'B', 'C']);
      expect(def.ranking).toEqual({
        kind: 'abc',
        column: lang === 'ja' ? '年間取引額' : 'Annual sales',
        cutoffs: { A: 0.7, B: 0.9, C: 1 },
      });
      expect(new Set(def.items.map((i) => i.perspective))).toEqual(new Set(PERSPECTIVES));
      expect(def.items.length).toBeLessThanOrEqual(7);
      for (const p of PERSPECTIVES)
        expect(def.items.filter((i) => i.perspective === p).length).toBeLessThanOrEqual(3);
      // One item is left to people, for the half-year review.
      expect(def.items.filter((i) => i.metric === null)).toHaveLength(1);
      expect(def.fiscalStartMonth).toBe(4);
    },
  );

  it('meets the key person, not only the person in charge: 60 days for A, 120 for B, C not checked', () => {
    const item = starterDefinition('ja').items.find((i) => i.metric === 'key_person_contact_days');
    expect(item?.thresholds).toEqual({ A: 60, B: 120 });
    expect(item?.standard).toContain('キーマン');
  });

  it('has the same item ids and checks in both languages, only the words differ', () => {
    const ja = starterDefinition('ja');
    const en = starterDefinition('en');
    const checks = (d: typeof ja) =>
      d.items.map((i) => [i.id, i.perspective, i.metric, i.window, i.thresholds]);
    expect(checks(en)).toEqual(checks(ja));
    expect(ja.items.find((i) => i.id === 'AT1')?.target).toBe('業種,従業員数');
    expect(en.items.find((i) => i.id === 'AT1')?.target).toBe('Industry,Employees');
    expect(en.items.map((i) => i.name)).not.toEqual(ja.items.map((i) => i.name));
  });

  it('returns a fresh copy each time, so editing one does not change the template', () => {
    const a = starterDefinition('ja');
    a.items[0]!.thresholds.A = 99;
    expect(starterDefinition('ja').items[0]?.thresholds.A).toBe(1);
  });

  it('survives a Japanese sheet read back as an English one would write it', () => {
    const def = starterDefinition('ja');
    expect(readDefinition(writeDefinition(def, { lang: 'en' })).definition).toEqual(def);
  });
});
