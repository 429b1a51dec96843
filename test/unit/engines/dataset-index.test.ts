import { activitiesUntil, contactsOf, indexDataset, keyPersonsOf } from '../../../shared/engines';
import { readDataset } from '../../../shared/tables';
import { ActivityLog } from '../../../shared/activity-log';
import { activity, AS_OF, day, sampleDataset } from './fixtures';

describe('indexDataset', () => {
  it('groups contacts, key persons and activities by customer', () => {
    const index = indexDataset(sampleDataset());
    expect(contactsOf(index, 'C002').map((c) => c.name)).toEqual(['高橋 誠', '伊藤 恵']);
    expect(keyPersonsOf(index, 'C002').map((c) => c.id)).toEqual(['P003']);
    expect(keyPersonsOf(index, 'C003')).toEqual([]);
    expect(index.contactById.get('P004')?.customerId).toBe('C002');
    expect(index.customerById.get('C004')?.name).toBe('鈴木物産');
  });

  it('sorts each customer’s activities by date, then by row, without touching the dataset', () => {
    const ds = sampleDataset();
    const late = activity('C009', '2026-05-02', [], { row: 10 });
    const sameDayRow30 = activity('C009', '2026-05-01', [], { row: 30 });
    const sameDayRow20 = activity('C009', '2026-05-01', [], { row: 20 });
    ds.activities.push(late, sameDayRow30, sameDayRow20);
    const index = indexDataset(ds);
    expect(activitiesUntil(index, 'C009', Infinity)).toEqual([sameDayRow20, sameDayRow30, late]);
    expect(ds.activities.slice(-3)).toEqual([late, sameDayRow30, sameDayRow20]);
  });

  it('orders a log in sheet order, its customers interleaved and dated out of order, by date then row', () => {
    const ds = sampleDataset();
    ds.activities = [];
    const dates = ['2026-05-03', '2026-05-01', '2026-05-03', '2026-04-30', '2026-05-01', '2026-05-02'];
    dates.forEach((d, i) =>
      ds.activities.push(activity(i % 2 === 0 ? 'C001' : 'C002', d, [], { row: 2 + i })),
    );
    const index = indexDataset(ds);
    const seen = (id: string) => activitiesUntil(index, id, Infinity).map((a) => a.row);
    // C001: rows 2 (05-03), 4 (05-03), 6 (05-01); C002: rows 3 (05-01), 5 (04-30), 7 (05-02).
    expect(seen('C001')).toEqual([6, 2, 4]);
    expect(seen('C002')).toEqual([5, 3, 7]);
    // The same order when the rows do not come in sheet order.
    ds.activities.reverse();
    const again = indexDataset(ds);
    expect(activitiesUntil(again, 'C001', Infinity).map((a) => a.row)).toEqual([6, 2, 4]);
    expect(activitiesUntil(again, 'C002', Infinity).map((a) => a.row)).toEqual([5, 3, 7]);
  });

  it('leaves out activities dated after the as-of date', () => {
    const index = indexDataset(sampleDataset());
    expect(activitiesUntil(index, 'C001', Infinity)).toHaveLength(2);
    expect(activitiesUntil(index, 'C001', AS_OF).map((a) => a.date)).toEqual([day('2026-10-20')]);
    expect(activitiesUntil(index, 'C001', day('2026-12-05'))).toHaveLength(2);
    expect(activitiesUntil(index, 'C404', AS_OF)).toEqual([]);
  });

  it('marks key-person meetings the same whether the log was read from a sheet or made from objects', () => {
    const read = readDataset({
      customers: [
        ['顧客ID', '顧客名'],
        ['C1', '青葉工業'],
        ['C2', 'みどり商事'],
      ],
      contacts: [
        ['連絡先ID', '顧客ID', '氏名', '役割'],
        ['P1', 'C1', '佐藤 健', 'キーマン'],
        ['P2', 'C1', '鈴木 花子', '担当者'],
        ['P3', 'C2', '佐藤 健', '担当者'],
        ['P4', 'C2', '高橋 誠', '決裁者'],
      ],
      activities: [
        ['日付', '顧客ID', '面談者', '種別'],
        [46000, 'C1', '佐藤', '訪問'],
        [46001, 'C2', '佐藤', '訪問'], // same text, another customer: 佐藤 is not C2's key person
        [46002, 'C1', '鈴木、佐藤 健', '訪問'],
        [46003, 'C1', '鈴木', '訪問'],
        [46004, 'C2', '高橋', '訪問'],
        [46005, 'C2', '', '訪問'],
        [46006, 'C1', '田中', '訪問'], // nobody known
      ],
    }).dataset;
    const fromSheet = indexDataset(read).keyMet;
    const fromObjects = indexDataset({ ...read, log: ActivityLog.of(read.activities) }).keyMet;
    expect(Array.from(fromSheet)).toEqual([1, 0, 1, 0, 1, 0, 0]);
    expect(Array.from(fromObjects)).toEqual(Array.from(fromSheet));
  });

  it('marks meetings anew when a contact is no longer a key person, though the log is read again unchanged', () => {
    const grids = (role: string) => ({
      customers: [
        ['顧客ID', '顧客名'],
        ['C7', '青葉工業'],
      ],
      contacts: [
        ['連絡先ID', '顧客ID', '氏名', '役割'],
        ['P7', 'C7', '佐藤 健', role],
      ],
      activities: [
        ['日付', '顧客ID', '面談者', '種別'],
        [46000, 'C7', '佐藤', '訪問'],
      ],
    });
    expect(Array.from(indexDataset(readDataset(grids('キーマン')).dataset).keyMet)).toEqual([1]);
    expect(Array.from(indexDataset(readDataset(grids('担当者')).dataset).keyMet)).toEqual([0]);
    expect(Array.from(indexDataset(readDataset(grids('決裁者')).dataset).keyMet)).toEqual([1]);
  });

  it('sees a contact appended to the list after an earlier index of it', () => {
    const ds = sampleDataset();
    expect(keyPersonsOf(indexDataset(ds), 'C003')).toEqual([]);
    ds.contacts.push({
      id: 'P099',
      customerId: 'C003',
      name: '新井 翼',
      kana: '',
      title: '部長',
      role: 'key',
      row: 99,
    });
    const index = indexDataset(ds);
    expect(keyPersonsOf(index, 'C003').map((c) => c.id)).toEqual(['P099']);
    expect(contactsOf(index, 'C003').map((c) => c.id)).toContain('P099');
  });
});
