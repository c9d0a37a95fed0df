// One item of the needs-attention list. A refused change: what it is, why it was refused, and two
// actions — fix it on its own screen, or discard it after a confirmation that says what is lost.
// A returned session: the organiser's comment and a way to its screen.
import { DiscardConfirm } from './discard-confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#domain/schemas/auth';
import type { LogbookDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { discardRejected } from '#client/db/rejected-entries.ts';
import { Button } from '#client/ui/button.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { AlertIcon, InfoIcon } from '#client/ui/icons.tsx';
import {
  changeContext,
  changeKind,
  changeSubject,
  discardConsequence,
  fixPath,
  participantName,
  sessionLabel,
} from './describe-change';
import { rejectionReason } from './rejection-reason';
import type { RefusedChange } from './use-attention';

interface RefusedItemProps {
  db: LogbookDb;
  change: RefusedChange;
  role: Role;
}

export function RefusedItem({ db, change, role }: RefusedItemProps) {
  const { t } = useTranslation('sync');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const subject = changeSubject(t, change);
  const context = changeContext(t, change);
  const fix = fixPath(change, role);

  const discard = async () => {
    setBusy(true);
    setFailed(false);
    try {
      // The item disappears with its entry (the list is a live query).
      await discardRejected(db, change.entry.id);
    } catch (error) {
      console.error('Could not discard a refused change', error);
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <li className="attention-item">
      <h3 className="attention-item__what">{subject}</h3>
      {context && <p className="attention-item__meta">{context}</p>}
      <p className="attention-item__meta">{t('kindLabel', { kind: changeKind(t, change) })}</p>
      <p className="attention-item__why">
        <AlertIcon size={20} />
        <span>
          <span className="visually-hidden">{t('attention.reason')}: </span>
          {rejectionReason(t, change.entry.error, { participantName: participantName(change) })}
        </span>
      </p>
      {confirming ? (
        <DiscardConfirm
          question={t('attention.discardQuestion')}
          consequence={discardConsequence(t, change)}
          confirmLabel={t('attention.discardConfirm')}
          busy={busy}
          onConfirm={() => void discard()}
          onKeep={() => setConfirming(false)}
          alert={failed && <p role="alert">{t('attention.discardFailed')}</p>}
        />
      ) : (
        <div className="button-row">
          {fix && (
            <ButtonLink to={fix} variant="primary" aria-label={`${t('attention.fix')}: ${subject}`}>
              {t('attention.fix')}
            </ButtonLink>
          )}
          <Button onClick={() => setConfirming(true)} aria-label={`${t('attention.discard')}: ${subject}`}>
            {t('attention.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}

export function ReturnedItem({ session }: { session: LocalSession }) {
  const { t } = useTranslation('sync');
  const comment = session.reviewComment?.trim();
  const subject = sessionLabel(t, { title: session.title, startDate: session.startDate });
  return (
    <li className="attention-item attention-item--returned">
      <h3 className="attention-item__what">{subject}</h3>
      <p className="attention-item__meta">
        <strong>{t('attention.returned')}</strong> · {t('attention.returnedHint')}
      </p>
      <p className="attention-item__why">
        <InfoIcon size={20} />
        <span>{comment ? t('attention.returnedComment', { comment }) : t('attention.returnedNoComment')}</span>
      </p>
      <div className="button-row">
        <ButtonLink to={`/sessions/${session.id}`} variant="primary" aria-label={`${t('attention.fix')}: ${subject}`}>
          {t('attention.fix')}
        </ButtonLink>
      </div>
    </li>
  );
}
