// A province's registries with known duplicates (issue 13), written straight into a seeded database: 8,000
// records in Nghệ An's units — 7,500 distinct people, 300 planted second registrations of some of them and 200
// look-alikes that are different people — so the duplicate finder can be scored against the truth. Seeded by
// a fixed number: the same rows on every backend and every run. Base people never share a name (or its first
// and last words) with the same birth year, nor a phone, so every pair worth finding is one planted here.
//
// Planted (a second registration in another unit):  exact copy with the phone · name typed without
// diacritics or spacing, same year · same name with the phone written +84 and no birth year · the middle name
// left out, same year.
// Look-alikes (different people): same name, another birth year · same name and year, other gender · same
// first and last words, another year · a family's shared phone, another name and year.
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { nameVariantKey } from '#domain/rules/person-keys';
import { toAscii } from '#domain/rules/normalise';
import type { Gender } from '#domain/schemas/participant';
import type { Db } from '#server/db/database';
import { participants, spaces, units } from '#server/db/schema';
import { nextSpaceVersion } from '#server/db/versions';

export const PROVINCE_PEOPLE = { base: 7500, planted: 300, lookAlikes: 200 } as const;

export type PlantedKind = 'exact' | 'folded' | 'phone' | 'variant';
export type LookAlikeKind = 'other_year' | 'other_gender' | 'variant_other_year' | 'shared_phone';

export interface PlantedPair<K> {
  kind: K;
  baseId: string;
  otherId: string;
}

export interface PeopleProvince {
  spaceId: string;
  unitIds: string[];
  planted: Array<PlantedPair<PlantedKind>>;
  lookAlikes: Array<PlantedPair<LookAlikeKind>>;
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lò',
  'Vi',
  'Lương',
  'Hà',
  'Quán',
  'Moong',
];
const MIDDLE: Record<'female' | 'male', string[]> = {
  female: ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thanh', 'Thu', 'Hồng', 'Kim'],
  male: ['Văn', 'Đình', 'Hữu', 'Minh', 'Quang', 'Bá', 'Công', 'Xuân'],
};
const GIVEN: Record<'female' | 'male', string[]> = {
  female: [
    'Hoa',
    'Hằng',
    'Hương',
    'Lan',
    'Mai',
    'Ngọc',
    'Nga',
    'Nhung',
    'Oanh',
    'Phương',
    'Quỳnh',
    'Thảo',
    'Trang',
    'Tuyết',
    'Vân',
    'Xuân',
    'Yến',
    'Hạnh',
    'Hiền',
    'Liên',
    'Loan',
    'Lý',
    'My',
    'Ánh',
    'Bích',
    'Châu',
    'Dung',
    'Giang',
    'Huệ',
    'Sênh',
  ],
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đức',
    'Hải',
    'Hiếu',
    'Hùng',
    'Huy',
    'Khánh',
    'Lâm',
    'Long',
    'Mạnh',
    'Nam',
    'Nghĩa',
    'Phong',
    'Phúc',
    'Quân',
    'Sơn',
    'Tâm',
    'Thắng',
    'Thành',
    'Toàn',
    'Trung',
    'Tuấn',
    'Việt',
    'Vinh',
    'Chiến',
    'Dế',
    'Pó',
  ],
};
const ETHNICITIES = ['01', '01', '03', '03', '23', '08', '21', '54', 'undisclosed', null];

interface Person {
  id: string;
  unitId: string;
  fullName: string;
  gender: Gender;
  birthYear: number | null;
  ethnicity: string | null;
  phone: string | null;
  consentAt: string;
}

