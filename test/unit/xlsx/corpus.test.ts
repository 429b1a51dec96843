import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { insertedElements, partsOf } from './helpers';
import {
  hasCommand,
  libreOfficeConvertAll,
  openpyxlAll,
  pythonWithOpenpyxl,
  warnSkipped,
  xmllintAll,
} from './tools';

/*
 * Workbooks no one here wrote: the 21 real files of ../shared/corpus (Excel, Excel for Mac,
 * LibreOffice, Google Sheets, WPS, ONLYOFFICE; Strict; pivots, charts, tables, threaded comments,
 * external links, pictures in cells, form controls, VBA, hidden sheets, furigana; a zip with
 * backslash paths — see its SOURCES.md), and workbooks written by openpyxl and by ExcelJS. Each
 * gets a small customer sheet, then goes through the command line as a consultant runs it:
 * setup → rank → gapcheck → review → manual. Every command runs; every part the file had comes
 * out byte for byte, except the workbook part, its relationships, [Content_Types].xml and the
 * styles part, which only gain whole entries; and every output is well-formed XML (xmllint),
 * opens in openpyxl and converts in LibreOffice.
 *
 * The corpus is read where it lies (beside the repository), never copied into it.
 */

// jest would resolve cli/kimeru to the npx shim (kimeru.js, which runs at once): name the .ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('../../../cli/kimeru.ts') as typeof import('../../../cli/kimeru');

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const AS_OF = '2026-11-29';
const CUSTOMERS = [
  ['顧客ID', '顧客名', '年間取引額', '業種'],
  ['C001', '株式会社山田製作所', 12_000_000, '製造業'],
  ['C002', '鈴木商事株式会社', 3_000_000, '卸売業'],
  ['C003', '田中建設', 8_000_000, '建設業'],
  ['C004', 'みらい精機', 500_000, '製造業'],
];
/** kimeru's sheets every run must leave in the workbook (Japanese names: the runs are in Japanese). */
const KIMERU_SHEETS = ['kimeru設定', 'ランク', 'ギャップ', '振り返り', 'マニュアル'];

interface Input {
  name: string;
  /** The workbook as its producer wrote it. */
  original: Uint8Array;
  /** With the customer sheet (what the commands run on). */
  withCustomers: Uint8Array;
  customerSheet: string;
}

interface Run {
  input: Input;
  output: Uint8Array;
  outputPath: string;
  log: string[];
}

const corpusPresent = existsSync(CORPUS);
if (!corpusPresent)
  console.warn(`\n*** SKIPPED: the corpus is not at ${CORPUS} (CI keeps a copy beside the clone). ***\n`);
const d = corpusPresent ? describe : describe.skip;

let dir: string;
const inputs: Input[] = [];
const runs: Run[] = [];

function corpusFiles(): string[] {
  const top = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));
  // slow/ holds one 847 KB model that takes minutes to open: only on request.
  const slow = process.env['KIMERU_SLOW_CORPUS']
    ? readdirSync(join(CORPUS, 'slow'))
        .filter((f) => /\.xls[xm]$/.test(f))
        .map((f) => join('slow', f))
    : [];
  return [...top, ...slow];
}

/** The workbook with a customer sheet added, the way the playground adds one and saves. */
async function addCustomerSheet(
  bytes: Uint8Array,
  name: string,
): Promise<{ bytes: Uint8Array; sheet: string }> {
  const { workbook, source } = openWorkbookFile(bytes, name, 'ja');
  const sheet = workbook.hf.doesSheetExist('顧客') ? '取引先' : '顧客';
  await workbook.write([{ kind: 'addSheet', sheet, rows: CUSTOMERS }]);
  return { bytes: saveXlsx(workbook, source, 'ja'), sheet };
}

