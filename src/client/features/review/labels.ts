// The words for coded values on the organiser's screens: formats, statuses, genders, union roles and
// ethnic groups, in the interface language. The ethnic group's name comes from the bundled reference.
import type { TFunction } from 'i18next';
import { ethnicGroupByCode } from '#domain/reference/ethnic-groups';
import type { Gender, UnionRole } from '#domain/schemas/participant';
import type { SessionFormat, SessionStatus } from '#domain/schemas/session';
import type { Locale } from '#domain/schemas/auth';

export const formatLabel = (t: TFunction, format: SessionFormat) => t(`review:labels.formats.${format}`);
export const statusLabel = (t: TFunction, status: SessionStatus) => t(`review:labels.status.${status}`);
export const genderLabel = (t: TFunction, gender: Gender) => t(`review:labels.genders.${gender}`);
export const unionRoleLabel = (t: TFunction, role: UnionRole) => t(`review:labels.unionRoles.${role}`);

export function ethnicityLabel(t: TFunction, code: string | null | undefined, language: Locale): string {
  if (code === 'foreign' || code === 'undisclosed') return t(`review:labels.ethnicity.${code}`);
  const group = code ? ethnicGroupByCode(code) : undefined;
  if (!group) return t('review:labels.ethnicity.none');
  return language === 'vi' ? group.nameVi : group.nameEn;
}

/** A topic's name in the interface language. */
export function topicName(topic: { nameVi: string; nameEn: string }, language: Locale): string {
  return language === 'vi' ? topic.nameVi : topic.nameEn;
}
