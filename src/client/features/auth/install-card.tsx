// After sign-in on a phone: a one-time card offering to install the app on the home screen. Installed
// apps keep their storage (Safari's 7-day eviction does not apply), so unsent work is safer (docs/lessons.md).
// Where the browser offers no prompt (iOS), it explains the Share → "Add to Home Screen" steps.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePwa } from '#client/pwa.ts';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { InstallIcon } from '#client/ui/icons.tsx';
import './install-card.css';

const DISMISSED_KEY = 'tlb.installCardDismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

function isPhone(): boolean {
  return window.matchMedia?.('(pointer: coarse)').matches === true;
}

export function InstallCard() {
  const { t } = useTranslation('auth');
  const { canInstall, install, isIos, isStandalone } = usePwa();
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (dismissed || isStandalone || !isPhone() || !(canInstall || isIos)) return null;

  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Shown again next visit: harmless.
    }
    setDismissed(true);
  };

  return (
    <Card title={t('install.title')} className="install-card">
      <p>{t('install.body')}</p>
      {canInstall ? null : <p>{t('common:pwa.iosSteps')}</p>}
      <div className="button-row">
        {canInstall && (
          <Button
            variant="primary"
            icon={<InstallIcon />}
            onClick={() => {
              void install().then(dismiss);
            }}
          >
            {t('install.action')}
          </Button>
        )}
        <Button variant="quiet" onClick={dismiss}>
          {t('common:actions.later')}
        </Button>
      </div>
    </Card>
  );
}
