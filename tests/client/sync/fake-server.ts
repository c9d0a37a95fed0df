// A small in-memory server that keeps the sync contract of docs/sync.md, behind a stubbed `fetch`:
// contiguous mutation ids per client with stored results for replays, 409 `out_of_order` on a gap
// (nothing applied), one version per push, pulls ordered by (version, entity, id) with an opaque
// cursor, and idempotent photo uploads checked against sha256. It is the client's counterpart in
// tests, not a database mock; the real server gets its own integration test.
import { gunzipSync, strFromU8 } from 'fflate';
import { CSRF_HEADER_NAME, CSRF_HEADER_VALUE } from '#domain/schemas/csrf';
import type { ApiError } from '#domain/schemas/error';
import type { Change, Mutation, MutationResult } from '#domain/schemas/sync';
import { requestUrl } from '../../support/request-url';

interface Row extends Change {
  data: Record<string, unknown> | null;
}

export interface Recorded {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export class FakeSyncServer {
  version = 0;
  rows = new Map<string, Row>();
  clients = new Map<string, { lastMutationId: number; results: Map<number, MutationResult> }>();
  /** How many mutations were applied for the first time (replays do not count). */
  appliedCount = 0;
  photos = new Map<string, Uint8Array>();
  requests: Recorded[] = [];
  pullLimit = 1000;
  /** Apply the next push, then lose its answer (the connection drops). */
  dropNextPushAnswer = false;
  /** Whether a 409 tells the client its lastMutationId in `fields`. */
  outOfOrderSaysPosition = false;
  /** Pulls fail with 503 while set (a push answered, then the link dropped). */
  failPulls = false;
  /** Answer every request with this status and error (and Retry-After, in seconds) until cleared. */
  failWith: { status: number; code: string; retryAfter?: number } | null = null;
  /** The user the session cookie belongs to: a push or pull naming another `userId` gets 403. */
  signedInAs: string | null = null;
  /** Answer image uploads with this status and error until cleared. */
  refusePhotos: { status: number; code: string } | null = null;
  /** Refuse a mutation: return the error, or nothing to apply it. */
  refuse: (mutation: Mutation) => ApiError | undefined = () => undefined;
  now = '2026-03-02T09:00:00.000Z';

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = requestUrl(input);
    const method = init.method ?? 'GET';
    const headers = { ...(init.headers as Record<string, string>) };
    const body = await this.readBody(init.body, headers);
    this.requests.push({ path, method, headers, body });
    if (this.failWith) {
      const { status, code, retryAfter } = this.failWith;
      return json(
        status,
        { error: { code, message: 'refused' } },
        retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
      );
    }
    if (method !== 'GET' && headers[CSRF_HEADER_NAME] !== CSRF_HEADER_VALUE)
      return json(403, { error: { code: 'csrf', message: 'csrf' } });
    const asUser = (body as { userId?: string } | undefined)?.userId;
    if (path.startsWith('/api/sync/') && this.signedInAs && asUser !== undefined && asUser !== this.signedInAs) {
      return json(403, { error: { code: 'forbidden', message: 'the session belongs to another user' } });
    }
    if (path === '/api/sync/push') return this.push(body as { clientId: string; mutations: Mutation[] });
    if (path === '/api/sync/pull' && this.failPulls)
      return json(503, { error: { code: 'unavailable', message: 'down' } });
    if (path === '/api/sync/pull')
      return json(200, this.pull(body as { clientId: string; cursor: string | null; limit?: number }));
    const photo = /^\/api\/photos\/(.+)$/.exec(path);
    if (photo && method === 'PUT' && this.refusePhotos) {
      return json(this.refusePhotos.status, { error: { code: this.refusePhotos.code, message: 'refused' } });
    }
    if (photo && method === 'PUT') return this.putPhoto(photo[1]!, body as Uint8Array);
    return json(404, { error: { code: 'not_found', message: path } });
  };

  client(clientId: string) {
    let client = this.clients.get(clientId);
    if (!client) this.clients.set(clientId, (client = { lastMutationId: 0, results: new Map() }));
    return client;
  }

  row(entity: string, id: string): Record<string, unknown> | null | undefined {
    return this.rows.get(`${entity}:${id}`)?.data;
  }

  /** Forget the last mutations of every client, as a restore from an older backup would. */
  /** Restored from a backup taken before anything was synced: no rows, no images, no client positions. */
  restoreToEmpty(): void {
    this.rows.clear();
    this.photos.clear();
    this.version = 0;
    this.loseMutationsAfter(0);
  }

