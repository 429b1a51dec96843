import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/engines, in both languages. */
export const enginesMessages = defineMessages({
  ja: {
    'engines.placeholder': '',
  },
  en: {
    'engines.placeholder': '',
  },
});
