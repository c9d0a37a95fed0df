// Topics: the catalogue trainers pick from, with both names and the gender-equality fields; add a topic,
// edit one's names and fields, retire one (a topic in use is never deleted) or use it again.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic, Unit } from '#domain/schemas/reference';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { Select } from '#client/ui/select.tsx';
import { updateTopic } from './admin-api';
import { AdminPanelRow, AdminTable } from './admin-table';
import { ChangeFeedback, useChangeFeedback } from './change-feedback';
import { TopicForm } from './topic-form';
import type { AdminList } from './use-admin-list';

/** `spaces`: the provincial federations an admin chooses between; empty for an organiser (their own). */
export function TopicsTab({ topics, spaces }: { topics: AdminList<Topic>; spaces: readonly Unit[] }) {
  const { t } = useTranslation('admin');
  const [spaceId, setSpaceId] = useState(spaces[0]?.spaceId);
  const [editing, setEditing] = useState<string | null>(null);
  const { notice, setNotice, failure, attempt } = useChangeFeedback();
  const list = (topics.items ?? [])
    .filter((topic) => !spaceId || topic.spaceId === spaceId)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.nameVi.localeCompare(b.nameVi, 'vi'));
  const saved = (topic: Topic, key: string) => {
    topics.put(topic);
    setEditing(null);
    setNotice(t(key, { name: topic.nameVi }));
  };
  const toggleActive = (topic: Topic) =>
    attempt(async () => saved(await updateTopic(topic.id, { active: !topic.active }), 'topics.updated'));

  return (
    <>
      {spaces.length > 1 && (
        <Select
          className="admin-space-picker"
          label={t('topics.space')}
          value={spaceId}
          options={spaces.map((unit) => ({ value: unit.spaceId, label: unit.shortName }))}
          onChange={(e) => setSpaceId(e.target.value)}
        />
      )}
      <Card title={t('topics.create')}>
        <TopicForm key={spaceId} spaceId={spaceId} onSaved={(topic) => saved(topic, 'topics.created')} />
      </Card>
      <ChangeFeedback notice={notice} failure={failure} />
      <p className="field__hint">{t('topics.intro')}</p>
      <AdminTable
        className="admin-table--topics"
        caption={t('topics.caption')}
        columns={[t('topics.nameVi'), t('topics.fields'), t('topics.status'), t('topics.actionsColumn')]}
      >
        {list.map((topic) => (
          <Fragment key={topic.id}>
            <tr>
              <th scope="row">
                {topic.nameVi}
                <span className="admin-table__sub" lang="en">
                  {topic.nameEn}
                </span>
              </th>
              <td>
                {topic.fields.length
                  ? topic.fields.map((f) => t(`topics.fieldNames.${f}`)).join(', ')
                  : t('topics.noFields')}
              </td>
              <td>
                <span className={topic.active ? 'admin-status' : 'admin-status admin-status--off'}>
                  {topic.active ? t('topics.active') : t('topics.inactive')}
                </span>
              </td>
              <td>
                <div className="button-row admin-table__actions">
                  <Button
                    aria-label={t('topics.editLabel', { name: topic.nameVi })}
                    onClick={() => setEditing(topic.id)}
                  >
                    {t('actions.edit')}
                  </Button>
                  <Button
                    onClick={() => void toggleActive(topic)}
                    aria-label={t(topic.active ? 'topics.deactivateLabel' : 'topics.activateLabel', {
                      name: topic.nameVi,
                    })}
                  >
                    {topic.active ? t('topics.deactivate') : t('topics.activate')}
                  </Button>
                </div>
              </td>
            </tr>
            {editing === topic.id && (
              <AdminPanelRow columns={4}>
                <TopicForm
                  topic={topic}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved_) => saved(saved_, 'topics.updated')}
                />
              </AdminPanelRow>
            )}
          </Fragment>
        ))}
      </AdminTable>
    </>
  );
}
