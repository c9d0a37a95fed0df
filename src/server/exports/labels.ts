// The words of the exported files, in Vietnamese and English (`?lang=en`). The server renders these files
// itself; the column headings are its own, and every value label (format, mode, status, gender, role,
// ethnicity) is read from the app's locale files, so a spreadsheet says what the screens say.
import enReview from '../../../locales/en/review.json' with { type: 'json' };
import enSessions from '../../../locales/en/sessions.json' with { type: 'json' };
import viReview from '../../../locales/vi/review.json' with { type: 'json' };
import viSessions from '../../../locales/vi/sessions.json' with { type: 'json' };
import { ethnicGroupByCode } from '#domain/reference/ethnic-groups';
import type { Locale } from '#domain/schemas/auth';
import type { Gender, UnionRole } from '#domain/schemas/participant';
import type { AttendanceMode, SessionFormat, SessionStatus } from '#domain/schemas/session';

export interface ExportLabels {
  sheets: { summary: string; sessions: string; attendance: string };
  fileName: string;
  /** The CSV's session columns: the first is the date, or the date range, as text. */
  sessionColumns: [string, string, string, string, string, string, string, string, string, string];
  /** The XLSX's: the date range as two date columns, start and end, then the CSV's other columns. */
  xlsxSessionColumns: string[];
  attendanceColumns: [string, string, string, string, string, string, string, string, string];
  summary: {
    from: string;
    to: string;
    all: string;
    statuses: string;
    sessions: string;
    participantTurns: string;
    uniqueParticipants: string;
    women: string;
    ethnicMinority: string;
    percent: string;
    planSessions: string;
    planTurns: string;
    achieved: string;
    noPlan: string;
    byMonth: string;
    byTopic: string;
    byUnit: string;
    byFormat: string;
  };
  formats: Record<SessionFormat, string>;
  modes: Record<AttendanceMode, string>;
  statuses: Record<SessionStatus, string>;
  genders: Record<Gender, string>;
  unionRoles: Record<UnionRole, string>;
  ethnicity: { foreign: string; undisclosed: string; none: string };
}

const vi: ExportLabels = {
  sheets: { summary: 'Tổng hợp', sessions: 'Buổi', attendance: 'Danh sách' },
  fileName: 'Báo cáo tập huấn',
  sessionColumns: [
    'Ngày',
    'Đơn vị',
    'Hình thức',
    'Tên buổi',
    'Chủ đề',
    'Cách ghi nhận',
    'Lượt người',
    'Trong đó nữ',
    'Trong đó DTTS',
    'Trạng thái',
  ],
  xlsxSessionColumns: [
    'Ngày bắt đầu',
    'Ngày kết thúc',
    'Đơn vị',
    'Hình thức',
    'Tên buổi',
    'Chủ đề',
    'Cách ghi nhận',
    'Lượt người',
    'Trong đó nữ',
    'Trong đó DTTS',
    'Trạng thái',
  ],
  attendanceColumns: [
    'Buổi',
    'Ngày bắt đầu',
    'Ngày kết thúc',
    'Họ và tên',
    'Giới tính',
    'Năm sinh',
    'Dân tộc',
    'Đơn vị',
    'Vai trò',
  ],
  summary: {
    from: 'Từ ngày',
    to: 'Đến ngày',
    all: 'Tất cả',
    statuses: 'Trạng thái',
    sessions: 'Số buổi',
    participantTurns: 'Lượt người',
    uniqueParticipants: 'Số người (theo danh sách)',
    women: 'Trong đó nữ',
    ethnicMinority: 'Trong đó DTTS',
    percent: 'Tỷ lệ (%)',
    planSessions: 'Kế hoạch: số buổi',
    planTurns: 'Kế hoạch: lượt người',
    achieved: 'Đạt (% kế hoạch)',
    noPlan: 'Chưa có kế hoạch',
    byMonth: 'Theo tháng',
    byTopic: 'Theo chủ đề',
    byUnit: 'Theo đơn vị',
    byFormat: 'Theo hình thức',
  },
  formats: viSessions.formats,
  modes: { roster: viSessions.modes.roster, headcount: viSessions.modes.headcount },
  statuses: viReview.labels.status,
  genders: viReview.labels.genders,
  unionRoles: viReview.labels.unionRoles,
  ethnicity: viReview.labels.ethnicity,
};

const en: ExportLabels = {
  sheets: { summary: 'Summary', sessions: 'Sessions', attendance: 'Attendance' },
  fileName: 'Training report',
  sessionColumns: [
    'Date',
    'Unit',
    'Format',
    'Title',
    'Topics',
    'Mode',
    'Participant-turns',
    'Of which women',
    'Of which ethnic minority',
    'Status',
  ],
  xlsxSessionColumns: [
    'Start date',
    'End date',
    'Unit',
    'Format',
    'Title',
    'Topics',
    'Mode',
    'Participant-turns',
    'Of which women',
    'Of which ethnic minority',
    'Status',
  ],
  attendanceColumns: [
    'Session',
    'Start date',
    'End date',
    'Full name',
    'Gender',
    'Birth year',
    'Ethnicity',
    'Unit',
    'Role',
  ],
  summary: {
    from: 'From',
    to: 'To',
    all: 'All',
    statuses: 'Statuses',
    sessions: 'Sessions',
    participantTurns: 'Participant-turns',
    uniqueParticipants: 'People (from rosters)',
    women: 'Of which women',
    ethnicMinority: 'Of which ethnic minority',
    percent: 'Share (%)',
    planSessions: 'Plan: sessions',
    planTurns: 'Plan: participant-turns',
    achieved: 'Achieved (% of plan)',
    noPlan: 'No plan',
    byMonth: 'By month',
    byTopic: 'By topic',
    byUnit: 'By unit',
    byFormat: 'By format',
  },
  formats: enSessions.formats,
  modes: { roster: enSessions.modes.roster, headcount: enSessions.modes.headcount },
  statuses: enReview.labels.status,
  genders: enReview.labels.genders,
  unionRoles: enReview.labels.unionRoles,
  ethnicity: enReview.labels.ethnicity,
};

export const exportLabels: Record<Locale, ExportLabels> = { vi, en };

/** The group's name in the locale, or the label of an extension or of no answer. */
export function ethnicityName(code: string | null, locale: Locale): string {
  if (!code) return exportLabels[locale].ethnicity.none;
  if (code === 'foreign' || code === 'undisclosed') return exportLabels[locale].ethnicity[code];
  const group = ethnicGroupByCode(code);
  return group ? (locale === 'vi' ? group.nameVi : group.nameEn) : code;
}

/** `22/11/2026` in Vietnamese, `2026-11-22` in English; a range when the session ran over several days. */
export function formatDateRange(startDate: string, endDate: string, locale: Locale): string {
  const one = (date: string) => (locale === 'vi' ? date.split('-').reverse().join('/') : date);
  return startDate === endDate ? one(startDate) : `${one(startDate)} – ${one(endDate)}`;
}
