import type { ActionsResult } from '../shared/commands';
import type { Lang } from '../shared/i18n';
import { say } from './messages';

/**
 * `kimeru actions`: the action list as a person reads it in a terminal — the summary, then two
 * lines per action, most urgent first: when and by when, the customer; what to do and the key
 * persons with when and by whom they were last met.
 */
export function actionsText(result: ActionsResult, lang: Lang): string {
  const sep = lang === 'ja' ? '、' : ', ';
  const lines = [result.message];
  for (const r of result.rows) {
    lines.push(
      say(lang, 'cli.actions.head', {
        when: r.when,
        actBy: r.actBy || '-',
        customer: `${r.customerId} ${r.customerName}`,
        rank: r.rank || '-',
        rep: r.rep || '-',
      }),
    );
    const names = r.keyPersons.join(sep);
    const key =
      names === ''
        ? say(lang, 'cli.actions.noKey')
        : r.keyLastMet === ''
          ? say(lang, 'cli.actions.keyNever', { names })
          : say(lang, 'cli.actions.key', { names, date: r.keyLastMet, by: r.keyMetBy || '-' });
    lines.push(`    ${r.what}: ${r.detail} / ${key}`);
  }
  return `${lines.join('\n')}\n`;
}
