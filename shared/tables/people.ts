import type { Contact } from '../model';
import type { CellValue } from '../values/cell';
import { MAX_KEY_LENGTH, normalizeText, toKatakana } from '../values/text';

// Separators between people in one cell. ・ is handled apart: it also joins foreign names.
const LIST_SEPARATORS = /[、,，/／;；\n&＆]+/;
const HONORIFICS = ['さま', 'サマ', 'さん', 'サン', 'どの', 'くん', 'ちゃん', '様', '氏', '殿', '君'];
// Longest first, so 本部長 is taken whole rather than as 部長.
const TITLES = [
  '代表取締役社長',
  '代表取締役会長',
  '代表取締役',
  '取締役社長',
  '執行役員',
  '取締役',
  '副社長',
  '社長',
  '会長',
  '専務',
  '常務',
  '監査役',
  '事業部長',
  '本部長',
  '副部長',
  '部長代理',
  '部長',
  '次長',
  '課長代理',
  '課長補佐',
  '課長',
  '係長',
  '主任',
  '主査',
  '所長',
  '支店長',
  '店長',
  '工場長',
  '室長',
  'センター長',
  'グループ長',
  'チーム長',
  'リーダー',
  'マネージャー',
  'マネジャー',
  '理事長',
  '理事',
  '院長',
  '事務長',
  '校長',
  '教授',
  '先生',
  '顧問',
  '担当者',
  '担当',
  'ceo',
  'cto',
  'cfo',
  'coo',
].sort((a, b) => b.length - a.length);
const EN_HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof)\.? +/;
// Not names: "他2名", "ほか", "一同", "各位"…
const NOT_A_NAME = /^(?:(?:他|ほか)\d*名?|\d+名|など|等|一同|各位|皆様|みなさま)$/;
const MAX_SUFFIX_LAYERS = 4;
const TRAILING_OTHERS = /\s*(?:(?:他|ほか)\s*\d+\s*名|など|一同)$/;

/** One person as written in a log: the name without honorifics, and the title written with it. */
export interface PersonRef {
  /** The part as written (normalised), for messages. */
  text: string;
  /** The name with honorifics and title removed; '' when only a title was written (社長). */
  name: string;
  /** The title written with the name (田中部長 → 部長), '' when none. */
  title: string;
}

/**
 * Splits a "people met" cell into the people as written: on 、 , ， / ／ ; & and ・, and line breaks.
 * Spaces do not split ("田中 太郎" is one person); matchPeople splits on them only when every
 * part is a known contact.
 */
export function splitPeople(text: CellValue): string[] {
  if (isTooLong(text)) return [];
  return chunks(text)
    .flatMap((chunk) => chunk.split('・'))
    .map((p) => p.trim())
    .filter((p) => p !== '' && !NOT_A_NAME.test(p));
}

// Line breaks separate people too; normalizeText would turn them into spaces, so split first.
function chunks(text: CellValue): string[] {
  const lines = typeof text === 'string' ? text.split(/[\r\n]+/) : [text];
  return lines.flatMap((line) => normalizeText(line).split(LIST_SEPARATORS));
}

/** Separates a person as written into name and title: "田中部長様" → {name: 田中, title: 部長}. */
export function parsePerson(part: string): PersonRef {
  const text = normalizeText(part);
  let title = '';
  // [^()]: an unclosed "(" stops the scan at the next "(", so a cell of brackets stays linear.
  let s = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const hint = inner.trim().toLowerCase();
    if (!title && TITLES.some((t) => hint.endsWith(t))) title = hint;
    return ' ';
  });
  s = s.toLowerCase().replace(EN_HONORIFIC, '').trim();
  // A few layers at most (田中部長様, 社長さん): bounded, so a cell of 様様様… stays linear.
  for (let prev = '', layers = 0; prev !== s && layers < MAX_SUFFIX_LAYERS; layers++) {
    prev = s;
    const honorific = HONORIFICS.find((h) => s.endsWith(h) && s.length > h.length);
    if (honorific) s = s.slice(0, -honorific.length).trim();
    const t = TITLES.find((x) => s.endsWith(x));
    if (t) {
      if (!title) title = t;
      s = s.slice(0, -t.length).trim();
    }
  }
  return { text, name: s, title };
}

