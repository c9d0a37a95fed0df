// Words for a participant's coded fields (gender, ethnicity, union role, consent) in the interface
// language, shared by the roster, the registry and the form. Group names come from the reference
// table (Vietnamese or ASCII/English name); the two extensions are locale keys.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ethnicGroupByCode, type EthnicGroup } from '#domain/reference/ethnic-groups';
import type { ConsentMethod, EthnicityCode, Gender, Participant, UnionRole } from '#domain/schemas/participant';

export function groupName(group: EthnicGroup, language: string): string {
  return language === 'en' ? group.nameEn : group.nameVi;
}

export interface ParticipantLabels {
  gender: (gender: Gender) => string;
  /** The group's name, "Người nước ngoài", "Không muốn trả lời", or '' when not recorded. */
  ethnicity: (code: EthnicityCode | null | undefined) => string;
  unionRole: (role: UnionRole) => string;
  consent: (method: ConsentMethod) => string;
  /** "Nữ · Thái · 1985": the short description under a name in lists. */
  summary: (p: Pick<Participant, 'gender' | 'ethnicity' | 'birthYear'>) => string;
}

export function useParticipantLabels(): ParticipantLabels {
  const { t, i18n } = useTranslation('participants');
  const language = i18n.language;
  const ethnicity = useCallback(
    (code: EthnicityCode | null | undefined) => {
      if (code == null) return '';
      if (code === 'foreign' || code === 'undisclosed') return t(`ethnicity.${code}`);
      const group = ethnicGroupByCode(code);
      return group ? groupName(group, language) : code;
    },
    [t, language],
  );
  return useMemo<ParticipantLabels>(() => {
    const gender = (g: Gender) => t(`gender.${g}`);
    return {
      gender,
      ethnicity,
      unionRole: (role) => t(`unionRole.${role}`),
      consent: (method) => t(`consent.${method}`),
      summary: (p) =>
        [gender(p.gender), ethnicity(p.ethnicity), p.birthYear ? String(p.birthYear) : ''].filter(Boolean).join(' · '),
    };
  }, [t, ethnicity]);
}
