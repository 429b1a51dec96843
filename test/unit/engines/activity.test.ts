import {
  activityHeader,
  activityRow,
  indexDataset,
  isDuplicateSubmit,
  validateActivity,
} from '../../../shared/engines';
import type { ActivityInput } from '../../../shared/engines';
import { formatIssue } from '../../../shared/issues';
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
    const row = activityRow(r.activity, 'ja', '2026/11/29 10:15', r);
    expect(row).toEqual([
      '2026/11/28',
      'C002',
      '東和精機株式会社',
      '高橋 誠、伊藤 恵',
      '○',
      '訪問',
      '',
      `'${content}`,
      "'-再訪問",
      '2026/12/05',
      "'@yamada",
      '2026/11/29 10:15',
      'k-123',
    ]);
    expect(row).toHaveLength(activityHeader('ja').length);
  });

  it('keeps full-width and hand-typed characters in the content as written (no NFKC)', () => {
    const content = '①　ＡＢＣ社の件 ㈱山田';
    const r = validateActivity(input({ content }), index, TODAY);
    expect(r.ok && r.activity.content).toBe(content);
  });

  it('reports every missing required field at once, naming each field in Japanese', () => {
    const r = validateActivity(
      {
        date: '',
        customerId: ' ',
        contactIds: [],
        type: '',
        purpose: '',
        content: '　',
        nextAction: '',
        nextDue: '',
        rep: '',
        key: '',
      },
      index,
      TODAY,
    );
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => [i.params?.field, i.header, i.severity])).toEqual([
      ['date', '日付', 'error'],
      ['customerId', '顧客ID', 'error'],
      ['type', '種別', 'error'],
      ['content', '内容', 'error'],
    ]);
    expect(r.issues.map((i) => formatIssue('ja', i))).toEqual([
      '日付を入力してください',
      '顧客IDを入力してください',
      '種別を入力してください',
      '目的か内容のどちらかを入力してください',
    ]);
  });

  it('rejects unreadable and future dates, unknown customers and types, in English', () => {
    const r = validateActivity(
      input({ date: '2026/12/01', customerId: 'C999', type: '飲み会', nextDue: '来週', contactIds: [] }),
      index,
      TODAY,
      'en',
    );
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => formatIssue('en', i))).toEqual([
      'Date 2026-12-01 is in the future (today is 2026-11-29).',
      'Customer ID "C999" is not in the customer list.',
      'Type "飲み会" is not one of: Visit, Call, Web meeting, Email, Proposal, Other.',
      'Next due "来週" cannot be read as a date (e.g. 2026-11-29, 2026/11/29).',
    ]);
    expect(r.issues.map((i) => i.header)).toEqual(['Date', 'Customer ID', 'Type', 'Next due']);
  });

  it('accepts tomorrow (time zones) but not the day after', () => {
    expect(validateActivity(input({ date: '2026-11-30', nextDue: '' }), index, TODAY).ok).toBe(true);
    expect(validateActivity(input({ date: '2026-12-01', nextDue: '' }), index, TODAY).ok).toBe(false);
  });

  it('rejects contacts of another customer and a due date before the activity, in Japanese', () => {
    const r = validateActivity(
      input({ contactIds: ['P001', 'P404'], nextDue: '令和8年11月1日' }),
      index,
      TODAY,
    );
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => formatIssue('ja', i))).toEqual([
      '面談者: 田中 一郎 は東和精機株式会社ではなく株式会社山田製作所の連絡先です',
      '面談者: 連絡先「P404」が見つかりません',
      '次回期日 2026/11/01 が日付 2026/11/28 より前です',
    ]);
  });

  it('lets an old date through with a warning (catching up on notes), blocks nothing else', () => {
    const r = validateActivity(input({ date: '2024/01/10', nextDue: '' }), index, TODAY);
    if (!r.ok) throw new Error('expected ok');
    expect(r.warnings.map((w) => [w.severity, formatIssue('ja', w)])).toEqual([
      ['warning', '日付 2024/01/10 は2年以上前です。年を確認してください'],
    ]);
  });

  it('accepts the purpose alone, and an unreadable date message names the value', () => {
    expect(validateActivity(input({ content: '', purpose: '挨拶' }), index, TODAY).ok).toBe(true);
    const r = validateActivity(input({ date: '11/28' }), index, TODAY);
    expect(!r.ok && formatIssue('ja', r.issues[0]!)).toBe(
      '日付「11/28」は日付として読めません (例: 2026/11/29、令和8年11月29日)',
    );
  });
});

describe('activity sheet rows', () => {
  it('has the activity sheet columns in both languages', () => {
    expect(activityHeader('ja')).toEqual([
      '日付',
      '顧客ID',
      '顧客名',
      '面談者',
      'キーマン接触',
      '種別',
      '目的',
      '内容',
      '次回アクション',
      '次回期日',
      '営業担当',
      '記録日時',
      '記録ID',
    ]);
    expect(activityHeader('en')).toEqual([
      'Date',
      'Customer ID',
      'Customer',
      'People met',
      'Key person met',
      'Type',
      'Purpose',
      'Content',
      'Next action',
      'Next due',
      'Rep',
      'Recorded at',
      'Record ID',
    ]);
  });

  it('writes an English row with labels in English and leaves plain text alone', () => {
    const r = validateActivity(
      input({ contactIds: ['P004'], type: 'email', nextDue: '' }),
      index,
      TODAY,
      'en',
    );
    if (!r.ok) throw new Error('expected ok');
    const row = activityRow(r.activity, 'en', null, r);
    expect(row.slice(0, 6)).toEqual(['2026-11-28', 'C002', '東和精機株式会社', '伊藤 恵', '', 'Email']);
    expect(row[9]).toBe('');
    expect(row[11]).toBe('');
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
