import type { ReportResult } from '../../shared/commands/reports';
import type { Envelope, SidebarState } from '../../shared/commands/api';
import { h, replaceChildren, toggle } from './dom';
import { busyButton, field } from './field';
import { tr, type UiKey } from './messages';
import type { App } from './store';
import { unreadBox } from './unread-box';
import { confirmBox } from './confirm-box';
import type { ReviewResult } from '../../shared/commands/review';

type Command = 'ranking' | 'gapCheck' | 'review' | 'manual';

const LABEL: Record<Command, UiKey> = {
  ranking: 'ui.run.ranking',
  gapCheck: 'ui.run.gapCheck',
  review: 'ui.run.review',
  manual: 'ui.run.manual',
};

/**
 * 実行 / Run: the four commands that write kimeru's output sheets, as of a date. One runs at a
 * time (the others wait, disabled); the result is the command's message and headline lines.
 */
export function runTab(app: App): { el: HTMLElement; onState(state: SidebarState): void } {
  const { lang } = app;
  const asOf = h('input', { type: 'date', 'data-testid': 'run-asOf' });
  // The half-year a review is for (2026H1, 2026上期); blank: the one containing the as-of date.
  const period = h('input', {
    type: 'text',
    'data-testid': 'run-period',
    placeholder: tr(lang, 'ui.run.periodPlaceholder'),
  });
  const confirm = confirmBox(app);
  const message = h('p', { class: 'strong', 'data-testid': 'run-message' });
  const headline = h('ul', { class: 'headline', 'data-testid': 'run-headline' });
  const unread = unreadBox(lang);
  // What had nothing to measure, apart from the headline: no data is neither met nor a gap.
  const noDataList = h('ul', { class: 'nodata' });
  const noData = h(
    'div',
    { class: 'nodata-box', 'data-testid': 'run-nodata', hidden: true },
    h('p', { class: 'muted small' }, tr(lang, 'ui.run.noData')),
    noDataList,
  );
  const output = h(
    'div',
    { class: 'status', role: 'status', 'data-testid': 'run-result' },
    message,
    headline,
    unread.el,
    noData,
    confirm.el,
  );
  let running = false;

  const buttons = (Object.keys(LABEL) as Command[]).map((command) => {
    const b = busyButton(tr(lang, LABEL[command]), tr(lang, 'ui.run.running'), {
      class: command === 'gapCheck' ? 'primary' : 'secondary',
      'data-testid': `run-${command}`,
    });
    b.el.addEventListener('click', () => void run(command, b));
    return b;
  });

  function request(command: Command): Promise<Envelope<ReportResult>> {
    const date = asOf.value.trim() === '' ? undefined : asOf.value;
    switch (command) {
      case 'ranking':
        return app.api.runRanking(date);
      case 'gapCheck':
        return app.api.runGapCheck(date);
      case 'review':
        return app.api.runReview(date, period.value.trim() === '' ? undefined : period.value.trim());
      case 'manual':
        return app.api.writeManual();
    }
  }

  async function run(command: Command, button: (typeof buttons)[number]): Promise<void> {
    if (running) return;
    running = true;
    for (const b of buttons) b.el.disabled = true;
    button.setBusy(true);
    replaceChildren(message, '');
    replaceChildren(headline);
    unread.show(null);
    replaceChildren(noDataList);
    toggle(noData, 'hidden', true);
    confirm.show(null);
    const r = await app.call(
      () => request(command),
      () => void run(command, button),
    );
    button.setBusy(false);
    for (const b of buttons) b.el.disabled = false;
    running = false;
    if (!r.ok) return;
    replaceChildren(message, r.value.message);
    replaceChildren(headline, ...r.value.headline.map((line) => h('li', {}, line)));
    unread.show(r.value.unread);
    const lines = r.value.noData ?? [];
    replaceChildren(noDataList, ...lines.map((line) => h('li', {}, line)));
    toggle(noData, 'hidden', lines.length === 0);
    if (command === 'review') confirm.show(r.value as ReviewResult);
  }

  const el = h(
    'section',
    { class: 'tab-run' },
    field(tr(lang, 'ui.run.asOf'), asOf, 'asOf').el,
    field(tr(lang, 'ui.run.period'), period, 'period').el,
    h('div', { class: 'run-buttons' }, ...buttons.map((b) => b.el)),
    output,
  );

  return {
    el,
    onState(state) {
      if (asOf.value === '') asOf.value = state.asOf ?? state.today;
    },
  };
}
