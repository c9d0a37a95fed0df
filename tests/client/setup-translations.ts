// Client tests render screens of the signed-in app, which the real app shows only once every namespace of
// the language has loaded (main.tsx): load both languages before any test, as the app would.
import { loadLanguage } from '../../src/client/i18n';

await Promise.all([loadLanguage('vi'), loadLanguage('en')]);
