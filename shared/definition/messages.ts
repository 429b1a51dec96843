import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/definition, in both languages. */
export const definitionMessages = defineMessages({
  ja: {
    'definition.placeholder': '',
  },
  en: {
    'definition.placeholder': '',
  },
});
