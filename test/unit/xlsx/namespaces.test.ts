import { strToU8, zipSync } from 'fflate';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { parseXml } from '../../../xlsx/xml';
import { partsOf, partText } from './helpers';

/*
 * Namespaces as producers really write them, in small hand-written packages: the relationships
 * namespace declared on each <sheet> (openpyxl), Strict Open XML's own namespaces and relationship
 * types, and zip entries named with backslashes. What kimeru writes declares every prefix it uses
 * and keeps the file's flavour.
 */

const T_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const STYLES = (ns: string) =>
  `<?xml version="1.0"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts>` +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

function pkg(flavour: { main: string; rel: string }, workbook: string, names = (n: string) => n): Uint8Array {
  return zipSync({
    [names('[Content_Types].xml')]: strToU8(CT),
    [names('_rels/.rels')]: strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${flavour.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    [names('xl/workbook.xml')]: strToU8(workbook),
    [names('xl/_rels/workbook.xml.rels')]: strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${flavour.rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${flavour.rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    [names('xl/worksheets/sheet1.xml')]: strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${flavour.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>顧客ID</t></is></c></row><row r="2"><c r="A2" s="1"><v>1.5</v></c></row></sheetData></worksheet>`,
    ),
    [names('xl/styles.xml')]: strToU8(STYLES(flavour.main)),
  });
}

/** Adds a sheet holding a date (so a date style is needed) and saves. */
async function addDatedSheet(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const { workbook, source } = openWorkbookFile(bytes, name, 'ja');
  await workbook.write([{ kind: 'addSheet', sheet: 'メモ', rows: [['日付'], ['2026-11-29']] }]);
  workbook.setUserInput('メモ', 1, 0, '2026/11/29');
  return saveXlsx(workbook, source, 'ja');
}

describe('a workbook written the way openpyxl writes it', () => {
  // openpyxl declares the relationships namespace on each <sheet>, not on <workbook>.
  const openpyxlStyle =
    `<workbook xmlns="${T_MAIN}"><workbookPr/><sheets>` +
    `<sheet xmlns:r="${T_REL}" name="顧客" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/></workbook>`;

  it('gets new <sheet> entries that declare the r: prefix they use, so the part stays well-formed', async () => {
    const saved = await addDatedSheet(pkg({ main: T_MAIN, rel: T_REL }, openpyxlStyle), 'openpyxl.xlsx');
    const xml = partText(saved, 'xl/workbook.xml');
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml).toContain(`<sheet name="メモ" sheetId="2" xmlns:r="${T_REL}" r:id="rId3"/>`);
    const again = openWorkbookFile(saved, 'again.xlsx', 'ja');
    expect(again.workbook.hf.getSheetNames()).toEqual(['顧客', 'メモ']);
  });

  it('uses the prefix a workbook already binds, when it binds one on <workbook>', async () => {
    const bound = `<x:workbook xmlns:x="${T_MAIN}" xmlns:rel="${T_REL}"><x:sheets><x:sheet name="顧客" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    const saved = await addDatedSheet(pkg({ main: T_MAIN, rel: T_REL }, bound), 'prefixed.xlsx');
    expect(partText(saved, 'xl/workbook.xml')).toContain('<x:sheet name="メモ" sheetId="2" rel:id="rId3"/>');
  });
});

describe('a Strict Open XML workbook', () => {
  const strict = `<workbook xmlns="${S_MAIN}" xmlns:r="${S_REL}" conformance="strict"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>`;

  it('reads its cells and number formats', () => {
    const { workbook } = openWorkbookFile(pkg({ main: S_MAIN, rel: S_REL }, strict), 'strict.xlsx', 'ja');
    expect(workbook.values('顧客')).toEqual([['顧客ID'], [1.5]]);
  });

  it('is written as Strict: its styles part gains a date style and keeps everything else', async () => {
    const original = pkg({ main: S_MAIN, rel: S_REL }, strict);
    const saved = await addDatedSheet(original, 'strict.xlsx');
    const styles = partText(saved, 'xl/styles.xml');
    expect(styles).toBe(
      STYLES(S_MAIN)
        .replace('<cellXfs count="2">', '<cellXfs count="3">')
        .replace(
          '</cellXfs>',
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
        ),
    );
    expect(partText(saved, 'xl/_rels/workbook.xml.rels')).toContain(
      `<Relationship Id="rId3" Type="${S_REL}/worksheet" Target="worksheets/sheet2.xml"/>`,
    );
    expect(partText(saved, 'xl/worksheets/sheet2.xml')).toContain(`<worksheet xmlns="${S_MAIN}">`);
    expect([...partsOf(saved).keys()].sort()).toEqual(
      [...partsOf(original).keys(), 'xl/worksheets/sheet2.xml'].sort(),
    );
    const again = openWorkbookFile(saved, 'again.xlsx', 'ja');
    expect(again.workbook.values('メモ')).toEqual([['日付'], [46355]]);
    expect(again.workbook.formatAt('メモ', 1, 0)).toBe('date');
  });
});

describe('a zip whose entries are named with backslashes', () => {
  it('opens as Excel opens it, and saves its parts under their proper names', async () => {
    const transitional = `<workbook xmlns="${T_MAIN}" xmlns:r="${T_REL}"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const original = pkg({ main: T_MAIN, rel: T_REL }, transitional, (n) => n.replace(/\//g, '\\'));
    const { workbook } = openWorkbookFile(original, 'backslash.xlsx', 'ja');
    expect(workbook.values('顧客')[0]).toEqual(['顧客ID']);
    const saved = await addDatedSheet(original, 'backslash.xlsx');
    expect([...partsOf(saved).keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });
});
