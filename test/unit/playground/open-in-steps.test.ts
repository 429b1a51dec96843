import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fromPosted,
  loadWorkbookFile,
  openWorkbookFile,
  postable,
  readWorkbookFile,
  type OpenProgress,
} from '../../../playground/src/hf-workbook-file';
import { saveSession } from '../../../playground/src/app/session';

/*
 * The page opens a file in steps: read in a worker (its result crosses to the page by structured
 * clone), then loaded block by block with progress. Every step must give the same workbook as
 * opening it in one go, for every real file, and saving must still keep the package intact.
 */

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'xlsx');
const files = [
  ...(existsSync(CORPUS) ? readdirSync(CORPUS).map((f) => join(CORPUS, f)) : []),
  ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
].filter((f) => /\.(xlsx|xlsm|csv)$/i.test(f));

/**
 * Each sheet's cells and values. A volatile formula's value (RAND, NOW) differs on every open,
 * and so do the formulas that depend on it: in a workbook holding one, only the cells compare.
 */
const VOLATILE = /\b(RAND|RANDBETWEEN|NOW|TODAY)\(/i;
const contents = (wb: ReturnType<typeof openWorkbookFile>['workbook']) => {
  const names = wb.hf.getSheetNames();
  const volatile = names.some((n) =>
    wb.serialized(n).some((row) => row.some((c) => VOLATILE.test(String(c ?? '')))),
  );
  return names.map((n) => [n, wb.serialized(n), volatile ? 'volatile' : wb.values(n)]);
};

function drain(read: ReturnType<typeof readWorkbookFile>) {
  const steps = loadWorkbookFile(read, 'ja');
  const seen: OpenProgress[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { opened: step.value, seen };
    seen.push(step.value);
  }
}

describe('opening a file in steps, as the page does', () => {
  it('has real files to open', () => {
    expect(files.length).toBeGreaterThanOrEqual(existsSync(CORPUS) ? 21 : 1);
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: read, posted to the page, loaded in blocks = opened at once',
    (name, path) => {
      const bytes = new Uint8Array(readFileSync(path));
      let whole: ReturnType<typeof openWorkbookFile>;
      try {
        whole = openWorkbookFile(bytes, name, 'ja');
      } catch (e) {
        // A file kimeru refuses is refused the same way through the worker's path.
        expect(() => readWorkbookFile(bytes, name, 'ja')).toThrow((e as Error).message);
        return;
      }
      const read = readWorkbookFile(bytes, name, 'ja');
      const { opened } = drain(fromPosted(structuredClone(postable(read))));
      expect(contents(opened.workbook)).toEqual(contents(whole.workbook));
      // The package that crossed over still saves: same bytes as saving the one opened at once.
      const session = (o: typeof opened) => ({
        workbook: o.workbook,
        source: o.source,
        fileName: name,
        api: null as never,
        firstSheet: '',
      });
      expect(saveSession(session(opened), 'ja').bytes).toEqual(saveSession(session(whole), 'ja').bytes);
    },
  );

  it('reports every sheet read and every block of rows loaded, ending at the last row', () => {
    const header = ['顧客ID', '顧客名'];
    const rows = Array.from({ length: 4500 }, (_, i) => [`C${i + 1}`, `顧客${i + 1}`]);
    const csv = [header, ...rows].map((r) => r.join(',')).join('\n');
    const readProgress: OpenProgress[] = [];
    const bytes = new TextEncoder().encode(csv);
    const read = readWorkbookFile(bytes, '顧客.csv', 'ja', (p) => readProgress.push(p));
    expect(drain(read).opened.workbook.values('顧客').length).toBe(4501);

    const xlsx = readFileSync(join(FIXTURES, 'team-libreoffice.xlsx'));
    const sheets: OpenProgress[] = [];
    const { opened, seen } = drain(
      readWorkbookFile(new Uint8Array(xlsx), 'team.xlsx', 'ja', (p) => sheets.push(p)),
    );
    const names = opened.workbook.hf.getSheetNames();
    expect(sheets.map((p) => [p.phase, p.sheet, p.done, p.total])).toEqual(
      names.map((n, i) => ['read', n, i, names.length]),
    );
    for (const n of names) {
      const rowsOf = seen.filter((p) => p.sheet === n);
      const height = opened.workbook.serialized(n).length;
      if (height > 0) expect(rowsOf.at(-1)).toMatchObject({ phase: 'load', done: height, total: height });
    }
  });
});
