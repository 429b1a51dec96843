import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Lang } from '../shared/i18n';
import { SERIAL_EPOCH_OFFSET, dateFromDay } from '../shared/values/days';
import type { CellValue } from '../shared/values/cell';
import { parseA1 } from './cell-text';
import { LazyZip, UnsupportedZip } from './lazy-zip';
import { fail } from './messages';
import {
  flavourOf,
  isRelType,
  MAIN,
  MAX_UNZIPPED_BYTES,
  readRels,
  REL,
  relsPathOf,
  textOf,
  TooLarge,
  unzip,
  workbookPath,
  type PartStore,
} from './package';
import { failFile, readNames, readSharedStrings, type SourceSheet } from './read';
import { isOpenDocument, sniff } from './sniff';
import { dateStyles } from './styles';
import { attr, childOf, childrenOf, decodeXstring, is, parseXml, XmlSyntaxError } from './xml';
import type { PackageSource } from './write';
import type { CellFormat, DefinedName } from './workbook-model';

/**
 * An .xlsx package opened for reading tables, not for editing cells: only the workbook part,
 * its relationships, the styles and the shared strings are read up front; a sheet's XML is
 * streamed through saxes when a command asks for it, straight into the grid of values a host
 * hands the core (text, numbers, booleans, Dates for date-formatted cells). A formula cell gives
 * the value the file cached for it — what Excel shows — so no formula engine is needed.
 */
export class StreamedBook implements PackageSource {
  readonly sheets: SourceSheet[];
  readonly names: DefinedName[];
  readonly flavour;
  private shared: string[] | null = null;
  private readonly dates: Map<number, CellFormat>;
  private readonly sharedStringsPart: string | undefined;

  constructor(
    readonly parts: PartStore,
    readonly workbookPart: string,
    readonly fileName: string,
    private readonly lang: Lang,
  ) {
    const workbook = this.parse(workbookPart, () => parseXml(this.text(workbookPart)!));
    if (!is(workbook, 'workbook', MAIN)) fail(lang, 'xlsx.noWorkbook', { file: fileName });
    this.flavour = flavourOf(workbook.uri);
    const relsPath = relsPathOf(workbookPart);
    const rels = this.parse(relsPath, () => readRels(this.text(relsPath) ?? '', workbookPart));
    const byId = new Map(rels.map((r) => [r.id, r]));
    this.sharedStringsPart = rels.find((r) => isRelType(r.type, 'sharedStrings'))?.target;
    const stylesPart = rels.find((r) => isRelType(r.type, 'styles'))?.target;
    this.dates = stylesPart ? this.parse(stylesPart, () => dateStyles(this.text(stylesPart))) : new Map();
    const sheetsEl = childOf(workbook, 'sheets', MAIN);
    this.sheets = (sheetsEl ? childrenOf(sheetsEl, 'sheet', MAIN) : []).map((s) => {
      const rel = byId.get(attr(s, 'id', REL) ?? '');
      const kind = rel && isRelType(rel.type, 'worksheet') ? 'worksheet' : 'chartsheet';
      return {
        name: attr(s, 'name') ?? '',
        kind,
        part: rel && !rel.external && parts.has(rel.target) ? rel.target : null,
        sheetId: Number(attr(s, 'sheetId') ?? 0),
      };
    });
    this.names = readNames(workbook);
  }

  /** A sheet's values from A1 to its last used cell ('' for empty cells); [] for a chart sheet. */
  values(sheet: string): CellValue[][] {
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s || s.kind !== 'worksheet' || !s.part) return [];
    const part = s.part;
    const shared = this.sharedStrings();
    return this.parse(part, () => {
      const reader = new SheetValues(shared, this.dates);
      if (this.parts instanceof LazyZip) this.parts.streamText(part, (t) => reader.write(t));
      else reader.write(this.text(part) ?? '');
      return reader.close();
    });
  }

  private sharedStrings(): string[] {
    const part = this.sharedStringsPart;
    this.shared ??= part ? this.parse(part, () => readSharedStrings(this.text(part) ?? '')) : [];
    return this.shared;
  }

  private text(path: string): string | null {
    const b = this.parts.get(path);
    return b ? textOf(b) : null;
  }

  private parse<T>(path: string, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof XmlSyntaxError) fail(this.lang, 'xlsx.badXml', { file: this.fileName, part: path });
      throw e;
    }
  }
}

