import { createApi, type KimeruApi } from '../../../shared/commands';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { activity, clock, ok, sizedWorkbook, teamWorkbook } from './workbook-fixture';

describe('setup inside an existing workbook', () => {
  let wb: MemoryWorkbook;
  let api: KimeruApi;
  beforeEach(() => {
    wb = new MemoryWorkbook(teamWorkbook());
    api = createApi(wb, clock, 'ja');
  });

  it('adopts the customer list, leaves a same-named sheet that is not ours alone, and changes no user cell', async () => {
    const before = teamWorkbook();
    const report = await ok(api.setup({}));
    expect(report.sheets.customers).toBe('得意先リスト');
    expect(report.customerCount).toBe(4);
    expect(report.sheets.activities).toBe('行動 (kimeru)');
    expect(report.text.join('\n')).toContain(
      '「行動」シートは kimeru のものではないため、そのままにしました',
    );
    for (const [name, rows] of Object.entries(before)) expect(wb.snapshot(name)).toEqual(rows);
    expect([...wb.sheets.keys()]).toEqual(
      expect.arrayContaining([
        '連絡先',
        '定義',
        '定義履歴',
        '振り返り',
        '振り返り回答',
        'ダッシュボード',
        'kimeru設定',
      ]),
    );
    // Report sheets come with the first run that writes one; working sheets are hidden.
    for (const later of ['ランク', 'ギャップ', 'マニュアル']) expect(wb.sheets.has(later)).toBe(false);
    expect([...wb.hidden]).toEqual(['定義履歴', '振り返り回答']);
    expect(wb.names.get('KIMERU_ACTIVITIES')?.sheet).toBe('行動 (kimeru)');
    expect(wb.names.get('KIMERU_ASOF')).toEqual({
      sheet: 'kimeru設定',
      firstColumn: 2,
      lastColumn: 2,
      firstRow: 3,
      lastRow: 3,
    });
  });

  it('changes nothing when run again', async () => {
    await ok(api.setup({}));
    const after = new Map([...wb.sheets].map(([n]) => [n, wb.snapshot(n)]));
    const writes = wb.calls.write;
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect(again.text).toEqual(['セットアップは完了しています。変更はありません']);
    expect(wb.calls.write).toBe(writes);
    for (const [n, rows] of after) expect(wb.snapshot(n)).toEqual(rows);
  });

  it('adopts a customer sheet whose headers it cannot recognise once the user maps them', async () => {
    const odd = new MemoryWorkbook({
      取引先: [
        ['コード', '先方名', '売上'],
        ['X1', '北海商事', 100],
      ],
    });
    const api2 = createApi(odd, clock, 'ja');
    const mapped = await ok(
      api2.setup({ customerSheet: '取引先', mapping: { id: 'コード', name: '先方名' } }),
    );
    expect(mapped.customerCount).toBe(1);
    const state = await ok(api2.getState());
    expect(state.customers).toEqual([{ id: 'X1', name: '北海商事', kana: '', rep: '' }]);
  });

  it('says clearly when a named customer sheet has no customer-name column', async () => {
    const odd = new MemoryWorkbook({
      取引先: [
        ['コード', '先方名'],
        ['X1', '北海商事'],
      ],
    });
    const r = await createApi(odd, clock, 'ja').setup({ customerSheet: '取引先' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('取引先');
    expect([...odd.sheets.keys()]).toEqual(['取引先']);
  });
});

describe('logging an activity', () => {
  let wb: MemoryWorkbook;
  let api: KimeruApi;
  beforeEach(async () => {
    wb = new MemoryWorkbook(teamWorkbook());
    api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    // Contacts typed by the team into kimeru's contact sheet.
    wb.sheets
      .get('連絡先')!
      .push(['', 'C002', '山本 健', '', '専務', 'キーマン'], ['', 'C002', '伊藤 誠', '', '', '担当者']);
  });

  it('appends exactly one row, and a retried submit with the same key writes nothing', async () => {
    const state = await ok(api.getState());
    const ito = state.contacts.find((c) => c.name === '伊藤 誠')!;
    const first = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(first).toMatchObject({ ok: true, row: 2, duplicate: false, keyPersonMet: false });
    const retry = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(retry).toMatchObject({
      ok: true,
      duplicate: true,
      message: 'この記録は登録済みです（二重送信を防ぎました）',
    });
    const log = wb.snapshot('行動 (kimeru)');
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 6)).toEqual(['C002', '(株)鈴木商事', '伊藤 誠', '', '訪問']);
    expect(log[1]![0]).toBeInstanceOf(Date);
  });

  it('stores text that looks like a formula as text', async () => {
    await ok(api.logActivity(activity({ content: '=IMPORTXML("http://x")', nextAction: '+81 担当へ電話' })));
    const row = wb.snapshot('行動 (kimeru)')[1]!;
    expect(row).toContain('=IMPORTXML("http://x")');
    expect(row).toContain('+81 担当へ電話');
  });

  it('writes nothing for invalid input and names the fields', async () => {
    const r = await ok(api.logActivity(activity({ customerId: 'C999', date: '2026/13/01' })));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.field).sort()).toEqual(['customerId', 'date']);
      expect(r.message).toContain('日付');
    }
    expect(wb.snapshot('行動 (kimeru)')).toHaveLength(1);
  });

  it('leaves the workbook as it was when the host fails mid-way', async () => {
    wb.failNext = new Error('Service unavailable');
    const r = await api.logActivity(activity());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Service unavailable');
    expect(wb.snapshot('行動 (kimeru)')).toHaveLength(1);
  });
});