/** A customer's contacts prepared for matching names; build once per customer. */
export interface PeopleIndex {
  entries: PeopleEntry[];
}

interface PeopleEntry {
  id: string;
  full: string;
  kanaFull: string;
  /** The normalised name and kana, and the title as written: what detailsOf reads. */
  name: string;
  kana: string;
  rawTitle: CellValue;
  /** What a name that is not a full one is compared with: made when first needed (detailsOf). */
  details: EntryDetails | null;
  /** The list of this contact's id alone, shared by every match naming only them (see record). */
  only: readonly string[] | null;
}

interface EntryDetails {
  /** Name parts that alone identify the person: the family name (first part); for Latin names any part. */
  parts: string[];
  kanaFamily: string;
  title: string;
}

function foldName(s: string): string {
  return unspaced(toKatakana(normalizeText(s).toLowerCase()));
}

// normalizeText leaves single ASCII spaces only: most names have neither them nor ・.
function unspaced(s: string): string {
  return s.includes(' ') || s.includes('・') ? s.replace(/[\s・]/g, '') : s;
}

/** The words of a normalised name, between spaces and ・. */
function separated(s: string): string[] {
  if (s.includes(' ') || s.includes('・')) return s.split(/[\s・]+/).filter(Boolean);
  return s === '' ? [] : [s];
}

/**
 * Prepares contacts (usually one customer's) for matchPeople. Each field is normalised once: in
 * an Apps Script execution every customer's contacts are indexed anew on every call. Only the
 * full names are made here; most people cells name people by them, and the rest waits for a
 * cell that does not (detailsOf).
 */
export function indexPeople(contacts: readonly Contact[]): PeopleIndex {
  // map: a list made to its length, as every customer's is.
  return {
    entries: contacts.map((c) => {
      const name = normalizeText(c.name).toLowerCase();
      const kana = normalizeText(c.kana);
      return {
        id: c.id,
        full: unspaced(toKatakana(name)),
        kanaFull: unspaced(toKatakana(kana.toLowerCase())),
        name,
        kana,
        rawTitle: c.title,
        details: null,
        only: null,
      };
    }),
  };
}

function detailsOf(e: PeopleEntry): EntryDetails {
  if (e.details !== null) return e.details;
  const words = separated(e.name);
  const latin = words.length > 1 && words.every((w) => /^[\x20-\x7e]+$/.test(w));
  const kanaWords = separated(toKatakana(e.kana));
  return (e.details = {
    parts: words.length > 1 ? (latin ? words : words.slice(0, 1)) : [],
    kanaFamily: kanaWords.length > 1 ? (kanaWords[0] ?? '') : '',
    title: normalizeText(e.rawTitle).toLowerCase(),
  });
}

/** What the names in a log cell resolved to. */
export interface PeopleMatch {
  /** Contact ids, in the order written, each once (matches naming one contact share the list). */
  ids: readonly string[];
  /** Names that match no contact, as written. */
  unknown: string[];
  /** Names that match several contacts, with the candidates' ids. */
  ambiguous: { name: string; candidates: string[] }[];
  /** Set (to the cell's length) when the cell is too long to be a list of people: nothing was read. */
  tooLong?: number;
}

/** The empty list matches share (frozen: nothing may add to it). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function isTooLong(text: CellValue): text is string {
  return typeof text === 'string' && text.length > MAX_KEY_LENGTH;
}

/** The one contact a name means (its entry), the several it may mean, or none. */
type Resolution = PeopleEntry | { ids: string[] } | null;

/**
 * Matches the people written in a log cell to a customer's contacts: full name (with or without
 * the space), kana, or the family name alone when it is unique among these contacts; a title
 * written with it (田中部長) settles between namesakes. Anything else is reported, never guessed.
 */
