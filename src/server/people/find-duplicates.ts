// GET /api/people/duplicates (issue 13): likely duplicates within the reader's subtree, most likely first.
// Pairs come from SQL (duplicate-pairs.ts) and are scored by the domain rule; pairs sharing a record join
// into one group (a person registered three times is one group of three), whose score is its best pair's.
// Every record listed lies in the reader's subtree, so the reader may already see each one whole,
// ethnicity included (domain README: ethnicity is shown only to those who may see the records).
import { isLikelyPair, scorePair, type PairScore } from '#domain/rules/duplicate-score';
import type { DuplicateGroup, DuplicatesResponse } from '#domain/schemas/people';
import type { DbExecutor } from '../db/database';
import type { UnitScope } from '../reports/unit-scope';
import { loadCandidatePairs, type CandidatePair } from './duplicate-pairs';
import { loadEvidence } from './person-evidence';

interface Cluster {
  ids: Set<string>;
  best: PairScore;
}

export async function findDuplicates(db: DbExecutor, scope: UnitScope, limit: number): Promise<DuplicatesResponse> {
  const pairs = (await loadCandidatePairs(db, scope))
    .filter(isLikelyPair)
    .map((pair) => ({ pair, score: scorePair(pair) }));
  const clusters = clusterPairs(pairs)
    .sort((x, y) => y.best.score - x.best.score || firstId(x).localeCompare(firstId(y)))
    .slice(0, limit);
  const evidence = await loadEvidence(
    db,
    clusters.flatMap((c) => [...c.ids]),
  );
  const groups = clusters.map((cluster): DuplicateGroup => ({
    ...cluster.best,
    people: [...cluster.ids]
      .flatMap((id) => evidence.get(id) ?? [])
      // The record most likely to keep first: most sessions attended, then the earliest registered.
      .sort(
        (a, b) =>
          b.sessionsAttended - a.sessionsAttended || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      ),
  }));
  return { groups: groups.filter((g) => g.people.length >= 2) };
}

/** Connected components of the pairs; a pair's better score lifts its whole group. */
function clusterPairs(pairs: Array<{ pair: CandidatePair; score: PairScore }>): Cluster[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    parent.set(id, at);
    return at;
  };
  for (const { pair } of pairs) {
    for (const id of [pair.a, pair.b]) if (!parent.has(id)) parent.set(id, id);
    const [ra, rb] = [root(pair.a), root(pair.b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const clusters = new Map<string, Cluster>();
  for (const { pair, score } of pairs) {
    const key = root(pair.a);
    const cluster = clusters.get(key) ?? { ids: new Set<string>(), best: score };
    cluster.ids.add(pair.a).add(pair.b);
    if (score.score > cluster.best.score) cluster.best = score;
    clusters.set(key, cluster);
  }
  return [...clusters.values()];
}

function firstId(cluster: Cluster): string {
  return [...cluster.ids].sort()[0] ?? '';
}