describe('ranking, gap check, review and manual', () => {
  let wb: MemoryWorkbook;
  let api: KimeruApi;
  beforeEach(async () => {
    wb = new MemoryWorkbook(teamWorkbook());
    api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    wb.sheets
      .get('連絡先')!
      .push(['', 'C002', '山本 健', '', '専務', 'キーマン'], ['', 'C002', '伊藤 誠', '', '', '担当者']);
    wb.sheets
      .get('行動 (kimeru)')!
      .push(['2026/11/10', 'C002', '', '伊藤さん', '', '来社', '', '定例', '', '', '高橋', '2026/11/10', '']);
  });

  it('ranks by the definition, stamps the version and moves the as-of date', async () => {
    const r = await ok(api.runRanking('2026/11/29'));
    expect(r.headline).toEqual(['A: 2', 'B: 1', 'C: 1']);
    const sheet = wb.snapshot('ランク');
    expect(sheet[1]!.slice(0, 5)).toEqual(['顧客ID', '顧客名', 'ランク', '前回ランク', '変動']);
    expect(sheet.slice(2).map((row) => row[6])).toEqual(['第1版', '第1版', '第1版', '第1版']);
    expect(wb.snapshot('kimeru設定')[2]![1]).toEqual(new Date(2026, 10, 29));
    // A second ranking after the sales changed shows the movement.
    wb.sheets.get('得意先リスト')![4]![6] = 100; // 鈴木商事 drops
    await ok(api.runRanking('2026/11/30'));
    const suzuki = wb.snapshot('ランク').find((row) => row[0] === 'C002')!;
    expect(suzuki.slice(2, 5)).toEqual(['C', 'B', '↓']);
  });

  it('finds the column’s cautionary case and writes the gap sheet', async () => {
    const r = await ok(api.runGapCheck('2026/11/29'));
    expect(r.headline.join('\n')).toMatch(/キーマンとの接触: \d+社/);
    const gaps = wb.snapshot('ギャップ');
    const suzuki = gaps.find((row) => row[0] === 'C002' && row[3] === 'キーマンとの接触');
    expect(String(suzuki?.[5])).toContain('担当者のみ接触');
  });

  it('checks every other row, and lists the unreadable one in the pane and on its own sheet', async () => {
    const log = wb.sheets.get('行動 (kimeru)')!;
    const before = await ok(api.runGapCheck('2026/11/29'));
    const gapsBefore = wb.snapshot('ギャップ');
    expect(before.unread).toEqual({ summary: '', skipped: 0, warnings: 0, lines: [], sheet: null });
    expect(wb.sheets.has('読めなかった行')).toBe(false);

    log.push(['2026/02/30', 'C001', '', '', '', '訪問', '', '', '', '', '佐藤', '', '']);
    const r = await ok(api.runGapCheck('2026/11/29'));
    // The row with an impossible date is left out; every gap found before is still found.
    expect(wb.snapshot('ギャップ').slice(1)).toEqual(gapsBefore.slice(1));
    expect(r.unread.summary).toBe('読めなかった行 1件');
    expect(r.unread.sheet).toBe('読めなかった行');
    expect(r.unread.lines[0]).toContain('「行動 (kimeru)」シート 3行目 A列「日付」');
    const list = wb.snapshot('読めなかった行');
    expect(list[1]).toEqual(['シート', '行', '列', '見出し', '値', '理由', '対処', '扱い']);
    expect(list[2]!.slice(0, 5)).toEqual(['行動 (kimeru)', 3, 'A', '日付', '2026/02/30']);
    expect(list[2]![7]).toBe('除外');

    // Fixed by hand: the next run rewrites the list, which now says every row was read.
    log.pop();
    const fixed = await ok(api.runGapCheck('2026/11/29'));
    expect(fixed.unread.skipped).toBe(0);
    expect(wb.snapshot('読めなかった行')[1]).toEqual(['読めなかった行はありません。']);
  });

  it('asks each rep for answers without touching given ones, then shows known-but-not-done', async () => {
    await ok(api.runReview('2026/11/29'));
    const answers = wb.snapshot('振り返り回答');
    expect(answers.length).toBeGreaterThan(1);
    const row = answers.findIndex((r) => r[0] === '高橋' && r[1] === 'キーマンとの接触');
    wb.sheets.get('振り返り回答')![row]![2] = '○';
    const r = await ok(api.runReview('2026/11/29'));
    expect(r.headline).toContain('高橋: キーマンとの接触');
    expect(wb.snapshot('振り返り回答')[row]![2]).toBe('○');
    expect(wb.snapshot('振り返り回答')).toHaveLength(answers.length);
  });

  it('writes the manual of the current version', async () => {
    const r = await ok(api.writeManual());
    expect(r.message).toBe('営業マニュアル（第1版）を作成しました');
    expect(wb.snapshot('マニュアル').flat().join('')).toContain('キーマンとの接触');
  });
});

