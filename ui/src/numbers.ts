/**
 * A threshold or window as typed: full-width digits (６０), a trailing unit (60日, 3回, 2人) and
 * thousands separators are fine; blank means "not set" (null). Anything else is invalid
 * (undefined) and is never turned into 0.
 */
export function parseCount(raw: string): number | null | undefined {
  const s = raw
    .normalize('NFKC')
    .trim()
    .replace(/,/g, '')
    .replace(/\s*(日|日以内|回|件|人|名|days?)$/i, '');
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A number for an input box: '' for null. */
export function showCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}
