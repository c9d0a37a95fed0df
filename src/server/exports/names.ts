// Names for the ids a summary carries (topics, units), in the export's language.
import { inArray } from 'drizzle-orm';
import type { Locale } from '#domain/schemas/auth';
import type { DbExecutor } from '../db/database';
import { topics, units } from '../db/schema';

export interface SummaryNames {
  topics: Map<string, string>;
  units: Map<string, string>;
}

export async function loadSummaryNames(
  db: DbExecutor,
  ids: { topicIds: string[]; unitIds: string[] },
  locale: Locale,
): Promise<SummaryNames> {
  const topicRows =
    ids.topicIds.length === 0
      ? []
      : await db
          .select({ id: topics.id, nameVi: topics.nameVi, nameEn: topics.nameEn })
          .from(topics)
          .where(inArray(topics.id, ids.topicIds));
  const unitRows =
    ids.unitIds.length === 0
      ? []
      : await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids.unitIds));
  return {
    topics: new Map(topicRows.map((t) => [t.id, locale === 'vi' ? t.nameVi : t.nameEn])),
    units: new Map(unitRows.map((u) => [u.id, u.name])),
  };
}
