// The records the shared mutators write (src/domain/mutators/records.ts), as the columns of their tables;
// the reverse of entity-data.ts. The server-set columns (space, version, tombstone, timestamps) are added by
// the batch that writes them (batch-flush.ts).
import type { MutationRows, MutableEntity } from '#domain/mutators/transaction';
import { attendance, participants, photos, sessions } from '../db/schema';
import {
  attendanceOf,
  participantOf,
  photoOf,
  sessionOf,
  type AttendanceRow,
  type ParticipantRow,
  type PhotoRow,
  type SessionRow,
} from './entity-data';

export const mutableTables = { session: sessions, participant: participants, attendance, photo: photos } as const;

export interface MutableDbRows {
  session: SessionRow;
  participant: ParticipantRow;
  attendance: AttendanceRow;
  photo: PhotoRow;
}

const date = (at: string | null | undefined) => (at ? new Date(at) : null);

export const recordOf: { [E in MutableEntity]: (row: MutableDbRows[E]) => MutationRows[E] } = {
  session: sessionOf,
  participant: participantOf,
  attendance: attendanceOf,
  photo: photoOf,
};

export const columnsOf = {
  session: ({
    headcount,
    reviewedAt,
    submittedAt,
    createdClientAt,
    submittedClientAt,
    ...rest
  }: MutationRows['session']) => ({
    ...rest,
    communeCode: rest.communeCode ?? null,
    communeName: rest.communeName ?? null,
    plannedParticipants: rest.plannedParticipants ?? null,
    notes: rest.notes ?? null,
    reviewComment: rest.reviewComment ?? null,
    reviewedBy: rest.reviewedBy ?? null,
    headcountTotal: headcount?.total ?? null,
    headcountWomen: headcount?.women ?? null,
    headcountEthnicMinority: headcount?.ethnicMinority ?? null,
    reviewedAt: date(reviewedAt),
    submittedAt: date(submittedAt),
    createdClientAt: date(createdClientAt),
    submittedClientAt: date(submittedClientAt),
  }),
  participant: ({ consent, ...rest }: MutationRows['participant']) => ({
    ...rest,
    birthYear: rest.birthYear ?? null,
    ethnicity: rest.ethnicity ?? null,
    phone: rest.phone ?? null,
    workplace: rest.workplace ?? null,
    position: rest.position ?? null,
    unionRole: rest.unionRole ?? null,
    consentMethod: consent.method,
    consentAt: consent.at,
  }),
  attendance: (row: MutationRows['attendance']) => ({ ...row, days: row.days ?? null, note: row.note ?? null }),
  photo: ({ takenAt, ...rest }: MutationRows['photo']) => ({
    ...rest,
    caption: rest.caption ?? null,
    takenAt: date(takenAt),
  }),
} satisfies { [E in MutableEntity]: (row: MutationRows[E]) => Record<string, unknown> };
