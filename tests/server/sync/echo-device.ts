// A real device (Dexie on fake-indexeddb, the client's own push and pull code) syncing with a test app: the
// client's fetch goes to app.request() with the user's cookie. Counts the changes its pulls bring, and can
// lose the answer of the next push (the server applied it; the device never hears).
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { LogbookDb } from '#client/db/database.ts';
import { entityTable } from '#client/db/entities.ts';
import { pullAll } from '#client/sync/pull.ts';
import { pushOutbox } from '#client/sync/push.ts';
import type { PullRequest, PullResponse } from '#domain/schemas/sync';
import type { TestApp } from '../../support/test-app';
import type { Actor } from './sync-fixtures';

export class EchoDevice {
  readonly db: LogbookDb;
  /** Changes the device's pulls brought, and pages that left its own writes out. */
  pulledChanges = 0;
  omittedPages = 0;
  pullRequests: PullRequest[] = [];
  loseNextPushAnswer = false;

  constructor(
    readonly t: TestApp,
    readonly actor: Actor,
  ) {
    this.db = new LogbookDb(actor.user.id, {
      role: actor.user.role,
      unitId: actor.user.unitId,
      spaceId: actor.user.spaceId,
    });
  }

  private readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', this.actor.cookie);
    const path = input as string;
    if (path === '/api/sync/pull') this.pullRequests.push(JSON.parse(init.body as string) as PullRequest);
    const response = await this.t.app.request(path, { ...init, headers });
    if (path === '/api/sync/push' && this.loseNextPushAnswer) {
      this.loseNextPushAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    if (path === '/api/sync/pull' && response.ok) {
      const page = (await response.clone().json()) as PullResponse;
      this.pulledChanges += page.changes.length;
      if (page.echoes === 'omitted') this.omittedPages += 1;
    }
    return response;
  };

  /** Pushes until nothing is unsent, then pulls to the end, as one sync run does. */
  async sync(): Promise<void> {
    vi.stubGlobal('fetch', this.fetch);
    try {
      await pushOutbox(this.db, () => {});
      await pullAll(this.db, () => {});
    } finally {
      vi.unstubAllGlobals();
    }
  }

  /** Like sync(), but the push answer is lost (a network error after the server applied it). */
  async syncLosingPushAnswer(): Promise<void> {
    this.loseNextPushAnswer = true;
    await this.sync().catch((error: unknown) => {
      if (!(error instanceof Error) || error.name !== 'NetworkError') throw error;
    });
    this.loseNextPushAnswer = false;
  }

  /**
   * The device's server-state rows of the four synced records, keyed `entity:id`: a record with outbox entries
   * by its base (the server state under them), any other by its row without the device's own markers.
   */
  async serverState(): Promise<Map<string, Record<string, unknown>>> {
    const state = new Map<string, Record<string, unknown>>();
    const queued = new Set((await this.db.outbox.toArray()).map((e) => `${e.entity}:${e.entityId}`));
    for (const entity of ['session', 'participant', 'attendance', 'photo'] as const) {
      for (const row of await entityTable(this.db, entity).toArray()) {
        if (queued.has(`${entity}:${row.id}`)) continue;
        const { pending: _p, rejected: _r, searchKey: _s, ...rest } = row;
        state.set(`${entity}:${row.id}`, rest);
      }
    }
    for (const base of await this.db.bases.toArray()) {
      if (!base.row) continue;
      const { pending: _p, rejected: _r, searchKey: _s, ...rest } = base.row;
      state.set(`${base.entity}:${base.id}`, rest);
    }
    return state;
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

/** The live rows of the four synced records a fresh pull of `actor`'s scope brings, keyed as serverState. */
export async function serverRows(actor: Actor): Promise<Map<string, Record<string, unknown>>> {
  const { changes } = await actor.pullAll(null);
  const rows = new Map<string, Record<string, unknown>>();
  for (const change of changes) {
    if (!['session', 'participant', 'attendance', 'photo'].includes(change.entity)) continue;
    if (change.deleted || !change.data) continue;
    rows.set(`${change.entity}:${change.id}`, { ...change.data, id: change.id, version: change.version });
  }
  return rows;
}
