// Users: every account with its role, unit and whether it may sign in; per account, change role/unit,
// disable or enable, and reset the password; and a form to add one.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '#domain/schemas/admin';
import type { Unit } from '#domain/schemas/reference';
import { Button } from '#client/ui/button.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { updateUser } from './admin-api';
import { AdminPanelRow, AdminTable } from './admin-table';
import { ChangeFeedback, useChangeFeedback } from './change-feedback';
import type { AdminList } from './use-admin-list';
import { PasswordResetPanel, UserEditPanel } from './user-panels';
import { UserCreateForm } from './user-create-form';

type Open = { userId: string; panel: 'edit' | 'password' } | null;

export function UsersTab({ users, units }: { users: AdminList<AdminUser>; units: readonly Unit[] }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState<Open>(null);
  const { notice, setNotice, failure, attempt } = useChangeFeedback();
  const list = [...(users.items ?? [])].sort((a, b) => a.username.localeCompare(b.username));
  const unitName = (id: string) => units.find((u) => u.id === id)?.shortName ?? '—';

  const saved = (user: AdminUser, message: string) => {
    users.put(user);
    setOpen(null);
    setNotice(message);
  };
  const toggleDisabled = (user: AdminUser) =>
    attempt(async () => {
      const updated = await updateUser(user.id, { disabled: !user.disabled });
      saved(updated, t('users.updated', { username: user.username }));
    });

  return (
    <>
      <UserCreateForm units={units} onCreated={users.put} />
      <ChangeFeedback notice={notice} failure={failure} />
      <p className="field__hint">{t('users.disableHint')}</p>
      <AdminTable
        caption={
          <>
            {t('users.caption')} · {t('users.count', { count: formatNumber(list.length) })}
          </>
        }
        columns={[
          t('users.username'),
          t('users.displayName'),
          t('users.role'),
          t('users.unit'),
          t('users.status'),
          t('users.actionsColumn'),
        ]}
      >
        {list.map((user) => (
          <Fragment key={user.id}>
            <tr>
              <th scope="row">{user.username}</th>
              <td>{user.displayName}</td>
              <td>{t(`roles.${user.role}`)}</td>
              <td>{unitName(user.unitId)}</td>
              <td>
                <span className={user.disabled ? 'admin-status admin-status--off' : 'admin-status'}>
                  {user.disabled ? t('users.disabled') : t('users.active')}
                </span>
              </td>
              <td>
                <div className="button-row admin-table__actions">
                  <Button
                    aria-label={t('users.editLabel', { username: user.username })}
                    onClick={() => setOpen({ userId: user.id, panel: 'edit' })}
                  >
                    {t('users.edit')}
                  </Button>
                  <Button
                    aria-label={t('users.resetPasswordLabel', { username: user.username })}
                    onClick={() => setOpen({ userId: user.id, panel: 'password' })}
                  >
                    {t('users.resetPassword')}
                  </Button>
                  <Button
                    onClick={() => void toggleDisabled(user)}
                    aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', {
                      username: user.username,
                    })}
                  >
                    {user.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </div>
              </td>
            </tr>
            {open?.userId === user.id && (
              <AdminPanelRow columns={6}>
                {open.panel === 'edit' ? (
                  <UserEditPanel
                    user={user}
                    units={units}
                    onCancel={() => setOpen(null)}
                    onSaved={(u) => saved(u, t('users.updated', { username: u.username }))}
                  />
                ) : (
                  <PasswordResetPanel
                    user={user}
                    onCancel={() => setOpen(null)}
                    onSaved={(u) => saved(u, t('users.passwordReset', { username: u.username }))}
                  />
                )}
              </AdminPanelRow>
            )}
          </Fragment>
        ))}
      </AdminTable>
    </>
  );
}