/** Opens an .xlsx (or .xlsm) for streaming; a damaged or foreign file fails with a message naming it. */
export function openStreamedBook(bytes: Uint8Array, fileName: string, lang: Lang): StreamedBook {
  const kind = sniff(bytes);
  if (kind !== 'zip') failFile(lang, kind, fileName);
  let parts: PartStore;
  try {
    parts = new LazyZip(bytes);
  } catch (e) {
    if (e instanceof TooLarge) tooLarge(lang, fileName);
    if (!(e instanceof UnsupportedZip)) throw e;
    // A zip this reader does not take (zip64, a damaged directory…): the whole-file reader decides.
    try {
      parts = unzip(bytes);
    } catch (e2) {
      if (e2 instanceof TooLarge) tooLarge(lang, fileName);
      fail(lang, 'xlsx.notZip', { file: fileName });
    }
  }
  if (isOpenDocument(parts)) fail(lang, 'xlsx.ods', { file: fileName });
  const workbookPart = workbookPath(parts);
  if (!workbookPart) fail(lang, 'xlsx.noWorkbook', { file: fileName });
  if (!parts.has('[Content_Types].xml'))
    fail(lang, 'xlsx.missingPart', { file: fileName, part: '[Content_Types].xml' });
  return new StreamedBook(parts, workbookPart, fileName, lang);
}

function tooLarge(lang: Lang, file: string): never {
  fail(lang, 'xlsx.tooLarge', { file, limit: Math.round(MAX_UNZIPPED_BYTES / 1024 ** 2) });
}

/**
 * One worksheet's <sheetData> read as it streams by: each <c> becomes its value as soon as it
 * closes, so memory holds the grid, never the sheet's XML.
 */