export function matchPeople(text: CellValue, contacts: readonly Contact[] | PeopleIndex): PeopleMatch {
  const index: PeopleIndex = isPeopleIndex(contacts) ? contacts : indexPeople(contacts);
  if (isTooLong(text)) return { ids: NONE, unknown: NONE, ambiguous: NONE, tooLong: text.length };
  // A match is kept for every customer and people cell of a log (30,000 of them at 10,000
  // customers), and made anew in each Apps Script run: the lists most are without are shared.
  const result: PeopleMatch = { ids: NONE, unknown: NONE, ambiguous: NONE };
  // Indexed loops here and below: a match runs once per customer and people cell, mostly before V8
  // has optimised it (a new Apps Script execution), where for…of pays for an iterator per loop.
  const plan = planOf(text);
  for (let c = 0; c < plan.length; c++) {
    const chunk = plan[c] as Chunk;
    const whole = resolve(chunk, index);
    if (whole !== null || chunk.dotted === null) {
      resolveSpaced(chunk, whole, index, result);
      continue;
    }
    for (let d = 0; d < chunk.dotted.length; d++) {
      const piece = chunk.dotted[d] as Written;
      resolveSpaced(piece, resolve(piece, index), index, result);
    }
  }
  return result;
}

/** Adds a name's resolution to a match (a module function: no closure per match). */
function record(result: PeopleMatch, name: string, r: Resolution): void {
  if (r === null) (result.unknown === NONE ? (result.unknown = []) : result.unknown).push(name);
  else if ('id' in r) {
    // Most cells name one or two people: lists made to their length (a list grown by a push
    // takes room for 17); a look along the list rather than a set made for each cell.
    const ids = result.ids;
    if (ids === NONE) result.ids = r.only ??= [r.id];
    else if (ids.includes(r.id)) return;
    else if (ids.length === 1) result.ids = [ids[0] as string, r.id];
    else (ids as string[]).push(r.id); // a list of two or more made just above: this match's own
  } else
    (result.ambiguous === NONE ? (result.ambiguous = []) : result.ambiguous).push({
      name,
      candidates: r.ids,
    });
}

/** A name as written in a cell, with what can be read from it before any contact is looked at. */
interface Written {
  text: string;
  readings: Reading[];
  /** Its parts between spaces (none of them "others"), or null when it has no space. */
  spaced: Written[] | null;
}

/** A chunk of a cell between list separators; `dotted`: its parts between ・, null without ・. */
interface Chunk extends Written {
  dotted: Written[] | null;
}

/** A reading of a name, with the name folded as contacts' names are. */
interface Reading extends PersonRef {
  folded: string;
}

// A cell's text is split and read the same way for every customer and every recalculation: a log
// of 300,000 rows repeats a few thousand people cells, each matched against each customer's
// contacts. Bounded, as READINGS.
const PLANS = new Map<string, Chunk[]>();
const PLANS_LIMIT = 20_000;

function planOf(text: CellValue): Chunk[] {
  if (typeof text !== 'string') return plan(text);
  let p = PLANS.get(text);
  if (p === undefined) {
    p = plan(text);
    if (PLANS.size >= PLANS_LIMIT) PLANS.clear();
    PLANS.set(text, p);
  }
  return p;
}

function plan(text: CellValue): Chunk[] {
  const out: Chunk[] = [];
  for (const raw of chunks(text)) {
    const chunk = raw.replace(TRAILING_OTHERS, '').trim();
    if (chunk === '' || NOT_A_NAME.test(chunk)) continue;
    const dotted = chunk.includes('・')
      ? chunk
          .split('・')
          .map((piece) => piece.trim())
          .filter((p) => p !== '' && !NOT_A_NAME.test(p))
          .map(written)
      : null;
    out.push({ ...written(chunk), dotted });
  }
  return out;
}

function written(text: string): Written {
  return {
    text,
    readings: readingsOf(text),
    spaced: text.includes(' ')
      ? text
          .split(' ')
          .filter((p) => !NOT_A_NAME.test(p))
          .map((p) => ({ text: p, readings: readingsOf(p), spaced: null }))
      : null,
  };
}

