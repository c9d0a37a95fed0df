// Both languages are complete: the same namespaces and keys, no empty strings, the same placeholders,
// and a sentence for every error code the server or the device can produce.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '#domain/schemas/error';
import { sessionFormats } from '#domain/schemas/session';
import { exportLabels } from '#server/exports/labels';

// happy-dom replaces the global URL, so resolve the path from the file name instead.
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '../../locales/');
const languages = ['vi', 'en'] as const;

function namespaces(language: string): string[] {
  return readdirSync(`${localesDir}${language}`)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

function load(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(`${localesDir}${language}/${namespace}.json`, 'utf8'));
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; anything but an object or a string is reported as itself. */
function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [prefix]: value };
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, child]) => Object.entries(flatten(child, prefix ? `${prefix}.${key}` : key))),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const flat = Object.fromEntries(
  languages.map((language) => [
    language,
    Object.fromEntries(namespaces(language).map((ns) => [ns, flatten(load(language, ns))])),
  ]),
) as Record<(typeof languages)[number], Record<string, Record<string, unknown>>>;

describe('locales', () => {
  it('have the same namespaces in Vietnamese and English', () => {
    expect(namespaces('en')).toEqual(namespaces('vi'));
    expect(namespaces('vi')).toEqual(expect.arrayContaining(['common', 'auth', 'settings']));
  });

  for (const namespace of namespaces('vi')) {
    describe(namespace, () => {
      const vi = flat.vi[namespace] ?? {};
      const en = flat.en[namespace] ?? {};

      it('has exactly the same keys in both languages', () => {
        expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
      });

      it('has a non-empty string for every key', () => {
        for (const [language, entries] of [
          ['vi', vi],
          ['en', en],
        ] as const) {
          for (const [key, value] of Object.entries(entries)) {
            expect(typeof value === 'string' && value.trim() !== '', `${language}/${namespace}: ${key}`).toBe(true);
          }
        }
      });

      it('keeps every Vietnamese placeholder in the English sentence', () => {
        for (const [key, value] of Object.entries(vi)) {
          const english = en[key];
          if (typeof value !== 'string' || typeof english !== 'string') continue;
          for (const name of placeholders(value)) {
            expect(placeholders(english), `${namespace}: ${key} needs {{${name}}}`).toContain(name);
          }
        }
      });
    });
  }

  it('say what to do for every error code, for a lost connection and for the unexpected', () => {
    for (const language of languages) {
      const common = flat[language].common ?? {};
      for (const code of [...errorCodes, 'network', 'unknown']) {
        expect(common[`errors.${code}`], `${language}: errors.${code}`).toEqual(expect.any(String));
      }
    }
  });

  it('give each session format one name per language: the editor, review, reports and exports agree', () => {
    for (const language of languages) {
      for (const format of sessionFormats) {
        const names = new Set([
          flat[language].sessions?.[`formats.${format}`],
          flat[language].review?.[`labels.formats.${format}`],
          flat[language].reports?.[`formats.${format}`],
          flat[language].reports?.[`print.formats.${format}`],
          exportLabels[language].formats[format],
        ]);
        expect([...names], `${language}: ${format}`).toHaveLength(1);
      }
    }
  });
});
