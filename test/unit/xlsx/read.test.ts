import { zipSync, strToU8 } from 'fflate';
import { decodeCsv, parseCsv } from '../../../xlsx/csv';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { readSharedStrings } from '../../../xlsx/read';
import { formatCodeKind } from '../../../xlsx/styles';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { compoundFile, fixture, partsOf, partText } from './helpers';

/*
 * Reading what spreadsheet programs write: rich text and furigana, date styles, formulas the
 * engine cannot compute, namespace prefixes, and CSV files as Japanese offices save them.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package with one sheet, written the way the given program would. */
function pkg(
  sheetXml: string,
  extra: { shared?: string; styles?: string; prefix?: string } = {},
): Uint8Array {
  const p = extra.prefix ?? '';
  const xmlns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><${p}workbook ${xmlns} xmlns:r="${REL}"><${p}sheets><${p}sheet name="顧客" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
        (extra.shared
          ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
          : '') +
        (extra.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><${p}worksheet ${xmlns}><${p}sheetData>${sheetXml}</${p}sheetData></${p}worksheet>`,
    ),
  };
  if (extra.shared) files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}">${extra.shared}</sst>`);
  if (extra.styles)
    files['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${MAIN}">${extra.styles}</styleSheet>`);
  return zipSync(files);
}

describe('strings', () => {
  it('joins rich-text runs and leaves out the furigana Excel stores beside Japanese text', () => {
    const items = readSharedStrings(
      `<sst xmlns="${MAIN}"><si><r><rPr><b/></rPr><t>山田</t></r><r><t xml:space="preserve"> 製作所</t></r><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>` +
        `<si><t>A&amp;B_x000D_社</t></si></sst>`,
    );
    expect(items).toEqual(['山田 製作所', 'A&B\r社']);
  });
});

describe('strings kimeru writes', () => {
  it('round-trips text with characters XML cannot carry and text that looks like an escape', async () => {
    const { workbook, source } = openWorkbookFile(pkg(''), 'empty.xlsx', 'ja');
    const texts = ['ベル\u0007音', '_x0041_ は A ではない', '改行\r\nあり', '<b>&amp;</b>'];
    await workbook.write([{ kind: 'addSheet', sheet: 'メモ', rows: [texts] }]);
    const again = openWorkbookFile(saveXlsx(workbook, source, 'ja'), 'again.xlsx', 'ja');
    expect((await again.workbook.readSheets(['メモ']))['メモ']).toEqual([texts]);
  });
});

describe('cells', () => {
  it('reads dates by their style, custom Japanese era formats included', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="3"/></cellXfs>';
    const bytes = pkg('<row r="1"><c r="A1" s="1"><v>46355</v></c><c r="B1" s="2"><v>46355</v></c></row>', {
      styles,
    });
    const { workbook } = openWorkbookFile(bytes, 'dates.xlsx', 'ja');
    expect(workbook.formatAt('顧客', 0, 0)).toBe('date');
    expect(workbook.formatAt('顧客', 0, 1)).toBeUndefined();
    expect(formatCodeKind('yyyy/m/d h:mm')).toBe('datetime');
    expect(formatCodeKind('#,##0"円"')).toBeUndefined();
    expect(formatCodeKind('General')).toBeUndefined();
  });

  it("keeps the file's value for a formula the engine cannot compute, and recalculates the others", async () => {
    const bytes = pkg(
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*10</f><v>20</v></c>' +
        '<c r="C1" t="str"><f>_xlfn.XLOOKUP(A1,D1:D2,E1:E2)</f><v>見つかった</v></c>' +
        '<c r="D1" t="str"><f>[1]外部!A1</f><v>外部の値</v></c></row>',
    );
    const { workbook } = openWorkbookFile(bytes, 'formulas.xlsx', 'ja');
    expect(workbook.values('顧客')[0]).toEqual([2, 20, '見つかった', '外部の値']);
    workbook.setUserInput('顧客', 0, 0, '5');
    expect(workbook.values('顧客')[0]?.[1]).toBe(50);
  });

  it('reads parts whose elements carry a namespace prefix', async () => {
    const bytes = pkg(
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>株式会社テスト</x:t></x:is></x:c></x:row>',
      { prefix: 'x:' },
    );
    const { workbook, source } = openWorkbookFile(bytes, 'prefixed.xlsx', 'ja');
    expect(workbook.values('顧客')).toEqual([[], [null, '株式会社テスト']]);
    await workbook.append({ sheet: '顧客', rows: [['C1', '追加']] });
    const saved = saveXlsx(workbook, source, 'ja');
    // ExcelJS cannot read prefixed parts; kimeru's own reader and the XML tell.
    expect(partText(saved, 'xl/worksheets/sheet1.xml')).toContain(
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t xml:space="preserve">C1</x:t>',
    );
    expect(openWorkbookFile(saved, 'prefixed.xlsx', 'ja').workbook.values('顧客')[2]).toEqual(['C1', '追加']);
  });
});

describe('files that are not workbooks', () => {
  it('names the file when it is damaged, encrypted or of another kind', () => {
    const team = fixture('team-libreoffice.xlsx');
    expect(() => openWorkbookFile(team.slice(0, 4000), '壊れた.xlsx', 'ja')).toThrow(
      '「壊れた.xlsx」を開けません: .xlsx ファイルとして読めません（壊れているか、別の形式です）。',
    );
    const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    expect(() => openWorkbookFile(encrypted, 'secret.xlsx', 'en')).toThrow(
      'Cannot open "secret.xlsx": it is password-protected.',
    );
    // An old .xls is a compound file too, holding a Workbook stream: not a protected file.
    expect(() =>
      openWorkbookFile(compoundFile(['Workbook', '\u0005SummaryInformation']), '古い.xls', 'ja'),
    ).toThrow('「古い.xls」は古い Excel 形式（.xls）のため開けません。');
    const parts = partsOf(pkg(''));
    parts.delete('[Content_Types].xml');
    expect(() => openWorkbookFile(zipSync(Object.fromEntries(parts)), 'no-types.xlsx', 'en')).toThrow(
      'Cannot open "no-types.xlsx": the part [Content_Types].xml is missing.',
    );
    expect(() => openWorkbookFile(strToU8('hello'), 'memo.docx', 'en')).toThrow(
      'Cannot open "memo.docx": choose an .xlsx or .csv file.',
    );
  });
});

describe('CSV as Japanese offices save it', () => {
  it('reads UTF-8 with a BOM, and Shift_JIS when the bytes are not UTF-8', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('顧客ID,顧客名')]))).toBe('顧客ID,顧客名');
    expect(decodeCsv(fixture('customers-sjis.csv'))).toContain('株式会社山田製作所');
  });

  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('ID,メモ\r\nC1,"1,200万円"\r\nC2,"一行目\n二行目 ""重要"""\r\n')).toEqual([
      ['ID', 'メモ'],
      ['C1', '1,200万円'],
      ['C2', '一行目\n二行目 "重要"'],
    ]);
  });
});
