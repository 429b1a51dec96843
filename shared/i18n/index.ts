import { commonMessages } from './common';
import { valuesMessages } from '../values/messages';
import { tablesMessages } from '../tables/messages';
import { definitionMessages } from '../definition/messages';
import { enginesMessages } from '../engines/messages';
import { actionsMessages } from '../engines/actions-messages';
import { functionsMessages } from '../functions/messages';
import { commandsMessages } from '../commands/messages';
import type { Lang } from './define';

export { defineMessages, toLang, LANGS, DEFAULT_LANG } from './define';
export type { Lang, Catalog } from './define';

const catalogs = [
  commonMessages,
  valuesMessages,
  tablesMessages,
  definitionMessages,
  enginesMessages,
  actionsMessages,
  functionsMessages,
  commandsMessages,
] as const;

/** Every message key of kimeru: messages shown to users are keys here, never literals in code. */
type KeysOf<T> = T extends unknown ? keyof T & string : never;
export type MessageKey = KeysOf<(typeof catalogs)[number]['ja']>;
export type Params = Record<string, string | number>;

const merged: Record<Lang, Record<string, string>> = { ja: {}, en: {} };
for (const c of catalogs) {
  Object.assign(merged.ja, c.ja);
  Object.assign(merged.en, c.en);
}

// Templates split once into literal text and placeholder names: messages are formatted for every
// gap row of every recalculation.
// {count|customer|customers} is the word for a count: the first form when it is 1, else the second.
type Compiled = (string | { name: string; one?: string; other?: string })[];
// Per language, by key: no key string is built per message (a check words thousands of rows).
const compiled: Record<Lang, Map<string, Compiled>> = { ja: new Map(), en: new Map() };

function compile(template: string): Compiled {
  const parts: Compiled = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g)) {
    const name = m[1] ?? '';
    parts.push(
      template.slice(last, m.index),
      m[2] !== undefined ? { name, one: m[2], other: m[3] ?? '' } : { name },
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const byKey = compiled[lang];
  let parts = byKey.get(key);
  if (parts === undefined) {
    parts = compile(merged[lang][key] ?? merged.ja[key] ?? key);
    byKey.set(key, parts);
  }
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (p.one !== undefined) out += Number(params[p.name]) === 1 ? p.one : p.other;
    else out += p.name in params ? String(params[p.name]) : `{${p.name}}`;
  }
  return out;
}

export function hasMessage(key: string): key is MessageKey {
  return key in merged.ja;
}