class SheetValues {
  // Namespaces are resolved here rather than by saxes (xmlns: false): a sheet has millions of
  // elements, and saxes' per-attribute namespace records cost more than the few declarations
  // a sheet makes. Elements are still matched by namespace, never by the prefix a producer chose.
  private readonly parser = new SaxesParser({ xmlns: false });
  /** In-scope prefix → namespace, one frame per element that declares any (depth-tagged). */
  private readonly scopes: { depth: number; map: Map<string, string> }[] = [
    { depth: -1, map: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]) },
  ];
  private depth = 0;
  /** Element name as written → its local name when it is in the main namespace, else null. */
  private readonly names = new Map<string, string | null>();
  private readonly rows: CellValue[][] = [];
  private width = 0;
  private inSheetData = false;
  private row = -1;
  private col = -1;
  private inCell = false;
  private ref: string | undefined;
  private type = 'n';
  private style = 0;
  private v: string | null = null;
  private inline: string | null = null;
  private hasFormula = false;
  private into: 'v' | 't' | null = null;
  private inPhonetic = 0;
  private error: string | null = null;

  constructor(
    private readonly shared: readonly string[],
    private readonly dates: ReadonlyMap<number, CellFormat>,
  ) {
    const p = this.parser;
    p.on('error', (e) => {
      this.error ??= e.message;
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', (tag) => this.closeTag(tag));
    p.on('text', (text) => {
      if (this.into === 'v') this.v += text;
      else if (this.into === 't') this.inline += text;
    });
  }

  write(text: string): void {
    this.parser.write(text);
    if (this.error !== null) throw new XmlSyntaxError(this.error);
  }

  close(): CellValue[][] {
    this.parser.close();
    if (this.error !== null) throw new XmlSyntaxError(this.error);
    const w = this.width;
    const out: CellValue[][] = new Array(this.rows.length);
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r] ?? [];
      for (let c = 0; c < w; c++) if (row[c] === undefined) row[c] = '';
      out[r] = row;
    }
    return out;
  }

  /** The local name of a main-namespace element, or null (names cached until a declaration changes scope). */
  private mainLocal(name: string): string | null {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    let uri: string | undefined;
    for (let i = this.scopes.length - 1; i >= 0 && uri === undefined; i--)
      uri = this.scopes[i]!.map.get(prefix);
    const local = uri !== undefined && isMainUri(uri) ? name.slice(colon + 1) : null;
    this.names.set(name, local);
    return local;
  }

  private open(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    let declared: Map<string, string> | null = null;
    for (const k in a)
      if (k.charCodeAt(0) === 120 && (k === 'xmlns' || k.startsWith('xmlns:')))
        (declared ??= new Map()).set(k === 'xmlns' ? '' : k.slice(6), a[k]!);
    if (declared) {
      this.scopes.push({ depth: this.depth, map: declared });
      this.names.clear();
    }
    this.depth++;
    const local = this.mainLocal(tag.name);
    if (local === null) return;
    switch (local) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'row': {
        if (!this.inSheetData) return;
        const r = a['r'];
        this.row = r ? Number(r) - 1 : this.row + 1;
        this.col = -1;
        return;
      }
      case 'c': {
        if (!this.inSheetData) return;
        this.inCell = true;
        this.ref = a['r'];
        this.type = a['t'] ?? 'n';
        this.style = a['s'] ? Number(a['s']) : 0;
        this.v = null;
        this.inline = null;
        this.hasFormula = false;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.v = '';
          this.into = 'v';
        }
        return;
      case 'f':
        if (this.inCell) this.hasFormula = true;
        return;
      case 'is':
        if (this.inCell) this.inline = '';
        return;
      case 'rPh':
        this.inPhonetic++;
        return;
      case 't':
        if (this.inCell && this.inline !== null && this.inPhonetic === 0) this.into = 't';
        return;
    }
  }

  private closeTag(tag: SaxesTagPlain): void {
    this.depth--;
    const local = this.mainLocal(tag.name);
    const top = this.scopes[this.scopes.length - 1]!;
    if (top.depth === this.depth) {
      this.scopes.pop();
      this.names.clear();
    }
    switch (local) {
      case 'sheetData':
        this.inSheetData = false;
        return;
      case 'c':
        if (this.inCell) this.endCell();
        this.inCell = false;
        this.into = null;
        return;
      case 'v':
      case 't':
        this.into = null;
        return;
      case 'rPh':
        this.inPhonetic--;
        return;
    }
  }

  private endCell(): void {
    const at = this.ref ? cellRef(this.ref) : null;
    this.col = at ? at.col : this.col + 1;
    const r = at ? at.row : this.row;
    const value = this.intern(this.value());
    // A formula showing "" still uses its row (an append lands below it), as in a spreadsheet.
    if (value === '' && !this.hasFormula) return;
    // Sized like the widest row so far: a row grown one cell at a time would reserve half again its length.
    const row = (this.rows[r] ??= new Array<CellValue>(Math.max(this.width, this.col + 1)));
    row[this.col] = value;
    if (this.col + 1 > this.width) this.width = this.col + 1;
  }

  /**
   * The same text or date met again is the same value: a log repeats its types, people and days
   * on every row, and one copy each keeps the grid's memory to what is distinct in it.
   */
  private readonly strings = new Map<string, string>();
  private readonly days = new Map<number, Date>();
  private intern(value: CellValue): CellValue {
    if (typeof value === 'string') {
      if (value.length > 64) return value;
      const known = this.strings.get(value);
      if (known !== undefined) return known;
      if (this.strings.size < 500_000) this.strings.set(value, value);
      return value;
    }
    if (value instanceof Date) {
      const t = value.getTime();
      const known = this.days.get(t);
      if (known !== undefined) return known;
      if (this.days.size < 500_000) this.days.set(t, value);
    }
    return value;
  }

  private value(): CellValue {
    const raw = this.v;
    switch (this.type) {
      case 's':
        return raw === null ? '' : (this.shared[Number(raw)] ?? '');
      case 'inlineStr':
        return this.inline !== null ? decodeXstring(this.inline) : (raw ?? '');
      case 'str':
        return raw ?? '';
      case 'b':
        return raw === null ? '' : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
      case 'e':
        return raw ?? '';
      case 'd': {
        const m = raw === null ? null : /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(raw.trim());
        if (!m) return raw ?? '';
        const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
        if (m[4] !== undefined) d.setHours(Number(m[4]), Number(m[5]));
        return d;
      }
      default: {
        if (raw === null || raw.trim() === '') return '';
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        const format = this.dates.get(this.style);
        return format ? dateOfSerial(n, format === 'date' && n % 1 !== 0 ? 'datetime' : format) : n;
      }
    }
  }
}

/** "AB12" → 0-based row and column, without a regular expression (millions of cells). */
function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i === ref.length || !Number.isInteger(row) || row < 1) return parseA1(ref);
  return { row: row - 1, col: col - 1 };
}

const isMainUri = (uri: string): boolean => uri === MAIN[0] || uri === MAIN[1];

/** A serial number as the Date a host returns for a date cell: local midnight, plus the time. */
export function dateOfSerial(serial: number, format: CellFormat): Date {
  const whole = Math.floor(serial);
  const d = dateFromDay(whole - SERIAL_EPOCH_OFFSET);
  if (format === 'datetime') d.setMinutes(Math.round((serial - whole) * 1440));
  return d;
}
