import { createApi } from '../../../shared/commands';
import { dayFromParts } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_ACTIONS, EXPECTED_SATO } from '../../fixtures/team/expected-actions';

/*
 * The pane's read-only views through the API, over the team's workbook set up as a user would:
 * what they return is held to the hand-written expectations, and the workbook is left unchanged.
 */

const clock = { now: () => ({ day: dayFromParts(2026, 12, 24), minutes: 600 }) };

async function setUp(lang = 'ja') {
  const wb = new MemoryWorkbook(team.teamSheets());
  const api = createApi(wb, clock, lang);
  const r = await api.setup({});
  if (!r.ok) throw new Error(r.message);
  return { wb, api };
}

const snapshot = (wb: MemoryWorkbook) => JSON.stringify([...wb.sheets.entries()]);

describe('getActions', () => {
  it("lists one rep's actions as of a date, writes nothing, and lists what it could not read", async () => {
    const { wb, api } = await setUp();
    const before = snapshot(wb);
    const r = await api.getActions({ rep: '佐藤', asOf: '2026-11-30' });
    if (!r.ok) throw new Error(r.message);
    const lines = r.value.rows.map((a) => {
      const days = a.daysOverdue === null ? '-' : String(a.daysOverdue);
      return `${a.customerId} ${a.kind} ${a.actBy || '-'} ${days}`;
    });
    expect(lines).toEqual(EXPECTED_SATO);
    // 提案書 (K002) due 11/25: five days over; 見積提出 (K001) due 12/05: five days left.
    expect(r.value.rows.map((a) => a.when)).toEqual([
      '52日超過',
      '10日超過',
      '5日超過',
      'あと5日',
      'あと5日',
    ]);
    expect(r.value.message).toBe('2026/11/30 時点: 5件（期限切れ 3件）');
    expect(r.value.unread.summary).toBe('読めなかった行 6件・注意 2件');
    expect(snapshot(wb)).toBe(before);
  });

  it('counts as of today when no date is given (here 12/24: more is due)', async () => {
    const { api } = await setUp();
    const r = await api.getActions({});
    if (!r.ok) throw new Error(r.message);
    expect(r.value.asOf).toBe('2026/12/24');
    // Everything of 11/30 is still listed (nothing was logged since), each 24 days further on.
    const k004 = r.value.rows.find((a) => a.customerId === 'K004')!;
    expect(k004).toMatchObject({ kind: 'contact', actBy: '2026/09/29', daysOverdue: 86 });
    expect(r.value.rows.length).toBeGreaterThanOrEqual(EXPECTED_ACTIONS.length);
  });

  it('refuses a date it cannot read, naming it', async () => {
    const { api } = await setUp('en');
    const r = await api.getActions({ asOf: 'tomorrow-ish' });
    expect(r).toEqual({ ok: false, message: expect.stringContaining('tomorrow-ish') });
  });
});

describe('getCoverage', () => {
  it("shows a customer's key persons beside the others, with when and by whom they were met", async () => {
    const { api } = await setUp();
    const r = await api.getCoverage({ customerId: 'K002', asOf: '2026-11-30' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ customerName: '(株)ベイサイド物流', rep: '佐藤', noKeyPerson: false });
    expect(r.value.keyPersons).toEqual([
      {
        name: '港 健二',
        title: '常務',
        role: 'key',
        roleLabel: 'キーマン',
        lastMet: '2026/08/10',
        metBy: '佐藤',
        daysSince: 112,
        meetings: 1,
        neverMet: false,
      },
    ]);
    expect(r.value.others.map((p) => `${p.name} ${p.lastMet} ${p.metBy}`)).toEqual([
      '田中 誠 2026/11/05 佐藤',
    ]);
  });

  it('says when no key person is registered, and when the customer is unknown', async () => {
    const { api } = await setUp();
    const none = await api.getCoverage({ customerId: 'K007', asOf: '2026-11-30' });
    if (!none.ok) throw new Error(none.message);
    expect(none.value.noKeyPerson).toBe(true);
    expect(none.value.others.map((p) => p.name)).toEqual(['緑川 翔']);
    const unknown = await api.getCoverage({ customerId: 'K999' });
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('K999') });
  });
});
