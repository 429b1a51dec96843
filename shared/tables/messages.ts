import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/tables, in both languages. */
export const tablesMessages = defineMessages({
  ja: {
    'tables.placeholder': '',
  },
  en: {
    'tables.placeholder': '',
  },
});
