// Settings: sign out, in two steps. The second step says plainly that unsent changes stay on the
// device (they are sent at the next sign-in); nothing is deleted. An in-page confirmation, because
// window.confirm is unreliable in installed web apps.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { SignOutIcon } from '../../ui/icons';

export function SignOutCard() {
  const { t } = useTranslation('settings');
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const confirm = async () => {
    setSigningOut(true);
    await signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <Card title={t('signOut.title')}>
      <p>{t('signOut.body')}</p>
      {confirming ? (
        <>
          <Banner tone="warning">{t('signOut.confirm')}</Banner>
          <div className="button-row">
            <Button variant="danger" icon={<SignOutIcon />} disabled={signingOut} onClick={() => void confirm()}>
              {t('signOut.action')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
          </div>
        </>
      ) : (
        <Button icon={<SignOutIcon />} onClick={() => setConfirming(true)}>
          {t('signOut.action')}
        </Button>
      )}
    </Card>
  );
}