// "田中部長 鈴木様": split on spaces only when every part names a contact; else it is one name.
function resolveSpaced(name: Written, whole: Resolution, index: PeopleIndex, result: PeopleMatch): void {
  if (whole !== null || name.spaced === null) {
    record(result, name.text, whole);
    return;
  }
  const pieces = name.spaced;
  const each: Resolution[] = [];
  for (const p of pieces) {
    const r = resolve(p, index);
    // One unknown part makes the whole chunk one unknown name: stop resolving the rest.
    if (r === null) {
      record(result, name.text, null);
      return;
    }
    each.push(r);
  }
  if (pieces.length > 0) pieces.forEach((p, i) => record(result, p.text, each[i] ?? null));
  else record(result, name.text, null);
}

/**
 * Every way to read a name written with a title: 坂本部長 is 坂 + 本部長 or 坂本 + 部長. The
 * longest title comes first; a shorter one is tried only when the longer reading finds nobody.
 */
export function personReadings(written: string): PersonRef[] {
  const first = parsePerson(written);
  const readings = [first];
  if (first.title === '') return readings;
  for (const shorter of TITLES) {
    if (shorter.length >= first.title.length || !first.title.endsWith(shorter)) continue;
    const moved = first.title.slice(0, first.title.length - shorter.length);
    readings.push({ text: first.text, name: first.name + moved, title: shorter });
  }
  return readings;
}

// A name as written is read the same way for every customer and every recalculation.
const READINGS = new Map<string, Reading[]>();
const READINGS_LIMIT = 20_000;

function readingsOf(written: string): Reading[] {
  let r = READINGS.get(written);
  if (r === undefined) {
    r = personReadings(written).map((p) => ({ ...p, folded: foldName(p.name) }));
    if (READINGS.size >= READINGS_LIMIT) READINGS.clear();
    READINGS.set(written, r);
  }
  return r;
}

function resolve(name: Written, index: PeopleIndex): Resolution {
  const readings = name.readings;
  for (let i = 0; i < readings.length; i++) {
    const r = resolveReading(readings[i] as Reading, index);
    if (r !== null) return r;
  }
  return null;
}

function resolveReading(person: Reading, index: PeopleIndex): Resolution {
  const name = person.folded;
  let candidates: PeopleEntry[];
  if (name === '') {
    if (person.title === '') return null;
    candidates = withTitle(index.entries, person.title);
  } else {
    candidates = fullMatches(index.entries, name);
    if (candidates.length === 0) candidates = index.entries.filter((e) => partMatches(e, name));
  }
  if (candidates.length > 1 && person.title !== '') {
    const titled = withTitle(candidates, person.title);
    if (titled.length > 0) candidates = titled;
  }
  const first = candidates[0];
  if (!first) return null;
  return candidates.length === 1 ? first : { ids: candidates.map((e) => e.id) };
}

/** The entries whose full name or kana is `name` (no closure per call: see matchPeople). */
function fullMatches(entries: readonly PeopleEntry[], name: string): PeopleEntry[] {
  let out: PeopleEntry[] | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as PeopleEntry;
    if (e.full === name || e.kanaFull === name) (out ??= []).push(e);
  }
  return out ?? NONE;
}

function partMatches(e: PeopleEntry, name: string): boolean {
  const d = detailsOf(e);
  if (d.parts.includes(name) || d.kanaFamily === name) return true;
  // A name stored without a space (田中太郎): the family name is a prefix of it. Two characters at
  // least, so a single kanji never matches.
  if (name.length < 2) return false;
  if (d.parts.length === 0 && e.full.length > name.length && e.full.startsWith(name)) return true;
  return d.kanaFamily === '' && e.kanaFull.length > name.length && e.kanaFull.startsWith(name);
}

// Contacts holding the title: exactly (社長 is not 副社長) if any, else ending with it (営業部長 for 部長).
function withTitle(entries: PeopleEntry[], title: string): PeopleEntry[] {
  const exact = entries.filter((e) => detailsOf(e).title === title);
  return exact.length > 0
    ? exact
    : entries.filter((e) => {
        const held = detailsOf(e).title;
        return held.endsWith(title) && !held.endsWith(`副${title}`);
      });
}

function isPeopleIndex(v: readonly Contact[] | PeopleIndex): v is PeopleIndex {
  return !Array.isArray(v);
}
