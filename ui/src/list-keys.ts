/**
 * Arrow keys between the rows of a list (actions, versions, definition items): ↓/↑ move to the
 * next/previous row's first control, Home/End to the first/last row. Tab still goes through
 * every control in order; the arrows are the quick way down a long list at the pane's width.
 * Keys typed into a field inside a row are left alone.
 */
export function arrowRows(list: HTMLElement, rowSelector: string, controlSelector: string): void {
  list.addEventListener('keydown', (event) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.matches('input, select, textarea')) return;
    const rows = Array.from(list.querySelectorAll<HTMLElement>(rowSelector));
    const controls = rows.map((r) => r.querySelector<HTMLElement>(controlSelector));
    const here = rows.findIndex((r) => r.contains(target));
    if (here < 0) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? rows.length - 1
          : Math.max(0, Math.min(rows.length - 1, here + step));
    const control = controls[next];
    if (!control) return;
    event.preventDefault();
    control.focus();
    control.scrollIntoView({ block: 'nearest' });
  });
}
