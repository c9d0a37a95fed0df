// The top bar's sync chip, on every screen: one state in words and an icon (never colour alone) —
// synced at a time, unsent changes, offline, syncing, or something that needs the trainer (red).
// It opens the sync page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb, type LogbookDb } from '#client/db/database.ts';
import { useSyncStatus } from '#client/sync/status.ts';
import { formatDate, formatNumber, formatTime } from '#client/ui/format.ts';
import { AlertIcon, CheckIcon, OfflineIcon, SyncIcon } from '#client/ui/icons.tsx';
import { chipState, type ChipState } from './chip-state';
import { useReturnedCount } from './use-attention';
import './sync-status.css';

function openDb(): LogbookDb | null {
  try {
    return getUserDb();
  } catch {
    return null;
  }
}

function isToday(instant: string): boolean {
  return new Date(instant).toDateString() === new Date().toDateString();
}

function ChipContent({ state }: { state: ChipState }) {
  const { t } = useTranslation('sync');
  switch (state.kind) {
    case 'sign-in':
      return (
        <>
          <AlertIcon size={20} />
          <span>{t('chip.signIn')}</span>
        </>
      );
    case 'attention':
      return (
        <>
          <AlertIcon size={20} />
          <span>{t('chip.attention', { count: state.count })}</span>
        </>
      );
    case 'offline':
      if (state.unsent === 0)
        return (
          <>
            <OfflineIcon size={20} />
            <span>{t('chip.offline')}</span>
          </>
        );
      // The count is shown as a badge to fit a 360 px top bar; screen readers get the sentence.
      return (
        <>
          <OfflineIcon size={20} />
          <span aria-hidden="true">{t('chip.offline')}</span>
          <span className="chip__count" aria-hidden="true">
            {formatNumber(state.unsent)}
          </span>
          <span className="visually-hidden">{t('chip.offlineUnsent', { count: state.unsent })}</span>
        </>
      );
    case 'syncing':
      return (
        <>
          <SyncIcon size={20} className="icon--spin" />
          <span>{t('chip.syncing')}</span>
        </>
      );
    case 'unsent':
      return (
        <>
          <SyncIcon size={20} />
          <span>{t('chip.unsent', { count: state.count })}</span>
        </>
      );
    case 'synced': {
      const time = isToday(state.at)
        ? formatTime(state.at)
        : formatDate(state.at, { day: '2-digit', month: '2-digit' });
      return (
        <>
          <CheckIcon size={20} />
          <span>{t('chip.synced', { time })}</span>
        </>
      );
    }
    case 'never':
      return (
        <>
          <SyncIcon size={20} />
          <span>{t('chip.never')}</span>
        </>
      );
  }
}

export function SyncChip() {
  const { user, needsSignIn } = useAuth();
  const db = openDb();
  const status = useSyncStatus(db ?? undefined);
  const returned = useReturnedCount(db, user?.id);
  const state = chipState({ ...status, needsSignIn: status.needsSignIn || needsSignIn }, returned);
  return (
    <Link to="/sync" className={`chip chip--${state.kind}`}>
      <ChipContent state={state} />
    </Link>
  );
}
