import { ActivityLog } from '../../../shared/activity-log';
import { activitiesUntil, indexDataset } from '../../../shared/engines';
import { readDataset } from '../../../shared/tables';
import type { CellValue } from '../../../shared/values/cell';
import { activity, day } from './fixtures';

/** A log as a team types it: the same customer and rep row after row, names, a blank due date. */
function grids(): { customers: CellValue[][]; contacts: CellValue[][]; activities: CellValue[][] } {
  const serial = (iso: string) => day(iso) + 25569;
  return {
    customers: [
      ['顧客ID', '顧客名', '営業担当'],
      ['C1', '北辰工業', '佐藤'],
      ['C2', '南海商事', '鈴木'],
    ],
    contacts: [
      ['連絡先ID', '顧客ID', '氏名', '役割'],
      ['P1', 'C1', '田中 一郎', 'キーマン'],
      ['P2', 'C1', '山本 花子', '担当者'],
      ['P3', 'C2', '井上 健', '担当者'],
    ],
    activities: [
      ['日付', '顧客ID', '面談者', '種別', '内容', '次回アクション', '次回期日', '営業担当'],
      [serial('2026-10-01'), 'C1', '田中', '訪問', '初回', '見積提出', serial('2026-10-15'), '佐藤'],
      [serial('2026-09-01'), 'C1', '山本', '電話', '', '', '', '佐藤'],
      [serial('2026-10-20'), 'C2', '井上', 'メール', '資料送付', '', '', '鈴木'],
      [serial('2026-11-02'), 'C1', '山本', '訪問', '定例', '見積提出', serial('2026-12-01'), '佐藤'],
    ],
  };
}

describe('the activity log stored by column', () => {
  it('gives back every activity of the sheet, in sheet order, with the people met resolved', () => {
    const { dataset } = readDataset(grids());
    expect(dataset.log?.length).toBe(4);
    expect(
      dataset.activities.map((a) => [a.row, a.customerId, a.contactText, a.contactIds, a.type, a.rep]),
    ).toEqual([
      [2, 'C1', '田中', ['P1'], 'visit', '佐藤'],
      [3, 'C1', '山本', ['P2'], 'call', '佐藤'],
      [4, 'C2', '井上', ['P3'], 'email', '鈴木'],
      [5, 'C1', '山本', ['P2'], 'visit', '佐藤'],
    ]);
    const [first, second] = dataset.activities;
    expect(first).toMatchObject({ nextAction: '見積提出', nextDue: day('2026-10-15'), content: '初回' });
    expect(second).toMatchObject({ nextAction: '', nextDue: null, recordedAt: null });
    // Rows that wrote the same people share one entry (and one array of ids).
    expect(dataset.activities[1]!.contactIds).toBe(dataset.activities[3]!.contactIds);
  });

  it('indexes a read log and hand-made activities alike: by customer, by date, then row', () => {
    const { dataset } = readDataset(grids());
    const fromSheet = indexDataset(dataset);
    const fromObjects = indexDataset({ ...dataset, activities: dataset.activities.slice() });
    for (const index of [fromSheet, fromObjects]) {
      expect(activitiesUntil(index, 'C1', day('2026-12-31')).map((a) => a.row)).toEqual([3, 2, 5]);
      expect(activitiesUntil(index, 'C1', day('2026-10-01')).map((a) => a.row)).toEqual([3, 2]);
      expect(activitiesUntil(index, 'C3', day('2026-12-31'))).toEqual([]);
      // The key person (田中, P1) was met on row 2 only.
      expect(Array.from(index.order, (i) => index.keyMet[i])).toEqual([0, 1, 0, 0]);
    }
  });

  it('hands back the very objects it was made from', () => {
    const list = [activity('C001', '2026-10-01', ['P001']), activity('C002', '2026-10-02', [])];
    const log = ActivityLog.of(list);
    expect(log.at(0)).toBe(list[0]);
    expect(log.toArray()).toEqual(list);
    expect(log.contactIdsAt(1)).toEqual([]);
  });

  it('follows a dataset whose activities are replaced', () => {
    const { dataset } = readDataset(grids());
    dataset.activities = [activity('C2', '2026-11-20', [], { rep: '鈴木' })];
    expect(dataset.log).toBeUndefined();
    const index = indexDataset(dataset);
    expect(activitiesUntil(index, 'C1', day('2026-12-31'))).toEqual([]);
    expect(activitiesUntil(index, 'C2', day('2026-12-31')).map((a) => a.rep)).toEqual(['鈴木']);
  });
});
