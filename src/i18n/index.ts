import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * UI text in English and Chinese, through i18next (interpolation, fallback and live language
 * switching). Each area owns its own resource module (`ui`, `views`, …) so parallel work never
 * edits one shared file; they are merged here. Lesson narration is not here: it lives beside
 * each lesson as `{ en, zh }`.
 */
import { ui } from './ui';
import { views } from './views';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

const modules = { ui, views };

export const resources = {
  en: Object.fromEntries(Object.entries(modules).map(([ns, m]) => [ns, m.en])),
  zh: Object.fromEntries(Object.entries(modules).map(([ns, m]) => [ns, m.zh])),
};

export function initI18n(lang: Lang): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: 'en',
      ns: Object.keys(modules),
      defaultNS: 'ui',
      interpolation: { escapeValue: false },
      initImmediate: false,
      returnNull: false,
    } as Parameters<typeof i18next.init>[0]);
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  return i18next;
}
