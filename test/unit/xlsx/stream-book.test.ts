import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { LazyZip } from '../../../xlsx/lazy-zip';
import { openStreamedBook } from '../../../xlsx/stream-book';
import { writePackage } from '../../../xlsx/write';
import { textOf } from '../../../xlsx/package';

/*
 * The command line's reader: a sheet streamed straight into the values a host hands the core —
 * shared and inline strings, numbers, dates told by their cell style's number format, booleans,
 * errors, and a formula cell's cached value — matched by namespace whatever prefix the producer
 * chose. Saving keeps every untouched part's compressed bytes.
 */

const T_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

/** A package with one sheet; `sheetData` is the sheet's rows, `root` its root element's opening. */
function book(
  sheet: { root: string; body: string; close: string },
  flavour = { main: T_MAIN, rel: T_REL },
  names = (n: string) => n,
): Uint8Array {
  return zipSync(
    {
      [names('[Content_Types].xml')]: strToU8(CT),
      [names('_rels/.rels')]: strToU8(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${flavour.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      [names('xl/workbook.xml')]: strToU8(
        `<workbook xmlns="${flavour.main}" xmlns:r="${flavour.rel}"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      [names('xl/_rels/workbook.xml.rels')]: strToU8(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${flavour.rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${flavour.rel}/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId3" Type="${flavour.rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      [names('xl/styles.xml')]: strToU8(
        `<styleSheet xmlns="${flavour.main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
      [names('xl/sharedStrings.xml')]: strToU8(
        `<sst xmlns="${flavour.main}"><si><t>顧客ID</t></si><si><t>顧客名</t></si><si><r><t>株式会社</t></r><r><t>みらい</t></r><rPh><t>カブシキガイシャ</t></rPh></si></sst>`,
      ),
      [names('xl/worksheets/sheet1.xml')]: strToU8(`${sheet.root}${sheet.body}${sheet.close}`),
    },
    { level: 1 },
  );
}

const ROWS = (p: string) =>
  `<${p}sheetData>` +
  `<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="s"><${p}v>1</${p}v></${p}c><${p}c r="C1" t="inlineStr"><${p}is><${p}t>日付</${p}t></${p}is></${p}c></${p}row>` +
  `<${p}row r="3"><${p}c r="A3"><${p}v>101</${p}v></${p}c><${p}c r="B3" t="s"><${p}v>2</${p}v></${p}c><${p}c r="C3" s="1"><${p}v>46355</${p}v></${p}c>` +
  `<${p}c r="D3" s="2"><${p}v>46355.5</${p}v></${p}c><${p}c r="E3" t="b"><${p}v>1</${p}v></${p}c><${p}c r="F3" t="e"><${p}v>#N/A</${p}v></${p}c>` +
  `<${p}c r="G3" t="str"><${p}f>A3&amp;"x"</${p}f><${p}v>101x</${p}v></${p}c><${p}c r="H3"><${p}f>SUM(A3)</${p}f><${p}v>101</${p}v></${p}c></${p}row>` +
  `</${p}sheetData>`;

const EXPECTED = [
  ['顧客ID', '顧客名', '日付', '', '', '', '', ''],
  ['', '', '', '', '', '', '', ''],
  [101, '株式会社みらい', new Date(2026, 10, 29), new Date(2026, 10, 29, 12, 0), true, '#N/A', '101x', 101],
];

describe('a sheet streamed into host values', () => {
  it('reads strings, numbers, dates by style, booleans, errors and cached formula values', () => {
    const b = openStreamedBook(
      book({ root: `<worksheet xmlns="${T_MAIN}">`, body: ROWS(''), close: '</worksheet>' }),
      'a.xlsx',
      'ja',
    );
    expect(b.sheets.map((s) => s.name)).toEqual(['顧客']);
    expect(b.values('顧客')).toEqual(EXPECTED);
  });

  it('matches elements by namespace: a prefix, a declaration on a child, Strict', () => {
    const prefixed = book({
      root: `<x:worksheet xmlns:x="${T_MAIN}">`,
      body: ROWS('x:'),
      close: '</x:worksheet>',
    });
    expect(openStreamedBook(prefixed, 'a.xlsx', 'ja').values('顧客')).toEqual(EXPECTED);
    const onChild = book({
      root: '<worksheet xmlns="urn:other">',
      body: ROWS('m:').replace('<m:sheetData>', `<m:sheetData xmlns:m="${T_MAIN}">`),
      close: '</worksheet>',
    });
    expect(openStreamedBook(onChild, 'a.xlsx', 'ja').values('顧客')).toEqual(EXPECTED);
    // Elements of another namespace named like SpreadsheetML's are not cells.
    const foreign = book({
      root: `<worksheet xmlns="${T_MAIN}" xmlns:o="urn:other">`,
      body: ROWS('').replace('<sheetData>', '<sheetData><o:row r="9"><o:c r="A9"><o:v>7</o:v></o:c></o:row>'),
      close: '</worksheet>',
    });
    expect(openStreamedBook(foreign, 'a.xlsx', 'ja').values('顧客')).toEqual(EXPECTED);
    const strict = book(
      { root: `<worksheet xmlns="${S_MAIN}">`, body: ROWS(''), close: '</worksheet>' },
      { main: S_MAIN, rel: S_REL },
    );
    expect(openStreamedBook(strict, 'a.xlsx', 'ja').values('顧客')).toEqual(EXPECTED);
  });

  it('opens a zip whose entries are named with backslashes', () => {
    const b = book(
      { root: `<worksheet xmlns="${T_MAIN}">`, body: ROWS(''), close: '</worksheet>' },
      undefined,
      (n) => n.replace(/\//g, '\\'),
    );
    expect(openStreamedBook(b, 'a.xlsx', 'ja').values('顧客')).toEqual(EXPECTED);
  });

  it('says which part is not well-formed', () => {
    const b = book({
      root: `<worksheet xmlns="${T_MAIN}">`,
      body: '<sheetData><row><c></row></sheetData>',
      close: '</worksheet>',
    });
    expect(() => openStreamedBook(b, 'bad.xlsx', 'en').values('顧客')).toThrow(/xl\/worksheets\/sheet1\.xml/);
  });
});

describe('saving a lazily read package', () => {
  it("keeps every untouched part's compressed bytes and adds the new sheet", () => {
    const bytes = book({ root: `<worksheet xmlns="${T_MAIN}">`, body: ROWS(''), close: '</worksheet>' });
    const b = openStreamedBook(bytes, 'a.xlsx', 'ja');
    expect(b.parts).toBeInstanceOf(LazyZip);
    const saved = writePackage(
      b,
      {
        added: [{ name: 'ランク', rows: [[{ content: 'A', value: 'A' }]], frozenRows: 0 }],
        patched: [],
        names: [],
      },
      'ja',
    );
    const before = unzipSync(bytes);
    const after = unzipSync(saved);
    for (const name of Object.keys(before))
      if (!['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name))
        expect({ name, same: Buffer.from(after[name]!).equals(Buffer.from(before[name]!)) }).toEqual({
          name,
          same: true,
        });
    expect(textOf(after['xl/workbook.xml']!)).toContain('name="ランク"');
    expect(openStreamedBook(saved, 'a.xlsx', 'ja').values('ランク')).toEqual([['A']]);
    // The sheet part was copied compressed as it was (at level 1), not inflated and deflated again (level 6).
    const sheet = before['xl/worksheets/sheet1.xml']!;
    expect(Buffer.from(saved).includes(Buffer.from(deflateSync(sheet, { level: 1 })))).toBe(true);
    expect(
      Buffer.from(deflateSync(sheet, { level: 1 })).equals(Buffer.from(deflateSync(sheet, { level: 6 }))),
    ).toBe(false);
  });
});
