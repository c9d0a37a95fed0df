// Users: every account with its role, unit and whether it may sign in; per account, change role/unit,
// disable or enable, and reset the password; and a form to add one.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../domain/schemas/admin';
import type { Unit } from '../../../domain/schemas/reference';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { errorMessageKey } from '../../ui/error-message';
import { formatNumber } from '../../ui/format';
import { updateUser } from './admin-api';
import type { AdminList } from './use-admin-list';
import { PasswordResetPanel, UserEditPanel } from './user-panels';
import { UserCreateForm } from './user-create-form';

type Open = { userId: string; panel: 'edit' | 'password' } | null;

export function UsersTab({ users, units }: { users: AdminList<AdminUser>; units: readonly Unit[] }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const list = [...(users.items ?? [])].sort((a, b) => a.username.localeCompare(b.username));
  const unitName = (id: string) => units.find((u) => u.id === id)?.shortName ?? '—';

  const saved = (user: AdminUser, message: string) => {
    users.put(user);
    setOpen(null);
    setNotice(message);
  };
  const toggleDisabled = async (user: AdminUser) => {
    setFailure(null);
    try {
      saved(await updateUser(user.id, { disabled: !user.disabled }), t('users.updated', { username: user.username }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <UserCreateForm units={units} onCreated={users.put} />
      {notice && <Banner tone="success">{notice}</Banner>}
      {Boolean(failure) && <Banner tone="danger">{t(errorMessageKey(failure))}</Banner>}
      <p className="field__hint">{t('users.disableHint')}</p>
      <div className="table-scroll">
        <table className="data-table admin-table">
          <caption className="admin-table__caption">
            {t('users.caption')} · {t('users.count', { count: formatNumber(list.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.unit')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
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
                      <Button aria-label={t('users.editLabel', { username: user.username })}
                        onClick={() => setOpen({ userId: user.id, panel: 'edit' })}>
                        {t('users.edit')}
                      </Button>
                      <Button aria-label={t('users.resetPasswordLabel', { username: user.username })}
                        onClick={() => setOpen({ userId: user.id, panel: 'password' })}>
                        {t('users.resetPassword')}
                      </Button>
                      <Button onClick={() => void toggleDisabled(user)}
                        aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { username: user.username })}>
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </Button>
                    </div>
                  </td>
                </tr>
                {open?.userId === user.id && (
                  <tr className="admin-table__panel-row">
                    <td colSpan={6}>
                      {open.panel === 'edit' ? (
                        <UserEditPanel user={user} units={units} onCancel={() => setOpen(null)}
                          onSaved={(u) => saved(u, t('users.updated', { username: u.username }))} />
                      ) : (
                        <PasswordResetPanel user={user} onCancel={() => setOpen(null)}
                          onSaved={(u) => saved(u, t('users.passwordReset', { username: u.username }))} />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
