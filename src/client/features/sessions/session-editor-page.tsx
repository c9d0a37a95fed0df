// Creates (/sessions/new) or edits (/sessions/:id) one session. A new session is written as a draft
// at once and the address becomes its own, so a reload reopens the same record.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb } from '#client/db/database.ts';
import { Banner } from '#client/ui/banner.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { createDraft } from './create-draft';
import { writeErrorKey } from './error-text';
import { SessionForm } from './session-form';
import { useSessionRow } from './use-session-editor-data';
import './sessions.css';

function NewSession() {
  const { t } = useTranslation('sessions');
  const { user } = useAuth();
  const navigate = useNavigate();
  const started = useRef(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!user || started.current) return;
    started.current = true; // once, even when React runs effects twice
    createDraft(getUserDb(), user.unitId).then((id) => navigate(`/sessions/${id}`, { replace: true }), setError);
  }, [user, navigate]);

  return (
    <Page title={t('editor.newTitle')} back="/sessions">
      {error ? <Banner tone="danger">{t(writeErrorKey(error))}</Banner> : <Loading />}
    </Page>
  );
}

function ExistingSession({ id }: { id: string }) {
  const { t } = useTranslation('sessions');
  const session = useSessionRow(id);
  if (session === undefined) return <Loading />;
  if (session === null) {
    return (
      <Page title={t('editor.title')} back="/sessions">
        <EmptyState
          title={t('editor.notFound')}
          action={<ButtonLink to="/sessions">{t('editor.backToList')}</ButtonLink>}
        >
          <p>{t('editor.notFoundHint')}</p>
        </EmptyState>
      </Page>
    );
  }
  return <SessionForm key={id} session={session} />;
}

export function SessionEditorPage() {
  const { id } = useParams();
  return id ? <ExistingSession id={id} /> : <NewSession />;
}
