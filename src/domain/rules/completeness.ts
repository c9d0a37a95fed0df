// What a session still needs before the trainer can submit it. A draft may be incomplete;
// submitting checks it here, on the device (to guide the trainer) and on the server (to refuse).
// Items are stable keys: the UI maps each to a locale string and to the form field to fix.
import type { Session } from '../schemas/session';

export type MissingItem = 'title' | 'topics' | 'place' | 'attendance' | 'dates';
export type WarningItem = 'photo';

export type ReadinessSession = Pick<
  Session,
  'title' | 'topicIds' | 'placeName' | 'communeCode' | 'startDate' | 'endDate' | 'attendanceMode' | 'headcount'
>;

export interface SubmitReadinessInput {
  session: ReadinessSession;
  /** The session's attendance rows that are not deleted. */
  attendanceCount: number;
  /** The session's photos that are not deleted. */
  photoCount: number;
}

export interface SubmitReadiness {
  /** Submitting is refused while anything is missing. */
  missing: MissingItem[];
  /** Worth fixing, never blocking: a photo is evidence recommended, not required. */
  warnings: WarningItem[];
}

export function checkSubmitReadiness({ session, attendanceCount, photoCount }: SubmitReadinessInput): SubmitReadiness {
  const missing: MissingItem[] = [];
  if (session.title.trim() === '') missing.push('title');
  if (session.topicIds.length === 0) missing.push('topics');
  if (session.placeName.trim() === '' && !session.communeCode) missing.push('place');
  const hasAttendance = session.attendanceMode === 'roster' ? attendanceCount > 0 : (session.headcount?.total ?? 0) > 0;
  if (!hasAttendance) missing.push('attendance');
  // Dates are YYYY-MM-DD, so string order is date order.
  if (session.endDate < session.startDate) missing.push('dates');
  const warnings: WarningItem[] = photoCount > 0 ? [] : ['photo'];
  return { missing, warnings };
}

export function isReadyToSubmit(readiness: SubmitReadiness): boolean {
  return readiness.missing.length === 0;
}
