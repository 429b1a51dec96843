import { activity, sizedWorkbook, teamWorkbook } from '../unit/commands/workbook-fixture';
import { buildProject, loadScript, type Built, type Script } from './appsscript-harness';

/**
 * kimeru in Google Sheets, end to end: the built Code.js loaded as Apps Script loads it, driven
 * through its top-level functions (the menu, google.script.run's kimeruCall, custom functions)
 * against the in-memory Google services.
 */

type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

let built: Built;
beforeAll(async () => {
  built = await buildProject();
});

function kimeru(s: Script, method: string, ...args: unknown[]): Envelope {
  const r = s.call('kimeruCall', method, args) as Envelope;
  // google.script.run needs the answer itself, not a promise of it.
  expect(typeof (r as unknown as { then?: unknown }).then).toBe('undefined');
  return r;
}

function ok(r: Envelope): Record<string, unknown> {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Every user sheet's cells, dates and formulas described, for before/after comparison. */
function userSheets(s: Script, names: string[]): Record<string, unknown[][]> {
  return Object.fromEntries(names.map((n) => [n, s.gas.book.sheet(n).snapshot()]));
}

/** The team's workbook set up, with contacts and one hand-typed activity, as in commands.test.ts. */
function setUpTeam(): Script {
  const s = loadScript(built, { sheets: teamWorkbook() });
  ok(kimeru(s, 'setup', {}));
  s.gas.book.sheet('連絡先').typeRows([
    ['', 'C002', '山本 健', '', '専務', 'キーマン'],
    ['', 'C002', '伊藤 誠', '', '', '担当者'],
  ]);
  s.gas.book
    .sheet('行動 (kimeru)')
    .typeRows([
      ['2026/11/10', 'C002', '', '伊藤さん', '', '来社', '', '定例', '', '', '高橋', '2026/11/10', ''],
    ]);
  return s;
}

describe('the kimeru menu', () => {
  it('is added in Japanese without touching the spreadsheet, as onOpen must in AuthMode.NONE', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    s.gas.setAuthMode('NONE');
    s.call('onOpen', { authMode: 'NONE' });
    expect(s.gas.ui.menus).toEqual([
      {
        title: null,
        addon: true,
        items: [
          { caption: 'セットアップ', functionName: 'menuSetup' },
          'separator',
          { caption: '次にやること', functionName: 'menuActions' },
          { caption: '行動を記録', functionName: 'menuLog' },
          { caption: '定義を編集', functionName: 'menuDefinition' },
          'separator',
          { caption: 'ランク更新', functionName: 'menuRank' },
          { caption: 'ギャップチェック', functionName: 'menuGaps' },
          { caption: '半期振り返り', functionName: 'menuReview' },
          { caption: 'マニュアル作成', functionName: 'menuManual' },
        ],
      },
    ]);
    expect(s.gas.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(s.gas.calls.reads).toBe(0);
  });

  it('is in English for an English-speaking user, also when installed', () => {
    const s = loadScript(built, { userLocale: 'en_US' });
    s.call('onInstall', { authMode: 'FULL' });
    const items = s.gas.ui.menus[0]!.items.filter((i) => i !== 'separator').map((i) => i.caption);
    expect(items).toEqual([
      'Set up',
      'Next actions',
      'Log activity',
      'Edit definition',
      'Update ranks',
      'Gap check',
      'Half-year review',
      'Write manual',
    ]);
  });

  it('opens the sidebar on the tab of the item chosen', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    s.call('menuSetup');
    s.call('menuActions');
    s.call('menuLog');
    s.call('menuDefinition');
    // As served: Apps Script drops <meta> tags written in the HTML, so the tab is on the root.
    const tabs = s.gas.ui.sidebars.map((b) => /<div id="kimeru" data-tab="(\w+)"/.exec(b.content)?.[1]);
    expect(tabs).toEqual(['setup', 'actions', 'log', 'definition']);
    expect(s.gas.ui.sidebars[0]!.metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
    expect(s.gas.ui.sidebars[0]!.title).toBe('kimeru');
    expect(s.gas.ui.sidebars[0]!.content).not.toContain('__KIMERU_INITIAL_TAB__');
  });
});

describe('setup in an existing, messy workbook', () => {
  it('adds kimeru’s sheets, leaves the team’s 行動 sheet alone and says so, and changes no user cell', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    const users = Object.keys(teamWorkbook());
    const before = userSheets(s, users);
    const report = ok(kimeru(s, 'setup', {}));
    expect(report['customerCount']).toBe(4);
    expect((report['text'] as string[]).join('\n')).toContain(
      '「行動」シートは kimeru のものではないため、そのままにしました',
    );
    expect(s.gas.book.sheets.map((x) => x.sheetName)).toEqual(
      expect.arrayContaining(['行動 (kimeru)', '連絡先', '定義', '定義履歴', 'ダッシュボード', 'kimeru設定']),
    );
    expect(userSheets(s, users)).toEqual(before);
    // The dashboard as Sheets draws it: embedded charts, custom-formula traffic lights, and
    // kimeru's functions under their Sheets names; working sheets hidden.
    const dashboard = s.gas.book.sheet('ダッシュボード');
    expect(dashboard.charts.map((c) => c.type)).toEqual(['BAR', 'COLUMN', 'PIE', 'COLUMN', 'LINE']);
    expect(dashboard.charts.every((c) => c.numHeaders === 1 && c.ranges.length >= 2)).toBe(true);
    expect(dashboard.conditionalFormatRules).toHaveLength(6);
    expect(String((dashboard.get(5, 1) as { formula?: string } | undefined)?.formula)).toMatch(
      /^=KIMERU_GAPCHECK\(KIMERU_CUSTOMERS, /,
    );
    expect(s.gas.book.sheet('定義履歴').hidden).toBe(true);

    // Headers are frozen and carry a warning-only protection; dashboards get names.
    const log = s.gas.book.sheet('行動 (kimeru)');
    expect(log.frozenRows).toBe(1);
    expect(log.protections.map((p) => [p.warningOnly, p.range.row, p.range.rows])).toEqual([[true, 1, 1]]);
    expect(s.gas.book.namedRanges.get('KIMERU_ACTIVITIES')?.reference).toMatch(/^行動 \(kimeru\)!A:[A-Z]+$/);
    expect(s.gas.book.namedRanges.get('KIMERU_ASOF')?.reference).toBe('kimeru設定!B3');
    expect(s.gas.book.sheet('kimeru設定').snapshot()[2]![1]).toEqual({ date: '2026-11-29 00:00:00' });
  });

  it('changes nothing, and writes nothing, when run again', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    ok(kimeru(s, 'setup', {}));
    const all = s.gas.book.sheets.map((x) => x.sheetName);
    const before = userSheets(s, all);
    const writes = s.gas.calls.writes;
    const again = ok(kimeru(s, 'setup', {}));
    expect(again['changed']).toBe(false);
    expect(s.gas.calls.writes).toBe(writes);
    expect(userSheets(s, all)).toEqual(before);
    expect(s.gas.book.sheets.map((x) => x.sheetName)).toEqual(all);
  });
});

