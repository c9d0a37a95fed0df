// The top bar's sync chip: for now whether the device is online; it opens the sync page.
// (Unsent counts, last sync and "needs attention" join it with the sync engine.)
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OfflineIcon, OnlineIcon } from '../../ui/icons';
import { useOnlineStatus } from '../../ui/use-online-status';

export function SyncChip() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  return (
    <Link to="/sync" className={online ? 'chip chip--online' : 'chip chip--offline'}>
      {online ? <OnlineIcon size={20} /> : <OfflineIcon size={20} />}
      <span>{online ? t('status.online') : t('status.offline')}</span>
    </Link>
  );
}
