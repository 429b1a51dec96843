import type { UnreadRows } from '../../shared/commands/reports';
import { h, replaceChildren, toggle } from './dom';
import { tr } from './messages';
import type { Lang } from '../../shared/i18n';

/**
 * The warning box every command shows after it ran: how many rows were left out or read with a
 * caveat, opening onto the list (sheet, row, column, why, what to do) and the sheet holding all
 * of it. Hidden when every row was read.
 */
export function unreadBox(lang: Lang): { el: HTMLElement; show(unread: UnreadRows | null): void } {
  const el = h('details', { class: 'unread', 'data-testid': 'unread', hidden: true });
  return {
    el,
    show(unread) {
      const empty = !unread || unread.summary === '';
      toggle(el, 'hidden', empty);
      el.removeAttribute('open');
      if (empty) {
        replaceChildren(el);
        return;
      }
      const shown = unread.lines.length;
      const total = unread.skipped + unread.warnings;
      replaceChildren(
        el,
        h('summary', { 'data-testid': 'unread-summary' }, `⚠ ${unread.summary}`),
        h('ul', { 'data-testid': 'unread-list' }, ...unread.lines.map((line) => h('li', {}, line))),
        unread.sheet !== null
          ? h(
              'p',
              { class: 'muted', 'data-testid': 'unread-sheet' },
              total > shown
                ? tr(lang, 'ui.unread.more', { count: total - shown, sheet: unread.sheet })
                : tr(lang, 'ui.unread.sheet', { sheet: unread.sheet }),
            )
          : null,
      );
    },
  };
}
