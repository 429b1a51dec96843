import { needsTextGuard } from '../../shared/port';

/**
 * Sheets parses every string handed to setValues as if a user had typed it: "=…" becomes a
 * formula, "0120" the number 120, "1/2" a date, "TRUE" a boolean, "#N/A" an error, "'x" loses
 * its apostrophe. A leading apostrophe makes Sheets keep the rest as text (and it is not part of
 * the value). When to add it is the core's one rule, `needsTextGuard`.
 */

/** The string to hand to setValues so that Sheets stores exactly `text`, as text. */
export function sheetText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}
