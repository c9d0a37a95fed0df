// Out-of-order commits cannot make a pull skip a row (docs/lessons.md; Marten #4953): 8 clients push and 3 pull
// at once (each pusher a fixed number of pushes, the pullers pulling until the last push is answered) against
// one app on a real PostgreSQL pool, then every puller, continuing from
// its own cursors only, must hold exactly the rows of its scope at their final versions, having received each
// (row, version) at most once and in order. On PostgreSQL the transactions really overlap on a pool of
// connections; on PGlite (one connection) the requests still interleave at every await, and the same holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Change } from '#domain/schemas/sync';
import { attendance, participants, photos, plans, sessions, topics, units, users } from '#server/db/schema';
import { databaseTargets } from '../../support/test-db';
import { createTestApp, type TestApp } from '../../support/test-app';
import { addUser, completeSession, participantArgs, signIn, topicIdsOf, type Actor } from './sync-fixtures';

/** Pushes per client: counted, not timed, so a slow or loaded machine runs the same interleaving work. */
const PUSHES_EACH = 10;

describe.each(databaseTargets)('concurrent pushes and pulls on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    await addUser(t, 'trainer.na2', 'trainer', 'CĐCS BVĐK Tương Dương');
    await addUser(t, 'trainer.na3', 'trainer', 'CĐCS THPT Con Cuông');
    await addUser(t, 'trainer.lc2', 'trainer', 'CĐCS TTYT Sa Pa');
  });
  afterAll(async () => {
    await t.close();
  });

  async function pushFor(actor: Actor, topicId: string, provinceCode: string): Promise<number> {
    const mine: string[] = [];
    let pushes = 0;
    while (pushes < PUSHES_EACH) {
      const created = [uuidv7(), uuidv7()];
      const batch: [string, unknown][] = [
        ['session.put', completeSession(created[0]!, topicId, { provinceCode })],
        ['participant.put', participantArgs(created[1]!)],
      ];
      // Some rows change again later: they move to a newer version, which a puller must also follow.
      const earlier = mine[Math.floor(Math.random() * mine.length)];
      if (earlier && Math.random() < 0.3) batch.push(['session.put', { id: earlier, title: `Lần ${pushes}` }]);
      if (earlier && Math.random() < 0.1) batch.push(['session.delete', { id: earlier }]);
      const { results } = await actor.push(...batch);
      expect(results.every((r) => r.status === 'applied' || r.error?.code === 'not_found')).toBe(true);
      mine.push(created[0]!);
      pushes += 1;
    }
    return pushes;
  }

  interface Seen {
    changes: Change[];
    cursor: string | null;
  }

  /** Pulls until the pushers are done; returns how many pulls it made meanwhile. */
  async function pullFor(actor: Actor, seen: Seen, pushing: { done: boolean }): Promise<number> {
    let pulls = 0;
    while (!pushing.done) {
      const page = await actor.pull(seen.cursor, 1 + Math.floor(Math.random() * 25));
      expect(page.reset).toBe(false);
      seen.changes.push(...page.changes);
      seen.cursor = page.cursor;
      pulls += 1;
    }
    return pulls;
  }

  async function tableRows(): Promise<
    Map<string, { version: number; spaceId: string; visibleTo: (a: Actor) => boolean }>
  > {
    const all = new Map<string, { version: number; spaceId: string; visibleTo: (a: Actor) => boolean }>();
    const sessionRows = await t.db.select().from(sessions);
    const sessionOf = new Map(sessionRows.map((s) => [s.id, s]));
    const byUnit = (unitId: string) => (a: Actor) =>
      a.user.role === 'admin' || (a.user.role === 'organiser' && a.user.spaceId === unitSpace.get(unitId));
    const unitRows = await t.db.select().from(units);
    const unitSpace = new Map(unitRows.map((u) => [u.id, u.spaceId]));
    const reference = (spaceId: string) => (a: Actor) => a.user.role === 'admin' || a.user.spaceId === spaceId;
    const ownSession = (sessionId: string) => (a: Actor) =>
      byUnit(sessionOf.get(sessionId)!.unitId)(a) || sessionOf.get(sessionId)!.trainerId === a.user.id;
    for (const s of sessionRows) all.set(`session:${s.id}`, { ...s, visibleTo: ownSession(s.id) });
    for (const r of await t.db.select().from(attendance))
      all.set(`attendance:${r.id}`, { ...r, visibleTo: ownSession(r.sessionId) });
    for (const r of await t.db.select().from(photos))
      all.set(`photo:${r.id}`, { ...r, visibleTo: ownSession(r.sessionId) });
    for (const r of await t.db.select().from(participants)) {
      all.set(`participant:${r.id}`, { ...r, visibleTo: (a) => byUnit(r.unitId)(a) || a.user.unitId === r.unitId });
    }
    for (const r of unitRows) all.set(`unit:${r.id}`, { ...r, visibleTo: reference(r.spaceId) });
    for (const r of await t.db.select().from(topics))
      all.set(`topic:${r.id}`, { ...r, visibleTo: reference(r.spaceId) });
    for (const r of await t.db.select().from(plans)) all.set(`plan:${r.id}`, { ...r, visibleTo: reference(r.spaceId) });
    for (const r of await t.db.select().from(users)) {
      all.set(`user:${r.id}`, { ...r, visibleTo: (a) => byUnit(r.unitId)(a) || a.user.id === r.id });
    }
    return all;
  }

  it('never lets a puller skip a row while 8 clients push and 3 pull at once', async () => {
    const naTrainers = await Promise.all(['trainer.na', 'trainer.na2', 'trainer.na3'].map((u) => signIn(t, u)));
    const lcTrainers = await Promise.all(['trainer.lc', 'trainer.lc2'].map((u) => signIn(t, u)));
    const secondDevices = await Promise.all(['trainer.na', 'trainer.na2', 'trainer.lc'].map((u) => signIn(t, u)));
    const pushers = [...naTrainers, ...lcTrainers, ...secondDevices];
    expect(pushers).toHaveLength(8);
    const pullers = await Promise.all(['organiser.na', 'admin', 'trainer.na3'].map((u) => signIn(t, u)));
    const [naTopic] = (await topicIdsOf(t, naTrainers[0]!.user.spaceId)) as [string];
    const [lcTopic] = (await topicIdsOf(t, lcTrainers[0]!.user.spaceId)) as [string];

    const seen: Seen[] = pullers.map(() => ({ changes: [], cursor: null }));
    const pushing = { done: false };
    const pushes = Promise.all(
      pushers.map((p) =>
        pushFor(
          p,
          p.user.spaceId === naTrainers[0]!.user.spaceId ? naTopic : lcTopic,
          p.user.spaceId === naTrainers[0]!.user.spaceId ? '40' : '15',
        ),
      ),
    ).finally(() => {
      pushing.done = true;
    });
    const [pushCounts, pullCounts] = await Promise.all([
      pushes,
      Promise.all(pullers.map((p, i) => pullFor(p, seen[i]!, pushing))),
    ]);
    expect(pushCounts).toEqual(pushers.map(() => PUSHES_EACH));
    // Every puller really pulled while the pushes were being committed, not only afterwards.
    expect(pullCounts.every((n) => n > 2)).toBe(true);

    const rows = await tableRows();
    for (const [i, puller] of pullers.entries()) {
      const log = seen[i]!;
      for (;;) {
        const page = await puller.pull(log.cursor, 500);
        expect(page.reset).toBe(false);
        log.changes.push(...page.changes);
        log.cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const versions = log.changes.map((c) => `${c.entity}:${c.id}@${c.version}`);
      expect(new Set(versions).size).toBe(versions.length);

      const held = new Map<string, number>();
      for (const change of log.changes) {
        const previous = held.get(`${change.entity}:${change.id}`);
        if (previous !== undefined) expect(change.version).toBeGreaterThan(previous);
        held.set(`${change.entity}:${change.id}`, change.version);
      }
      const expected = new Map([...rows].filter(([, r]) => r.visibleTo(puller)).map(([k, r]) => [k, r.version]));
      expect(held.size).toBe(expected.size);
      expect(Object.fromEntries(held)).toEqual(Object.fromEntries(expected));
    }
  });
});
