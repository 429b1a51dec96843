import { createEngine } from '../../../playground/src/hf-workbook';

/*
 * kimeru's functions in the playground's engine over a customer list longer than a call's
 * argument limit: a result of 200,000 rows must spill, not fail with a RangeError (a spread
 * such as Math.max(...rows) over that many elements overflows the call stack).
 */

const CUSTOMERS = 200_000;
const id = (i: number) => `C${String(i).padStart(6, '0')}`;

it('spills KIMERU.KEYPERSON over 200,000 customers, one row per customer', () => {
  const customers: string[][] = [['顧客ID', '会社名']];
  for (let i = 1; i <= CUSTOMERS; i++) customers.push([id(i), `株式会社テスト${i}`]);
  const contacts = [
    ['顧客ID', '氏名', '役割'],
    [id(1), '山田 太郎', 'キーマン(決裁者)'],
    [id(CUSTOMERS), '佐藤 花子', 'キーマン'],
  ];
  const hf = createEngine();
  hf.batch(() => {
    hf.setSheetContent(hf.getSheetId(hf.addSheet('顧客'))!, customers);
    hf.setSheetContent(hf.getSheetId(hf.addSheet('連絡先'))!, contacts);
    hf.setSheetContent(hf.getSheetId(hf.addSheet('キーマン'))!, [
      [`=KIMERU.KEYPERSON('顧客'!A1:B${CUSTOMERS + 1}, '連絡先'!A1:C3)`],
    ]);
  });
  const values = hf.getSheetValues(hf.getSheetId('キーマン')!);
  expect(values).toHaveLength(CUSTOMERS + 1);
  expect(values[0]).toEqual(['キーマン', 'キーマン人数']);
  expect(values[1]).toEqual(['山田 太郎', 1]);
  expect(values[2]).toEqual(['', 0]);
  expect(values[CUSTOMERS]).toEqual(['佐藤 花子', 1]);
}, 120_000);
