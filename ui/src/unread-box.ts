import type { UnreadRows } from '../../shared/commands/reports';
import { h, replaceChildren, toggle } from './dom';
import { tr } from './messages';
import type { Lang } from '../../shared/i18n';

/**
 * The warning box every command shows after it ran: how many rows were left out or read with a
 * caveat, opening onto the list (sheet, row, column, why, what to do) and the sheet holding all
 * of it. Hidden when every row was read.
 *
 * Each tab puts it right under the answer of its own command, so it appears where the user is; it
 * sits in a status region, so a screen reader announces the summary when it appears; the summary is
 * in the Tab order and opens the list with Enter or Space.
 */
export function unreadBox(lang: Lang): { el: HTMLElement; show(unread: UnreadRows | null): void } {
  const box = h('details', { class: 'unread', 'data-testid': 'unread', hidden: true });
  // The live region stays in the page (empty when all rows were read): one that appears along
  // with its content is not announced by every screen reader.
  const el = h('div', { role: 'status', class: 'unread-region', 'data-testid': 'unread-region' }, box);
  return {
    el,
    show(unread) {
      const empty = !unread || unread.summary === '';
      toggle(el, 'hidden', false);
      toggle(box, 'hidden', empty);
      box.removeAttribute('open');
      if (empty) {
        replaceChildren(box);
        return;
      }
      const shown = unread.lines.length;
      const total = unread.skipped + unread.warnings;
      replaceChildren(
        box,
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
