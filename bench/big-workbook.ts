/**
 * The big workbook of issue 10: 10,000 customers, 30,000 contacts and 300,000 activities (about
 * 24 MB), from the same seeded data as the function benchmark (generate.ts), written by openpyxl's
 * write-only mode (/usr/bin/python3) the way a team's Python script writes one: shared strings,
 * dates as serial numbers with a date format. Written under os.tmpdir(), never in the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate';

export const PYTHON = '/usr/bin/python3';
const AS_OF_DAY = Date.UTC(2026, 10, 29) / 86_400_000;

const WRITER = String.raw`
import sys, json, datetime
from openpyxl import Workbook
EPOCH = datetime.date(1899, 12, 30)
wb = Workbook(write_only=True)
sheet = None
for line in sys.stdin:
    item = json.loads(line)
    if isinstance(item, dict):
        sheet = wb.create_sheet(item['sheet'])
        dates = set(item['dates'])
        continue
    sheet.append([EPOCH + datetime.timedelta(days=v) if i in dates and isinstance(v, (int, float)) and v != '' else (None if v == '' else v) for i, v in enumerate(item)])
wb.save(sys.argv[1])
`;

/** The workbook's path for `customers` customers, generated on first use (seeded: same bytes every time). */
export function bigWorkbook(customers = 10_000): string {
  const file = join(tmpdir(), `kimeru-bench-${customers}.xlsx`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const grids = generate(customers, AS_OF_DAY);
  const lines: string[] = [];
  const sheet = (name: string, grid: unknown[][], dates: number[]) => {
    lines.push(JSON.stringify({ sheet: name, dates }));
    for (const row of grid) lines.push(JSON.stringify(row));
  };
  sheet('顧客', grids.customers, []);
  sheet('連絡先', grids.contacts, []);
  // 日付, 次回期日 and 記録日時 are dates.
  sheet('行動', grids.activities, [0, 7, 9]);
  const r = spawnSync(PYTHON, ['-c', WRITER, file], {
    input: `${lines.join('\n')}\n`,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`openpyxl could not write ${file}: ${r.stderr}`);
  return file;
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 10_000);
  const file = bigWorkbook(size);
  process.stdout.write(`${file} (${(statSync(file).size / 1024 ** 2).toFixed(1)} MB)\n`);
}