describe('logging from the sidebar through google.script.run', () => {
  it('appends one row, and a retry of the same submit appends nothing', () => {
    const s = setUpTeam();
    const users = Object.keys(teamWorkbook());
    const before = userSheets(s, users);
    const state = ok(kimeru(s, 'getState'));
    const ito = (state['contacts'] as { id: string; name: string }[]).find((c) => c.name === '伊藤 誠')!;
    const first = ok(
      kimeru(s, 'logActivity', activity({ contactIds: [ito.id], content: '=IMPORTXML("x")' })),
    );
    expect(first).toMatchObject({ ok: true, row: 3, duplicate: false });
    const retry = ok(
      kimeru(s, 'logActivity', activity({ contactIds: [ito.id], content: '=IMPORTXML("x")' })),
    );
    expect(retry).toMatchObject({
      ok: true,
      duplicate: true,
      message: 'この記録は登録済みです（二重送信を防ぎました）',
    });

    const log = s.gas.book.sheet('行動 (kimeru)').snapshot();
    expect(log).toHaveLength(3);
    expect(log[2]!.slice(0, 6)).toEqual([
      { date: '2026-11-28 00:00:00' },
      'C002',
      '(株)鈴木商事',
      '伊藤 誠',
      '',
      '訪問',
    ]);
    expect(log[2]).toContain('=IMPORTXML("x")'); // text, not a formula
    // Recorded at 10:30 Tokyo time, the spreadsheet's zone, whatever zone the script runs in.
    expect(log[2]).toContainEqual({ date: '2026-11-29 10:30:00' });

    // Each append held the lock around its write and flushed before releasing it.
    const order = s.gas.calls.order.filter((c) =>
      [
        'DocumentLock.tryLock',
        'Range.setValues',
        'SpreadsheetApp.flush',
        'DocumentLock.releaseLock',
      ].includes(c),
    );
    expect(order.slice(-7)).toEqual([
      'DocumentLock.tryLock',
      'Range.setValues',
      'SpreadsheetApp.flush',
      'DocumentLock.releaseLock',
      'DocumentLock.tryLock', // the retry: nothing to write
      'SpreadsheetApp.flush',
      'DocumentLock.releaseLock',
    ]);
    expect(userSheets(s, users)).toEqual(before);
  });

  it('says clearly that someone else is saving when the lock cannot be had, and writes nothing', () => {
    const s = setUpTeam();
    const before = s.gas.book.sheet('行動 (kimeru)').snapshot();
    s.gas.lock.busy = true;
    const r = kimeru(s, 'logActivity', activity());
    expect(r).toEqual({ ok: false, message: '他の人が記録中です。少し待ってからもう一度送信してください' });
    expect(s.gas.book.sheet('行動 (kimeru)').snapshot()).toEqual(before);
    s.gas.lock.busy = false;
    expect(ok(kimeru(s, 'logActivity', activity()))).toMatchObject({ ok: true, duplicate: false });
  });

  it('answers in English for an English-speaking user', () => {
    const s = loadScript(built, { sheets: teamWorkbook(), userLocale: 'en' });
    ok(kimeru(s, 'setup', {}));
    s.gas.lock.busy = true;
    const r = kimeru(s, 'logActivity', activity());
    expect(r).toEqual({
      ok: false,
      message: 'Someone else is saving a record right now. Wait a moment and submit again.',
    });
  });

  it('only lets the sidebar call kimeru’s own operations', () => {
    const s = setUpTeam();
    expect(kimeru(s, 'constructor')).toEqual({
      ok: false,
      message: '「constructor」は kimeru の操作ではありません',
    });
    expect(s.call('kimeruCall', 'toString', [])).toMatchObject({ ok: false });
    expect(s.call('kimeruCall', 'logActivity', 'not an array')).toMatchObject({ ok: false });
  });
});

