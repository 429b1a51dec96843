import { createApi, type KimeruApi } from '../../../shared/commands';
import { formulaCell } from '../../../shared/port';
import { openWorkbookFile, type OpenedWorkbook } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { cellsOf, clock, excel, fixture, insertedElements, partText, partsOf } from './helpers';

/*
 * The promise of the .xlsx writer: a workbook made by a real spreadsheet program (LibreOffice
 * Calc, see test/fixtures/xlsx/make-fixtures.py) is opened, set up, logged, ranked, gap-checked
 * and saved, and everything the user had is still there — every part byte for byte, except the
 * four kimeru must add entries to, which hold their original text plus whole new elements only.
 */

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** The parts kimeru adds entries to; every other original part must keep its bytes. */
const EDITED = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

describe('a LibreOffice workbook with a chart, a pivot table, comments, validation and an image', () => {
  const original = fixture('team-libreoffice.xlsx');
  let opened: OpenedWorkbook;
  let api: KimeruApi;
  let saved: Uint8Array;

  beforeAll(async () => {
    opened = openWorkbookFile(original, 'team-libreoffice.xlsx', 'ja');
    api = createApi(opened.workbook, clock, 'ja');
    const report = await ok(api.setup({}));
    expect(report.sheets.customers).toBe('得意先リスト');
    const logged = await ok(
      api.logActivity({
        date: '2026-11-28',
        customerId: 'C002',
        contactIds: [],
        type: 'visit',
        purpose: '定例訪問',
        content: '=在庫の確認 +81 へ連絡',
        nextAction: '見積提出',
        nextDue: '2026-12-04',
        rep: '高橋',
        key: 'round-trip-1',
      }),
    );
    expect(logged).toMatchObject({ ok: true, row: 2 });
    await ok(api.runRanking('2026-11-29'));
    await ok(api.runGapCheck('2026-11-29'));
    // A dashboard formula kimeru writes, so the saved file carries its computed value.
    await opened.workbook.write([
      {
        kind: 'addSheet',
        sheet: 'ランク表示',
        rows: [['ランク'], [formulaCell('=KIMERU.RANK(KIMERU_CUSTOMERS, KIMERU_DEFINITION)')]],
      },
    ]);
    saved = saveXlsx(opened.workbook, opened.source, 'ja');
  });

  it('keeps every original part byte for byte, the chart, pivot table, drawings and comments included', () => {
    const before = partsOf(original);
    const after = partsOf(saved);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    const kept = [...before.keys()].filter((k) => !EDITED.includes(k));
    expect(kept).toEqual(
      expect.arrayContaining([
        'xl/charts/chart1.xml',
        'xl/pivotTables/pivotTable1.xml',
        'xl/pivotCache/pivotCacheDefinition1.xml',
        'xl/media/image1.png',
        'xl/comments2.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    for (const name of kept)
      expect({ name, same: Buffer.compare(before.get(name)!, after.get(name)!) === 0 }).toEqual({
        name,
        same: true,
      });
  });

  it('only inserts whole entries into workbook.xml, its relationships, [Content_Types].xml and styles.xml', () => {
    const inserted = (name: string) => insertedElements(partText(original, name), partText(saved, name));

    const sheets = inserted('xl/workbook.xml');
    // Setup's sheets, and ランク履歴 made by the first ranking run.
    expect(sheets.filter((e) => e.startsWith('<sheet '))).toHaveLength(12);
    expect(sheets.some((e) => e.includes('name="行動 (kimeru)"'))).toBe(true);
    expect(sheets.some((e) => e.includes('name="ランク履歴"'))).toBe(true);
    // The user's own name survives; kimeru's are added beside it.
    expect(partText(saved, 'xl/workbook.xml')).toContain('name="重点顧客"');
    // Header row 3 to the last customer (row 14), growing as customers are typed in 会社名 (B).
    expect(partText(saved, 'xl/workbook.xml')).toContain(
      `<definedName name="KIMERU_CUSTOMERS">'得意先リスト'!$A$3:INDEX('得意先リスト'!$H:$H,MAX(14,IFERROR(LOOKUP(2,1/('得意先リスト'!$B:$B&lt;&gt;&quot;&quot;),ROW('得意先リスト'!$B:$B)),0)))</definedName>`,
    );

    const rels = inserted('xl/_rels/workbook.xml.rels');
    expect(rels).toHaveLength(12);
    for (const r of rels)
      expect(r).toMatch(
        /^<Relationship Id="rId\d+" Type="[^"]+\/worksheet" Target="worksheets\/sheet\d+\.xml"\/>$/,
      );

    // The new sheets, and the dashboard's drawing with its five charts (new parts).
    const types = inserted('[Content_Types].xml');
    expect(types).toHaveLength(12 + 1 + 5);
    for (const o of types)
      expect(o).toMatch(
        /^<Override PartName="\/xl\/(worksheets\/sheet\d+|drawings\/drawing\d+|charts\/chart\d+)\.xml" ContentType="[^"]+(worksheet|drawing|chart)\+xml"\/>$/,
      );

    // styles.xml: only date styles appended to cellXfs, its count bumped by as many.
    const beforeStyles = partText(original, 'xl/styles.xml');
    const afterStyles = partText(saved, 'xl/styles.xml');
    const count = (xml: string) => Number(/<cellXfs count="(\d+)"/.exec(xml)?.[1]);
    // …and the traffic lights' three fills appended to dxfs (the list opened if it was empty).
    const dxfCount = (xml: string) => Number(/<dxfs count="(\d+)"/.exec(xml)?.[1] ?? 0);
    const normal = (xml: string) =>
      xml
        .replace(/<cellXfs count="\d+"/, `<cellXfs count="${count(beforeStyles)}"`)
        .replace(/<dxfs count="\d+"/, '<dxfs count="0"')
        .replace(/<dxfs count="0"\/>/, '<dxfs count="0"></dxfs>');
    const added = insertedElements(normal(beforeStyles), normal(afterStyles));
    const xfs = added.filter((e) => e.startsWith('<xf '));
    const dxfs = added.filter((e) => e.startsWith('<dxf>'));
    expect(xfs.length).toBeGreaterThan(0);
    expect(xfs.length + dxfs.length).toBe(added.length);
    for (const xf of xfs) expect(xf).toMatch(/^<xf numFmtId="(14|22)" /);
    expect(count(afterStyles)).toBe(count(beforeStyles) + xfs.length);
    expect(dxfs).toHaveLength(3);
    expect(dxfCount(afterStyles)).toBe(dxfCount(beforeStyles) + 3);
  });

  it('reads back (with ExcelJS) every original sheet and cell exactly as before', async () => {
    const before = await excel(original);
    const after = await excel(saved);
    const names = before.worksheets.map((w) => w.name);
    expect(after.worksheets.map((w) => w.name).slice(0, names.length)).toEqual(names);
    for (const ws of before.worksheets) {
      const again = after.getWorksheet(ws.name)!;
      expect(again.state).toBe(ws.state);
      expect(cellsOf(again)).toEqual(cellsOf(ws));
      expect(again.model.merges).toEqual(ws.model.merges);
    }
    // Spot checks of what makes this workbook messy, as the user sees it.
    const memo = after.getWorksheet('メモ')!;
    expect(memo.getCell('A2').value).toMatchObject({
      richText: expect.arrayContaining([expect.objectContaining({ text: 'を増やす' })]),
    });
    expect(memo.getCell('B4').dataValidation).toMatchObject({ type: 'list' });
    expect(after.getWorksheet('集計')!.getCell('B8').value).toEqual({
      formula: 'COUNTA(得意先リスト!$A$4:$A$20)',
      result: 10,
    });
    expect(after.getWorksheet('得意先リスト')!.getCell('B8').value).toBe('=HYPERLINK("x")');
    expect(after.getWorksheet('設定値')!.state).toBe('hidden');
  });

  it("adds kimeru's sheets with their values, dates as dates, and formulas with their computed results", async () => {
    const after = await excel(saved);
    const log = after.getWorksheet('行動 (kimeru)')!;
    const row = log.getRow(2).values as unknown[];
    expect(row).toEqual(
      expect.arrayContaining(['C002', '定例訪問', '=在庫の確認 +81 へ連絡', '見積提出', '高橋']),
    );
    expect(row.find((v) => v instanceof Date)).toEqual(new Date(Date.UTC(2026, 10, 28)));
    const ranks = after.getWorksheet('ランク')!;
    const ids = ranks.getColumn(1).values.filter((v) => typeof v === 'string' && /^C\d{3}$/.test(v));
    expect(ids).toHaveLength(10);
    const settings = after.getWorksheet('kimeru設定')!;
    expect(settings.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 10, 29)));
    const dashboard = after.getWorksheet('ランク表示')!;
    const anchor = dashboard.getCell('A2').value as { formula: string; result: unknown };
    expect(anchor.formula).toBe('KIMERU.RANK(KIMERU_CUSTOMERS, KIMERU_DEFINITION)');
    // RANK lines up with the customer list: C002 sits on row 5 of 得意先リスト.
    const c002Rank = opened.workbook.values('ランク').find((r) => r[0] === 'C002')?.[2];
    expect(dashboard.getCell('A6').value).toBe(c002Rank);
    expect(['A', 'B', 'C']).toContain(c002Rank);
  });

  it('reopens as a set-up workbook, and saving it again unchanged changes no part', async () => {
    const again = openWorkbookFile(saved, 'team.kimeru.xlsx', 'ja');
    const state = await ok(createApi(again.workbook, clock, 'ja').getState());
    expect(state.setUp).toBe(true);
    expect(state.customers).toHaveLength(10);
    const resaved = partsOf(saveXlsx(again.workbook, again.source, 'ja'));
    const first = partsOf(saved);
    expect([...resaved.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first)
      expect({ name, same: Buffer.compare(bytes, resaved.get(name)!) === 0 }).toEqual({ name, same: true });
  });
});

