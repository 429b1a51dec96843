/**
 * Just enough XML for the parts of an .xlsx package kimeru reads and edits. Edits are made by
 * splicing text at element boundaries found here, so everything around them stays byte for byte
 * what the spreadsheet program wrote (a DOM round trip would reformat the whole part).
 */

/** An element found in a part: where it starts and ends, its attributes and its inner text. */
export interface Found {
  start: number;
  end: number;
  /** The whole element as written. */
  text: string;
  attrs: Record<string, string>;
  /** Between the open and close tags; '' for a self-closing element. */
  inner: string;
  /** Offset of `inner` in the part (the end of the open tag). */
  innerStart: number;
  selfClosing: boolean;
}

const NAME_PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** Attributes of an open tag, unescaped, keyed by their qualified name (r:id stays r:id). */
export function parseAttrs(openTag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(openTag))) attrs[m[1]!] = unescapeXml(m[3] ?? m[4] ?? '');
  return attrs;
}

/** The value of an attribute whatever its namespace prefix (r:id, x:id…), by local name. */
export function attrByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

/**
 * Every element called `name` (any namespace prefix) in `xml` from `from` to `to`, not nested in
 * one another (kimeru looks for sheets, rows, cells, names — none of which nest in themselves).
 */
export function findAll(xml: string, name: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  const open = new RegExp(`<(${NAME_PREFIX}${name})(?=[\\s/>])`, 'g');
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) && m.index < to) {
    const start = m.index;
    const tagEnd = endOfTag(xml, start);
    if (tagEnd < 0) break;
    const openTag = xml.slice(start, tagEnd + 1);
    const selfClosing = openTag.endsWith('/>');
    let end = tagEnd + 1;
    let inner = '';
    if (!selfClosing) {
      const close = `</${m[1]}>`;
      const c = xml.indexOf(close, end);
      if (c < 0) break;
      inner = xml.slice(end, c);
      end = c + close.length;
    }
    out.push({
      start,
      end,
      text: xml.slice(start, end),
      attrs: parseAttrs(openTag),
      inner,
      innerStart: tagEnd + 1,
      selfClosing,
    });
    open.lastIndex = end;
  }
  return out;
}

/** The first element called `name`, or null. */
export function findFirst(xml: string, name: string, from = 0, to = xml.length): Found | null {
  return findAll(xml, name, from, to)[0] ?? null;
}

/** Index of the ">" closing the tag that starts at `start` (quotes in attributes respected). */
function endOfTag(xml: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** The namespace prefix the root element uses ("" or "x:"), for writing matching elements. */
export function rootPrefix(xml: string): string {
  const m = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/.exec(xml);
  return m?.[1] ?? '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves character and entity references. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? '';
  });
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * SpreadsheetML escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" that would
 * read as such an escape as _x005F_x…). Decodes those.
 */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Characters XML 1.0 cannot carry, and CR (parsers turn CR LF into LF): written as _xHHHH_.
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/g;

/** Encodes text for a SpreadsheetML string: control characters and look-alike escapes. */
export function encodeXstring(text: string): string {
  const escaped = text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeXml(escaped);
}

/** An element's text as an XML parser gives it: line ends normalised, references and _xHHHH_ resolved. */
export function textContent(raw: string): string {
  return decodeXstring(unescapeXml(raw.replace(/\r\n?/g, '\n')));
}

/** The text of a string item (<si>, <is>): its runs joined, phonetic guides (<rPh>) left out. */
export function stringItemText(inner: string): string {
  const withoutPhonetic = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let text = '';
  for (const t of findAll(withoutPhonetic, 't')) text += t.inner;
  return textContent(text);
}
