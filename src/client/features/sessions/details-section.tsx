// "Thông tin": format, title (with a suggestion from the format and first topic), dates, place.
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sessionFormats, type SessionFormat } from '#domain/schemas/session';
import type { LocalTopic } from '#client/db/local-rows.ts';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { Select } from '#client/ui/select.tsx';
import { fieldIds } from './field-ids';
import { FormTextField } from './form-fields';
import { DatesSummary } from './dates-summary';
import { PlaceFields } from './place-fields';
import type { SessionFormValues } from './session-form-schema';
import { topicName } from './topic-name';

const change = { shouldDirty: true } as const;

export function DetailsSection({ topics, readOnly }: { topics: readonly LocalTopic[]; readOnly: boolean }) {
  const { t, i18n } = useTranslation('sessions');
  const { control, setValue, getValues } = useFormContext<SessionFormValues>();
  const [format, title, topicIds, startDate, endDate] = useWatch({
    control,
    name: ['format', 'title', 'topicIds', 'startDate', 'endDate'],
  });

  const firstTopic = topics.find((topic) => topic.id === topicIds[0]);
  const formatLabel = t(`formats.${format}`);
  const suggestion = firstTopic
    ? t('editor.titleSuggestion', { format: formatLabel, topic: topicName(firstTopic, i18n.language) })
    : formatLabel;

  /** The end follows the start while it was the same day (or would fall before it). */
  const setStartDate = (startDate: string) => {
    const { startDate: before, endDate } = getValues();
    setValue('startDate', startDate, change);
    if (startDate && (endDate === before || endDate < startDate)) setValue('endDate', startDate, change);
  };

  return (
    <Card title={t('editor.sections.details')}>
      <Select
        id={fieldIds.format}
        label={t('editor.format')}
        value={format}
        onChange={(event) => setValue('format', event.target.value as SessionFormat, change)}
        options={sessionFormats.map((value) => ({ value, label: t(`formats.${value}`) }))}
      />
      <FormTextField id={fieldIds.title} name="title" label={t('editor.titleLabel')} autoComplete="off" />
      {!readOnly && suggestion !== title.trim() && (
        <Button variant="quiet" className="title-suggestion" onClick={() => setValue('title', suggestion, change)}>
          {t('editor.useSuggestion', { suggestion })}
        </Button>
      )}
      <div className="field-pair">
        <FormTextField
          id={fieldIds.startDate}
          name="startDate"
          type="date"
          label={t('editor.startDate')}
          onValue={setStartDate}
        />
        <FormTextField id={fieldIds.endDate} name="endDate" type="date" label={t('editor.endDate')} />
      </div>
      <DatesSummary startDate={startDate} endDate={endDate} />
      <PlaceFields />
      <FormTextField
        id={fieldIds.placeName}
        name="placeName"
        label={t('editor.placeName')}
        hint={t('editor.placeNameHint')}
        autoComplete="off"
      />
    </Card>
  );
}
