// "Người trùng lặp" (duplicate people, issue 13): for organisers, the registrations across their subtree that
// are probably one person, most likely first, with the evidence side by side; merging keeps one record and
// counts the person once in every report; the latest merges can be undone. Needs the server: offline it
// says so and shows nothing stale.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeListItem, PersonEvidence } from '../../../domain/schemas/people';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Loading } from '../../ui/loading';
import { Page } from '../../ui/page';
import { useOnlineStatus } from '../../ui/use-online-status';
import { DuplicateGroupCard } from './duplicate-group';
import { mergeErrorKey } from './merge-error';
import { mergePeople, undoMerge } from './people-api';
import { RecentMerges } from './recent-merges';
import { usePeopleReview } from './use-people-review';
import '../../ui/data-table.css';
import './people.css';

type Outcome = { tone: 'success'; text: string; undo?: { mergeId: string; name: string } } | { tone: 'danger'; text: string };

export function DuplicatesPage() {
  const { t } = useTranslation('people');
  const online = useOnlineStatus();
  const review = usePeopleReview(online);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run(work: () => Promise<Outcome>) {
    setBusy(true);
    try {
      setOutcome(await work());
      review.reload();
    } catch (error) {
      setOutcome({ tone: 'danger', text: t(mergeErrorKey(error)) });
    } finally {
      setBusy(false);
    }
  }

  const merge = (kept: PersonEvidence, merged: PersonEvidence[]) => run(async () => {
    const done = await mergePeople(kept.id, merged.map((p) => p.id));
    const text = t('merged', { name: kept.fullName, count: merged.length });
    return { tone: 'success', text, undo: { mergeId: done.mergeId, name: kept.fullName } };
  });
  const undo = (mergeId: string, name: string) => run(async () => {
    await undoMerge(mergeId);
    return { tone: 'success', text: t('undone', { name }) };
  });

  return (
    <Page title={t('title')} wide>
      <p className="people__intro">{t('intro')}</p>
      {!online && <Banner tone="warning">{t('offline')}</Banner>}
      {outcome && (
        <Banner
          tone={outcome.tone}
          action={outcome.tone === 'success' && outcome.undo ? (
            <Button disabled={busy} onClick={() => outcome.undo && void undo(outcome.undo.mergeId, outcome.undo.name)}>
              {t('undo')}
            </Button>
          ) : undefined}
        >
          {outcome.text}
        </Banner>
      )}
      {Boolean(review.error) && (
        <Banner tone="danger" action={<Button onClick={review.reload}>{t('common:actions.retry')}</Button>}>
          {t('loadError')} {t(mergeErrorKey(review.error))}
        </Banner>
      )}
      {online && review.loading && review.groups.length === 0 && <Loading />}
      {online && !review.loading && !review.error && review.groups.length === 0 && (
        <EmptyState title={t('empty.title')}>{t('empty.body')}</EmptyState>
      )}
      <div className="people__groups" aria-busy={review.loading}>
        {review.groups.map((group) => (
          <DuplicateGroupCard
            key={group.people.map((p) => p.id).join()}
            group={group}
            busy={busy || !online}
            onMerge={(kept, merged) => void merge(kept, merged)}
          />
        ))}
      </div>
      <RecentMerges
        merges={review.merges}
        busy={busy || !online}
        onUndo={(m: MergeListItem) => void undo(m.mergeId, m.keptName)}
      />
    </Page>
  );
}
