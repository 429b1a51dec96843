import {
  activityHeader,
  activityCells,
  indexDataset,
  isDuplicateSubmit,
  validateActivity,
} from '../../../shared/engines';
import type { ActivityInput } from '../../../shared/engines';
import { ACTIVITY_TABLE, readTable } from '../../../shared/tables';
import { day, sampleDataset } from './fixtures';

const TODAY = day('2026-11-29');
const index = indexDataset(sampleDataset());

function input(extra: Partial<ActivityInput> = {}): ActivityInput {
  return {
    date: '2026/11/28',
    customerId: 'C002',
    contactIds: ['P003', 'P004'],
    type: '訪問',
    purpose: '新製品の提案',
    content: '高橋取締役と伊藤課長に面談。来期の設備投資計画を伺った。',
    nextAction: '見積提出',
    nextDue: '2026年12月5日',
    rep: '',
    key: 'k-123',
    ...extra,
  };
}

describe('validateActivity', () => {
  it('accepts a complete submit, marks the key person met and fills the rep from the customer', () => {
    const r = validateActivity(input(), index, TODAY);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.keyPersonMet).toBe(true);
    expect(r.customerName).toBe('東和精機株式会社');
    expect(r.warnings).toEqual([]);
    expect(r.activity).toEqual({
      row: 0,
      date: day('2026-11-28'),
      customerId: 'C002',
      contactText: '高橋 誠、伊藤 恵',
      contactIds: ['P003', 'P004'],
      type: 'visit',
      purpose: '新製品の提案',
      content: '高橋取締役と伊藤課長に面談。来期の設備投資計画を伺った。',
      nextAction: '見積提出',
      nextDue: day('2026-12-05'),
      rep: '山田 太郎',
      recordedAt: TODAY,
      key: 'k-123',
    });
  });

  it('reads Japanese date forms and type labels in either language', () => {
    for (const date of ['令和8年11月28日', 'R8.11.28', '２０２６/１１/２８']) {
      const r = validateActivity(input({ date, type: 'Web会議', contactIds: ['P004'] }), index, TODAY);
      expect(r.ok && r.activity.date).toBe(day('2026-11-28'));
      expect(r.ok && r.activity.type).toBe('web');
      expect(r.ok && r.keyPersonMet).toBe(false);
    }
    const en = validateActivity(input({ type: 'Call' }), index, TODAY, 'en');
    expect(en.ok && en.activity.type).toBe('call');
  });

  it('keeps formula-looking text as typed, and activityRow writes it as text', () => {
    const content = '=HYPERLINK("http://example.com","議事録")';
    const r = validateActivity(
      input({ content, purpose: '', nextAction: '-再訪問', rep: '@yamada' }),
      index,
      TODAY,
    );
    if (!r.ok) throw new Error('expected ok');
    expect(r.activity.content).toBe(content);
    const cells = activityCells(r.activity, 'ja', { kind: 'date', day: TODAY, minutes: 615 }, r);
    // Stored exactly as typed: the port, not the engine, guarantees it lands as text.
    expect(cells.content).toBe(content);
    expect(cells.nextAction).toBe('-再訪問');
    expect(cells.rep).toBe('@yamada');
    expect(cells.date).toEqual({ kind: 'date', day: TODAY - 1 });
    expect(cells.keyPersonMet).toBe('○');
    expect(cells.recordedAt).toEqual({ kind: 'date', day: TODAY, minutes: 615 });
  });

  it('writes an English row with labels in English and leaves plain text alone', () => {
    const r = validateActivity(
      input({ contactIds: ['P004'], type: 'email', nextDue: '' }),
      index,
      TODAY,
      'en',
    );
    if (!r.ok) throw new Error('expected ok');
    const cells = activityCells(r.activity, 'en', { kind: 'date', day: TODAY }, r);
    expect([cells.customer, cells.customerName, cells.contacts, cells.keyPersonMet, cells.type]).toEqual([
      'C002',
      '東和精機株式会社',
      '伊藤 恵',
      '',
      'Email',
    ]);
    expect(cells.nextDue).toBeNull();
  });

  it('detects a double submit by its key', () => {
    const written = new Set(['k-1', 'k-2']);
    expect(isDuplicateSubmit('k-2', written)).toBe(true);
    expect(isDuplicateSubmit(' k-1 ', written)).toBe(true);
    expect(isDuplicateSubmit('k-3', written)).toBe(false);
    // Hand-typed rows have no key: a blank key is never a duplicate.
    expect(isDuplicateSubmit('', new Set(['']))).toBe(false);
  });
});

describe('activityHeader', () => {
  it.each(['ja', 'en'] as const)(
    'is read back by the activity table reader with every column found (%s)',
    (lang) => {
      const table = readTable([activityHeader(lang)], ACTIVITY_TABLE, { sheet: 'log' });
      expect(Object.keys(table.columns).sort()).toEqual(ACTIVITY_TABLE.columns.map((c) => c.key).sort());
    },
  );
});
