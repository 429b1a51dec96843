import { isImeEnter } from './dom';

/**
 * Enter in a one-line field moves to the next control and never submits: across the pane, a stray
 * Enter in half-filled fields must not send them. Fields that give Enter a meaning of their own
 * (the customer search picks, the To do filters reload, the log form) handle it first and
 * call preventDefault or stop it; while an IME composes, Enter is the IME's.
 */
export function enterMovesOn(root: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target instanceof HTMLInputElement && ['button', 'submit', 'reset', 'file'].includes(target.type))
      return;
    event.preventDefault();
    if (isImeEnter(event, false)) return;
    focusNext(root, target);
  });
}

/** Focuses the first control after `from` (in document order) that a user could Tab to. */
export function focusNext(root: HTMLElement, from: HTMLElement): void {
  const controls = Array.from(
    root.querySelectorAll<HTMLElement>('input, select, textarea, button, summary, [tabindex]'),
  ).filter(
    (c) =>
      c === from || (c.tabIndex >= 0 && !(c as HTMLInputElement).disabled && c.getClientRects().length > 0),
  );
  controls[controls.indexOf(from) + 1]?.focus();
}
