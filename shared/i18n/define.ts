/** A message catalog: every key exists in both languages, checked by the compiler. */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
export const DEFAULT_LANG: Lang = 'ja';

export interface Catalog<K extends string> {
  ja: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}

/** Accepts 'ja', 'ja-JP', 'en_US', 'English', '日本語'…; anything else falls back to Japanese. */
export function toLang(value: unknown): Lang {
  const s = String(value ?? '')
    .trim()
    .toLowerCase();
  if (s.startsWith('en') || s === '英語') return 'en';
  return DEFAULT_LANG;
}