/** A workbook written by openpyxl (the relationships namespace declared on each <sheet>). */
function openpyxlWorkbook(python: string, path: string): Uint8Array {
  const script = [
    'import sys, datetime, openpyxl',
    'from openpyxl.styles import Font',
    'wb = openpyxl.Workbook()',
    'ws = wb.active',
    'ws.title = "顧客"',
    `for row in ${JSON.stringify(CUSTOMERS)}: ws.append(row)`,
    'ws["A1"].font = Font(bold=True)',
    'ws2 = wb.create_sheet("メモ")',
    'ws2["A1"] = "更新日"',
    'ws2["B1"] = datetime.date(2026, 11, 1)',
    'ws2["A2"] = "=SUM(顧客!C2:C5)"',
    'wb.save(sys.argv[1])',
  ].join('\n');
  const r = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return new Uint8Array(readFileSync(path));
}

/** A workbook written by ExcelJS: styles, a merge, a formula, a date, validation. */
async function excelJsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ExcelJS';
  const ws = wb.addWorksheet('顧客');
  for (const row of CUSTOMERS) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(3).numFmt = '#,##0';
  ws.getCell('F1').value = { formula: 'SUM(C2:C5)', result: 23_500_000 };
  const memo = wb.addWorksheet('メモ');
  memo.mergeCells('A1:C1');
  memo.getCell('A1').value = '営業会議メモ';
  memo.getCell('A2').value = new Date(Date.UTC(2026, 10, 1));
  memo.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"済,未"'] };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Runs the command line in this process (cli/kimeru.ts's main), collecting what it prints. */
