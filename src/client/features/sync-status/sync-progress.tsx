// The progress of a running sync: which phase, how far (a determinate bar when the total is known),
// announced politely to screen readers.
import { useTranslation } from 'react-i18next';
import type { SyncProgress as Progress } from '#client/sync/engine.ts';

export function SyncProgress({ progress }: { progress: Progress | null }) {
  const { t } = useTranslation('sync');
  const phase = progress?.phase ?? 'push';
  const done = progress?.done ?? 0;
  const total = progress?.total ?? null;
  const known = total !== null && total > 0;
  // A pull's total is the server's estimate of what is left ("about").
  const key = phase === 'pull' && known ? 'progress.pullOf' : `progress.${phase}`;
  const words =
    known || (phase === 'pull' && done > 0) ? t(key, { done, total: total ?? 0 }) : t(`progress.${phase}Start`);
  return (
    <div className="sync-progress" role="status">
      <span>{words}</span>
      <progress
        className="sync-progress__bar"
        aria-label={t('progress.label')}
        max={known ? total : undefined}
        value={known ? Math.min(done, total) : undefined}
      />
    </div>
  );
}
