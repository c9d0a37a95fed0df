// Translations: every locales/<lng>/<namespace>.json is bundled into the app (no HTTP backend, so the
// words are there offline from the first load). A feature adds a namespace by adding the two files.
// Vietnamese is the default; the chosen language is remembered on the device and mirrored on <html lang>.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../domain/schemas/auth';

export const languages = ['vi', 'en'] as const satisfies readonly Locale[];
export const defaultLanguage: Locale = 'vi';
export const LANGUAGE_STORAGE_KEY = 'tlb.language';

const modules = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { eager: true, import: 'default' });

/** `{ vi: { common: {...}, auth: {...} }, en: {...} }` from the bundled files. */
export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = '', namespace = ''] = match;
    resources[language] ??= {};
    resources[language][namespace] = content;
  }
  return resources;
}

export function isLanguage(value: unknown): value is Locale {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function rememberedLanguage(): Locale {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

const resources = bundledResources();

export const i18n = i18next.createInstance();
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
void i18n.use(initReactI18next).init({
  resources,
  lng: rememberedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  ns: Object.keys(resources[defaultLanguage] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnEmptyString: false,
});

export function currentLanguage(): Locale {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** Switches the interface language and remembers it on this device. */
export async function setLanguage(language: Locale): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the switch still applies for this visit.
  }
  await i18n.changeLanguage(language);
}