  loseMutationsAfter(lastMutationId: number): void {
    for (const client of this.clients.values()) {
      client.lastMutationId = Math.min(client.lastMutationId, lastMutationId);
      for (const id of client.results.keys()) if (id > lastMutationId) client.results.delete(id);
    }
  }

  private async readBody(body: RequestInit['body'], headers: Record<string, string>): Promise<unknown> {
    if (body === undefined || body === null) return undefined;
    if (typeof body === 'string') return JSON.parse(body);
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(body as ArrayBuffer);
    if (headers['Content-Encoding'] === 'gzip') return JSON.parse(strFromU8(gunzipSync(bytes)));
    return bytes;
  }

  private push({
    clientId,
    userId,
    mutations,
  }: {
    clientId: string;
    userId?: string;
    mutations: Mutation[];
  }): Response {
    const client = this.client(clientId);
    const fresh = mutations.filter((m) => m.id > client.lastMutationId);
    if (fresh.some((m, i) => m.id !== client.lastMutationId + 1 + i)) {
      const fields = this.outOfOrderSaysPosition ? { lastMutationId: String(client.lastMutationId) } : undefined;
      return json(409, { error: { code: 'out_of_order', message: 'out of order', fields } });
    }
    if (fresh.length > 0) this.version += 1;
    for (const mutation of fresh) {
      const error = this.refuse(mutation) ?? this.apply(mutation, userId);
      client.results.set(
        mutation.id,
        error ? { id: mutation.id, status: 'rejected', error } : { id: mutation.id, status: 'applied' },
      );
      client.lastMutationId = mutation.id;
      if (!error) this.appliedCount += 1;
    }
    const results = mutations.map((m) => client.results.get(m.id)!);
    if (this.dropNextPushAnswer) {
      this.dropNextPushAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return json(200, { lastMutationId: client.lastMutationId, results });
  }

  /** `userId`: the pushing device's user, the owner of the sessions it creates. */
  private apply({ name, args }: Mutation, userId = 'server-trainer'): ApiError | undefined {
    const [entity, verb] = name.split('.') as [string, string];
    const { id, ...patch } = args as { id: string } & Record<string, unknown>;
    const current = this.row(entity, id);
    if (verb === 'delete') return current ? this.write(entity, id, null) : notFound();
    if (verb === 'put') {
      if (entity === 'session' && current?.status === 'approved') return { code: 'session_locked', message: 'locked' };
      if (!current && entity === 'session' && !('title' in patch && 'topicIds' in patch && 'endDate' in patch)) {
        return { code: 'invalid', message: 'incomplete create', fields: { title: 'required' } };
      }
      const created = current ?? (entity === 'session' ? { trainerId: userId, status: 'draft' } : {});
      return this.write(entity, id, { ...created, ...patch, id });
    }
    if (!current) return notFound();
    if (verb === 'submit') return this.write(entity, id, { ...current, status: 'submitted', submittedAt: this.now });
    const decision = (args as { decision: string }).decision;
    return this.write(entity, id, { ...current, status: decision === 'approve' ? 'approved' : 'returned' });
  }

  private write(entity: string, id: string, data: Record<string, unknown> | null): undefined {
    const stamped = data && { ...data, createdAt: this.now, updatedAt: this.now };
    this.rows.set(`${entity}:${id}`, {
      entity: entity as Change['entity'],
      id,
      version: this.version,
      deleted: !data,
      data: stamped,
    });
    return undefined;
  }

  private pull({ clientId, cursor, limit }: { clientId: string; cursor: string | null; limit?: number }) {
    const key = (r: Row) => `${String(r.version).padStart(12, '0')}|${r.entity}|${r.id}`;
    const after = cursor ?? '';
    const rows = [...this.rows.values()].filter((r) => key(r) > after).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const page = rows.slice(0, limit ?? this.pullLimit);
    return {
      cursor: page.length > 0 ? key(page.at(-1)!) : cursor,
      hasMore: rows.length > page.length,
      reset: false,
      lastMutationId: this.client(clientId).lastMutationId,
      changes: page.map(({ entity, id, version, deleted, data }) => ({ entity, id, version, deleted, data })),
    };
  }

  private async putPhoto(id: string, bytes: Uint8Array): Promise<Response> {
    const meta = this.row('photo', id);
    if (!meta) return json(404, { error: { code: 'not_found', message: 'no photo' } });
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== meta.sha256) return json(422, { error: { code: 'checksum_mismatch', message: 'sha256' } });
    const existed = this.photos.has(id);
    this.photos.set(id, bytes);
    return existed ? new Response(null, { status: 204 }) : json(201, { id });
  }
}

function notFound(): ApiError {
  return { code: 'not_found', message: 'not found' };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