describe('versions', () => {
  it('saves a new version with a note, keeps the old one, and refuses stale or unchanged saves', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    expect(state.version).toBe(1);
    const def = structuredClone(state.definition);
    const item = def.items.find((i) => i.metric === 'key_person_contact_days')!;
    item.thresholds['A'] = 45;
    const preview = await ok(api.previewDefinition(def));
    expect(preview.diff.join('\n')).toContain('45');
    const saved = await ok(
      api.saveDefinition({
        definition: def,
        note: 'Aランクのキーマン接触を45日に',
        author: '部長',
        baseVersion: 1,
      }),
    );
    expect(saved.version).toBe(2);
    const after = await ok(api.getDefinition());
    expect(after.version).toBe(2);
    expect(after.history.map((h) => [h.version, h.note])).toEqual([
      [1, 'スターター定義（3つの切り口）'],
      [2, 'Aランクのキーマン接触を45日に'],
    ]);
    const stale = await api.saveDefinition({ definition: def, note: 'x', author: '部長', baseVersion: 1 });
    expect(stale.ok).toBe(false);
    const same = await api.saveDefinition({ definition: def, note: 'x', author: '部長', baseVersion: 2 });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.message).toContain('変わっていない');
  });
});

describe('batched host I/O', () => {
  async function callsFor(customers: number) {
    const wb = new MemoryWorkbook(sizedWorkbook(customers));
    const api = createApi(wb, clock, 'ja');
    const counts: Record<string, string> = {};
    const measure = async (name: string, run: () => Promise<unknown>) => {
      const before = { ...wb.calls };
      await run();
      counts[name] = JSON.stringify(
        Object.fromEntries(
          Object.entries(wb.calls).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
        ),
      );
    };
    await measure('setup', () => ok(api.setup({})));
    await measure('log', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
    await measure('rank', () => ok(api.runRanking('2026/11/29')));
    await measure('gaps', () => ok(api.runGapCheck('2026/11/29')));
    await measure('review', () => ok(api.runReview('2026/11/29')));
    return counts;
  }

  it('makes the same number of reads and writes for 10 and for 10,000 customers', async () => {
    expect(await callsFor(10)).toEqual(await callsFor(10_000));
  });
});

describe('a workbook that already has its own contact list and activity log', () => {
  it('finds the customer list among them and logs into the team’s log by customer name', async () => {
    const { sampleWorkbook } = await import('../../../shared/sample');
    const sample = sampleWorkbook();
    // Tab order as a team might have it: the log first, the biggest table of all.
    const wb = new MemoryWorkbook({
      行動: sample.activities,
      連絡先: sample.contacts,
      顧客: sample.customers,
    });
    const api = createApi(wb, clock, 'ja');
    const report = await ok(api.setup({}));
    expect(report.sheets).toMatchObject({ customers: '顧客', contacts: '連絡先', activities: '行動' });
    const before = wb.snapshot('行動');
    const state = await ok(api.getState());
    const customer = state.customers[0]!;
    const logged = await ok(
      api.logActivity(activity({ customerId: customer.id, rep: customer.rep, key: 'sample-1' })),
    );
    expect(logged.ok).toBe(true);
    const after = wb.snapshot('行動');
    expect(after.slice(0, before.length)).toEqual(before);
    const header = after[0]!;
    const row = after[before.length]!;
    expect(row[header.indexOf('顧客名')]).toBe(customer.name);
  });
});

describe('found in review: never rewrite a sheet that is not kimeru’s', () => {
  it('refuses to rebuild an output that the settings point at a user sheet', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const settings = wb.sheets.get('kimeru設定')!;
    const row = settings.findIndex((r) => r[2] === 'sheet:gaps');
    settings[row]![1] = 'メモ';
    const before = wb.snapshot('メモ');
    wb.created.add('メモ'); // even a host that would let it through is not asked to
    const r = await api.runGapCheck('2026/11/29');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toContain('「メモ」シートは kimeru が作成したシートではないため、書き換えません');
    expect(wb.snapshot('メモ')).toEqual(before);
  });

  it('adds an output sheet again when the user deleted it', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    wb.sheets.delete('ランク');
    await ok(api.runRanking('2026/11/29'));
    expect(wb.snapshot('ランク')[1]![0]).toBe('顧客ID');
  });

  it('treats sheet names as the hosts do, without regard to case', async () => {
    const wb = new MemoryWorkbook({ ...teamWorkbook(), contacts: [['memo'], ['not a contact list']] });
    const report = await ok(createApi(wb, clock, 'en').setup({}));
    expect(report.sheets.contacts).toBe('Contacts (kimeru)');
    expect(wb.snapshot('contacts')).toEqual([['memo'], ['not a contact list']]);
  });

  it('sets up over a team log of 150,000 rows', async () => {
    const { sampleWorkbook } = await import('../../../shared/sample');
    const sample = sampleWorkbook();
    const big = [sample.activities[0]!];
    for (let i = 0; big.length <= 150_000; i++)
      big.push(sample.activities[1 + (i % (sample.activities.length - 1))]!);
    const wb = new MemoryWorkbook({ 顧客: sample.customers, 連絡先: sample.contacts, 行動: big });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.activities).toBe('行動');
  });
});

