// The network the sync-status tests run against: the in-memory sync server of the engine tests
// (tests/client/sync/fake-server.ts) behind a stubbed fetch, plus the auth answers the app asks for
// (`me`: whose cookie the browser holds), a switch that takes the network away, and a gate that holds
// pulls (a sync in progress).
import { configure } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { vi } from 'vitest';
import { openUserDb, type LogbookDb } from '#client/db/database.ts';
import type { User } from '#domain/schemas/auth';
import { makeUser, rememberUser } from '../shell/app-harness';
import { spaceId, unitId } from '../db/fixtures';
import { FakeSyncServer } from '../sync/fake-server';
import { requestUrl } from '../../support/request-url';

// Live queries and a sync run take a few ticks; on a busy machine more than testing-library's 1 s.
configure({ asyncUtilTimeout: 5000 });

export class TestNetwork {
  readonly server = new FakeSyncServer();
  offline = false;
  /** The user /api/auth/me answers with: the one whose cookie this browser holds. */
  me: User;
  /** How many logouts reached the server. */
  logouts = 0;
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => undefined;

  constructor(readonly user: User) {
    this.me = user;
  }

  /** Pulls wait until `releasePulls` (the push has gone through by then). */
  holdPulls(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  releasePulls(): void {
    this.gate = null;
    this.openGate();
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const path = requestUrl(input);
    if (path === '/api/auth/me' || path === '/api/auth/login') {
      const user = path === '/api/auth/me' ? this.me : this.user;
      return new Response(JSON.stringify({ user }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (path === '/api/auth/logout') {
      this.logouts += 1;
      return new Response(null, { status: 204 });
    }
    if (path === '/api/sync/pull' && this.gate) await this.gate;
    return this.server.fetch(input, init);
  };
}

/** A remembered trainer with a fresh database of their own, and the network the app will use. */
export function signedInTrainer(): { user: User; db: LogbookDb; network: TestNetwork } {
  const user = makeUser({ id: uuidv7(), unitId, spaceId });
  rememberUser(user);
  const db = openUserDb(user.id, user);
  const network = new TestNetwork(user);
  vi.stubGlobal('fetch', network.fetch);
  return { user, db, network };
}
