// The data of a printable attendance sheet, from this device when it holds the session (an organiser's
// device pulls their whole subtree) or else from GET /api/reports/sessions/:id/attendance-sheet. Both give
// the same AttendanceSheet, numbered in the server's order (Vietnamese alphabetical by full name), plus
// what only the local database knows: the parent unit (for the letterhead) and the planned headcount.
import { attendanceSheetSchema, type AttendanceSheet, type AttendanceSheetRow } from '#domain/schemas/attendance-sheet';
import { rosterTotals, sessionTurns } from '#domain/rules/report-totals';
import type { LogbookDb } from '#client/db/database.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { apiFetch } from '#client/sync/api.ts';

export interface PrintSheet {
  sheet: AttendanceSheet;
  parentUnitName: string | undefined;
  plannedParticipants: number | null;
  /** `ethnicMinority` is null when the source does not say (the server's sheet carries no ethnicity). */
  totals: { people: number; women: number; ethnicMinority: number | null };
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

function byName(a: LocalParticipant, b: LocalParticipant): number {
  return collator.compare(a.fullName, b.fullName) || a.id.localeCompare(b.id);
}

function toRow(p: LocalParticipant, index: number): AttendanceSheetRow {
  return {
    number: index + 1,
    participantId: p.id,
    fullName: p.fullName,
    gender: p.gender,
    birthYear: p.birthYear ?? null,
    workplace: p.workplace ?? null,
    position: p.position ?? null,
    unionRole: p.unionRole ?? null,
  };
}

/** The sheet from the local database; null when the session is not on this device. */
export async function loadLocalSheet(db: LogbookDb, id: string): Promise<PrintSheet | null> {
  const session = await db.sessions.get(id);
  if (!session) return null;
  const [unit, topics, attendance, trainer] = await Promise.all([
    db.units.get(session.unitId),
    db.topics.bulkGet(session.topicIds),
    db.attendance.where('sessionId').equals(id).toArray(),
    db.users.get(session.trainerId),
  ]);
  const [parent, participants] = await Promise.all([
    unit?.parentId ? db.units.get(unit.parentId) : undefined,
    db.participants.bulkGet(attendance.map((a) => a.participantId)),
  ]);
  const people = participants.filter((p): p is LocalParticipant => p !== undefined).sort(byName);
  const turns = session.attendanceMode === 'headcount' ? sessionTurns(session, []) : null;
  const roster = rosterTotals(people);
  return {
    sheet: {
      session: {
        id: session.id,
        title: session.title,
        format: session.format,
        startDate: session.startDate,
        endDate: session.endDate,
        placeName: session.placeName,
        communeName: session.communeName ?? null,
        provinceCode: session.provinceCode,
        attendanceMode: session.attendanceMode,
        headcount: session.headcount ?? null,
        status: session.status,
        trainerName: trainer?.displayName ?? '',
      },
      unit: { id: session.unitId, name: unit?.name ?? '', shortName: unit?.shortName ?? '' },
      topics: topics.flatMap((t) => (t ? [{ id: t.id, key: t.key, nameVi: t.nameVi, nameEn: t.nameEn }] : [])),
      roster: people.map(toRow),
    },
    parentUnitName: parent?.name,
    plannedParticipants: session.plannedParticipants ?? null,
    totals: turns
      ? { people: turns.turns, women: turns.women, ethnicMinority: turns.ethnicMinority }
      : { people: roster.people, women: roster.women, ethnicMinority: roster.ethnicMinority },
  };
}

/** The sheet from the server, with the parent unit's name when this device knows it. */
export async function fetchSheet(db: LogbookDb, id: string, signal?: AbortSignal): Promise<PrintSheet> {
  const sheet = await apiFetch(`/api/reports/sessions/${encodeURIComponent(id)}/attendance-sheet`, {
    schema: attendanceSheetSchema,
    signal,
  });
  const unit = await db.units.get(sheet.unit.id);
  const parent = unit?.parentId ? await db.units.get(unit.parentId) : undefined;
  const { headcount } = sheet.session;
  const totals =
    sheet.session.attendanceMode === 'headcount'
      ? { people: headcount?.total ?? 0, women: headcount?.women ?? 0, ethnicMinority: headcount?.ethnicMinority ?? 0 }
      : {
          people: sheet.roster.length,
          women: sheet.roster.filter((r) => r.gender === 'female').length,
          ethnicMinority: null,
        };
  return { sheet, parentUnitName: parent?.name, plannedParticipants: null, totals };
}

const DEFAULT_BLANK_ROWS = 20;
/** People walk in on the day whoever was listed: a named list always leaves this many rows free. */
export const WALK_IN_ROWS = 5;

/**
 * Empty numbered rows for people to sign on paper: up to the planned number (or the headcount) when the
 * roster is shorter, and never fewer than WALK_IN_ROWS after a named list; a page's worth when nothing
 * says how many will come.
 */
export function blankRowCount({
  sheet,
  plannedParticipants,
}: Pick<PrintSheet, 'sheet' | 'plannedParticipants'>): number {
  const named = sheet.roster.length;
  const expected =
    plannedParticipants ?? (sheet.session.attendanceMode === 'headcount' ? (sheet.session.headcount?.total ?? 0) : 0);
  if (named === 0 && expected === 0) return DEFAULT_BLANK_ROWS;
  const upToExpected = Math.max(0, expected - named);
  return named > 0 ? Math.max(upToExpected, WALK_IN_ROWS) : upToExpected;
}
