// The sync workload the benchmarks share: a trainer's 100 roster sessions with 3,000 attendance rows and the
// 600 people of the unit's registry, as the device queues them: for each session a complete `session.put`,
// a `participant.put` the first time a person comes, an `attendance.put` per person, then `session.submit`.
// Deterministic for a seed (ids included), so two runs send byte-for-byte comparable records.
import type { MutationArgs, MutationName } from '#domain/schemas/sync';

export const WORKLOAD = { sessions: 100, people: 600, attendance: 3000 } as const;

export interface QueuedMutation {
  name: MutationName;
  args: MutationArgs<MutationName>;
  clientAt: string;
}

export interface WireMutation extends QueuedMutation {
  id: number;
}

/** mulberry32: a tiny seeded generator, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 (time-ordered, as devices make them) from a millisecond time and the seeded generator. */
export function uuidv7At(ms: number, random: () => number): string {
  const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0');
  const r = (bits: number) => random() * 2 ** bits;
  const time = hex(ms, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(r(12), 3)}-${hex(8 + r(2), 1)}${hex(r(12), 3)}-${hex(r(24), 6)}${hex(r(24), 6)}`;
}

const FAMILY = [
  'Lò',
  'Lương',
  'Vi',
  'Lang',
  'Moong',
  'Xồng',
  'Lầu',
  'Vừ',
  'Hà',
  'Quang',
  'Kha',
  'Ngân',
  'Nguyễn',
  'Trần',
];
const MIDDLE_F = ['Thị', 'Thị', 'Thị Thu', 'Thị Ngọc'];
const MIDDLE_M = ['Văn', 'Bá', 'Văn', 'Đức'];
const GIVEN = [
  'Hoa',
  'Mai',
  'Lan',
  'Sen',
  'Dung',
  'Hương',
  'Nga',
  'Xuân',
  'Thảo',
  'Pọm',
  'Chứ',
  'Tủa',
  'Minh',
  'Bình',
  'Dế',
];
const ETHNICITY = ['03', '03', '03', '23', '08', '01', '01', '21', '54', 'undisclosed'];
const WORKPLACE = ['Trường THPT Con Cuông', 'Trường Tiểu học Môn Sơn', 'Trạm Y tế xã Lục Dạ', 'UBND xã Môn Sơn'];
const ROLES = ['member', 'member', 'member', 'worker', 'womens-committee', 'grassroots-chair'] as const;
const TITLES = [
  'Tập huấn kiến thức cơ bản về giới',
  'Tuyên truyền Luật Bình đẳng giới tại bản Xiềng',
  'Phòng, chống bạo lực gia đình',
  'Sinh hoạt câu lạc bộ gia đình hạnh phúc',
  'Nói chuyện chuyên đề ngày 8/3',
];
const PLACES = ['Hội trường xã Môn Sơn', 'Nhà văn hoá bản Xiềng', 'Trường THPT Con Cuông', 'Nhà văn hoá bản Cò Phạt'];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** Session sizes averaging 30 (between 12 and 48) that sum to exactly WORKLOAD.attendance. */
function sessionSizes(random: () => number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < WORKLOAD.sessions / 2; i += 1) {
    const spread = Math.floor(random() * 19);
    sizes.push(30 + spread, 30 - spread);
  }
  return sizes;
}

export function buildSyncWorkload(unitId: string, topicIds: readonly string[], seed = 2026): QueuedMutation[] {
  const random = seededRandom(seed);
  let clock = Date.parse('2026-01-05T01:00:00.000Z');
  const tick = () => (clock += 1000 + Math.floor(random() * 20_000));
  const queued: QueuedMutation[] = [];
  const queue = <N extends MutationName>(name: N, args: MutationArgs<N>) =>
    queued.push({ name, args: args, clientAt: new Date(tick()).toISOString() });
  const people: string[] = [];

  sessionSizes(random).forEach((size, index) => {
    const sessionId = uuidv7At(clock, random);
    const date = new Date(Date.parse('2026-01-06') + index * 3 * 86_400_000).toISOString().slice(0, 10);
    queue('session.put', {
      id: sessionId,
      unitId,
      format: index % 4 === 0 ? 'communication' : 'training',
      title: pick(TITLES, random),
      topicIds: topicIds.slice(index % topicIds.length, (index % topicIds.length) + 1 + (index % 2)),
      startDate: date,
      endDate: date,
      provinceCode: '40',
      communeCode: '17230',
      communeName: 'Xã Môn Sơn',
      adminSet: '2026-07-25',
      placeName: pick(PLACES, random),
      attendanceMode: 'roster',
      plannedParticipants: size,
      ...(index % 3 === 0 ? { notes: 'Có phiên dịch tiếng Thái cho bà con.' } : {}),
    });
    const remainingNew = WORKLOAD.people - people.length;
    const quota = Math.ceil(remainingNew / (WORKLOAD.sessions - index));
    const returning = Math.min(size - Math.min(quota, size), people.length);
    const attendees = new Set<string>();
    while (attendees.size < returning) attendees.add(pick(people, random));
    for (const participantId of attendees) {
      queue('attendance.put', { id: uuidv7At(clock, random), sessionId, participantId });
    }
    for (let i = attendees.size; i < size; i += 1) {
      const participantId = uuidv7At(clock, random);
      queue('participant.put', participantArgs(participantId, unitId, people.length, random));
      people.push(participantId);
      queue('attendance.put', { id: uuidv7At(clock, random), sessionId, participantId });
    }
    queue('session.submit', { id: sessionId });
  });
  return queued;
}

function participantArgs(id: string, unitId: string, n: number, random: () => number): MutationArgs<'participant.put'> {
  const female = random() < 0.62;
  return {
    id,
    unitId,
    fullName: `${pick(FAMILY, random)} ${pick(female ? MIDDLE_F : MIDDLE_M, random)} ${pick(GIVEN, random)}`,
    gender: female ? 'female' : 'male',
    birthYear: 1965 + Math.floor(random() * 40),
    ethnicity: pick(ETHNICITY, random),
    ...(n % 2 === 0 ? { phone: `09${String(10_000_000 + n * 7919).slice(0, 8)}` } : {}),
    workplace: pick(WORKPLACE, random),
    unionRole: pick(ROLES, random),
    consent: { method: n % 5 === 0 ? 'oral-witnessed' : 'signed', at: '2026-01-06' },
  };
}

/** Numbers queued mutations from `firstId` and cuts them into batches of at most `size`. */
export function batchesOf(queued: readonly QueuedMutation[], size: number, firstId = 1): WireMutation[][] {
  const batches: WireMutation[][] = [];
  queued.forEach((mutation, index) => {
    if (index % size === 0) batches.push([]);
    batches[batches.length - 1]!.push({ id: firstId + index, ...mutation });
  });
  return batches;
}
