import { commonMessages } from './common';
import { valuesMessages } from '../values/messages';
import { tablesMessages } from '../tables/messages';
import { definitionMessages } from '../definition/messages';
import { enginesMessages } from '../engines/messages';
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

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = merged[lang][key] ?? merged.ja[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function hasMessage(key: string): key is MessageKey {
  return key in merged.ja;
}
