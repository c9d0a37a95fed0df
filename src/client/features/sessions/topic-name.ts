// A topic's name in the interface language.
import type { Topic } from '#domain/schemas/reference';

export function topicName(topic: Pick<Topic, 'nameVi' | 'nameEn'>, language: string): string {
  return language.startsWith('en') ? topic.nameEn : topic.nameVi;
}
