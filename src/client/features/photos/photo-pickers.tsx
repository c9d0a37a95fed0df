// "Chụp ảnh" opens the camera (capture=environment: the back camera); "Chọn ảnh" opens the gallery
// and allows several pictures. Each is a real file input inside a visible label, so it is announced
// by its words and reachable by keyboard.
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraIcon, PlusIcon } from '#client/ui/icons.tsx';

export interface PhotoPickersProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

export function PhotoPickers({ disabled, onFiles }: PhotoPickersProps) {
  const { t } = useTranslation('photos');
  const takeId = useId();
  const pickId = useId();
  const take = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // the same picture can be chosen again
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className="photo-pickers">
      {/* The input comes first so its focus ring can be drawn on the label that follows it. */}
      <input id={takeId} type="file" accept="image/*" capture="environment" disabled={disabled} onChange={take} />
      <label className="button button--primary photo-pickers__button" htmlFor={takeId}>
        <CameraIcon />
        {t('take')}
      </label>
      <input id={pickId} type="file" accept="image/*" multiple disabled={disabled} onChange={take} />
      <label className="button button--secondary photo-pickers__button" htmlFor={pickId}>
        <PlusIcon />
        {t('pick')}
      </label>
    </div>
  );
}
