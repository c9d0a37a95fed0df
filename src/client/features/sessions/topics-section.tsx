// "Chủ đề": the space's active topics as a checklist (several allowed), each with the fields of
// gender equality it addresses as small tags. A topic retired after it was chosen stays listed.
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { genderEqualityFields } from '#domain/schemas/reference';
import type { LocalTopic } from '#client/db/local-rows.ts';
import { Card } from '#client/ui/card.tsx';
import { fieldIds } from './field-ids';
import type { SessionFormValues } from './session-form-schema';
import { topicName } from './topic-name';

function FieldTags({ topic }: { topic: LocalTopic }) {
  const { t } = useTranslation('sessions');
  if (topic.fields.length === 0) return null;
  const all = topic.fields.length === genderEqualityFields.length;
  const labels = all ? [t('fields.all')] : topic.fields.map((field) => t(`fields.${field}`));
  return (
    <span className="tags">
      {labels.map((label) => (
        <span key={label} className="tag">
          {label}
        </span>
      ))}
    </span>
  );
}

export function TopicsSection({ topics }: { topics: readonly LocalTopic[] }) {
  const { t, i18n } = useTranslation('sessions');
  const { control } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'topicIds' });
  const chosen = new Set(field.value);
  const shown = topics.filter((topic) => topic.active || chosen.has(topic.id));

  const toggle = (id: string, on: boolean) => {
    field.onChange(on ? [...field.value, id] : field.value.filter((value) => value !== id));
  };

  return (
    <Card title={t('editor.sections.topics')}>
      {shown.length === 0 ? (
        <p id={fieldIds.topics} tabIndex={-1}>
          {t('editor.noTopics')}
        </p>
      ) : (
        <fieldset className="checklist" id={fieldIds.topics}>
          <legend className="field__hint">{t('editor.topicsHint')}</legend>
          {shown.map((topic) => (
            <label key={topic.id} className="check" htmlFor={`topic-${topic.id}`}>
              <input
                id={`topic-${topic.id}`}
                type="checkbox"
                checked={chosen.has(topic.id)}
                onChange={(event) => toggle(topic.id, event.target.checked)}
                onBlur={field.onBlur}
              />
              <span className="check__text">
                <span>{topicName(topic, i18n.language)}</span>
                <FieldTags topic={topic} />
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Card>
  );
}
