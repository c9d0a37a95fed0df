// Administration: users, the unit tree, topics and the audit log for admins; an organiser sees only what
// they may change here (their province's topics) and is pointed to the Plans page. Everything here is
// read and written through the admin API, so it needs a connection.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '#client/app/auth-state.ts';
import { useReferenceData } from '#client/app/use-reference-data.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';
import { listTopics, listUnits, listUsers } from './admin-api';
import { Tabs } from './admin-tabs';
import { AuditTab } from './audit-tab';
import { TopicsTab } from './topics-tab';
import { UnitsTab } from './units-tab';
import { useAdminList, type AdminList } from './use-admin-list';
import { UsersTab } from './users-tab';
import '../../ui/data-table.css';
import './admin.css';

const adminTabs = ['users', 'units', 'topics', 'audit'] as const;
type TabKey = (typeof adminTabs)[number];

export function AdminPage() {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const online = useOnlineStatus();
  const isAdmin = user?.role === 'admin';
  const [params, setParams] = useSearchParams();
  const allowed: readonly TabKey[] = isAdmin ? adminTabs : ['topics'];
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked && allowed.includes(asked) ? asked : (allowed[0] ?? 'topics');

  const users = useAdminList(listUsers, online && isAdmin);
  const units = useAdminList(listUnits, online && isAdmin);
  const topics = useAdminList(listTopics, online);
  const local = useReferenceData();
  // Provincial federations name the spaces; an organiser has only their own (from the local tree).
  const allUnits = units.items ?? local.units;
  const spaces = isAdmin ? allUnits.filter((u) => !u.parentId) : [];

  const current: Pick<AdminList<{ id: string }>, 'items' | 'error' | 'reload'> | null =
    tab === 'users' ? users : tab === 'units' ? units : tab === 'topics' ? topics : null;
  const body = !online ? (
    <Banner tone="warning">{t('offline')}</Banner>
  ) : current?.error ? (
    <Banner tone="danger" action={<Button onClick={current.reload}>{t('common:actions.retry')}</Button>}>
      {t('loadError')} {t(errorMessageKey(current.error))}
    </Banner>
  ) : current && !current.items ? (
    <Loading />
  ) : tab === 'users' ? (
    <UsersTab users={users} units={allUnits} />
  ) : tab === 'units' ? (
    <UnitsTab units={units} />
  ) : tab === 'topics' ? (
    <TopicsTab topics={topics} spaces={spaces} />
  ) : (
    <AuditTab />
  );

  return (
    <Page title={t('title')} wide>
      {!isAdmin && (
        <Banner tone="info" action={<ButtonLink to="/plans">{t('plansLink')}</ButtonLink>}>
          {t('organiserNote')}
        </Banner>
      )}
      {allowed.length > 1 ? (
        <Tabs
          label={t('tabs.label')}
          tabs={allowed.map((key) => ({ key, label: t(`tabs.${key}`) }))}
          selected={tab}
          onSelect={(key) => setParams({ tab: key }, { replace: true })}
        >
          {body}
        </Tabs>
      ) : (
        body
      )}
    </Page>
  );
}
