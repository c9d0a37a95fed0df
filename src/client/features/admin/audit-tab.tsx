// The audit log, newest first, a page at a time: when, who, what, and which record. Sign-ins, reviews,
// exports of named data and every admin change are here (docs/api.md §2).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#domain/schemas/admin';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { formatDateTime } from '#client/ui/format.ts';
import { loadAuditPage } from './admin-api';
import { AdminTable } from './admin-table';

export function AuditTab() {
  const { t, i18n } = useTranslation('admin');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [state, setState] = useState<'loading' | 'idle' | 'done'>('loading');
  const [failure, setFailure] = useState<unknown>(null);

  const loadMore = useCallback(async (before: number | null, signal?: AbortSignal) => {
    setState('loading');
    setFailure(null);
    try {
      const page = await loadAuditPage(before, signal);
      setEntries((current) => (before ? [...current, ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
      setState(page.nextBefore ? 'idle' : 'done');
    } catch (error) {
      if (signal?.aborted) return;
      setFailure(error);
      setState('idle');
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void loadMore(null, controller.signal);
    return () => controller.abort();
  }, [loadMore]);

  // A review says which way it went; an unknown action (a newer server) shows its code.
  const actionName = ({ action, detail }: AuditEntry) => {
    const decision = action === 'session.review' && typeof detail?.decision === 'string' ? `_${detail.decision}` : '';
    for (const key of [`${action}${decision}`, action]) {
      if (i18n.exists(`admin:audit.actions.${key}`)) return t(`audit.actions.${key}`);
    }
    return action;
  };
  const entityName = (entity: string | null) =>
    entity && i18n.exists(`admin:audit.entities.${entity}`) ? t(`audit.entities.${entity}`) : (entity ?? '');

  return (
    <>
      <p className="field__hint">{t('audit.intro')}</p>
      {Boolean(failure) && <Banner tone="danger">{t(errorMessageKey(failure))}</Banner>}
      <AdminTable
        caption={t('audit.caption')}
        columns={[t('audit.at'), t('audit.who'), t('audit.action'), t('audit.what')]}
        busy={state === 'loading'}
      >
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row" className="admin-table__time">
              {formatDateTime(entry.at)}
            </th>
            <td>{entry.username ?? t('audit.system')}</td>
            <td>{actionName(entry)}</td>
            <td className="admin-table__record">
              {entityName(entry.entity)}
              {entry.entityId && (
                <code className="admin-table__id" title={entry.entityId}>
                  …{entry.entityId.slice(-8)}
                </code>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {state === 'loading' && <p role="status">{t('loading')}</p>}
      {state === 'done' && <p className="field__hint">{entries.length ? t('audit.end') : t('audit.empty')}</p>}
      {state === 'idle' && nextBefore !== null && (
        <Button onClick={() => void loadMore(nextBefore)}>{t('audit.older')}</Button>
      )}
    </>
  );
}
