/**
 * How long one pathological cell takes to read: every cell reader at 5,000 and 50,000 characters
 * (the most a Sheets cell holds) of the runs that trip regexes. Target: ≤ 10 ms per cell at
 * 50,000; the 5k→50k ratio shows linearity (≈10). Run: npx tsx bench/cells.ts
 */
import { parseConditions } from '../shared/definition/conditions';
import type { Customer } from '../shared/model';
import {
  CustomerIndex,
  foldCustomerId,
  matchPeople,
  normalizeCompanyName,
  normalizeHeader,
  parsePerson,
  personReadings,
  readActivityType,
  splitPeople,
} from '../shared/tables';
import * as values from '../shared/values';

const contacts = [
  { id: 'P1', customerId: 'C1', name: '田中 太郎', kana: 'たなか たろう', title: '部長', role: 'key_person' },
  { id: 'P2', customerId: 'C1', name: '鈴木 花子', kana: '', title: '', role: 'in_charge' },
] as never;
const customers = new CustomerIndex([
  { id: 'C1', name: '株式会社 山田製作所', kana: 'やまだ' } as Customer,
  { id: 'C2', name: 'ABC Co., Ltd.', kana: '' } as Customer,
]);

const READERS: Record<string, (s: string) => unknown> = {
  normalizeText: values.normalizeText,
  normalizeNote: values.normalizeNote,
  foldText: values.foldText,
  readNumber: values.readNumber,
  readDate: values.readDate,
  readBoolean: values.readBoolean,
  readAttribute: values.readAttribute,
  normalizeHeader,
  splitPeople,
  parsePerson,
  personReadings,
  matchPeople: (s) => matchPeople(s, contacts),
  readActivityType,
  normalizeCompanyName,
  foldCustomerId,
  findCustomer: (s) => customers.find(s),
  searchCustomers: (s) => customers.search(s),
  parseConditions,
};
const UNITS = ['(', '（', ')', '「', ' ', '\u3000', 'a ', 'あ ', '、', '・', ',', ' ,', 'co ', '様', '部長', '1,', '1万', '-', '以上', 'が '];

function worst(read: (s: string) => unknown, length: number): { ms: number; unit: string } {
  let out = { ms: 0, unit: '' };
  for (const unit of UNITS) {
    const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    for (const s of [body, `${body}x`, `x${body}`]) {
      read(s);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        read(s);
        best = Math.min(best, performance.now() - t0);
      }
      if (best > out.ms) out = { ms: best, unit };
    }
  }
  return out;
}

console.log('| reader | 5k chars (ms) | 50k chars (ms) | worst run | 50k ≤ 10 ms |');
console.log('|---|---:|---:|---|---|');
for (const [name, read] of Object.entries(READERS)) {
  const small = worst(read, 5_000);
  const large = worst(read, 50_000);
  console.log(
    `| ${name} | ${small.ms.toFixed(2)} | ${large.ms.toFixed(2)} | ${JSON.stringify(large.unit)} | ${large.ms <= 10 ? 'ok' : 'FAIL'} |`,
  );
}
