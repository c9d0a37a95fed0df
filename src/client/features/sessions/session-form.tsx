// The session editor: one scrolling form in sections, saved as the trainer types (useAutosave), with
// submitting and deleting below it. An approved session opens read-only: every input is disabled.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isTrainerContentLocked } from '#domain/rules/session-status';
import { getUserDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { deleteSession, putSession, submitSession } from '#client/db/local-writes.ts';
import { Card } from '#client/ui/card.tsx';
import { Page } from '#client/ui/page.tsx';
import { AttendanceSection } from './attendance-section';
import { DeleteDraft } from './delete-draft';
import { DetailsSection } from './details-section';
import { fieldIds, focusFirstInvalidField } from './field-ids';
import { FormTextArea } from './form-fields';
import { PhotosSection } from './photos-section';
import { SaveIndicator } from './save-indicator';
import { formValuesOf, sessionFormSchema, type SessionFormValues, type SessionPatch } from './session-form-schema';
import { StatusBanners } from './status-banners';
import { SubmitSection } from './submit-section';
import { TopicsSection } from './topics-section';
import { sessionTypingJournal } from './typing-journal';
import { useAutosave } from './use-autosave';
import { usePhotoCount, useRejectedChanges, useRosterSummary, useTopics } from './use-session-editor-data';

export function SessionForm({ session }: { session: LocalSession }) {
  const { t } = useTranslation('sessions');
  const navigate = useNavigate();
  const db = getUserDb();
  const id = session.id;
  const form = useForm<SessionFormValues>({
    // The form's values are its input (the resolver's output, trimmed text, is what putSession makes of them).
    resolver: zodResolver(sessionFormSchema, undefined, { raw: true }),
    defaultValues: formValuesOf(session),
    mode: 'onChange',
  });
  const write = useCallback((patch: SessionPatch) => putSession(db, { id, ...patch }), [db, id]);
  const journal = useMemo(() => sessionTypingJournal(db.userId, id), [db, id]);
  const readOnly = isTrainerContentLocked(session.status);
  const autosave = useAutosave(form, write, journal, { readOnly });
  const topics = useTopics();
  const roster = useRosterSummary(id);
  const photoCount = usePhotoCount(id);
  const rejected = useRejectedChanges(id);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await autosave.flush();
      // A value at fault is on screen but not stored: submitting would send what is stored, not what is shown.
      if (autosave.unsaved()) {
        focusFirstInvalidField();
        return;
      }
      await submitSession(db, id);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    autosave.stop();
    try {
      await deleteSession(db, id);
      void navigate('/sessions', { replace: true });
    } catch (error) {
      setActionError(error);
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('editor.title')}
      back="/sessions"
      actions={<SaveIndicator state={autosave.state} readOnly={readOnly} />}
    >
      <StatusBanners session={session} rejected={rejected} writeError={autosave.error ?? actionError} />
      <FormProvider {...form}>
        <form
          className="session-form"
          noValidate
          onSubmit={(event) => event.preventDefault()}
          onBlur={() => void autosave.flush()}
        >
          <fieldset className="session-form__fields" disabled={readOnly}>
            <DetailsSection topics={topics} readOnly={readOnly} />
            <TopicsSection topics={topics} />
            <AttendanceSection sessionId={id} roster={roster} />
            <PhotosSection sessionId={id} count={photoCount} readOnly={readOnly} />
            <Card title={t('editor.sections.notes')}>
              <FormTextArea id={fieldIds.notes} name="notes" label={t('editor.notes')} hint={t('editor.notesHint')} />
            </Card>
          </fieldset>
        </form>
        {!readOnly && (
          <SubmitSection
            session={session}
            attendanceCount={roster.rows}
            photoCount={photoCount}
            submitting={busy}
            unsaved={autosave.state === 'invalid'}
            onSubmit={() => void submit()}
          />
        )}
      </FormProvider>
      {session.status === 'draft' && <DeleteDraft onDelete={() => void remove()} busy={busy} />}
    </Page>
  );
}
