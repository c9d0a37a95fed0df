// "Ảnh": how many photos the session has, and the way to the photos page.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatNumber } from '#client/ui/format.ts';

export interface PhotosSectionProps {
  sessionId: string;
  count: number;
  /** An approved session: its photos can be seen, not added. */
  readOnly: boolean;
}

export function PhotosSection({ sessionId, count, readOnly }: PhotosSectionProps) {
  const { t } = useTranslation('sessions');
  const label = readOnly ? t('editor.viewPhotos') : count === 0 ? t('editor.addPhotos') : t('editor.openPhotos');
  return (
    <Card title={t('editor.sections.photos')}>
      <p>{count === 0 ? t('editor.noPhotos') : t('editor.photoCount', { count, formatted: formatNumber(count) })}</p>
      {!(readOnly && count === 0) && (
        <ButtonLink id="session-photos-link" to={`/sessions/${sessionId}/photos`} block>
          {label}
        </ButtonLink>
      )}
    </Card>
  );
}