describe('found in review: a save never replaces a newer edit', () => {
  async function editor() {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    const def = structuredClone(state.definition);
    def.items[0]!.standard = '業種と従業員数を必ず入力する（四半期ごとに見直す）。';
    return { wb, api, state, def };
  }

  it('refuses when the definition sheet was edited by hand after the editor loaded it', async () => {
    const { wb, api, state, def } = await editor();
    const sheet = wb.sheets.get('定義')!;
    const r = sheet.findIndex((row) => row.includes('RE2'));
    const c = sheet[r]!.indexOf('RE2');
    sheet[r]![c + 2] = '手で書き換えた基準';
    const before = wb.snapshot('定義');
    const save = await api.saveDefinition({
      definition: def,
      note: '属性の見直し',
      author: '部長',
      baseVersion: state.version,
      baseFingerprint: state.fingerprint,
    });
    expect(save.ok).toBe(false);
    expect(wb.snapshot('定義')).toEqual(before);
    expect(wb.snapshot('定義履歴')).toHaveLength(2);
  });

  it('lets only one of two simultaneous saves of the same version land', async () => {
    const { wb, api, state, def } = await editor();
    const other = structuredClone(def);
    other.items[0]!.standard = '別の管理者の案';
    const [a, b] = await Promise.all([
      api.saveDefinition({
        definition: def,
        note: 'A案',
        author: 'A',
        baseVersion: state.version,
        baseFingerprint: state.fingerprint,
      }),
      api.saveDefinition({
        definition: other,
        note: 'B案',
        author: 'B',
        baseVersion: state.version,
        baseFingerprint: state.fingerprint,
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const history = wb.snapshot('定義履歴');
    expect(history).toHaveLength(3);
    const winner = a.ok ? 'A案' : 'B案';
    expect(history[2]![3]).toBe(winner);
    const after = await ok(api.getDefinition());
    expect(after.definition.items[0]!.standard).toBe(a.ok ? def.items[0]!.standard : '別の管理者の案');
  });
});

describe('found in review: a save interrupted by the host', () => {
  it('says what happened, and saving again finishes it', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    const def = structuredClone(state.definition);
    def.items[0]!.standard = '業種と従業員数を必ず入力する。';
    const req = {
      definition: def,
      note: '基準の言い回し',
      author: '部長',
      baseVersion: state.version,
      baseFingerprint: state.fingerprint,
    };
    wb.failNextWrite = new Error('Service error: Spreadsheets');
    const first = await api.saveDefinition(req);
    expect(first.ok).toBe(false);
    if (!first.ok)
      expect(first.message).toContain('第2版は履歴に保存しましたが、定義シートの書き換えに失敗しました');
    const again = await ok(api.saveDefinition(req));
    expect(again.version).toBe(2);
    const after = await ok(api.getDefinition());
    expect(after.version).toBe(2);
    expect(after.definition.items[0]!.standard).toBe('業種と従業員数を必ず入力する。');
    expect(after.history).toHaveLength(2);
  });
});

describe('found in review: two reviews at once', () => {
  it('add each rep’s blank answer rows once', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await Promise.all([ok(api.runReview('2026/11/29')), ok(api.runReview('2026/11/29'))]);
    const answers = wb.snapshot('振り返り回答').slice(1);
    const keys = answers.map((r) => `${String(r[0])}|${String(r[1])}`);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
