import { toLang, type Lang } from '../../shared/i18n';

/**
 * The user's language: their Google account's language (Session.getActiveUserLocale needs no
 * scope), else the spreadsheet's locale, else Japanese. Either source may be unavailable — in
 * AuthMode.NONE at onOpen the spreadsheet must not be touched — so each is asked carefully.
 */
export function userLang(userLocale: () => string, sheetLocale?: () => string): Lang {
  for (const source of [userLocale, sheetLocale]) {
    if (!source) continue;
    try {
      const locale = source();
      if (locale) return toLang(locale);
    } catch {
      // Not available in this authorization mode: try the next source.
    }
  }
  return 'ja';
}
