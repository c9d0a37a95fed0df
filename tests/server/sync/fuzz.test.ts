// Fuzzing push, pull and photo upload with thousands of malformed or hostile requests: random JSON, wrong
// types, huge numbers, prototype-pollution keys, odd unicode (NUL, lone surrogates), truncated gzip, wrong
// content types, ids out of range. The server must never answer 5xx, a refused request must write nothing,
// and the app must still be healthy afterwards. In-process on PGlite only: it is about input, not the driver.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { errorBodySchema } from '#domain/schemas/error';
import { mutationNames, pullResponseSchema, pushResponseSchema } from '#domain/schemas/sync';
import { createTestApp, CSRF_HEADERS, type TestApp } from '../../support/test-app';
import { completeSession, participantArgs, signIn, topicIdsOf, type Actor } from './sync-fixtures';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_000);

interface FuzzRequest {
  path: string;
  method: 'POST' | 'PUT' | 'GET';
  body?: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  as: 'trainer' | 'organiser';
}

const weirdStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '__proto__',
  'constructor',
  'toString',
  '𝕏'.repeat(70),
  'x'.repeat(5000),
  "'; drop table sessions; --",
  '../../etc/passwd',
  '%00',
  '\u202e',
  'Nguyễn Thị Ánh',
  '',
];
const hostileString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...weirdStrings));
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 1e308, -1e308),
);
const hostileValue = fc.oneof(
  hostileString,
  hostileNumber,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(null),
  fc.boolean(),
);
const idLike = fc.oneof(
  fc.uuid({ version: 7 }),
  fc.uuid(),
  hostileString,
  fc.constant('00000000-0000-0000-0000-000000000000'),
);

/** The id as a path segment; lone surrogates become the raw (malformed) UTF-8 escapes a hostile client would send. */
function pathSegment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return `${encodeURIComponent(id.toWellFormed())}%ED%A0%80%zz`;
  }
}

function validArgs(name: string, topicId: string, known: string[]): Record<string, unknown> {
  const any = known[known.length - 1] ?? uuidv7();
  switch (name) {
    case 'session.put':
      return completeSession(uuidv7(), topicId);
    case 'participant.put':
      return participantArgs(uuidv7());
    case 'attendance.put':
      return { id: uuidv7(), sessionId: any, participantId: any, days: [1, 2], note: 'x' };
    case 'photo.put':
      return {
        id: uuidv7(),
        sessionId: any,
        mime: 'image/png',
        bytes: 10,
        sha256: 'c'.repeat(64),
        width: 1,
        height: 1,
      };
    case 'session.review':
      return { id: any, decision: 'return', comment: 'Sửa lại' };
    default:
      return { id: any };
  }
}

/** A valid mutation with one field replaced by something hostile, or an extra hostile key. */
const poisonedArgs = (topicId: string, known: string[]) =>
  fc
    .record({
      name: fc.constantFrom(...mutationNames),
      key: hostileString,
      field: fc.nat(20),
      value: hostileValue,
      addKey: fc.boolean(),
    })
    .map(({ name, key, field, value, addKey }) => {
      const args = validArgs(name, topicId, known);
      const keys = Object.keys(args);
      if (addKey) Object.defineProperty(args, key, { value, enumerable: true, configurable: true, writable: true });
      else args[keys[field % keys.length]!] = value;
      return { name, args };
    });

function requestArb(
  clientId: () => string,
  nextId: () => number,
  topicId: string,
  known: string[],
): fc.Arbitrary<FuzzRequest> {
  const json = { 'Content-Type': 'application/json' };
  const mutationArb = fc.oneof(
    {
      weight: 3,
      arbitrary: poisonedArgs(topicId, known).map((m) => ({ id: nextId(), clientAt: '2026-11-21T08:00:00Z', ...m })),
    },
    fc.record({
      id: fc.oneof(hostileNumber, fc.constant(nextId())),
      name: fc.oneof(fc.constantFrom(...mutationNames), hostileString),
      args: hostileValue,
      clientAt: fc.oneof(hostileString, fc.constant('2026-11-21T08:00:00Z')),
    }),
    hostileValue,
  );
  const pushBody = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({ clientId: fc.constant(clientId()), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) })
        .map((b) => JSON.stringify(b)),
    },
    fc
      .record({
        clientId: fc.oneof(fc.constant(clientId()), idLike),
        mutations: fc.array(mutationArb, { maxLength: 6 }),
      })
      .map((b) => JSON.stringify(b)),
    fc
      .record({ clientId: fc.constant(clientId()), mutations: fc.array(mutationArb, { maxLength: 3 }) })
      .map((b) =>
        JSON.stringify(b).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
      ),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    hostileString,
  );
  const pullBody = fc.oneof(
    fc
      .record(
        {
          clientId: fc.oneof(fc.constant(clientId()), idLike),
          cursor: fc.oneof(
            fc.constant(null),
            hostileString,
            fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
            fc
              .record({
                f: fc.constant(1),
                h: hostileString,
                p: fc.dictionary(idLike, fc.array(hostileValue, { maxLength: 3 })),
              })
              .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
          ),
          limit: fc.oneof(hostileNumber, fc.constant(undefined)),
        },
        { requiredKeys: ['clientId', 'cursor'] },
      )
      .map((b) => JSON.stringify(b)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
  );
  const as = fc.constantFrom<'trainer' | 'organiser'>(
    'trainer',
    'trainer',
    'trainer',
    'trainer',
    'trainer',
    'organiser',
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ body: pushBody, as }).map(({ body, as: who }) => ({
        path: '/api/sync/push',
        method: 'POST' as const,
        body,
        headers: json,
        as: who,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.record({ body: pullBody, as }).map(({ body, as: who }) => ({
        path: '/api/sync/pull',
        method: 'POST' as const,
        body,
        headers: json,
        as: who,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          body: pushBody,
          cut: fc.nat(200),
          path: fc.constantFrom('/api/sync/push', '/api/sync/pull'),
          encoding: fc.constantFrom('gzip', 'gzip', 'br', 'deflate, gzip', 'GZIP'),
          type: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', ''),
        })
        .map(({ body, cut, path, encoding, type }) => {
          const zipped = gzipSync(body);
          return {
            path,
            method: 'POST' as const,
            body: new Uint8Array(cut > 0 ? zipped.subarray(0, Math.max(1, zipped.length - cut)) : zipped),
            headers: { 'Content-Type': type, 'Content-Encoding': encoding },
            as: 'trainer' as const,
          };
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          id: fc.oneof(fc.constantFrom(...(known.length ? known : [uuidv7()])), idLike),
          type: fc.oneof(
            fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'image/jpeg; charset=utf-8', ''),
            hostileString,
          ),
          bytes: fc.uint8Array({ maxLength: 2048 }),
          gzip: fc.boolean(),
          get: fc.boolean(),
        })
        .map(({ id, type, bytes, gzip, get }) => ({
          path: `/api/photos/${pathSegment(id)}`,
          method: get ? ('GET' as const) : ('PUT' as const),
          body: get ? undefined : new Uint8Array(bytes),
          headers: {
            ...(type ? { 'Content-Type': type.replace(/[^\t\x20-\x7e]/g, '') } : {}),
            ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
          },
          as: 'trainer' as const,
        })),
    },
  );
}

