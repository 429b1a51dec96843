import ExcelJS from 'exceljs';
import { createApi } from '../../../shared/commands';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { HyperFormulaWorkbook } from '../../../playground/src/hf-workbook';
import { loadGrids } from '../../../playground/src/sample-workbook';
import { clock, excel } from '../xlsx/helpers';

/*
 * A team's own activity log often has helper columns filled down well past the last entry
 * (月 = IF(A3="","",MONTH(A3))). Those rows show "" but are not empty: logging must land below
 * them and never clear them, in the workbook and in the saved file.
 */

const LAST_FORMULA_ROW = 40;
const monthFormula = (row: number) => `IF(A${row}="","",MONTH(A${row}))`;

async function teamFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet('顧客');
  customers.addRows([
    ['顧客ID', '顧客名', 'フリガナ', '営業担当', '年間取引額'],
    ['C001', '株式会社山田製作所', 'ヤマダセイサクショ', '佐藤 健太', '1,200万円'],
    ['C002', '東邦オートパーツ株式会社', 'トウホウオートパーツ', '田村 大輔', '８５０万円'],
  ]);
  const log = wb.addWorksheet('行動');
  log.addRow([
    '日付',
    '顧客名',
    '面談者',
    '種別',
    '目的',
    '内容',
    '次回アクション',
    '次回期日',
    '営業担当',
    '月',
  ]);
  log.addRow([
    new Date(Date.UTC(2026, 10, 2)),
    '株式会社山田製作所',
    '山田様',
    '訪問',
    '定例',
    '在庫の確認',
    '',
    '',
    '佐藤 健太',
  ]);
  log.addRow([
    new Date(Date.UTC(2026, 10, 9)),
    '東邦オートパーツ株式会社',
    '森さん',
    '電話',
    '納期',
    '納期調整',
    '',
    '',
    '田村 大輔',
  ]);
  for (let r = 2; r <= LAST_FORMULA_ROW; r++)
    log.getCell(`J${r}`).value = { formula: monthFormula(r) } as never;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe("logging into a team's log whose formula column runs past the last entry", () => {
  it('lands below the formulas, which survive in the workbook and in the saved .xlsx', async () => {
    const opened = openWorkbookFile(await teamFile(), 'team.xlsx', 'ja');
    const api = createApi(opened.workbook, clock, 'ja');
    const report = await ok(api.setup({ customerSheet: '顧客' }));
    expect(report.sheets.activities).toBe('行動');
    const logged = await ok(
      api.logActivity({
        date: '2026-11-28',
        customerId: 'C002',
        contactIds: [],
        type: 'visit',
        purpose: '方針確認',
        content: '来期の設備投資計画をヒアリング',
        nextAction: '',
        nextDue: '',
        rep: '田村 大輔',
        key: 'team-1',
      }),
    );
    expect(logged).toMatchObject({ ok: true, row: LAST_FORMULA_ROW + 1 });

    const hf = opened.workbook.hf;
    const id = hf.getSheetId('行動')!;
    const formulas = Array.from({ length: LAST_FORMULA_ROW - 1 }, (_, i) =>
      hf.getCellFormula({ sheet: id, row: i + 1, col: 9 }),
    );
    expect(formulas).toEqual(
      Array.from({ length: LAST_FORMULA_ROW - 1 }, (_, i) => `=${monthFormula(i + 2)}`),
    );
    expect(hf.getCellValue({ sheet: id, row: LAST_FORMULA_ROW, col: 5 })).toBe(
      '来期の設備投資計画をヒアリング',
    );

    const saved = (await excel(saveXlsx(opened.workbook, opened.source, 'ja'))).getWorksheet('行動')!;
    const savedFormulas = Array.from(
      { length: LAST_FORMULA_ROW - 1 },
      (_, i) => saved.getCell(`J${i + 2}`).formula,
    );
    expect(savedFormulas).toEqual(
      Array.from({ length: LAST_FORMULA_ROW - 1 }, (_, i) => monthFormula(i + 2)),
    );
    expect(saved.getCell(`F${LAST_FORMULA_ROW + 1}`).value).toBe('来期の設備投資計画をヒアリング');
    expect(saved.getCell('F3').value).toBe('納期調整');
  });
});

describe('an append never writes over a cell that holds something', () => {
  it('moves below a row whose only content is a formula showing ""', async () => {
    const wb = new HyperFormulaWorkbook({ lang: 'ja' });
    loadGrids(wb, [{ name: '記録', grid: [['内容', 'メモ', '月']] }]);
    // Content typed by the user, not seen by any read of values: row 2 shows only "".
    wb.setUserInput('記録', 1, 2, '=IF(A2="","",MONTH(A2))');
    const r = await wb.append({ sheet: '記録', rows: [['訪問', '在庫の確認', null]] });
    expect(r).toEqual({ rows: [3], duplicates: 0 });
    const id = wb.hf.getSheetId('記録')!;
    expect(wb.hf.getCellFormula({ sheet: id, row: 1, col: 2 })).toBe('=IF(A2="","",MONTH(A2))');
    expect(wb.hf.getCellValue({ sheet: id, row: 2, col: 0 })).toBe('訪問');
  });
});
