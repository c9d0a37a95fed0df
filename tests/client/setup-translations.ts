// Client tests render screens of the signed-in app, which the real app shows only once every namespace of
// the language has loaded (main.tsx): load both languages before any test, as the app would.
import { loadLanguage } from '#client/i18n.ts';

await Promise.all([loadLanguage('vi'), loadLanguage('en')]);
