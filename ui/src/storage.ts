/**
 * Remembered values (the rep, the definition's author) in localStorage. Sidebars run in
 * sandboxed iframes where storage can be missing or throw: then nothing is remembered, and
 * nothing breaks.
 */

const PREFIX = 'kimeru.';

/** The remembered value, or '' when none (or when storage is unavailable). */
export function recall(name: string): string {
  try {
    return window.localStorage.getItem(PREFIX + name) ?? '';
  } catch {
    return '';
  }
}

/** Remembers a value; blank forgets it. */
export function remember(name: string, value: string): void {
  try {
    if (value.trim() === '') window.localStorage.removeItem(PREFIX + name);
    else window.localStorage.setItem(PREFIX + name, value.trim());
  } catch {
    // storage refused (private mode, sandbox): remembering is a convenience only
  }
}
