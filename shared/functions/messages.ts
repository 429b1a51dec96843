import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/functions, in both languages. */
export const functionsMessages = defineMessages({
  ja: {
    'functions.placeholder': '',
  },
  en: {
    'functions.placeholder': '',
  },
});
