// The person keys computed by the database (generated columns, src/server/db/person-key-sql.ts) agree with
// the domain's (src/domain/rules/person-keys.ts) for Vietnamese names however they are typed — every tone
// mark, decomposed or not, upper case, odd spacing, apostrophes — and for phones written every usual way.
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey, nameVariantKey, phoneKey } from '#domain/rules/person-keys';
import { participants, units } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';

const LETTERS = [...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 7 }).map((chars) => chars.join(''));
const typed = fc.tuple(word, fc.constantFrom('lower', 'upper', 'title', 'nfd')).map(([w, how]) => {
  if (how === 'upper') return w.toUpperCase();
  if (how === 'title') return w[0]!.toUpperCase() + w.slice(1);
  return how === 'nfd' ? w.normalize('NFD') : w;
});
const name = fc
  .tuple(fc.array(typed, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', '\t', " '", '-'))
  .map(([words, gap]) => ` ${words.join(gap)} `);
const phone = fc
  .tuple(fc.constantFrom('0', '+84 ', '84', '+84'), fc.stringMatching(/^[1-9][0-9]{8}$/), fc.constantFrom('', ' ', '.'))
  .map(([prefix, digits, gap]) => `${prefix}${digits.slice(0, 3)}${gap}${digits.slice(3, 6)}${gap}${digits.slice(6)}`);

describe.each(databaseTargets)('person keys in SQL on %s', (kind) => {
  let t: TestApp;
  let unit: { id: string; spaceId: string };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    [unit] = (await t.db.select({ id: units.id, spaceId: units.spaceId }).from(units).limit(1)) as [typeof unit];
  });
  afterAll(async () => {
    await t.close();
  });

  it('folds names and phones exactly as the domain does', async () => {
    const samples = fc.sample(fc.tuple(name, phone), { numRuns: 300, seed: 13 });
    samples.push(
      ['  Nguyễn Thị  HOÀ ', '0912 345 678'],
      ["H'Mông Đức", '+84 912.345.678'],
      ['Ðặng Thị Lý', '84912345678'],
    );
    const rows = samples.map(([fullName, phoneNumber]) => ({
      id: uuidv7(),
      unitId: unit.id,
      fullName,
      phone: phoneNumber,
      gender: 'female' as const,
      consentMethod: 'signed' as const,
      consentAt: '2026-01-01',
      spaceId: unit.spaceId,
      version: 1,
    }));
    await t.db.insert(participants).values(rows);
    const stored = await t.db
      .select({
        id: participants.id,
        nameKey: participants.nameKey,
        nameVariantKey: participants.nameVariantKey,
        phoneKey: participants.phoneKey,
      })
      .from(participants)
      .where(eq(participants.unitId, unit.id));
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const { id, fullName, phone: phoneNumber } of rows) {
      expect(byId.get(id), JSON.stringify(fullName)).toEqual({
        id,
        nameKey: nameKey(fullName),
        nameVariantKey: nameVariantKey(fullName),
        phoneKey: phoneKey(phoneNumber),
      });
    }
    expect(byId.get(rows.at(-3)!.id)).toMatchObject({
      nameKey: 'nguyenthihoa',
      nameVariantKey: 'nguyen hoa',
      phoneKey: '0912345678',
    });
    expect(byId.get(rows.at(-1)!.id)).toMatchObject({ nameKey: 'dangthily', phoneKey: '0912345678' });
  });
});
