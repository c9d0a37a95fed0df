// One person of the registry (/participants/:id, or /participants/new for an empty form): the shared
// participant form, the sessions they attended (each a participant-turn), and deletion, which is
// allowed only while nobody's figures depend on the person (no attendance on this device).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb } from '#client/db/database.ts';
import { putParticipant } from '#client/db/local-writes.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { Banner } from '#client/ui/banner.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { CheckIcon } from '#client/ui/icons.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { ParticipantForm } from '#client/ui/participant-form/participant-form.tsx';
import { participantFormDefaults } from '#client/ui/participant-form/participant-form-schema.ts';
import { AttendedSessions } from './attended-sessions';
import { DeleteParticipant } from './delete-participant';
import { useParticipant } from './use-participants';
import './participants.css';

export function ParticipantPage() {
  const { id = '' } = useParams();
  return id === 'new' ? <NewParticipant /> : <EditParticipant id={id} />;
}

function NewParticipant() {
  const { t } = useTranslation('participants');
  const { user } = useAuth();
  const navigate = useNavigate();
  // Fixed for the page's life: a retry after a refusal updates the same person.
  const [id] = useState(uuidv7);
  return (
    <Page title={t('detail.newTitle')} back="/participants">
      <ParticipantForm
        defaults={participantFormDefaults(todayIn())}
        submitLabel={t('detail.create')}
        autoFocusName
        onSubmit={async (fields) => {
          if (!user) return;
          await putParticipant(getUserDb(), { id, unitId: user.unitId, ...fields });
          // The person's page says "Đã lưu" on arrival, as it does after an edit.
          void navigate(`/participants/${id}`, { replace: true, state: { created: true } });
        }}
      />
    </Page>
  );
}

function EditParticipant({ id }: { id: string }) {
  const { t } = useTranslation('participants');
  const person = useParticipant(id);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  if (person === undefined) {
    return (
      <Page title={t('detail.title')} back="/participants">
        <Loading />
      </Page>
    );
  }
  if (person === null) {
    return (
      <Page title={t('detail.title')} back="/participants">
        <EmptyState
          title={t('detail.notFound')}
          action={<ButtonLink to="/participants">{t('detail.toList')}</ButtonLink>}
        >
          <p>{t('detail.notFoundHint')}</p>
        </EmptyState>
      </Page>
    );
  }
  return <ParticipantDetail person={person} justCreated={created} />;
}

function ParticipantDetail({ person, justCreated }: { person: LocalParticipant; justCreated: boolean }) {
  const { t } = useTranslation('participants');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  return (
    <Page title={person.fullName} back="/participants">
      {/* Just created: said at the top, where the eye is when the page opens (an edit's note is by the form's end). */}
      {justCreated && savedAt === null && <Banner tone="success">{t('detail.saved')}</Banner>}
      <ParticipantForm
        key={person.id}
        defaults={participantFormDefaults(todayIn(), person)}
        submitLabel={t('detail.save')}
        onSubmit={async (fields) => {
          setSavedAt(null);
          await putParticipant(getUserDb(), { id: person.id, ...fields });
          setSavedAt(Date.now());
        }}
      />
      <p className="participant-saved" role="status">
        {savedAt !== null && (
          <>
            <CheckIcon size={20} />
            {t('detail.saved')}
          </>
        )}
      </p>
      <AttendedSessions participantId={person.id} />
      <DeleteParticipant person={person} />
    </Page>
  );
}
