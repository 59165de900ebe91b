/** The pane's i18n instance: Vietnamese by default, English when Office (or the browser) speaks English. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export type Lang = 'vi' | 'en';

/** 'en' for an English display language ("en-US", "en-GB"), else Vietnamese. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** A fresh instance (tests create one each, so a language switch never leaks). */
export function createI18n(lang: Lang): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'vi',
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes; text from files is never HTML
    initAsync: false,
    returnNull: false,
  });
  return inst;
}
