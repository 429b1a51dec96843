import { dateCell, type ChartSpec, type WorkbookPort, type WriteCell, type WriteOp } from '../../shared/port';
import { dayFromParts, readDate } from '../../shared/values';
import type { CellValue } from '../../shared/values/cell';

/** One adapter under test: the port, and a look at its workbook-level names. */
export interface PortHarness {
  port: WorkbookPort;
  /** "Sheet!A:M" or "Sheet!B3" for a name defined through the port; undefined when absent. */
  namedRange(name: string): string | undefined;
  /**
   * Whether the host holds the cell (1-based row and column) as text — not an error, a number, a
   * date, a boolean or a formula — looked at in the host itself: a read alone cannot tell, as
   * Sheets and Excel both read an error cell back as its text ("#N/A").
   */
  storedAsText(sheet: string, row: number, column: number): boolean;
  /**
   * What the host drew on a sheet, looked at in the host itself: its charts (type as the host
   * names it, mapped back to the spec's, and title), how many traffic-light rules, and whether
   * the sheet is hidden.
   */
  drawn(sheet: string): {
    charts: { type: ChartSpec['type']; title: string }[];
    lights: number;
    hidden: boolean;
  };
}

/** Makes a fresh workbook holding these sheets, as the user left them. */
export type MakePort = (initial: Record<string, CellValue[][]>) => PortHarness;

/** Text a spreadsheet would turn into something else if written as typed. */
export const TRICKY_TEXT = [
  '=1+1',
  '=IMPORTXML("http://example.com","//a")',
  '+81 3-1234-5678',
  '-1',
  '@メンション',
  '＝全角のイコール',
  "'引用符で始まる",
  '0120-123-456',
  '007',
  '1/2',
  '2026/11/29',
  '1,200',
  '50%',
  'TRUE',
  '１２３',
  '9:30',
];

/** What a rep may type into a log's free-text field that a host would store as something else. */
export const GUARDED_TEXT = [
  '#N/A',
  '#REF!',
  "'quoted",
  'true',
  '0120-123-456',
  '1/2',
  '=1+1',
  '+81 3',
  '-',
  '@x',
];

const USER_SHEETS = (): Record<string, CellValue[][]> => ({
  メモ: [['来期の方針'], ['キーマン接触を増やす']],
  得意先: [
    ['顧客ID', '会社名'],
    ['C001', '株式会社山田製作所'],
  ],
});

async function sheet(port: WorkbookPort, name: string): Promise<CellValue[][]> {
  return (await port.readSheets([name]))[name] ?? [];
}

/**
 * The one behaviour every WorkbookPort adapter must share, whatever the host: the same suite
 * runs against the in-memory workbook, Sheets over its fake, and (later) Excel and HyperFormula,
 * one line each in port.test.ts.
 */
