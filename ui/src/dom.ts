/**
 * DOM building without innerHTML: every string child becomes a text node and every attribute
 * goes through setAttribute, so a customer called `<img onerror=…>` is shown as those characters.
 */

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element; `true` attributes are set empty, false/null/undefined ones left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Node, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, ...children);
}

/** Sets or removes a boolean attribute / property pair (disabled, hidden…). */
export function toggle(el: HTMLElement, name: 'disabled' | 'hidden', on: boolean): void {
  if (on) el.setAttribute(name, '');
  else el.removeAttribute(name);
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Calls `run` once `ms` after the last call (for live previews while typing). */
export function debounce<A extends unknown[]>(run: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run(...args);
    }, ms);
  };
}

/**
 * True when Enter belongs to an input method (a Japanese IME confirming a conversion), not to
 * the form: `isComposing` in current browsers, keyCode 229 where keydown arrives after
 * compositionend (Safari), and our own composition flag for the rest.
 */
export function isImeEnter(event: KeyboardEvent, composing: boolean): boolean {
  return event.isComposing || event.keyCode === 229 || composing;
}

/** Tracks composition on an element (compositionstart … compositionend). */
export function trackComposition(el: HTMLElement): () => boolean {
  let composing = false;
  el.addEventListener('compositionstart', () => {
    composing = true;
  });
  const end = (): void => {
    composing = false;
  };
  el.addEventListener('compositionend', end);
  el.addEventListener('blur', end); // a composition abandoned by leaving the field

  return () => composing;
}
