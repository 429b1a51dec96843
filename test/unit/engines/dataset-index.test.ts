import { activitiesUntil, contactsOf, indexDataset, keyPersonsOf } from '../../../shared/engines';
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
    expect(index.activitiesByCustomer.get('C009')).toEqual([sameDayRow20, sameDayRow30, late]);
    expect(ds.activities.slice(-3)).toEqual([late, sameDayRow30, sameDayRow20]);
  });

  it('leaves out activities dated after the as-of date', () => {
    const index = indexDataset(sampleDataset());
    expect(index.activitiesByCustomer.get('C001')).toHaveLength(2);
    expect(activitiesUntil(index, 'C001', AS_OF).map((a) => a.date)).toEqual([day('2026-10-20')]);
    expect(activitiesUntil(index, 'C001', day('2026-12-05'))).toHaveLength(2);
    expect(activitiesUntil(index, 'C404', AS_OF)).toEqual([]);
  });
});