export function describePort(name: string, make: MakePort): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    let h: PortHarness;
    beforeEach(() => {
      h = make(USER_SHEETS());
    });

    it('lists sheets in tab order and leaves missing ones out of a read', async () => {
      expect(await h.port.sheetNames()).toEqual(['メモ', '得意先']);
      const read = await h.port.readSheets(['得意先', 'ない']);
      expect(Object.keys(read)).toEqual(['得意先']);
      expect(read['得意先']).toEqual([
        ['顧客ID', '会社名'],
        ['C001', '株式会社山田製作所'],
      ]);
    });

    it('reads back what it wrote, as a rectangle with blanks as empty strings', async () => {
      await h.port.write([
        {
          kind: 'addSheet',
          sheet: 'ログ',
          rows: [['日付', '件数', '済', 'メモ'], ['会議', 3, true, null], ['電話']],
        },
      ]);
      expect(await h.port.sheetNames()).toEqual(['メモ', '得意先', 'ログ']);
      expect(await sheet(h.port, 'ログ')).toEqual([
        ['日付', '件数', '済', 'メモ'],
        ['会議', 3, true, ''],
        ['電話', '', '', ''],
      ]);
    });

    it('refuses to add a sheet whose name exists, and then changes nothing at all', async () => {
      const before = await h.port.readSheets(['メモ', '得意先']);
      await expect(
        h.port.write([
          { kind: 'addSheet', sheet: '新しい', rows: [['a']] },
          { kind: 'addSheet', sheet: 'メモ', rows: [['上書き']] },
        ]),
      ).rejects.toThrow();
      expect(await h.port.sheetNames()).toEqual(['メモ', '得意先']);
      expect(await h.port.readSheets(['メモ', '得意先'])).toEqual(before);
    });

    it('stores user text that looks like a formula, number, date or boolean exactly as text', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: '文字', rows: TRICKY_TEXT.map((t) => [t]) }]);
      expect((await sheet(h.port, '文字')).map((r) => r[0])).toEqual(TRICKY_TEXT);
    });

    it('keeps error literals, booleans, numbers and formula starts typed by users as that same text', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: '入力', rows: GUARDED_TEXT.map((t) => [t]) }]);
      expect((await sheet(h.port, '入力')).map((r) => r[0])).toEqual(GUARDED_TEXT);
      const notText = GUARDED_TEXT.filter((_, i) => !h.storedAsText('入力', i + 1, 1));
      expect(notText).toEqual([]);
    });

    it('appends such text as that same text too (the activity log path)', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: '記録', rows: [['内容', 'メモ']] }]);
      const appended = await h.port.append({
        sheet: '記録',
        rows: GUARDED_TEXT.map((t, i) => [`訪問${i}`, t]),
      });
      expect(appended.rows).toHaveLength(GUARDED_TEXT.length);
      expect((await sheet(h.port, '記録')).slice(1).map((r) => r[1])).toEqual(GUARDED_TEXT);
      const notText = GUARDED_TEXT.filter((_, i) => !h.storedAsText('記録', i + 2, 2));
      expect(notText).toEqual([]);
    });

    it('round-trips dates as real dates of the same calendar day, with the time of a timestamp', async () => {
      const day = dayFromParts(2026, 11, 29);
      const newYear = dayFromParts(2027, 1, 1);
      await h.port.write([
        {
          kind: 'addSheet',
          sheet: '日付',
          rows: [[dateCell(day), dateCell(day, 10 * 60 + 30), dateCell(newYear, 23 * 60 + 59)]],
        },
      ]);
      const [cells] = await sheet(h.port, '日付');
      for (const c of cells!) expect(c).toBeInstanceOf(Date);
      expect(cells!.map((c) => readDate(c))).toEqual([
        { ok: true, value: day },
        { ok: true, value: day },
        { ok: true, value: newYear },
      ]);
      const stamp = cells![1] as Date;
      expect([stamp.getHours(), stamp.getMinutes()]).toEqual([10, 30]);
      const late = cells![2] as Date;
      expect([late.getDate(), late.getHours(), late.getMinutes()]).toEqual([1, 23, 59]);
    });

    it('writes a block where it is told and leaves every other cell as it was', async () => {
      await h.port.write([
        {
          kind: 'addSheet',
          sheet: '設定',
          rows: [
            ['a', 'b', 'c'],
            ['d', 'e', 'f'],
            ['g', 'h', 'i'],
          ],
        },
      ]);
      await h.port.write([
        { kind: 'setBlock', sheet: '設定', row: 2, column: 2, rows: [['E']] },
        { kind: 'setBlock', sheet: '設定', row: 5, column: 4, rows: [['x', 'y']] },
      ]);
      expect(await sheet(h.port, '設定')).toEqual([
        ['a', 'b', 'c', '', ''],
        ['d', 'E', 'f', '', ''],
        ['g', 'h', 'i', '', ''],
        ['', '', '', '', ''],
        ['', '', '', 'x', 'y'],
      ]);
    });

    it('replaces a sheet it created, dropping rows the new content does not have', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: 'ランク', rows: [['旧'], ['1'], ['2'], ['3']] }]);
      await h.port.write([{ kind: 'replaceSheet', sheet: 'ランク', rows: [['新'], ['A']] }]);
      expect(await sheet(h.port, 'ランク')).toEqual([['新'], ['A']]);
    });

    it('writes tables larger than a new sheet’s grid', async () => {
      const rows: WriteCell[][] = Array.from({ length: 1500 }, (_, i) =>
        Array.from({ length: 30 }, (_, j) => (j === 0 ? `C${i + 1}` : i * 30 + j)),
      );
      await h.port.write([{ kind: 'addSheet', sheet: '大きい', rows }]);
      const read = await sheet(h.port, '大きい');
      expect(read).toHaveLength(1500);
      expect(read[1499]![0]).toBe('C1500');
      expect(read[1499]![29]).toBe(1499 * 30 + 29);
    });

    it('appends below the last row and skips a row whose key is already there', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: '記録', rows: [['内容', 'キー']] }]);
      const first = await h.port.append({ sheet: '記録', rows: [['訪問', 'k-1']], keyColumn: 2 });
      expect(first).toEqual({ rows: [2], duplicates: 0 });
      const retry = await h.port.append({
        sheet: '記録',
        rows: [
          ['訪問', 'k-1'],
          ['電話', 'k-2'],
          ['電話', 'k-2'],
        ],
        keyColumn: 2,
      });
      expect(retry).toEqual({ rows: [3], duplicates: 2 });
      expect(await sheet(h.port, '記録')).toEqual([
        ['内容', 'キー'],
        ['訪問', 'k-1'],
        ['電話', 'k-2'],
      ]);
    });

    it('appends rows without a key every time', async () => {
      await h.port.write([{ kind: 'addSheet', sheet: '記録', rows: [['内容']] }]);
      await h.port.append({ sheet: '記録', rows: [['=1+1']] });
      const again = await h.port.append({ sheet: '記録', rows: [['=1+1']] });
      expect(again).toEqual({ rows: [3], duplicates: 0 });
      expect(await sheet(h.port, '記録')).toEqual([['内容'], ['=1+1'], ['=1+1']]);
    });

    it('adds a sheet hidden, with native charts and traffic lights over its block; never on a user’s sheet', async () => {
      const chart = (type: ChartSpec['type'], title: string): WriteOp => ({
        kind: 'addChart',
        sheet: '集計',
        chart: {
          type,
          title,
          headerRow: 1,
          lastRow: 4,
          categoryColumn: 1,
          seriesColumns: [2, 3],
          anchor: { row: 1, column: 6, width: 480, height: 300 },
        },
      });
      await h.port.write([
        { kind: 'addSheet', sheet: '作業', rows: [['kimeru']], hidden: true },
        {
          kind: 'addSheet',
          sheet: '集計',
          rows: [
            ['担当', '件数', '率'],
            ['佐藤', 3, 90],
            ['高橋', 1, 60],
            ['田中', 0, 10],
          ],
        },
        chart('column', '担当ごと'),
        chart('line', '週別'),
        chart('pie', '割合'),
        chart('bar', '項目'),
        { kind: 'trafficLight', sheet: '集計', column: 3, firstRow: 2, lastRow: 4, green: 80, amber: 50 },
        { kind: 'trafficLight', sheet: '集計', column: 2, firstRow: 2, lastRow: 4, green: 3, amber: 1 },
      ]);
      expect(h.drawn('作業')).toEqual({ charts: [], lights: 0, hidden: true });
      expect(h.drawn('集計')).toEqual({
        charts: [
          { type: 'column', title: '担当ごと' },
          { type: 'line', title: '週別' },
          { type: 'pie', title: '割合' },
          { type: 'bar', title: '項目' },
        ],
        lights: 2,
        hidden: false,
      });
      expect((await sheet(h.port, '集計'))[1]).toEqual(['佐藤', 3, 90]);
      // A chart on a sheet the plan does not add (a user's, or one added before) is refused whole.
      const before = await h.port.readSheets(['メモ', '得意先']);
      for (const target of ['メモ', '集計'])
        await expect(
          h.port.write([
            { kind: 'addSheet', sheet: '別', rows: [['a']] },
            { ...chart('bar', 'x'), sheet: target } as WriteOp,
          ]),
        ).rejects.toThrow();
      expect(await h.port.sheetNames()).toEqual(['メモ', '得意先', '作業', '集計']);
      expect(await h.port.readSheets(['メモ', '得意先'])).toEqual(before);
      expect(h.drawn('メモ').charts).toEqual([]);
      expect(h.drawn('集計').charts).toHaveLength(4);
    });

    it('defines names over a block of rows or one cell, and redefines an existing name', async () => {
      await h.port.write([
        { kind: 'addSheet', sheet: '行動ログ', rows: [['a', 'b', 'c']] },
        {
          kind: 'defineName',
          name: 'KIMERU_ACTIVITIES',
          sheet: '行動ログ',
          firstColumn: 1,
          lastColumn: 13,
          firstRow: 2,
          lastRow: 40,
        },
        {
          kind: 'defineName',
          name: 'KIMERU_ASOF',
          sheet: '行動ログ',
          firstColumn: 2,
          lastColumn: 2,
          firstRow: 3,
          lastRow: 3,
        },
      ]);
      expect(h.namedRange('KIMERU_ACTIVITIES')).toBe('行動ログ!A2:M40');
      expect(h.namedRange('KIMERU_ASOF')).toBe('行動ログ!B3');
      await h.port.write([
        {
          kind: 'defineName',
          name: 'KIMERU_ACTIVITIES',
          sheet: '行動ログ',
          firstColumn: 1,
          lastColumn: 14,
          firstRow: 2,
          lastRow: 41,
        },
      ]);
      expect(h.namedRange('KIMERU_ACTIVITIES')).toBe('行動ログ!A2:N41');
    });
  });
}
