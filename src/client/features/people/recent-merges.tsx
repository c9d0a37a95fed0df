// The latest merges of the organiser's subtree, newest first, each with its undo (an undone one says so, and
// one whose undo is queued on this device says it waits to be sent).
import { useTranslation } from 'react-i18next';
import type { MergeListItem } from '#domain/schemas/people';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatDateTime } from '#client/ui/format.ts';

export interface RecentMergesProps {
  merges: MergeListItem[];
  busy: boolean;
  /** Merges whose undo is queued on this device, not yet settled with the server. */
  waiting: ReadonlySet<string>;
  onUndo: (merge: MergeListItem) => void;
}

export function RecentMerges({ merges, busy, waiting, onUndo }: RecentMergesProps) {
  const { t } = useTranslation('people');
  if (merges.length === 0) return null;
  return (
    <Card title={t('recent.title')} className="recent-merges">
      <ul className="recent-merges__list">
        {merges.map((merge) => (
          <li key={merge.mergeId} className="recent-merges__item">
            <span>
              {t('recent.item', { kept: merge.keptName, merged: merge.mergedNames.join(', ') })}
              <span className="recent-merges__when"> · {formatDateTime(merge.mergedAt)}</span>
            </span>
            {merge.undoneAt ? (
              <span className="recent-merges__undone">{t('recent.undone')}</span>
            ) : waiting.has(merge.mergeId) ? (
              <span className="recent-merges__undone">{t('pending.waiting')}</span>
            ) : (
              <Button disabled={busy} onClick={() => onUndo(merge)}>
                {t('undo')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