/** mulberry32: a small seeded generator, so the province is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generatePeopleProvince(db: Db, seed = 13): Promise<PeopleProvince> {
  const [space] = await db.select().from(spaces).where(eq(spaces.provinceCode, '40'));
  if (!space) throw new Error('the demo seed has no Nghệ An space');
  const unitIds = (await db.select({ id: units.id }).from(units).where(eq(units.spaceId, space.id)))
    .map((u) => u.id)
    .sort();
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const usedSlots = new Set<string>();
  const usedPhones = new Set<string>();
  const slot = (name: string, year: number | null) => `${nameVariantKey(name)}|${year}`;
  const freshPhone = () => {
    for (;;) {
      const phone = `09${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
      if (!usedPhones.has(phone)) return (usedPhones.add(phone), phone);
    }
  };
  const freshName = (gender: 'female' | 'male', year: number, middle?: string) => {
    for (;;) {
      const name = `${pick(FAMILY)} ${middle ?? pick(MIDDLE[gender])} ${pick(GIVEN[gender])}`;
      if (!usedSlots.has(slot(name, year))) return (usedSlots.add(slot(name, year)), name);
    }
  };
  const otherUnit = (unitId: string) =>
    unitIds[(unitIds.indexOf(unitId) + 1 + Math.floor(next() * (unitIds.length - 1))) % unitIds.length]!;
  const consentAt = () =>
    `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const person = (fields: Omit<Person, 'id' | 'consentAt'> & Partial<Person>): Person => ({
    ...fields,
    id: uuidv7(),
    consentAt: consentAt(),
  });

  const base: Person[] = [];
  for (let i = 0; i < PROVINCE_PEOPLE.base; i += 1) {
    const gender = next() < 0.6 ? 'female' : 'male';
    const birthYear = 1965 + Math.floor(next() * 40);
    base.push(
      person({
        unitId: pick(unitIds),
        gender,
        birthYear,
        fullName: freshName(gender, birthYear),
        ethnicity: pick(ETHNICITIES),
        phone: next() < 0.6 ? freshPhone() : null,
      }),
    );
  }
  // Every base person is used at most once, by a planted copy or by a look-alike.
  const withPhone = base.filter((p) => p.phone !== null);
  const withoutPhone = base.filter((p) => p.phone === null);
  const planted: PeopleProvince['planted'] = [];
  const lookAlikes: PeopleProvince['lookAlikes'] = [];
  const extra: Person[] = [];
  const plantedKinds: PlantedKind[] = ['exact', 'folded', 'phone', 'variant'];
  for (let i = 0; i < PROVINCE_PEOPLE.planted; i += 1) {
    const kind = plantedKinds[i % 4]!;
    const source = kind === 'exact' || kind === 'phone' ? withPhone.pop()! : withoutPhone.pop()!;
    const words = source.fullName.split(' ');
    const copy = person({ ...source, unitId: otherUnit(source.unitId), phone: null });
    if (kind === 'exact') copy.phone = source.phone;
    if (kind === 'folded')
      copy.fullName =
        i % 8 === 1
          ? toAscii(source.fullName).toUpperCase()
          : `  ${toAscii(source.fullName).toLowerCase().replace(' ', '  ')}`;
    if (kind === 'phone')
      Object.assign(copy, {
        birthYear: null,
        phone: `+84 ${source.phone!.slice(1, 4)} ${source.phone!.slice(4, 7)} ${source.phone!.slice(7)}`,
      });
    if (kind === 'variant') copy.fullName = `${words[0]} ${words[words.length - 1]}`;
    extra.push(copy);
    planted.push({ kind, baseId: source.id, otherId: copy.id });
  }
  const lookAlikeKinds: LookAlikeKind[] = ['other_year', 'other_gender', 'variant_other_year', 'shared_phone'];
  for (let i = 0; i < PROVINCE_PEOPLE.lookAlikes; i += 1) {
    const kind = lookAlikeKinds[i % 4]!;
    const source = kind === 'shared_phone' ? withPhone.pop()! : withoutPhone.pop()!;
    const gender = source.gender === 'female' ? 'male' : 'female';
    const otherYear = () => {
      for (;;) {
        const year = 1965 + Math.floor(next() * 40);
        if (year !== source.birthYear && !usedSlots.has(slot(source.fullName, year))) return year;
      }
    };
    const other = person({ ...source, unitId: pick(unitIds), phone: null });
    if (kind === 'other_year') other.birthYear = otherYear();
    if (kind === 'other_gender') other.gender = gender;
    if (kind === 'variant_other_year') {
      const words = source.fullName.split(' ');
      const year = otherYear();
      const middle = MIDDLE[source.gender as 'female' | 'male'].find((m) => m !== words.slice(1, -1).join(' '))!;
      Object.assign(other, { birthYear: year, fullName: `${words[0]} ${middle} ${words[words.length - 1]}` });
    }
    if (kind === 'shared_phone') {
      const year = otherYear();
      Object.assign(other, { gender, birthYear: year, fullName: freshName(gender, year), phone: source.phone });
    }
    if (kind !== 'shared_phone') usedSlots.add(slot(other.fullName, other.birthYear));
    extra.push(other);
    lookAlikes.push({ kind, baseId: source.id, otherId: other.id });
  }

  await db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, space.id);
    const rows = [...base, ...extra].map((p) => ({
      id: p.id,
      unitId: p.unitId,
      fullName: p.fullName,
      gender: p.gender,
      birthYear: p.birthYear,
      ethnicity: p.ethnicity,
      phone: p.phone,
      workplace: 'Trường THPT Con Cuông',
      unionRole: 'member' as const,
      consentMethod: 'signed' as const,
      consentAt: p.consentAt,
      spaceId: space.id,
      version,
    }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(participants).values(rows.slice(i, i + 1000));
  });
  return { spaceId: space.id, unitIds, planted, lookAlikes };
}
