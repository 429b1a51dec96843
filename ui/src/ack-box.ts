import { h, replaceChildren } from './dom';
import { tr } from './messages';
import type { App } from './store';
import { recall, remember } from './storage';

/**
 * 読みました / I have read it: a rep marks the latest saved version as read. The half-year review
 * then no longer names them among those who have not read the version in force.
 */
export function ackBox(app: App): { el: HTMLElement; show(version: number | null): void } {
  const { lang } = app;
  const rep = h('input', {
    type: 'text',
    list: 'ack-reps',
    'data-testid': 'ack-rep',
    'aria-label': tr(lang, 'ui.ack.rep'),
    placeholder: tr(lang, 'ui.ack.rep'),
  });
  const reps = h('datalist', { id: 'ack-reps' });
  const button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'ack-read' });
  const said = h('p', { class: 'small', role: 'status', 'data-testid': 'ack-result' });
  const el = h('div', { class: 'ack', hidden: true }, rep, reps, button, said);
  let shown: number | null = null;

  button.addEventListener('click', () => {
    const name = rep.value.trim();
    if (shown === null) return;
    if (name === '') {
      replaceChildren(said, tr(lang, 'ui.valid.required', { label: tr(lang, 'ui.ack.rep') }));
      rep.focus();
      return;
    }
    remember('rep', name);
    button.disabled = true;
    const version = shown;
    void app
      .call(() => app.api.acknowledgeVersion({ version, rep: name }))
      .then((r) => {
        button.disabled = false;
        replaceChildren(said, r.ok ? r.value.message : '');
      });
  });

  return {
    el,
    show(version) {
      shown = version;
      el.hidden = version === null;
      if (version === null) return;
      rep.value = rep.value || recall('rep');
      replaceChildren(reps, ...app.state.reps.map((r) => h('option', { value: r })));
      replaceChildren(button, tr(lang, 'ui.ack.read', { version }));
      replaceChildren(said, '');
    },
  };
}
