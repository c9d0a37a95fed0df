// "Đã xoá … khỏi danh sách. Hoàn tác": shown after a removal, for a few seconds, above the footer.
// Undo is a button, so a slip of the thumb costs one more tap, not a re-entry.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const visibleMs = 8000;

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  const { t } = useTranslation('attendance');
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, visibleMs);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="roster-toast" role="status">
      <span>{message}</span>
      <button type="button" className="roster-toast__undo" onClick={onUndo}>
        {t('roster.undo')}
      </button>
    </div>
  );
}
