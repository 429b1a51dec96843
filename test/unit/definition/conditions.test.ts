import { formatConditions, parseConditions, type Condition } from '../../../shared/definition';
import { t } from '../../../shared/i18n';

function read(text: string): Condition[] {
  const r = parseConditions(text);
  if (!r.ok) throw new Error(`${r.key} ${JSON.stringify(r.params)}`);
  return r.conditions;
}

describe('rank rule conditions', () => {
  it('reads the forms a manager types', () => {
    expect(read('年間取引額 >= 1億 かつ 従業員数 >= 300')).toEqual([
      { column: '年間取引額', op: '>=', value: 100000000 },
      { column: '従業員数', op: '>=', value: 300 },
    ]);
    expect(read('年間取引額＞＝1,000万円＆従業員数≧３００')).toEqual([
      { column: '年間取引額', op: '>=', value: 10000000 },
      { column: '従業員数', op: '>=', value: 300 },
    ]);
    expect(read('Annual sales ≥ 100,000,000 AND Employees > 50 and Industry contains Retail')).toEqual([
      { column: 'Annual sales', op: '>=', value: 100000000 },
      { column: 'Employees', op: '>', value: 50 },
      { column: 'Industry', op: 'contains', value: 'Retail' },
    ]);
    expect(read('従業員数 300人以上 かつ 年間取引額が5000万未満')).toEqual([
      { column: '従業員数', op: '>=', value: 300 },
      { column: '年間取引額', op: '<', value: 50000000 },
    ]);
    expect(read('業種に製造を含む かつ 「取引 区分」 ≠ 休眠 かつ 業種 入力あり')).toEqual([
      { column: '業種', op: 'contains', value: '製造' },
      { column: '取引 区分', op: '<>', value: '休眠' },
      { column: '業種', op: 'filled', value: null },
    ]);
    expect(read('業種 = 製造業')).toEqual([{ column: '業種', op: '=', value: '製造業' }]);
    expect(read('郵便番号 = 「100」')).toEqual([{ column: '郵便番号', op: '=', value: '100' }]);
  });

  it('reads blank and (その他) / otherwise as the default rule', () => {
    expect(read('')).toEqual([]);
    expect(read('(その他)')).toEqual([]);
    expect(read('それ以外')).toEqual([]);
    expect(read('(otherwise)')).toEqual([]);
  });

  it('refuses what it cannot read, with the text in the message', () => {
    expect(parseConditions('年間取引額が多い')).toMatchObject({
      ok: false,
      key: 'definition.conditionSyntax',
    });
    expect(parseConditions('>= 300')).toMatchObject({ ok: false, key: 'definition.conditionColumnMissing' });
    expect(parseConditions('業種 =')).toMatchObject({ ok: false, key: 'definition.conditionValueMissing' });
    expect(parseConditions('従業員数 >= 多い')).toMatchObject({
      ok: false,
      key: 'definition.conditionNotNumber',
      params: { value: '多い' },
    });
    expect(parseConditions('年間取引額 >= 1億 かつ')).toMatchObject({
      ok: false,
      key: 'definition.conditionSyntax',
    });
    const r = parseConditions('従業員数 >= 多い');
    if (r.ok) throw new Error('expected a failure');
    expect(t('ja', r.key, r.params)).toBe(
      '条件「従業員数 >= 多い」の値「多い」を数値として読めません(大小比較には数値が必要です)。',
    );
  });

  it('writes conditions that read back the same, in both languages', () => {
    const conditions: Condition[] = [
      { column: '年間取引額', op: '>=', value: 150000000 },
      { column: '業種 (大分類)', op: '=', value: '卸売 & 小売' },
      { column: 'ランク', op: '<>', value: '1,000' },
      { column: 'メモ', op: 'contains', value: ' 重要 ' },
      { column: '利益率', op: '<=', value: 0.125 },
      { column: 'キーマン', op: 'filled', value: null },
      { column: '赤字額', op: '>', value: -30000 },
    ];
    for (const lang of ['ja', 'en'] as const)
      expect(read(formatConditions(conditions, lang))).toEqual(conditions);
    expect(formatConditions(conditions.slice(0, 1), 'ja')).toBe('年間取引額 >= 1億5000万');
    expect(formatConditions(conditions.slice(0, 1), 'en')).toBe('年間取引額 >= 150,000,000');
  });
});
