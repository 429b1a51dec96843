import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * XML for the parts of an .xlsx package, read with saxes (a namespace-aware streaming parser that
 * checks well-formedness). Elements are matched by namespace and local name, never by the prefix a
 * producer happened to choose, and each element remembers where it starts and ends in the part:
 * kimeru edits a part by splicing text at those offsets, so everything around an edit stays byte
 * for byte what the spreadsheet program wrote (a DOM round trip would reformat the whole part).
 */

/** An attribute as written, with its namespace resolved. */
export interface XmlAttr {
  /** As written: "r:id", "name". */
  name: string;
  prefix: string;
  local: string;
  /** '' for an unprefixed attribute (attributes do not take the default namespace). */
  uri: string;
  value: string;
}

/** An element of a part: its name resolved, its attributes, and where it sits in the text. */
export interface XmlElement {
  /** As written: "x:sheet", "sheet". */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attrs: XmlAttr[];
  /** Namespace declarations made on this element: prefix ('' for the default) → URI. */
  declares: Record<string, string>;
  parent: XmlElement | null;
  children: XmlElement[];
  /** The element's own character data (entities resolved, line ends normalised), children's not included. */
  text: string;
  /** Offset of "<" of the open tag. */
  start: number;
  /** Offset just after the open tag's ">" (start of the content). */
  innerStart: number;
  /** Offset of the close tag's "<" (= end for a self-closing element). */
  innerEnd: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
}

/** The part is not well-formed XML. */
export class XmlSyntaxError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'XmlSyntaxError';
  }
}

export interface XmlHandlers {
  /** An element's open tag was read (its children and text are not known yet). */
  open?(el: XmlElement): void;
  /** An element ended; `el.text` and `el.children` are complete when `keepTree` is set. */
  close?(el: XmlElement): void;
  /** Character data inside the innermost open element. */
  text?(text: string, el: XmlElement): void;
}

/**
 * Reads `xml` from start to end, calling the handlers as elements open and close. With
 * `keepTree`, elements keep their children and text (for small parts); without, each element is
 * forgotten when it closes, so memory stays with the depth of the part, not its size.
 */
export function scanXml(xml: string, handlers: XmlHandlers, keepTree = false): XmlElement | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentagstart', () => {
    // The position is just past the element's name: its "<" is the last one before it.
    pendingStart = xml.lastIndexOf('<', parser.position - 1);
  });
  let pendingStart = 0;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const el: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({
        name: a.name,
        prefix: a.prefix,
        local: a.local,
        uri: a.uri,
        value: a.value,
      })),
      declares: { ...tag.ns },
      parent: current,
      children: [],
      text: '',
      start: pendingStart,
      innerStart: parser.position,
      innerEnd: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
    };
    if (keepTree && current) current.children.push(el);
    if (!root) root = el;
    current = el;
    handlers.open?.(el);
  });
  const onText = (text: string) => {
    if (!current) return;
    if (keepTree) current.text += text;
    handlers.text?.(text, current);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = current!;
    el.end = parser.position;
    el.innerEnd = el.selfClosing ? el.end : xml.lastIndexOf('</', el.end - 1);
    current = el.parent;
    handlers.close?.(el);
  });
  parser.write(xml).close();
  if (error !== null) throw new XmlSyntaxError(error);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

/** The whole part as a tree of elements (for the small parts: workbook, relationships, styles). */
export function parseXml(xml: string): XmlElement {
  return scanXml(xml, {}, true)!;
}

/** The value of the attribute `local` in namespace `uri` ('' = unprefixed). */
export function attr(
  el: XmlElement,
  local: string,
  uri: string | readonly string[] = '',
): string | undefined {
  const uris = typeof uri === 'string' ? [uri] : uri;
  return el.attrs.find((a) => a.local === local && uris.includes(a.uri))?.value;
}

/** Whether the element is `local` in one of the namespaces `uris`. */
export function is(el: XmlElement, local: string, uris: readonly string[]): boolean {
  return el.local === local && uris.includes(el.uri);
}

/** The element's children called `local` in one of the namespaces `uris`. */
export function childrenOf(el: XmlElement, local: string, uris: readonly string[]): XmlElement[] {
  return el.children.filter((c) => is(c, local, uris));
}

/** The first child called `local` in one of the namespaces `uris`, or null. */
export function childOf(el: XmlElement, local: string, uris: readonly string[]): XmlElement | null {
  return el.children.find((c) => is(c, local, uris)) ?? null;
}

/** Every element under `el` (depth first, in document order) called `local` in `uris`. */
export function descendantsOf(el: XmlElement, local: string, uris: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (is(c, local, uris)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The URI a prefix ('' for the default namespace) is bound to where `el` is, or undefined. */
export function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  for (let e: XmlElement | null = el; e; e = e.parent) if (prefix in e.declares) return e.declares[prefix];
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  return undefined;
}

/**
 * A prefix bound to `uri` where `el` is and not rebound closer in, or undefined: what a new child
 * of `el` can use to name something in that namespace without declaring it.
 */
export function prefixFor(el: XmlElement, uri: string): string | undefined {
  const seen = new Set<string>();
  for (let e: XmlElement | null = el; e; e = e.parent)
    for (const [prefix, bound] of Object.entries(e.declares)) {
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      if (bound === uri && prefix !== '') return prefix;
    }
  return undefined;
}

/** The prefix with ':' a new child of `el` takes to be in `el`'s own namespace ("" or "x:"). */
export function childPrefix(el: XmlElement): string {
  return el.prefix ? `${el.prefix}:` : '';
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
