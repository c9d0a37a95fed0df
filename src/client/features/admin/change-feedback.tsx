// What the admin's last change said, above the tab's table: a success sentence, or why it failed.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#client/ui/banner.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';

export function useChangeFeedback() {
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** Runs a change made from the table itself (enable, retire); a failure is shown, not thrown. */
  const attempt = useCallback(async (change: () => Promise<void>) => {
    setFailure(null);
    try {
      await change();
    } catch (error) {
      setFailure(error);
    }
  }, []);
  return { notice, setNotice, failure, attempt };
}

export function ChangeFeedback({ notice, failure }: { notice: string | null; failure: unknown }) {
  const { t } = useTranslation('admin');
  return (
    <>
      {notice && <Banner tone="success">{notice}</Banner>}
      {Boolean(failure) && <Banner tone="danger">{t(errorMessageKey(failure))}</Banner>}
    </>
  );
}
