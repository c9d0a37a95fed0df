// The counting rules of docs/data-model.md, as pure functions: the client's live totals use them, and
// server tests use them as the reference model for /api/reports/summary.
// - A roster session's participant-turns are its (non-deleted) attendance rows, one per person;
//   women and ethnic-minority turns follow each participant's gender and ethnicity.
// - A headcount session's turns are its headcount numbers.
// - Unique people counts roster participants only: a headcount names nobody.
import type { Attendance } from '../schemas/attendance';
import type { Participant } from '../schemas/participant';
import type { ReportSummary } from '../schemas/report';
import type { Session, SessionFormat, SessionStatus } from '../schemas/session';
import { isEthnicMinority } from '../reference/ethnic-groups';

export type CountedParticipant = Pick<Participant, 'gender' | 'ethnicity'>;

export interface RosterTotals {
  people: number;
  women: number;
  ethnicMinority: number;
}

export interface SessionTurns {
  turns: number;
  women: number;
  ethnicMinority: number;
}

export type SummaryTotals = Pick<
  ReportSummary,
  'sessions' | 'participantTurns' | 'uniqueParticipants' | 'women' | 'ethnicMinority'
>;

export type SummarySession = Pick<
  Session,
  'id' | 'attendanceMode' | 'headcount' | 'status' | 'startDate' | 'format' | 'topicIds'
>;

/** Filters as the report API applies them; each applies only when given. */
export interface SummaryOptions {
  /** Inclusive bounds on `startDate`. */
  from?: string;
  to?: string;
  statuses?: readonly SessionStatus[];
  format?: SessionFormat;
  topicId?: string;
}

/** `part` as a percentage of `whole`, rounded half up to one decimal; 0 when `whole` is 0. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  // Multiply before dividing: 201 of 400 is 50.25 → 50.3, where (201 / 400) × 1000 gives 50.2.
  return Math.round((part * 1000) / whole) / 10;
}

export function rosterTotals(participants: ReadonlyArray<CountedParticipant>): RosterTotals {
  let women = 0;
  let ethnicMinority = 0;
  for (const p of participants) {
    if (p.gender === 'female') women += 1;
    if (isEthnicMinority(p.ethnicity)) ethnicMinority += 1;
  }
  return { people: participants.length, women, ethnicMinority };
}

/** Turns of one session: the given roster participants, or the headcount in headcount mode. */
export function sessionTurns(
  session: Pick<Session, 'attendanceMode' | 'headcount'>,
  rosterParticipants: ReadonlyArray<CountedParticipant>,
): SessionTurns {
  if (session.attendanceMode === 'headcount') {
    const { total = 0, women = 0, ethnicMinority = 0 } = session.headcount ?? {};
    return { turns: total, women, ethnicMinority };
  }
  const { people, women, ethnicMinority } = rosterTotals(rosterParticipants);
  return { turns: people, women, ethnicMinority };
}

function included(session: SummarySession, options: SummaryOptions): boolean {
  const { from, to, statuses, format, topicId } = options;
  return (
    (from === undefined || session.startDate >= from) &&
    (to === undefined || session.startDate <= to) &&
    (statuses === undefined || statuses.includes(session.status)) &&
    (format === undefined || session.format === format) &&
    (topicId === undefined || session.topicIds.includes(topicId))
  );
}

/**
 * Headline totals over sessions (the caller passes non-deleted rows, already limited to the
 * units in scope). An attendance row whose participant is unknown still counts as a turn and
 * a person, but as neither woman nor ethnic minority.
 */
export function summarise(
  sessions: ReadonlyArray<SummarySession>,
  attendanceBySession: ReadonlyMap<string, ReadonlyArray<Pick<Attendance, 'participantId'>>>,
  participantsById: ReadonlyMap<string, CountedParticipant>,
  options: SummaryOptions = {},
): SummaryTotals {
  let count = 0;
  let turns = 0;
  let women = 0;
  let ethnicMinority = 0;
  const people = new Set<string>();
  for (const session of sessions) {
    if (!included(session, options)) continue;
    count += 1;
    if (session.attendanceMode === 'headcount') {
      const t = sessionTurns(session, []);
      turns += t.turns;
      women += t.women;
      ethnicMinority += t.ethnicMinority;
      continue;
    }
    // One row per (session, participant) is a server invariant; count each person once anyway.
    const ids = new Set((attendanceBySession.get(session.id) ?? []).map((a) => a.participantId));
    for (const id of ids) {
      people.add(id);
      turns += 1;
      const participant = participantsById.get(id);
      if (participant?.gender === 'female') women += 1;
      if (isEthnicMinority(participant?.ethnicity)) ethnicMinority += 1;
    }
  }
  return {
    sessions: count,
    participantTurns: turns,
    uniqueParticipants: people.size,
    women: { turns: women, pct: percent(women, turns) },
    ethnicMinority: { turns: ethnicMinority, pct: percent(ethnicMinority, turns) },
  };
}
