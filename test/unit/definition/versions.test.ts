import {
  historyHeader,
  historyRow,
  JSON_CELL_LIMIT,
  nextVersion,
  readHistory,
  stampLabel,
  starterDefinition,
  type Definition,
  type DefinitionVersion,
  type Item,
} from '../../../shared/definition';
import { formatIssue, KimeruError } from '../../../shared/issues';
import { dayFromParts, type CellValue } from '../../../shared/values';

const day = dayFromParts(2026, 4, 1);
const meta = { date: day, author: '山田 太郎', note: '初版: コラムの3つの切り口で作成' };

function refused(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof KimeruError) return e.issues.map((i) => i.key);
    throw e;
  }
  throw new Error('expected a refusal');
}

function edited(def: Definition, change: (d: Definition) => void): Definition {
  const copy = JSON.parse(JSON.stringify(def)) as Definition;
  change(copy);
  return copy;
}

describe('nextVersion', () => {
  it('numbers versions from 1, one above the highest, and keeps them immutable', () => {
    const v1 = nextVersion([], starterDefinition('ja'), meta);
    expect(v1).toMatchObject({ version: 1, date: day, author: '山田 太郎', note: meta.note });
    const changed = edited(v1.definition, (d) => ((d.items[3] as Item).thresholds.A = 45));
    const v2 = nextVersion([v1], changed, { ...meta, note: 'Aランクのキーマン接触を45日に短縮' });
    expect(v2.version).toBe(2);
    // Out of order history (rows sorted by hand): still highest + 1.
    const v3 = nextVersion(
      [v2, v1],
      edited(changed, (d) => (d.fiscalStartMonth = 1)),
      { ...meta, note: '期首を1月に' },
    );
    expect(v3.version).toBe(3);
    expect(Object.isFrozen(v3.definition.items[0]?.thresholds)).toBe(true);
    expect(() => {
      (v3.definition.items[0] as Item).thresholds.A = 0;
    }).toThrow();
    // Saving does not tie the snapshot to the editor's object.
    changed.ranks.push('D');
    expect(v2.definition.ranks).toEqual(['A', 'B', 'C']);
  });

  it('refuses to save a definition that has not changed', () => {
    const v1 = nextVersion([], starterDefinition('ja'), meta);
    expect(
      refused(() => nextVersion([v1], starterDefinition('ja'), { ...meta, note: 'もう一度保存' })),
    ).toEqual(['definition.unchanged']);
    // A threshold written as null means the same as none at all.
    const same = edited(starterDefinition('ja'), (d) => ((d.items[3] as Item).thresholds.C = null));
    expect(refused(() => nextVersion([v1], same, { ...meta, note: '同じ' }))).toEqual([
      'definition.unchanged',
    ]);
  });

  it('refuses a save without a note on what changed, and says so in Japanese', () => {
    const v1 = nextVersion([], starterDefinition('ja'), meta);
    const changed = edited(v1.definition, (d) => (d.fiscalStartMonth = 1));
    expect(refused(() => nextVersion([v1], changed, { ...meta, note: ' 　' }))).toEqual([
      'definition.noteRequired',
    ]);
    let error: unknown;
    try {
      nextVersion([v1], changed, { ...meta, note: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KimeruError);
    expect(formatIssue('ja', (error as KimeruError).issues[0]!)).toBe(
      '変更内容を書いてください(何を、なぜ変えたか)。',
    );
    expect(formatIssue('en', (error as KimeruError).issues[0]!)).toBe('Write what changed (what, and why).');
  });

  it('refuses an invalid definition (threshold on a rank that does not exist)', () => {
    const bad = edited(starterDefinition('ja'), (d) => ((d.items[0] as Item).thresholds.Z = 1));
    expect(refused(() => nextVersion([], bad, meta))).toEqual(['definition.invalid']);
  });
});

describe('history sheet', () => {
  function history(): DefinitionVersion[] {
    const v1 = nextVersion([], starterDefinition('ja'), meta);
    const v2 = nextVersion(
      [v1],
      edited(v1.definition, (d) => ((d.items[3] as Item).thresholds.A = 45)),
      {
        date: dayFromParts(2026, 10, 1),
        author: '佐藤',
        note: '=A の接触を短縮', // text that looks like a formula stays text
      },
    );
    return [v1, v2];
  }

  it('writes one row per version and reads every version back, in ja and en', () => {
    for (const lang of ['ja', 'en'] as const) {
      const grid: CellValue[][] = [historyHeader(lang), ...history().map((v) => historyRow(v, lang))];
      const read = readHistory(grid);
      expect(read.issues).toEqual([]);
      expect(read.versions).toEqual(history());
    }
    expect(historyHeader('ja')).toEqual(['版', '日付', '作成者', '変更内容', '定義(JSON)']);
    expect(historyRow(history()[1]!, 'ja').slice(0, 4)).toEqual([2, '2026/10/01', '佐藤', '=A の接触を短縮']);
  });

  it('reports a corrupt row by its row and column and keeps the others', () => {
    const [v1, v2] = history();
    const broken = historyRow(v2!, 'ja');
    broken[4] = String(broken[4]).slice(0, 200); // cut off: not JSON any more
    const grid: CellValue[][] = [historyHeader('ja'), historyRow(v1!, 'ja'), [], broken];
    const read = readHistory(grid, { sheet: '定義の履歴' });
    expect(read.versions.map((v) => v.version)).toEqual([1]);
    expect(read.issues.map((i) => formatIssue('ja', i))).toEqual([
      '「定義の履歴」シート 4行目 E列「定義(JSON)」: 定義(JSON)が壊れています。この版は読めません。',
    ]);
  });

  it('reports JSON that parses but is not a definition, a bad date, a bad version and a duplicate', () => {
    const [v1, v2] = history();
    const wrongMetric = historyRow(v2!, 'ja');
    wrongMetric[4] = String(wrongMetric[4]).replace('"key_person_contact_days"', '"golf_days"');
    const badDate = historyRow(v2!, 'ja');
    badDate[1] = '来週';
    const badVersion = historyRow(v2!, 'ja');
    badVersion[0] = '最新';
    const grid: CellValue[][] = [
      ['※ この表は編集しないでください'],
      historyHeader('ja'),
      historyRow(v1!, 'ja'),
      wrongMetric,
      badDate,
      badVersion,
      historyRow(v1!, 'ja'),
    ];
    const read = readHistory(grid);
    expect(read.versions.map((v) => v.version)).toEqual([1]);
    const texts = read.issues.map((i) => formatIssue('ja', i));
    expect(texts[0]).toMatch(
      /^4行目 E列「定義\(JSON\)」: 定義\(JSON\)の内容が正しくありません\(items\.3\.metric: /,
    );
    expect(texts.slice(1)).toEqual([
      '5行目 B列「日付」: 日付「来週」を読めません。',
      '6行目 A列「版」: 版「最新」は1以上の整数で書いてください。',
      '7行目 A列「版」: 版 1 が重複しています(3行目にもあります)。この行は使いません。',
    ]);
  });

  it('splits a large definition across cells and joins it back', () => {
    const def = starterDefinition('ja');
    const long = 'キーマンと定期的に会い、経営課題と次の打ち手を確認する。😀'.repeat(40);
    for (let i = 0; i < 40; i++)
      def.items.push({
        id: `X${i}`,
        perspective: 'information',
        name: `項目${i}`,
        standard: long,
        metric: null,
        target: '',
        window: null,
        thresholds: {},
      });
    const v1 = nextVersion([], def, meta);
    const row = historyRow(v1, 'ja');
    expect(row.length).toBeGreaterThan(5);
    expect(row.slice(4).every((cell) => String(cell).length <= JSON_CELL_LIMIT)).toBe(true);
    const read = readHistory([historyHeader('ja'), row]);
    expect(read.issues).toEqual([]);
    expect(read.versions[0]?.definition).toEqual(def);
  });

  it('reads dates and versions as people retype them', () => {
    const [v1] = history();
    const row = historyRow(v1!, 'ja');
    row[0] = '第１版';
    row[1] = '令和8年4月1日';
    const read = readHistory([historyHeader('en'), row]);
    expect(read.issues).toEqual([]);
    expect(read.versions[0]).toMatchObject({ version: 1, date: day });
  });

  it('is empty and quiet for a new workbook, and says so when the header is missing', () => {
    expect(readHistory([])).toEqual({ versions: [], issues: [] });
    expect(readHistory([[''], [null]])).toEqual({ versions: [], issues: [] });
    expect(readHistory([['1', '2026/4/1']]).issues.map((i) => i.key)).toEqual([
      'definition.history.missingHeader',
    ]);
  });
});

describe('stampLabel', () => {
  it('labels outputs with the version that produced them', () => {
    expect(stampLabel(3, 'ja')).toBe('第3版');
    expect(stampLabel(3, 'en')).toBe('v3');
    const v1 = nextVersion([], starterDefinition('en'), meta);
    expect(stampLabel(v1, 'en')).toBe('v1');
    expect(stampLabel(null, 'ja')).toBe('未保存');
  });
});
