// A quiet word at the top of the editor: saved, saving, or why it is not saved. Announced politely.
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '#client/ui/icons.tsx';
import type { SaveState } from './use-autosave';

export function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  const { t } = useTranslation('sessions');
  if (readOnly) return null;
  const problem = state === 'invalid' || state === 'failed';
  return (
    <p className={`save-indicator save-indicator--${state}`} role="status">
      {state === 'saved' && <CheckIcon size={18} />}
      {problem && <AlertIcon size={18} />}
      {t(`save.${state}`)}
    </p>
  );
}