describe('reports from the menu', () => {
  it('ranks, checks gaps, reviews and writes the manual, showing each result in the user’s language', () => {
    const s = setUpTeam();
    const users = Object.keys(teamWorkbook());
    const before = userSheets(s, users);

    s.call('menuRank');
    s.call('menuGaps');
    s.call('menuReview');
    s.call('menuManual');
    const alerts = s.gas.ui.alerts;
    expect(alerts.map((a) => a.title)).toEqual([
      'kimeru: ランク更新',
      'kimeru: ギャップチェック',
      'kimeru: 半期振り返り',
      'kimeru: マニュアル作成',
    ]);
    expect(alerts[0]!.prompt).toContain('4社をランク分けしました');
    expect(alerts[1]!.prompt).toMatch(/キーマンとの接触: \d+社/);
    expect(alerts[3]!.prompt).toBe('営業マニュアル（第1版）を作成しました');

    // The column's cautionary case: only the person in charge was ever met at 鈴木商事.
    const gaps = s.gas.book.sheet('ギャップ').snapshot();
    const suzuki = gaps.find((row) => row[0] === 'C002' && row[3] === 'キーマンとの接触');
    expect(String(suzuki?.[5])).toContain('担当者のみ接触');
    expect(s.gas.book.sheet('ランク').snapshot()[1]!.slice(0, 3)).toEqual(['顧客ID', '顧客名', 'ランク']);
    expect(s.gas.book.sheet('マニュアル').snapshot().flat().join('')).toContain('キーマンとの接触');

    expect(userSheets(s, users)).toEqual(before);
  });

  it('shows why a report could not run instead of failing silently', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    s.call('menuRank');
    expect(s.gas.ui.alerts).toEqual([
      {
        title: 'kimeru: ランク更新（できませんでした）',
        prompt: 'kimeru のセットアップがまだです。メニューの「セットアップ」を実行してください',
      },
    ]);
  });
});