async function kimeru(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

d('workbooks from every producer', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kimeru-corpus-'));
    const originals: { name: string; bytes: Uint8Array }[] = corpusFiles().map((f) => ({
      name: f,
      bytes: new Uint8Array(readFileSync(join(CORPUS, f))),
    }));
    const python = pythonWithOpenpyxl();
    if (python)
      originals.push({
        name: 'openpyxl.xlsx',
        bytes: openpyxlWorkbook(python, join(dir, 'openpyxl-made.xlsx')),
      });
    else warnSkipped('a workbook written by openpyxl', 'apt-get install python3-openpyxl');
    originals.push({ name: 'exceljs.xlsx', bytes: await excelJsWorkbook() });

    for (const o of originals) {
      // openpyxl and ExcelJS workbooks are made with their customer sheet; the corpus gets one.
      const made = o.name === 'openpyxl.xlsx' || o.name === 'exceljs.xlsx';
      const added = made ? { bytes: o.bytes, sheet: '顧客' } : await addCustomerSheet(o.bytes, o.name);
      inputs.push({
        name: o.name,
        original: o.bytes,
        withCustomers: added.bytes,
        customerSheet: added.sheet,
      });
    }

    for (const input of inputs) {
      const ext = input.name.endsWith('.xlsm') ? 'xlsm' : 'xlsx';
      const stem = input.name.replace(/[\\/]/g, '_').replace(/\.xls[xm]$/, '');
      const inPath = join(dir, `${stem}.${ext}`);
      const outPath = join(dir, `${stem}.kimeru.${ext}`);
      writeFileSync(inPath, input.withCustomers);
      const log: string[] = [];
      const setup = await kimeru(['setup', inPath, '--as-of', AS_OF, '--out', outPath]);
      log.push(`setup ${setup.code} ${setup.stdout}${setup.stderr}`);
      for (const command of ['rank', 'gapcheck', 'review', 'manual']) {
        const r = await kimeru([command, outPath, '--in-place', '--as-of', AS_OF]);
        log.push(`${command} ${r.code} ${r.stdout}${r.stderr}`);
      }
      runs.push({
        input,
        output: existsSync(outPath) ? new Uint8Array(readFileSync(outPath)) : new Uint8Array(),
        outputPath: outPath,
        log,
      });
    }
  }, 20 * 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds every workbook of the corpus, the slow one aside', () => {
    expect(inputs.filter((i) => !['openpyxl.xlsx', 'exceljs.xlsx'].includes(i.name))).toHaveLength(
      process.env['KIMERU_SLOW_CORPUS'] ? 22 : 21,
    );
  });

  it('runs setup, rank, gapcheck, review and manual on each, adding the customer sheet and kimeru’s sheets', () => {
    for (const run of runs) {
      const codes = run.log.map((l) => l.split(' ').slice(0, 2).join(' '));
      expect({ file: run.input.name, codes }).toEqual({
        file: run.input.name,
        codes: ['setup 0', 'rank 0', 'gapcheck 0', 'review 0', 'manual 0'],
      });
      expect({ file: run.input.name, adopted: run.log[0] }).toEqual({
        file: run.input.name,
        adopted: expect.stringContaining(`「${run.input.customerSheet}」`),
      });
      const sheets = openWorkbookFile(run.output, run.input.name, 'ja').workbook.hf.getSheetNames();
      expect({ file: run.input.name, sheets }).toEqual({
        file: run.input.name,
        sheets: expect.arrayContaining([run.input.customerSheet, ...KIMERU_SHEETS]),
      });
    }
  });

  it('keeps every part the producer wrote byte for byte; four parts only gain whole entries', () => {
    for (const run of runs) {
      const before = partsOf(run.input.original);
      const after = partsOf(run.output);
      const edited = editedParts(before);
      expect({ file: run.input.name, lost: [...before.keys()].filter((k) => !after.has(k)) }).toEqual({
        file: run.input.name,
        lost: [],
      });
      for (const [name, bytes] of before) {
        if (edited.has(name)) {
          const text = (b: Uint8Array) => new TextDecoder().decode(b);
          const was = text(bytes);
          const now = text(after.get(name)!);
          // A count attribute that says how many entries a list holds grows with it, and an
          // empty list (<definedNames/>) opens to take its first entry.
          const same = (xml: string) =>
            xml
              .replace(/(<(?:\w+:)?(?:cellXfs|dxfs)\b[^>]*?\scount=")\d+"/g, '$1"')
              .replace(
                /<((?:\w+:)?(?:definedNames|sheets|cellXfs|dxfs))((?:\s[^>]*?)?)\s*\/>/g,
                '<$1$2></$1>',
              );
          let error = '';
          try {
            insertedElements(same(was), same(now));
          } catch (e) {
            error = String(e);
          }
          expect({ file: run.input.name, part: name, error }).toEqual({
            file: run.input.name,
            part: name,
            error: '',
          });
          continue;
        }
        expect({
          file: run.input.name,
          part: name,
          same: Buffer.compare(bytes, after.get(name)!) === 0,
        }).toEqual({
          file: run.input.name,
          part: name,
          same: true,
        });
      }
    }
  });

  it('writes Strict workbooks as Strict: Strict namespaces and relationship types, the styles part kept', () => {
    const run = runs.find((r) => r.input.name === 'calamine-strict_iso_paths.xlsx')!;
    const after = partsOf(run.output);
    const rels = new TextDecoder().decode(after.get('xl/_rels/workbook.xml.rels')!);
    expect(rels).not.toContain('schemas.openxmlformats.org/officeDocument/2006/relationships/');
    expect(rels).toMatch(
      /Type="http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/worksheet" Target="worksheets\/sheet2\.xml"/,
    );
    for (const [name, bytes] of after)
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
        expect({
          name,
          root: /<worksheet xmlns="([^"]+)"/.exec(new TextDecoder().decode(bytes))?.[1],
        }).toEqual({
          name,
          root: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
        });
    // Its number formats and cell styles are still there (a date style appended at most).
    const styles = new TextDecoder().decode(after.get('xl/styles.xml')!);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0000"/>');
    expect(styles).toContain('<styleSheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
  });

  it('opens the zip with backslash paths as Excel does, writing its parts under their proper names', () => {
    const run = runs.find((r) => r.input.name === 'calamine-issue_530.xlsx')!;
    const after = partsOf(run.output);
    expect(after.has('xl/workbook.xml')).toBe(true);
    expect([...after.keys()].filter((k) => k.includes('\\'))).toEqual([]);
  });

  it('leaves a workbook without a customer list as it was, with a clear message', async () => {
    const path = join(dir, 'no-customers.xlsx');
    const original = runs.find((r) => r.input.name === 'umya-issue_285.xlsx')!.input.original;
    writeFileSync(path, original);
    const r = await kimeru(['setup', path, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No customer list found in');
    expect(Buffer.compare(readFileSync(path), original)).toBe(0);
    expect(existsSync(join(dir, 'no-customers.kimeru.xlsx'))).toBe(false);
  });

  it('writes only well-formed XML (xmllint)', () => {
    if (!hasCommand('xmllint')) return warnSkipped('xmllint', 'apt-get install libxml2-utils');
    const results = xmllintAll(
      runs.map((r) => ({ name: r.input.name, bytes: r.output })),
      join(dir, 'xmllint'),
    );
    for (const [file, errors] of results) expect({ file, errors }).toEqual({ file, errors: '' });
  });

  it('writes workbooks openpyxl opens, with kimeru’s sheets in them', () => {
    const python = pythonWithOpenpyxl();
    if (!python) return warnSkipped('openpyxl', 'apt-get install python3-openpyxl');
    const originals = runs.map((r) => {
      const path = join(dir, `original-${r.input.name.replace(/[\\/]/g, '_')}`);
      writeFileSync(path, r.input.original);
      return path;
    });
    const read = openpyxlAll(python, [...originals, ...runs.map((r) => r.outputPath)]);
    runs.forEach((run, i) => {
      // A workbook openpyxl cannot read as its producer wrote it (umya-aaa.xlsx) is not ours to fix.
      if (!read.get(originals[i]!)!.ok) return;
      const result = read.get(run.outputPath)!;
      expect({ file: run.input.name, ok: result.ok, detail: result.ok ? '' : result.detail }).toEqual({
        file: run.input.name,
        ok: true,
        detail: '',
      });
      // openpyxl 3.0 drops the sheets of a Strict workbook, its own and kimeru's alike.
      if (run.input.name.includes('strict')) return;
      expect({ file: run.input.name, sheets: JSON.parse(result.detail) as string[] }).toEqual({
        file: run.input.name,
        sheets: expect.arrayContaining(KIMERU_SHEETS),
      });
    });
  });

  it('writes workbooks LibreOffice converts (headless, all in one run)', () => {
    if (!hasCommand('soffice')) return warnSkipped('LibreOffice', 'apt-get install libreoffice-calc-nogui');
    const converted = libreOfficeConvertAll(
      runs.map((r) => r.outputPath),
      join(dir, 'lo'),
    );
    for (const run of runs) {
      const name = run.outputPath.slice(dir.length + 1);
      expect({ file: run.input.name, converted: converted.has(name) }).toEqual({
        file: run.input.name,
        converted: true,
      });
    }
  });
});

/** The parts kimeru adds entries to: the workbook part, its relationships, content types, styles. */
function editedParts(parts: Map<string, Uint8Array>): Set<string> {
  const text = (n: string) => new TextDecoder().decode(parts.get(n) ?? new Uint8Array());
  const main = /Target="\/?([^"]+)"[^>]*?\/>/.exec(
    text('_rels/.rels')
      .split('<Relationship ')
      .find((r) => r.includes('/officeDocument"')) ?? '',
  )?.[1];
  const workbook = (main ?? 'xl/workbook.xml').replace(/\\/g, '/');
  const folder = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  const rels = `${folder}_rels/${workbook.slice(folder.length)}.rels`;
  const styles = /Type="[^"]+\/styles" Target="([^"]+)"/.exec(text(rels))?.[1];
  return new Set([workbook, rels, '[Content_Types].xml', ...(styles ? [`${folder}${styles}`] : [])]);
}
