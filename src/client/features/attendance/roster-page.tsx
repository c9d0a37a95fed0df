// The named roster of one session (/sessions/:id/roster): search the unit's registry and add with one
// tap, or create a new person in a sheet; the roster below with remove (undoable) and, for multi-day
// courses, the days each person came; live totals in a footer at thumb height. An approved session
// is read-only. Reads are live queries over indexes; writes are local writes (entity + outbox).
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { rosterTotals } from '#domain/rules/report-totals';
import { isTrainerContentLocked } from '#domain/rules/session-status';
import type { Participant } from '#domain/schemas/participant';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb } from '#client/db/database.ts';
import { Banner } from '#client/ui/banner.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import type { ParticipantFields } from '#client/ui/participant-form/participant-form-schema.ts';
import { QuickAddSheet, prefillFrom } from './quick-add-sheet';
import { createAndAdd } from './roster-actions';
import { RosterFooter } from './roster-footer';
import { RosterList } from './roster-list';
import { RosterSearch } from './roster-search';
import { sessionDates } from './session-days';
import { UndoToast } from './undo-toast';
import { useRegistry, useRoster, useSession } from './use-roster';
import { useRosterCommands } from './use-roster-commands';
import './roster.css';

interface Sheet {
  prefill: Partial<Participant>;
  /** Fixed when the sheet opens: a retry after a refused write updates the same person. */
  participantId: string;
}

export function RosterPage() {
  const { t } = useTranslation('attendance');
  const { id = '' } = useParams();
  const { user } = useAuth();
  const unitId = user?.unitId;
  const session = useSession(id);
  const registry = useRegistry(unitId);
  const entries = useRoster(id, registry);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const startDate = session?.startDate;
  const endDate = session?.endDate;
  const dates = useMemo(() => (startDate && endDate ? sessionDates(startDate, endDate) : []), [startDate, endDate]);
  const commands = useRosterCommands(id, entries, dates.length);
  const onRoster = useMemo(() => new Set((entries ?? []).map((e) => e.attendance.participantId)), [entries]);
  const totals = useMemo(() => {
    const known = (entries ?? []).flatMap((e) => (e.participant ? [e.participant] : []));
    return { ...rosterTotals(known), people: entries?.length ?? 0 };
  }, [entries]);
  const openSheet = useCallback(
    (query: string) => setSheet({ prefill: prefillFrom(query), participantId: uuidv7() }),
    [],
  );

  async function saveNew(participantId: string, fields: ParticipantFields) {
    if (!unitId) return;
    await createAndAdd(getUserDb(), { sessionId: id, unitId, participantId }, fields);
    commands.announce(t('roster.added', { name: fields.fullName }));
  }

  const title = t('roster.title');
  const back = `/sessions/${id}`;
  if (session === undefined || entries === undefined || registry === undefined) {
    return (
      <Page title={title} back={back}>
        <Loading />
      </Page>
    );
  }
  if (session === null) {
    return (
      <Page title={title} back="/sessions">
        <EmptyState
          title={t('roster.sessionMissing')}
          action={<ButtonLink to="/sessions">{t('roster.toSessions')}</ButtonLink>}
        >
          <p>{t('roster.sessionMissingHint')}</p>
        </EmptyState>
      </Page>
    );
  }
  const readOnly = isTrainerContentLocked(session.status);
  const when =
    dates.length > 1
      ? `${formatDate(session.startDate)} – ${formatDate(session.endDate)}`
      : formatDate(session.startDate);

  return (
    <Page title={title} back={back}>
      <div className="roster-page">
        <p className="roster-page__session">{session.title ? `${session.title} · ${when}` : when}</p>
        {readOnly && <Banner tone="info">{t('roster.locked')}</Banner>}
        {session.attendanceMode === 'headcount' && (
          <Banner tone="warning" action={<ButtonLink to={back}>{t('roster.toSession')}</ButtonLink>}>
            {t('roster.headcountMode')}
          </Banner>
        )}
        {commands.failureKey && <Banner tone="danger">{t(commands.failureKey)}</Banner>}
        {!readOnly && (
          <RosterSearch registry={registry} onRoster={onRoster} onAdd={commands.add} onCreate={openSheet} />
        )}
        {entries.length === 0 ? (
          <EmptyState title={t('roster.empty')}>{!readOnly && <p>{t('roster.emptyHint')}</p>}</EmptyState>
        ) : (
          <RosterList
            entries={entries}
            label={t('roster.listLabel', { n: formatNumber(entries.length) })}
            dates={dates}
            readOnly={readOnly}
            onRemove={commands.remove}
            onToggleDay={commands.toggleDay}
          />
        )}
        <p className="visually-hidden" role="status">
          {commands.announcement}
        </p>
      </div>
      {commands.removed && (
        <UndoToast
          message={t('roster.removed', { name: commands.removed.name })}
          onUndo={commands.undo}
          onDismiss={commands.dismissUndo}
        />
      )}
      <RosterFooter totals={totals} onNew={readOnly ? undefined : () => openSheet('')} />
      {sheet && (
        <QuickAddSheet
          prefill={sheet.prefill}
          onSave={(fields) => saveNew(sheet.participantId, fields)}
          onClose={() => setSheet(null)}
        />
      )}
    </Page>
  );
}