describe("the team's own activity log, adopted by setup", () => {
  const original = fixture('mirai-libreoffice.xlsx');
  let saved: Uint8Array;

  beforeAll(async () => {
    const opened = openWorkbookFile(original, 'mirai-libreoffice.xlsx', 'ja');
    const api = createApi(opened.workbook, clock, 'ja');
    const report = await ok(api.setup({ customerSheet: '顧客' }));
    expect(report.sheets.activities).toBe('行動');
    const state = await ok(api.getState());
    const key = state.contacts.find((c) => c.customerId === 'C002' && c.role === 'key')!;
    const logged = await ok(
      api.logActivity({
        date: '2026-11-28',
        customerId: 'C002',
        contactIds: [key.id],
        type: 'visit',
        purpose: '方針確認',
        content: '来期の設備投資計画をヒアリング',
        nextAction: '',
        nextDue: '',
        rep: '佐藤 健太',
        key: 'mirai-1',
      }),
    );
    expect(logged).toMatchObject({ ok: true, row: 621 });
    saved = saveXlsx(opened.workbook, opened.source, 'ja');
  });

  it("appends the new row into the sheet's own XML and changes nothing else in it", () => {
    const part = 'xl/worksheets/sheet3.xml';
    const dimension = /<dimension ref="[^"]*"\/>/;
    const before = partText(original, part);
    const after = partText(saved, part);
    expect(after).toMatch(/<dimension ref="A1:J621"\/>/);
    const rows = insertedElements(before.replace(dimension, ''), after.replace(dimension, ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^<row r="621">/);
    expect(rows[0]).toContain('来期の設備投資計画をヒアリング');
    expect(rows[0]).toContain('t="inlineStr"');
    // The shared-string table the user's program wrote is not touched.
    expect(
      Buffer.compare(
        partsOf(original).get('xl/sharedStrings.xml')!,
        partsOf(saved).get('xl/sharedStrings.xml')!,
      ),
    ).toBe(0);
  });

  it('reads back the appended row after every row the team had, all of which are unchanged', async () => {
    const before = (await excel(original)).getWorksheet('行動')!;
    const after = (await excel(saved)).getWorksheet('行動')!;
    const old = cellsOf(before);
    const now = cellsOf(after);
    for (const [address, cell] of Object.entries(old))
      expect({ address, cell: now[address] }).toEqual({ address, cell });
    expect(after.rowCount).toBe(before.rowCount + 1);
    const added = after.getRow(621).values as unknown[];
    expect(added).toEqual(
      expect.arrayContaining(['方針確認', '来期の設備投資計画をヒアリング', '佐藤 健太']),
    );
    expect(added[1]).toEqual(new Date(Date.UTC(2026, 10, 28)));
  });
});

