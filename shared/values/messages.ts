import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/values, in both languages. */
export const valuesMessages = defineMessages({
  ja: {
    'values.placeholder': '',
  },
  en: {
    'values.placeholder': '',
  },
});
