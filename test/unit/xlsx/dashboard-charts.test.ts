import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzip, textOf } from '../../../xlsx/package';
import { hasCommand, libreOfficeConvertAll, pythonWithOpenpyxl, warnSkipped, xmllintAll } from './tools';

/*
 * The dashboard in an .xlsx the command line writes: real chart parts (chart, drawing, their
 * relationships and content types), traffic lights as conditional formatting, the user's parts
 * byte for byte — and three independent readers (xmllint, openpyxl, LibreOffice) that open it
 * and keep the charts.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SHIM = join(ROOT, 'cli', 'kimeru.js');
let dir: string;
let before: Map<string, Uint8Array>;
let after: Map<string, Uint8Array>;
let setupOutput = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-dashboard-'));
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout;
  };
  run(['sample', 'try.xlsx', '--lang', 'ja']);
  setupOutput = run(['setup', 'try.xlsx', '--as-of', '2026-11-29']);
  before = unzip(readFileSync(join(dir, 'try.xlsx')));
  after = unzip(readFileSync(join(dir, 'try.kimeru.xlsx')));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (part: string) => textOf(after.get(part)!);

describe('the dashboard in a saved .xlsx', () => {
  it('is announced by setup, which ends with the next steps', () => {
    expect(setupOutput).toContain('「ダッシュボード」シートを追加しました');
    expect(setupOutput).toMatch(
      /次にやること\n {2}1\. 読み取った列.*\n {2}2\. 「定義」シートを確認し、第1版として保存する\n {2}3\. 最初の行動を記録する.*\n {2}4\. 「ダッシュボード」シートを開く\n/,
    );
  });

  it('adds five chart parts, a drawing and their relationships and content types; user parts keep their bytes', () => {
    const charts = [...after.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts).toHaveLength(5);
    const drawing = text('xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(5);
    const drawingRels = text('xl/drawings/_rels/drawing1.xml.rels');
    for (const c of charts)
      expect(drawingRels).toMatch(new RegExp(`Target="(\\.\\.|/xl)/charts/${c.split('/')[2]}"`));
    const types = text('[Content_Types].xml');
    for (const p of [...charts, 'xl/drawings/drawing1.xml']) expect(types).toContain(`PartName="/${p}"`);
    // The dashboard sheet names its drawing; its charts read the cells its formulas spill into.
    const sheetRels = [...after.keys()].filter((p) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(p));
    expect(sheetRels).toHaveLength(1);
    expect(text(sheetRels[0]!)).toMatch(/Target="(\.\.|\/xl)\/drawings\/drawing1\.xml"/);
    const sheet = text(sheetRels[0]!.replace('_rels/', '').replace(/\.rels$/, ''));
    expect(sheet).toMatch(/<drawing xmlns:r="[^"]+" r:id="rId1"\/><\/worksheet>$/);
    expect(sheet).toContain('KIMERU.DASHBOARD(KIMERU_CUSTOMERS');
    expect(sheet.match(/<conditionalFormatting /g)).toHaveLength(2);
    const kinds = charts.map((c) => /<c:(barChart|lineChart|pieChart)>/.exec(text(c))?.[1]);
    expect(kinds.sort()).toEqual(['barChart', 'barChart', 'barChart', 'lineChart', 'pieChart']);
    expect(text(charts[0]!)).toContain("<c:f>'ダッシュボード'!$B$6:$B$44</c:f>");
    // Only the package's lists gain entries: every part of the user's file keeps its bytes.
    const lists = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
    ]);
    for (const [part, bytes] of before)
      if (!lists.has(part))
        expect({ part, same: Buffer.compare(after.get(part)!, bytes) === 0 }).toEqual({ part, same: true });
    expect(text('xl/styles.xml')).toMatch(/<dxfs count="\d+">(<dxf>.*?<\/dxf>){3}<\/dxfs>/);
  });

  it('is well-formed XML, and openpyxl reads the charts and the traffic lights', () => {
    if (!hasCommand('xmllint'))
      return warnSkipped('xmllint of the dashboard', 'apt-get install libxml2-utils');
    const problems = xmllintAll(
      [{ name: 'try.kimeru.xlsx', bytes: readFileSync(join(dir, 'try.kimeru.xlsx')) }],
      join(dir, 'lint'),
    );
    expect(problems.get('try.kimeru.xlsx')).toBe('');
    const python = pythonWithOpenpyxl();
    if (!python) return warnSkipped('openpyxl check of the dashboard', 'apt-get install python3-openpyxl');
    const r = spawnSync(
      python,
      [
        '-c',
        [
          'import json, sys, warnings',
          'warnings.simplefilter("ignore")',
          'import openpyxl',
          'wb = openpyxl.load_workbook(sys.argv[1])',
          'ws = wb["ダッシュボード"]',
          'print(json.dumps({"charts": len(ws._charts), "lights": [str(r.sqref) for r in ws.conditional_formatting]}))',
        ].join('\n'),
        join(dir, 'try.kimeru.xlsx'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout) as { charts: number; lights: string[] };
    expect(seen.charts).toBe(5);
    expect(seen.lights.sort()).toEqual(['E48:E66', 'E88:E98']);
  });

  it('converts in LibreOffice with its five charts', () => {
    if (!hasCommand('soffice'))
      return warnSkipped('LibreOffice conversion of the dashboard', 'apt-get install libreoffice-calc');
    const converted = libreOfficeConvertAll([join(dir, 'try.kimeru.xlsx')], dir);
    expect([...converted]).toEqual(['try.kimeru.xlsx']);
    const ods = unzip(readFileSync(join(dir, 'converted', 'try.kimeru.ods')));
    const content = textOf(ods.get('content.xml')!);
    expect(content.match(/<draw:object /g)).toHaveLength(5);
    const objects = [...ods.keys()].filter((p) => /^Object \d+\/content\.xml$/.test(p));
    expect(objects).toHaveLength(5);
    for (const o of objects) expect(textOf(ods.get(o)!)).toContain('<chart:chart ');
    expect(existsSync(join(dir, 'converted', 'try.kimeru.ods'))).toBe(true);
  }, 300_000);
});
