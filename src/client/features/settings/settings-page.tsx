// Settings: language, who is signed in, the device's storage, the app's version and installation,
// and sign-out (which keeps every unsynced change on the device).
import { useTranslation } from 'react-i18next';
import { version } from '../../../../package.json';
import { useAuth } from '#client/app/auth-state.ts';
import { useOwnUnit } from '#client/app/use-own-unit.ts';
import { usePwa } from '#client/pwa.ts';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { InstallIcon } from '#client/ui/icons.tsx';
import { LanguageSwitch } from '#client/ui/language-switch.tsx';
import { Page } from '#client/ui/page.tsx';
import { SignOutCard } from './sign-out-card';
import { StorageCard } from './storage-card';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { user } = useAuth();
  const { canInstall, install, isIos, isStandalone } = usePwa();
  const unit = useOwnUnit();
  if (!user) return null;

  return (
    <Page title={t('title')}>
      <Card title={t('language.title')}>
        <LanguageSwitch />
      </Card>
      <Card title={t('account.title')}>
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('account.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`common:roles.${user.role}`)}</dd>
          <dt>{t('account.unit')}</dt>
          <dd>{unit?.name ?? t('account.unitUnknown')}</dd>
        </dl>
      </Card>
      <StorageCard />
      <Card title={t('app.title')}>
        <p>{t('app.version', { version })}</p>
        {isStandalone ? (
          <p>{t('app.installed')}</p>
        ) : canInstall ? (
          <Button variant="primary" icon={<InstallIcon />} onClick={() => void install()}>
            {t('app.install')}
          </Button>
        ) : isIos ? (
          <p>{t('common:pwa.iosSteps')}</p>
        ) : null}
      </Card>
      <SignOutCard />
    </Page>
  );
}
