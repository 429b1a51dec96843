import { looksLikeFormula } from '../../shared/port';

/**
 * Sheets parses every string handed to setValues as if a user had typed it: "=…" becomes a
 * formula, "0120" the number 120, "1/2" a date, "TRUE" a boolean, "'x" loses its apostrophe.
 * A leading apostrophe makes Sheets keep the rest as text (and it is not part of the value).
 *
 * Rule: quote a string when it looks like a formula (= + - @, also full-width), starts with an
 * apostrophe, contains a digit (ASCII or full-width: any number, date, time, phone number or
 * percentage has one), or is a boolean word. Other text cannot be coerced, so it is left as it is.
 */
export function needsQuote(text: string): boolean {
  if (text === '') return false;
  if (looksLikeFormula(text) || text.startsWith("'")) return true;
  if (/[0-9０-９]/.test(text)) return true;
  return /^\s*(true|false)\s*$/i.test(text);
}

/** The string to hand to setValues so that Sheets stores exactly `text`, as text. */
export function sheetText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}
