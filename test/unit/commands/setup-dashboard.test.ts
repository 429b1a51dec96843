import { createApi } from '../../../shared/commands';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok, teamWorkbook } from './workbook-fixture';

/*
 * Setup that leads: it adds what the user needs to see (definition, dashboard, a log only when
 * none was adopted), keeps kimeru's working sheets hidden, leaves report sheets for the command
 * that first writes one, and ends with the next steps. Its dashboard is built from kimeru's own
 * functions over the names it defines, with a chart per section and traffic lights.
 */

describe('setup’s dashboard', () => {
  it('adds one dashboard of kimeru formulas with five charts and two traffic lights, after the definition', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.dashboard).toBe('ダッシュボード');
    // Visible sheets in tab order: the user's, the definition, the dashboard, then settings.
    const visible = [...wb.sheets.keys()].filter((s) => !wb.hidden.has(s));
    expect(visible.slice(visible.indexOf('定義'))).toEqual([
      '定義',
      '振り返り',
      'ダッシュボード',
      'kimeru設定',
    ]);
    const formulas = wb
      .snapshot('ダッシュボード')
      .flat()
      .filter((c): c is string => typeof c === 'string' && c.startsWith('=KIMERU.'));
    expect(formulas).toHaveLength(5);
    for (const f of formulas)
      expect(f).toMatch(
        /^=KIMERU\.(GAPCHECK|DASHBOARD)\(KIMERU_CUSTOMERS, KIMERU_CONTACTS, KIMERU_ACTIVITIES, KIMERU_DEFINITION, KIMERU_ASOF, "(items|reps|ranks|keyperson|weekly)", "ja"\)$/,
      );
    // Every name the formulas use is defined by the same setup.
    for (const name of [
      'KIMERU_CUSTOMERS',
      'KIMERU_CONTACTS',
      'KIMERU_ACTIVITIES',
      'KIMERU_DEFINITION',
      'KIMERU_ASOF',
    ])
      expect(wb.names.has(name)).toBe(true);
    const charts = wb.charts.get('ダッシュボード')!;
    expect(charts.map((c) => c.type)).toEqual(['bar', 'column', 'pie', 'column', 'line']);
    // Each chart reads the block under its own formula, and sits beside it.
    const grid = wb.snapshot('ダッシュボード');
    for (const c of charts) {
      expect(String(grid[c.headerRow - 1]?.[0])).toMatch(/^=KIMERU\./);
      expect(c.anchor.row).toBe(c.headerRow - 1);
    }
    expect(wb.lights.get('ダッシュボード')).toHaveLength(2);
    expect(report.text).toContain('「ダッシュボード」シートを追加しました');
  });

  it('is not added twice: running setup again changes nothing', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const sheets = [...wb.sheets.keys()];
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect([...wb.sheets.keys()]).toEqual(sheets);
    expect(wb.charts.get('ダッシュボード')).toHaveLength(5);
  });

  it('takes another name when the user has a sheet called ダッシュボード, and leaves it alone', async () => {
    const mine = [['私のダッシュボード'], ['売上', 100]];
    const wb = new MemoryWorkbook({ ...teamWorkbook(), ダッシュボード: mine });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.dashboard).toBe('ダッシュボード (kimeru)');
    expect(wb.snapshot('ダッシュボード')).toEqual(mine);
    expect(wb.charts.has('ダッシュボード')).toBe(false);
    expect(wb.charts.get('ダッシュボード (kimeru)')).toHaveLength(5);
  });

  it('leaves the workbook as it was when the host fails the write', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    wb.failNextWrite = new Error('Service error: Spreadsheets');
    const r = await createApi(wb, clock, 'ja').setup({});
    expect(r.ok).toBe(false);
    expect([...wb.sheets.keys()]).toEqual(Object.keys(teamWorkbook()));
    expect(wb.charts.size).toBe(0);
    expect(wb.names.size).toBe(0);
  });
});

describe('setup that leads', () => {
  it('hides its working sheets, adds report sheets only when written, and ends with the next steps', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'en');
    const report = await ok(api.setup({}));
    expect([...wb.hidden].sort()).toEqual(['Definition history', 'Review answers']);
    expect(wb.sheets.has('Ranking')).toBe(false);
    expect(report.nextSteps).toEqual([
      'Check the columns kimeru read (you can choose another column)',
      'Check the "Definition" sheet and save it as version 1',
      `Log the first activity ("${report.sheets.activities}" sheet)`,
      'Open the "Dashboard" sheet',
    ]);
    // The first ranking adds its sheet under the name setup reserved.
    await ok(api.runRanking('2026-11-29'));
    expect(wb.sheets.has(report.sheets.ranking)).toBe(true);
  });
});
