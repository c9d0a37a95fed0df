// "Người trùng lặp" (duplicate people, issue 13): for organisers, the registrations across their subtree that
// are probably one person, most likely first, with the evidence side by side; merging keeps one record and
// counts the person once in every report; the latest merges can be undone. The lists come from the server:
// offline it says so and loads nothing new. A merge or an undo is a synced mutation (person.merge,
// person.unmerge; docs/sync.md §5) queued in the outbox, so one decided offline is sent when the link returns;
// until the server has answered it is shown waiting to be sent, or refused with the reason.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { MergeListItem, PersonEvidence } from '#domain/schemas/people';
import { getUserDb } from '#client/db/database.ts';
import { mergePeopleOnDevice, unmergePeopleOnDevice } from '#client/db/local-writes.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';
import { DuplicateGroupCard } from './duplicate-group';
import { mergeErrorKey } from './merge-error';
import { PendingMerges } from './pending-merges';
import { RecentMerges } from './recent-merges';
import { usePendingMerges } from './use-pending-merges';
import { usePeopleReview } from './use-people-review';
import '../../ui/data-table.css';
import './people.css';

type Undo = { mergeId: string; keptId: string; name: string };
type Outcome = { tone: 'success'; text: string; undo?: Undo } | { tone: 'danger'; text: string };

export function DuplicatesPage() {
  const { t } = useTranslation('people');
  const online = useOnlineStatus();
  const review = usePeopleReview(online);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const pending = usePendingMerges();
  const { reload } = review;

  // Reload the server's lists each time one of this device's merges or undos is settled (sent and answered).
  const waiting = pending.filter((p) => p.state === 'waiting').length;
  const waitingBefore = useRef(waiting);
  useEffect(() => {
    if (waiting < waitingBefore.current && online) reload();
    waitingBefore.current = waiting;
  }, [waiting, online, reload]);

  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const group of review.groups) for (const p of group.people) byId.set(p.id, p.fullName);
    for (const m of review.merges) {
      byId.set(m.keptId, m.keptName);
      m.mergedIds.forEach((id, i) => byId.set(id, m.mergedNames[i] ?? ''));
    }
    return byId;
  }, [review.groups, review.merges]);
  // Only what still waits holds its group or its undo: a refused merge shows its reason among the pending
  // ones, and merging the group again supersedes it (README decision 51).
  const waitingItems = pending.filter((p) => p.state === 'waiting');
  const pendingPeople = new Set(
    waitingItems.filter((p) => p.kind === 'merge').flatMap((p) => [p.keptId, ...p.mergedIds]),
  );
  const pendingUndos = new Set(waitingItems.filter((p) => p.kind === 'unmerge').map((p) => p.mergeId));
  // The banner's undo belongs to a merge still on its way: once the server refuses it there is nothing to undo.
  const refusedMergeIds = pending.filter((p) => p.state === 'refused').map((p) => p.mergeId);
  const undoRefused = outcome?.tone === 'success' && outcome.undo && refusedMergeIds.includes(outcome.undo.mergeId);
  useEffect(() => {
    if (undoRefused) setOutcome(null);
  }, [undoRefused]);

  async function run(work: () => Promise<Outcome>) {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ tone: 'danger', text: t(mergeErrorKey(error)) });
    } finally {
      setBusy(false);
    }
  }

  // The merge id is made here, so the merge can be undone before the server has seen it.
  const merge = (kept: PersonEvidence, merged: PersonEvidence[]) =>
    run(async () => {
      const mergeId = uuidv7();
      await mergePeopleOnDevice(getUserDb(), { id: kept.id, mergeId, mergedIds: merged.map((p) => p.id) });
      const text = t('queued', { name: kept.fullName, count: merged.length });
      return { tone: 'success', text, undo: { mergeId, keptId: kept.id, name: kept.fullName } };
    });
  const undo = ({ mergeId, keptId, name }: Undo) =>
    run(async () => {
      await unmergePeopleOnDevice(getUserDb(), { id: keptId, mergeId });
      return { tone: 'success', text: t('undoQueued', { name }) };
    });

  return (
    <Page title={t('title')} wide>
      <p className="people__intro">{t('intro')}</p>
      {!online && <Banner tone="warning">{t('offline')}</Banner>}
      {outcome && (
        <Banner
          tone={outcome.tone}
          action={
            outcome.tone === 'success' && outcome.undo ? (
              <Button disabled={busy} onClick={() => outcome.undo && void undo(outcome.undo)}>
                {t('undo')}
              </Button>
            ) : undefined
          }
        >
          {outcome.text}
        </Banner>
      )}
      {Boolean(review.error) && (
        <Banner tone="danger" action={<Button onClick={review.reload}>{t('common:actions.retry')}</Button>}>
          {t('loadError')} {t(mergeErrorKey(review.error))}
        </Banner>
      )}
      <PendingMerges pending={pending} nameOf={(id) => names.get(id) || undefined} />
      {online && review.loading && review.groups.length === 0 && <Loading />}
      {online && !review.loading && !review.error && review.groups.length === 0 && (
        <EmptyState title={t('empty.title')}>{t('empty.body')}</EmptyState>
      )}
      <div className="people__groups" aria-busy={review.loading}>
        {review.groups.map((group) => (
          <DuplicateGroupCard
            key={group.people.map((p) => p.id).join()}
            group={group}
            busy={busy}
            waiting={group.people.some((p) => pendingPeople.has(p.id))}
            onMerge={(kept, merged) => void merge(kept, merged)}
          />
        ))}
      </div>
      <RecentMerges
        merges={review.merges}
        busy={busy}
        waiting={pendingUndos}
        onUndo={(m: MergeListItem) => void undo({ mergeId: m.mergeId, keptId: m.keptId, name: m.keptName })}
      />
    </Page>
  );
}