describe('fuzzing sync and photo endpoints on pglite', () => {
  let t: TestApp;
  let actors: Record<'trainer' | 'organiser', Actor>;
  let topicId: string;
  const known: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ kind: 'pglite' });
    actors = { trainer: await signIn(t, 'trainer.na'), organiser: await signIn(t, 'organiser.na') };
    [topicId] = (await topicIdsOf(t, actors.trainer.user.spaceId)) as [string];
    // Some real records so hostile mutations and uploads reach existing rows too.
    const [sessionId, personId, photoId] = [uuidv7(), uuidv7(), uuidv7()];
    await actors.trainer.push(
      ['session.put', completeSession(sessionId, topicId)],
      ['participant.put', participantArgs(personId)],
      [
        'photo.put',
        { id: photoId, sessionId, mime: 'image/jpeg', bytes: 3, sha256: 'd'.repeat(64), width: 1, height: 1 },
      ],
      ['session.submit', { id: sessionId }],
    );
    known.push(sessionId, personId, photoId);
  });
  afterAll(async () => {
    await t.close();
  });

  const rowCounts = async () =>
    (
      await t.db.execute(sql`select
    (select count(*) from sessions) s, (select count(*) from participants) p, (select count(*) from attendance) a,
    (select count(*) from photos) ph, (select count(*) from photo_blobs) b, (select count(*) from sync_clients) c,
    (select count(*) from mutation_results) r, (select count(*) from audit_log) l,
    (select sum(version) from spaces) v, (select sum(last_mutation_id) from sync_clients) m`)
    ).rows[0];

  it(`answers ${REQUESTS} hostile requests without a 5xx or a partial write, and stays healthy`, async () => {
    const statuses = new Map<number, number>();
    const next = () => actors.trainer.nextId;
    const arb = requestArb(() => actors.trainer.clientId, next, topicId, known);
    // Counted once per request: a refused request must leave the counts the previous request left.
    let counts = await rowCounts();
    await fc.assert(
      fc.asyncProperty(arb, async (request) => {
        const before = counts;
        const response = await t.app.request(request.path, {
          method: request.method,
          body: request.body,
          headers: { ...CSRF_HEADERS, Cookie: actors[request.as].cookie, ...request.headers },
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        const text = await response.text();
        counts = await rowCounts();
        if (response.status >= 400) {
          expect(errorBodySchema.safeParse(JSON.parse(text)).success).toBe(true);
          expect(counts).toEqual(before);
        } else if (request.path === '/api/sync/push') {
          const body = pushResponseSchema.parse(JSON.parse(text));
          if (request.as === 'trainer' && body.lastMutationId >= actors.trainer.nextId)
            actors.trainer.nextId = body.lastMutationId + 1;
        } else if (request.path === '/api/sync/pull') {
          pullResponseSchema.parse(JSON.parse(text));
        }
      }),
      { numRuns: REQUESTS },
    );

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.request('/api/health')).status).toBe(200);
    // The run reached both refusals and real work.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 20);
  }, 240_000);

  it('refuses a body past 2 MB, raw or inflated, with 413 and no write', async () => {
    const before = await rowCounts();
    const huge = JSON.stringify({
      clientId: actors.trainer.clientId,
      mutations: [{ id: 1, name: 'x', args: 'y'.repeat(2_200_000), clientAt: 'z' }],
    });
    const headers = { ...CSRF_HEADERS, Cookie: actors.trainer.cookie, 'Content-Type': 'application/json' };
    expect((await t.app.request('/api/sync/push', { method: 'POST', body: huge, headers })).status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(3_000_000, 0x20));
    expect(
      (
        await t.app.request('/api/sync/push', {
          method: 'POST',
          body: bomb,
          headers: { ...headers, 'Content-Encoding': 'gzip' },
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await t.app.request(`/api/photos/${known[2]}`, {
          method: 'PUT',
          body: new Uint8Array(2_100_000),
          headers: { ...headers, 'Content-Type': 'image/jpeg' },
        })
      ).status,
    ).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });
});
