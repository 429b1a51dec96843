/**
 * What a wide view shows: which view, and what it was showing in the pane when the user asked
 * for it wide. Hosts carry it as JSON — in the dialog URL (Excel, playground) or in the page's
 * root element (Sheets) — so it is plain data, checked again where it arrives. No DOM here: the
 * Apps Script server checks requests with the same code.
 *
 * Adding a view: a name here, its fields in `readWideRequest`, a case in ui/src/wide.ts, and the
 * calls it makes in the Excel snapshot (office-addin/src/wide-snapshot.ts).
 */

export const WIDE_VIEWS = ['actions', 'people', 'versions'] as const;
export type WideView = (typeof WIDE_VIEWS)[number];

export type WideRequest =
  | { view: 'actions'; rep: string; asOf: string }
  | { view: 'people'; customerId: string }
  | { view: 'versions'; from: number; to: number };

const text = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.length <= max ? v : null);

/** A request from untrusted JSON-like data, or null when it is not one. */
export function readWideRequest(value: unknown): WideRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (o['view'] === 'actions') {
    const rep = text(o['rep']);
    const asOf = text(o['asOf'], 20);
    return rep === null || asOf === null ? null : { view: 'actions', rep, asOf };
  }
  if (o['view'] === 'people') {
    const customerId = text(o['customerId']);
    return customerId === null || customerId === '' ? null : { view: 'people', customerId };
  }
  if (o['view'] === 'versions') {
    const from = o['from'];
    const to = o['to'];
    const version = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
    return version(from) && version(to) ? { view: 'versions', from, to } : null;
  }
  return null;
}

/** The dialog's title key for a view. */
export function wideTitleKey(
  view: WideView,
): 'ui.wide.title.actions' | 'ui.wide.title.people' | 'ui.wide.title.versions' {
  return `ui.wide.title.${view}`;
}

/** Parses the JSON text a host carried; null when it is missing or not a request. */
export function parseWideRequest(json: string | null | undefined): WideRequest | null {
  if (!json) return null;
  try {
    return readWideRequest(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The query parameter carrying the request in a wide page's URL. */
export const WIDE_PARAM = 'wide';
