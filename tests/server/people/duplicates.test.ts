// GET /api/people/duplicates on a generated province (tests/support/people-province.ts): 7,500 people, 300
// planted second registrations of four kinds and 200 look-alikes that are different people. The finder must
// rank the planted ones first and never give a look-alike the top score; it answers within the organiser's
// subtree only. On every database target. (Its time on PGlite and PostgreSQL: bench/people-duplicates.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicatesResponseSchema, type DuplicatesResponse } from '#domain/schemas/people';
import { generatePeopleProvince, PROVINCE_PEOPLE, type PeopleProvince } from '../../support/people-province';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';

describe.each(databaseTargets)('likely duplicates on %s', (kind) => {
  let t: TestApp;
  let province: PeopleProvince;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    province = await generatePeopleProvince(t.db);
    await t.login('organiser.na');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function duplicates(query = ''): Promise<DuplicatesResponse> {
    const response = await t.request(`/api/people/duplicates${query}`);
    expect(response.status).toBe(200);
    return duplicatesResponseSchema.parse(await response.json());
  }

  const groupOf = (answer: DuplicatesResponse, a: string, b: string) =>
    answer.groups.findIndex((g) => g.people.some((p) => p.id === a) && g.people.some((p) => p.id === b));

  it('finds at least 95% of the planted duplicates among as many top groups as were planted, of every kind', async () => {
    const answer = await duplicates(`?limit=${PROVINCE_PEOPLE.planted}`);
    const found = province.planted.filter((pair) => groupOf(answer, pair.baseId, pair.otherId) >= 0);
    expect(found.length / province.planted.length).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['exact', 'folded', 'phone', 'variant'] as const) {
      expect(found.filter((pair) => pair.kind === kind).length).toBeGreaterThanOrEqual(70);
    }
  });

  it('proposes no look-alike with the top score, and never one with a different birth year by name alone', async () => {
    const answer = await duplicates('?limit=1000');
    const top = answer.groups[0]!.score;
    expect(top).toBe(100);
    for (const pair of province.lookAlikes) {
      const index = groupOf(answer, pair.baseId, pair.otherId);
      if (index < 0) continue;
      const group = answer.groups[index]!;
      expect(group.score, pair.kind).toBeLessThan(top);
      expect(group.confidence, pair.kind).not.toBe('high');
    }
    const proposed = (kind: string) =>
      province.lookAlikes.filter((p) => p.kind === kind && groupOf(answer, p.baseId, p.otherId) >= 0);
    expect(proposed('other_year')).toEqual([]);
    expect(proposed('variant_other_year')).toEqual([]);
  });

  it('orders groups most likely first and shows the evidence side by side', async () => {
    const answer = await duplicates(`?limit=${PROVINCE_PEOPLE.planted}`);
    const scores = answer.groups.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const exact = province.planted.find((p) => p.kind === 'exact')!;
    const group = answer.groups[groupOf(answer, exact.baseId, exact.otherId)]!;
    expect(group).toMatchObject({
      score: 100,
      confidence: 'high',
      reasons: ['same_name', 'same_birth_year', 'same_phone'],
    });
    const [a, b] = group.people;
    expect(a!.fullName).toBe(b!.fullName);
    expect(a!.unitId).not.toBe(b!.unitId);
    for (const person of group.people) {
      expect(person.unitName).not.toBe('');
      expect(person).toHaveProperty('ethnicity');
      expect(person).toHaveProperty('workplace', 'Trường THPT Con Cuông');
      expect(person.sessionsAttended).toBe(0);
    }
  });

  it("stays within the organiser's subtree: a unit's answer names only that unit's people", async () => {
    const unitId = province.unitIds.find((id) => id !== province.unitIds[0])!;
    const answer = await duplicates(`?unitId=${unitId}&limit=1000`);
    for (const group of answer.groups) for (const person of group.people) expect(person.unitId).toBe(unitId);
    await t.login('organiser.lc');
    const other = await duplicates('?limit=1000');
    expect(other.groups).toEqual([]);
    expect((await t.request(`/api/people/duplicates?unitId=${unitId}`)).status).toBe(403);
    await t.login('trainer.na');
    expect((await t.request('/api/people/duplicates')).status).toBe(403);
    await t.login('organiser.na');
  });
});