describe('custom functions as Sheets calls them', () => {
  function ranges(s: Script) {
    const grid = (name: string) => s.gas.book.sheet(name).getDataRange().getValues();
    return {
      customers: grid('得意先リスト'),
      contacts: grid('連絡先'),
      activities: grid('行動 (kimeru)'),
      definition: grid('定義'),
    };
  }

  it('KIMERU_RANK returns one rank per customer row, aligned with the table and agreeing with ランク更新', () => {
    const s = setUpTeam();
    const { customers, definition } = ranges(s);
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const result = s.call('KIMERU_RANK', customers, definition) as unknown[][];
    s.gas.setAuthMode('FULL');
    expect(result).toHaveLength(customers.length);
    expect(result.every((r) => Array.isArray(r) && r.length === 1)).toBe(true);
    expect(result[2]).toEqual(['ランク']); // beside the header row, under the title rows

    s.call('menuRank');
    const ranked = new Map(
      s.gas.book
        .sheet('ランク')
        .snapshot()
        .map((r) => [r[0], r[2]]),
    );
    const byRow = customers.slice(3).map((r, i) => [r[0], result[i + 3]![0]]);
    expect(byRow).toEqual(customers.slice(3).map((r) => [r[0], r[0] === '' ? '' : ranked.get(r[0])]));
    expect(byRow.filter(([id]) => id !== '')).toHaveLength(4);
  });

  it('KIMERU_GAPCHECK and KIMERU_LASTCONTACT take the as-of cell as a Date and single cells as scalars', () => {
    const s = setUpTeam();
    const { customers, contacts, activities, definition } = ranges(s);
    // =KIMERU_LASTCONTACT(…, kimeru設定!B3): Sheets passes the date cell as a Date object (midnight
    // in the spreadsheet's zone, Tokyo, while this script runs in the machine's zone).
    const asOf = s.gas.book.sheet('kimeru設定').getRange('B3').getValues()[0]![0];
    expect(Object.prototype.toString.call(asOf)).toBe('[object Date]');
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const last = s.call('KIMERU_LASTCONTACT', customers, contacts, activities, asOf) as unknown[][];
    const suzuki = customers.findIndex((r) => r[0] === 'C002');
    expect(last[suzuki]).toEqual(['2026/11/10', 19]);

    const gaps = s.call(
      'KIMERU_GAPCHECK',
      customers,
      contacts,
      activities,
      definition,
      asOf,
      'gaps',
      'en',
    ) as unknown[][];
    expect(gaps[0]).toContain('Customer ID');
    expect(gaps.some((r) => r.includes('C002'))).toBe(true);
    const width = gaps[0]!.length;
    expect(gaps.every((r) => r.length === width)).toBe(true);
    const byText = s.call(
      'KIMERU_GAPCHECK',
      customers,
      contacts,
      activities,
      definition,
      '2026/11/29',
      'gaps',
      'en',
    );
    expect(byText).toEqual(gaps);
  });

  it('throws an error naming the argument when the input is wrong (Sheets shows #ERROR!)', () => {
    const s = setUpTeam();
    const { customers, contacts, activities, definition } = ranges(s);
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const thrown = (run: () => unknown): { isError: boolean; message: string } => {
      try {
        run();
      } catch (e) {
        return {
          isError: Object.prototype.toString.call(e) === '[object Error]',
          message: (e as Error).message,
        };
      }
      throw new Error('expected the function to throw');
    };
    const badDate = thrown(() =>
      s.call('KIMERU_GAPCHECK', customers, contacts, activities, definition, '2026/13/45'),
    );
    expect(badDate.isError).toBe(true);
    expect(badDate.message).toContain('as_of');
    const badMode = thrown(() =>
      s.call('KIMERU_GAPCHECK', customers, contacts, activities, definition, '2026/11/29', 'everything'),
    );
    expect(badMode.message).toContain('everything');
    const missing = thrown(() => s.call('KIMERU_RANK'));
    expect(missing.message).toContain('customers');
  });
});

describe('batched host I/O', () => {
  function countsFor(customers: number): Record<string, { reads: number; writes: number }> {
    const s = loadScript(built, { sheets: sizedWorkbook(customers) });
    const out: Record<string, { reads: number; writes: number }> = {};
    const measure = (name: string, run: () => unknown) => {
      const reads = s.gas.calls.reads;
      const writes = s.gas.calls.writes;
      const r = run() as Envelope | undefined;
      if (r && 'ok' in r && !r.ok) throw new Error(`${name}: ${r.message}`);
      out[name] = { reads: s.gas.calls.reads - reads, writes: s.gas.calls.writes - writes };
    };
    measure('setup', () => kimeru(s, 'setup', {}));
    measure('state', () => kimeru(s, 'getState'));
    measure('log', () => kimeru(s, 'logActivity', activity({ customerId: 'C1', rep: '佐藤' })));
    measure('rank', () => kimeru(s, 'runRanking', '2026/11/29'));
    measure('gaps', () => kimeru(s, 'runGapCheck', '2026/11/29'));
    measure('review', () => kimeru(s, 'runReview', '2026/11/29'));
    measure('manual', () => kimeru(s, 'writeManual'));
    measure('menuRank', () => s.call('menuRank'));
    expect(s.gas.ui.alerts.map((a) => a.title)).toEqual(['kimeru: ランク更新']);
    return out;
  }

  it('makes the same number of reads and writes for 10 and for 10,000 customers', () => {
    const small = countsFor(10);
    expect(countsFor(10_000)).toEqual(small);
    for (const { reads, writes } of Object.values(small)) {
      expect(reads).toBeLessThanOrEqual(20);
      expect(writes).toBeLessThanOrEqual(20);
    }
  });
});
