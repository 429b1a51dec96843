import { h, replaceChildren, toggle, uid, type Child } from './dom';

/**
 * A labelled form field with its inline message underneath, wired for screen readers
 * (label for=, aria-describedby, aria-invalid).
 */
export interface Field {
  el: HTMLElement;
  control: HTMLElement;
  /** Shows `message` under the field ('' clears it). */
  setError(message: string): void;
}

/** Wraps `control` (which gets an id if it has none) with a label, an optional hint and an error line. */
export function field(label: string, control: HTMLElement, testId: string, hint?: Child): Field {
  if (!control.id) control.id = uid('f');
  const error = h('p', {
    class: 'field-error',
    id: uid('e'),
    'data-testid': `error-${testId}`,
    hidden: true,
  });
  control.setAttribute('aria-describedby', error.id);
  // A group of controls (checkboxes, the customer picker) is named by its caption instead.
  const labelable = control.matches('input,select,textarea');
  const caption = labelable
    ? h('label', { for: control.id }, label)
    : h('span', { class: 'label', id: uid('l') }, label);
  if (!labelable) {
    control.setAttribute('role', control.getAttribute('role') ?? 'group');
    control.setAttribute('aria-labelledby', caption.id);
  }
  const el = h(
    'div',
    { class: 'field', 'data-field': testId },
    caption,
    control,
    hint ? h('p', { class: 'field-hint' }, hint) : null,
    error,
  );
  return {
    el,
    control,
    setError(message: string) {
      replaceChildren(error, message);
      toggle(error, 'hidden', message === '');
      if (message === '') control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
      el.classList.toggle('invalid', message !== '');
    },
  };
}

/** A button that shows a spinner and a busy label while its action runs. */
export function busyButton(
  label: string,
  busyLabel: string,
  attrs: Record<string, string>,
): { el: HTMLButtonElement; setBusy(busy: boolean): void } {
  const text = h('span', { class: 'button-label' }, label);
  const spinner = h('span', { class: 'spinner', 'aria-hidden': 'true', hidden: true });
  const el = h('button', { type: 'button', ...attrs }, spinner, text);
  return {
    el,
    setBusy(busy: boolean) {
      el.disabled = busy;
      if (busy) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
      toggle(spinner, 'hidden', !busy);
      replaceChildren(text, busy ? busyLabel : label);
    },
  };
}
