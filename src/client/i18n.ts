// Translations. The first download carries only what the sign-in page says in Vietnamese (`common` and
// `auth`); every other namespace, and English, comes as one chunk per language when it is needed:
// after sign-in, or when English is chosen. The service worker precaches those chunks, so offline they
// are there too. A feature adds a namespace by adding its two files to locales/.
// Vietnamese is the default; the chosen language is remembered on the device and mirrored on <html lang>.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '#domain/schemas/auth';
import viAuth from '../../locales/vi/auth.json';
import viCommon from '../../locales/vi/common.json';

export const languages = ['vi', 'en'] as const satisfies readonly Locale[];
export const defaultLanguage: Locale = 'vi';
export const LANGUAGE_STORAGE_KEY = 'tlb.language';

type Translations = Record<string, Record<string, unknown>>;

const bundles: Record<Locale, () => Promise<{ translations: Translations }>> = {
  vi: () => import('./locale-bundles/vi'),
  en: () => import('./locale-bundles/en'),
};

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

export const i18n = i18next.createInstance();
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
void i18n.use(initReactI18next).init({
  resources: { vi: { common: viCommon, auth: viAuth } },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  ns: ['common', 'auth'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnEmptyString: false,
});

const loaded = new Map<Locale, Promise<void>>();

/** Adds every namespace of `language` (one chunk); once per language, however often asked. */
export function loadLanguage(language: Locale): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    loading = bundles[language]().then(({ translations }) => {
      // Without the copy i18next makes by default (a JSON round trip of every namespace, most of a
      // start-up task): nothing changes these objects once loaded, so the store can hold them as they are.
      for (const [path, content] of Object.entries(translations)) {
        const namespace = /\/([^/]+)\.json$/.exec(path)?.[1];
        if (namespace) i18n.addResourceBundle(language, namespace, content, true, false, { skipCopy: true });
      }
    });
    // A failed chunk (offline before the service worker had it) may be asked for again later.
    loading.catch(() => loaded.delete(language));
    loaded.set(language, loading);
  }
  return loading;
}

/** Every namespace of the current language (and Vietnamese, the fallback): what the signed-in app needs. */
export async function loadAllNamespaces(): Promise<void> {
  await Promise.all([loadLanguage(defaultLanguage), loadLanguage(currentLanguage())]);
}

/**
 * At start: the remembered language, when it is not Vietnamese, loads before the first render (the
 * static shell in index.html shows meanwhile). Offline without that chunk, the app opens in Vietnamese.
 */
export async function startTranslations(): Promise<void> {
  const language = rememberedLanguage();
  if (language === defaultLanguage) return;
  try {
    await loadLanguage(language);
    await i18n.changeLanguage(language);
  } catch {
    // Stays in Vietnamese, which is always there.
  }
}

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
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}
