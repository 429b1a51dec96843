import { readDataset } from '../../../shared/tables';
import type { CellValue } from '../../../shared/values';

/*
 * A sheet with one problem per row on 200,000 rows (a pasted export whose names went missing)
 * gets an issue per row, not a RangeError: issues are gathered without spreading long lists
 * into push().
 */

it('reports 200,000 rows without a company name, one issue each', () => {
  const customers: CellValue[][] = [['顧客ID', '会社名']];
  for (let i = 1; i <= 200_000; i++) customers.push([`C${String(i).padStart(6, '0')}`, '']);
  customers.push(['C999999', '株式会社山田製作所']);
  const { dataset, issues } = readDataset({ customers });
  expect(dataset.customers.map((c) => c.name)).toEqual(['株式会社山田製作所']);
  expect(issues).toHaveLength(200_000);
  expect(issues[199_999]).toMatchObject({ key: 'tables.requiredValue', row: 200_001, column: 'B' });
});
