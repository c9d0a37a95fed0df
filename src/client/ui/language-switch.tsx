// Tiếng Việt / English, each named in its own language so either reader finds theirs.
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage } from '../i18n';
import './language-switch.css';

export function LanguageSwitch() {
  // useTranslation re-renders this on every language change.
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={active === language}
          onClick={() => void setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