describe('a change that cannot be written without breaking a formula', () => {
  it('refuses to save, naming the sheet and cell, when a cell inside an array formula result was edited', async () => {
    const opened = openWorkbookFile(fixture('team-libreoffice.xlsx'), 'team.xlsx', 'ja');
    const api = createApi(opened.workbook, clock, 'ja');
    await ok(api.setup({}));
    await opened.workbook.write([
      {
        kind: 'addSheet',
        sheet: '集計2',
        rows: [[formulaCell('=KIMERU.RANK(KIMERU_CUSTOMERS, KIMERU_DEFINITION)')]],
      },
    ]);
    const first = saveXlsx(opened.workbook, opened.source, 'ja');
    const again = openWorkbookFile(first, 'team.kimeru.xlsx', 'ja');
    again.workbook.setUserInput('集計2', 5, 0, '手で上書き');
    expect(() => saveXlsx(again.workbook, again.source, 'ja')).toThrow(
      'シート「集計2」のセル A6 は共有数式・配列数式の一部のため、書き換えずに保存を中止しました。',
    );
  });
});

describe('a CSV customer list in Shift_JIS', () => {
  it('opens, sets up and saves as a new .xlsx with every field as it was typed', async () => {
    const opened = openWorkbookFile(fixture('customers-sjis.csv'), 'customers-sjis.csv', 'en');
    const api = createApi(opened.workbook, clock, 'en');
    const report = await ok(api.setup({}));
    expect(report.sheets.customers).toBe('customers-sjis');
    expect(report.customerCount).toBeGreaterThanOrEqual(4);
    const after = await excel(saveXlsx(opened.workbook, opened.source, 'en'));
    const sheet = after.getWorksheet('customers-sjis')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'C001',
      '株式会社山田製作所',
      'ヤマダセイサクショ',
      '佐藤',
      '製造業',
      '３００',
      '1,200万円',
    ]);
    expect(sheet.getCell('B6').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('A7').value).toBe('00123');
    expect(sheet.getCell('B7').value).toBe('株式会社"ダブル"引用');
    expect(sheet.getCell('F3').value).toBe(50);
    expect(after.getWorksheet('kimeru settings')).toBeDefined();
  });
});
