import type { ReviewResult } from '../../shared/commands/review';
import { h, replaceChildren, toggle } from './dom';
import { tr } from './messages';
import type { App } from './store';
import { recall } from './storage';

type Entry = ReviewResult['confirm'][number];

/**
 * After a review: the items the data cannot measure, per rep, for a manager to confirm for the
 * period reviewed — 出来ている or not, with a note. Until then each says 未確認 (not confirmed),
 * never "not done". Each choice is one row appended to the 確認記録 sheet.
 */
export function confirmBox(app: App): { el: HTMLElement; show(result: ReviewResult | null): void } {
  const { lang } = app;
  const list = h('ul', { class: 'confirm-list' });
  const el = h(
    'div',
    { class: 'confirm-box', 'data-testid': 'review-confirm', hidden: true },
    h('h3', {}, tr(lang, 'ui.review.confirmTitle')),
    h('p', { class: 'muted small' }, tr(lang, 'ui.review.confirmHint')),
    list,
  );

  function status(entry: Entry): string {
    if (entry.confirmed === null) return tr(lang, 'ui.review.unconfirmed');
    const said = tr(lang, entry.confirmed ? 'ui.review.done' : 'ui.review.notDone');
    return entry.note === '' ? said : `${said}: ${entry.note}`;
  }

  function row(period: string, entry: Entry): HTMLElement {
    const state = h('span', { class: 'confirm-state', 'data-testid': 'confirm-state' }, status(entry));
    const note = h('input', {
      type: 'text',
      'data-testid': 'confirm-note',
      value: entry.note,
      placeholder: tr(lang, 'ui.review.notePlaceholder'),
      'aria-label': tr(lang, 'ui.review.note'),
    });
    const button = (done: boolean) => {
      const b = h(
        'button',
        { type: 'button', class: 'link', 'data-testid': done ? 'confirm-done' : 'confirm-not-done' },
        tr(lang, done ? 'ui.review.done' : 'ui.review.notDone'),
      );
      b.addEventListener('click', () => void confirm(done));
      return b;
    };
    const yes = button(true);
    const no = button(false);
    async function confirm(done: boolean): Promise<void> {
      yes.disabled = no.disabled = true;
      const req = {
        period,
        rep: entry.rep,
        itemId: entry.itemId,
        done,
        note: note.value.trim(),
        by: recall('author'),
      };
      const r = await app.call(() => app.api.confirmItem(req));
      yes.disabled = no.disabled = false;
      if (!r.ok) return;
      entry.confirmed = done;
      entry.note = req.note;
      replaceChildren(state, status(entry));
    }
    return h(
      'li',
      { 'data-testid': 'confirm-entry', 'data-rep': entry.rep, 'data-item-id': entry.itemId },
      h('span', { class: 'strong' }, `${entry.rep}: ${entry.itemName}`),
      ' ',
      state,
      h('div', { class: 'confirm-actions' }, note, yes, no),
    );
  }

  return {
    el,
    show(result) {
      const entries = result?.confirm ?? [];
      toggle(el, 'hidden', entries.length === 0);
      replaceChildren(list, ...(result ? entries.map((e) => row(result.period.code, e)) : []));
    },
  };
}
