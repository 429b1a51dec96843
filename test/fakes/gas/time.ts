/**
 * Time zones for the fake, with Intl: Sheets stores wall-clock times in the spreadsheet's zone,
 * Apps Script's Date objects are instants. The "script" zone of the fake is the Node process's.
 */

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone the Node process (the fake's "script") runs in. */
export function processTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall-clock time an instant shows in a zone. */
export function wallOf(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts['year']!,
    month: parts['month']!,
    day: parts['day']!,
    hour: parts['hour']!,
    minute: parts['minute']!,
    second: parts['second']!,
  };
}

function wallAsUtc(w: Wall): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** The instant at which a zone's clocks show this wall time. */
export function instantOf(w: Wall, timeZone: string): number {
  const target = wallAsUtc(w);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const shown = wallAsUtc(wallOf(guess, timeZone));
    if (shown === target) break;
    guess += target - shown;
  }
  return guess;
}

/** Sheets' serial number (days since 1899-12-30, time as the fraction) of a wall time. */
export function serialOf(w: Wall): number {
  return wallAsUtc(w) / 86_400_000 + 25569;
}

export function wallOfSerial(serial: number): Wall {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The local (process zone) wall time of a Date from any realm. */
export function localWall(date: Date): Wall {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  };
}

const TOKENS = /yyyy|MM|dd|HH|mm|ss|'[^']*'/g;

/** Utilities.formatDate for the patterns kimeru uses (yyyy MM dd HH mm ss and 'literals'). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallOf(date.getTime(), timeZone);
  const rest = pattern.replace(TOKENS, '');
  if (/[A-Za-z]/.test(rest)) throw new Error(`The fake Utilities.formatDate does not support "${pattern}"`);
  const pad = (n: number, l = 2) => String(n).padStart(l, '0');
  return pattern.replace(TOKENS, (t) => {
    switch (t) {
      case 'yyyy':
        return pad(w.year, 4);
      case 'MM':
        return pad(w.month);
      case 'dd':
        return pad(w.day);
      case 'HH':
        return pad(w.hour);
      case 'mm':
        return pad(w.minute);
      case 'ss':
        return pad(w.second);
      default:
        return t.slice(1, -1);
    }
  });
}

/** Utilities.parseDate for the same patterns: the instant the text names in that zone. */
export function parseDate(text: string, timeZone: string, pattern: string): number {
  const fields: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TOKENS, (t) => {
    if (t.startsWith("'")) return t.slice(1, -1);
    fields.push(t);
    return t === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
  });
  const m = new RegExp(`^${source}$`).exec(text);
  if (!m) throw new Error(`Unparseable date: "${text}"`);
  const w: Wall = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  fields.forEach((f, i) => {
    const n = Number(m[i + 1]);
    if (f === 'yyyy') w.year = n;
    else if (f === 'MM') w.month = n;
    else if (f === 'dd') w.day = n;
    else if (f === 'HH') w.hour = n;
    else if (f === 'mm') w.minute = n;
    else if (f === 'ss') w.second = n;
  });
  return instantOf(w, timeZone);
}
