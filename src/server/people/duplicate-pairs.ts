// The candidate pairs of the duplicate finder (issue 13), set-wise in one statement: live people of a unit
// subtree joined on the generated keys (schema.ts, person-key-sql.ts) — the same folded name or name variant
// with the same birth year, or the same phone — each pair once, with the facts the score is made from. A phone
// shared by more than SHARED_PHONE_LIMIT people is a switchboard or an office's, not evidence of one person.
import { sql } from 'drizzle-orm';
import type { PairFacts } from '#domain/rules/duplicate-score';
import type { DbExecutor } from '../db/database';
import { scopeUnitsCte, type UnitScope } from '../reports/unit-scope';

export const SHARED_PHONE_LIMIT = 5;

export interface CandidatePair extends PairFacts {
  a: string;
  b: string;
}

interface PairRow extends Record<string, unknown> {
  a: string;
  b: string;
  same_name: boolean;
  name_variant: boolean;
  same_year: boolean;
  different_year: boolean;
  same_phone: boolean;
  different_gender: boolean;
}

export async function loadCandidatePairs(db: DbExecutor, scope: UnitScope): Promise<CandidatePair[]> {
  const result = await db.execute<PairRow>(sql`
    with recursive ${scopeUnitsCte(scope)},
    live as (
      select p.* from participants p where not p.deleted and p.unit_id in (select id from scope_units)
    ),
    personal_phones as (
      select space_id, phone_key from live where phone_key is not null
      group by space_id, phone_key having count(*) between 2 and ${SHARED_PHONE_LIMIT}
    ),
    pairs as (
      select a.id as a, b.id as b from live a
        join live b on b.space_id = a.space_id and b.name_key = a.name_key and b.birth_year = a.birth_year and a.id < b.id
      union
      select a.id, b.id from live a
        join live b on b.space_id = a.space_id and b.name_variant_key = a.name_variant_key
          and b.birth_year = a.birth_year and a.id < b.id
      union
      select a.id, b.id from personal_phones ph
        join live a on a.space_id = ph.space_id and a.phone_key = ph.phone_key
        join live b on b.space_id = ph.space_id and b.phone_key = ph.phone_key and a.id < b.id
    )
    select pairs.a::text as a, pairs.b::text as b,
      (x.name_key = y.name_key) as same_name,
      (x.name_key <> y.name_key and x.name_variant_key = y.name_variant_key) as name_variant,
      coalesce(x.birth_year = y.birth_year, false) as same_year,
      coalesce(x.birth_year <> y.birth_year, false) as different_year,
      coalesce(x.phone_key = y.phone_key and exists (
        select 1 from personal_phones ph where ph.space_id = x.space_id and ph.phone_key = x.phone_key
      ), false) as same_phone,
      (x.gender <> y.gender) as different_gender
    from pairs join live x on x.id = pairs.a join live y on y.id = pairs.b`);
  return result.rows.map((row) => ({
    a: row.a,
    b: row.b,
    sameName: row.same_name,
    nameVariant: row.name_variant === true,
    sameBirthYear: row.same_year,
    differentBirthYear: row.different_year,
    samePhone: row.same_phone,
    differentGender: row.different_gender,
  }));
}
