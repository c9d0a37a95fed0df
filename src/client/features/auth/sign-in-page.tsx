// Sign-in: username, password (with show/hide), the language switch, and the promise that the app works
// offline afterwards. Failures are shown as a sentence that says what to do, mapped from the error code.
// When the server asked the remembered user to sign in again, their username is filled in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#client/app/auth-state.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EyeIcon, EyeOffIcon, OfflineIcon } from '#client/ui/icons.tsx';
import { LanguageSwitch } from '#client/ui/language-switch.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { usePageTitle } from '#client/ui/use-page-title.ts';
import { prepareSignIn, signInFailureKey } from './sign-in-on-demand';
import './sign-in.css';

interface FieldErrors {
  username?: string;
  password?: string;
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { signIn, user, needsSignIn } = useAuth();
  const reauthUsername = needsSignIn ? user?.username : undefined;
  const [username, setUsername] = useState(reauthUsername ?? '');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failureKey, setFailureKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  usePageTitle(t('title'));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = t('required.username');
    if (!password) errors.password = t('required.password');
    setFieldErrors(errors);
    setFailureKey(null);
    if (errors.username || errors.password) return;
    setPending(true);
    try {
      // On success the /login route sends the user on; nothing more to do here.
      await signIn(username.trim(), password);
    } catch (error) {
      setFailureKey(await signInFailureKey(error));
      setPending(false);
    }
  }

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <div className="sign-in__language">
          <LanguageSwitch />
        </div>
        <img className="sign-in__logo" src="/favicon.svg" alt="" width={56} height={56} />
        <p className="sign-in__app">{t('common:appName')}</p>
        <h1 className="sign-in__title">{t('title')}</h1>
        <p className="sign-in__intro">{t('intro')}</p>
      </header>
      <main className="sign-in__main">
        {reauthUsername && <Banner tone="warning">{t('reauth', { username: reauthUsername })}</Banner>}
        <form className="sign-in__form" noValidate onFocus={prepareSignIn} onSubmit={(event) => void submit(event)}>
          <TextField
            label={t('username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={fieldErrors.username}
          />
          <TextField
            label={t('password')}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            trailing={
              <button
                type="button"
                className="field__toggle"
                aria-label={showPassword ? t('hidePasswordLabel') : t('showPasswordLabel')}
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? <EyeOffIcon size={20} /> : <EyeIcon size={20} />}
                <span aria-hidden="true">{showPassword ? t('hidePassword') : t('showPassword')}</span>
              </button>
            }
          />
          {failureKey && <Banner tone="danger">{t(failureKey)}</Banner>}
          <Button type="submit" variant="primary" block disabled={pending}>
            {pending ? t('submitting') : t('submit')}
          </Button>
        </form>
        <p className="sign-in__offline">
          <OfflineIcon size={20} />
          <span>{t('offlineNote')}</span>
        </p>
      </main>
    </div>
  );
}
