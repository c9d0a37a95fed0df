// A device talking the sync protocol to a real server over HTTP the way src/client/sync does (gzipped push
// bodies through fflate, `Content-Encoding: gzip`, JSON pull requests), counting the wire bytes and round
// trips of every request. With `compress: false` it sends plain JSON and asks for `Accept-Encoding: identity`.
import { gzipSync, strToU8 } from 'fflate';
import type { User } from '#domain/schemas/auth';
import type { Change, PullResponse, PushResponse } from '#domain/schemas/sync';
import { uuidv7 } from 'uuidv7';
import type { WireMutation } from './sync-workload';
import { createWireClient, type WireClient, type WireResponse } from './wire-client';

export interface Traffic {
  roundTrips: number;
  sentBytes: number;
  receivedBytes: number;
  /** Bodies only, as they crossed the wire. */
  requestBodyBytes: number;
  responseBodyBytes: number;
  /** Bodies before compression (the JSON). */
  requestJsonBytes: number;
  responseJsonBytes: number;
}

export const noTraffic = (): Traffic => ({
  roundTrips: 0,
  sentBytes: 0,
  receivedBytes: 0,
  requestBodyBytes: 0,
  responseBodyBytes: 0,
  requestJsonBytes: 0,
  responseJsonBytes: 0,
});

export class SyncDevice {
  readonly clientId = uuidv7();
  readonly traffic = noTraffic();
  private readonly client: WireClient;
  private cookie = '';
  user: User | undefined;

  constructor(
    baseUrl: string,
    readonly compress: boolean,
  ) {
    this.client = createWireClient(baseUrl);
  }

  /** Signs in; not counted in `traffic` (a device signs in once, then syncs many times). */
  async signIn(username: string, password = 'demo1234'): Promise<User> {
    const response = await this.client.request(
      'POST',
      '/api/auth/login',
      this.headers(),
      strToU8(JSON.stringify({ username, password })),
    );
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
    this.cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    this.user = (JSON.parse(response.text) as { user: User }).user;
    return this.user;
  }

  /** `fields`: optional request fields, such as the device's pull `cursor` (no echo, docs/sync.md §10). */
  async push(mutations: WireMutation[], fields: Record<string, unknown> = {}): Promise<PushResponse> {
    const json = strToU8(JSON.stringify({ clientId: this.clientId, mutations, ...fields }));
    const body = this.compress ? gzipSync(json) : json;
    const extra: Record<string, string> = this.compress ? { 'Content-Encoding': 'gzip' } : {};
    const response = await this.send('/api/sync/push', json.byteLength, body, extra);
    return JSON.parse(response.text) as PushResponse;
  }

  /** Pulls from `cursor` (default limit, as the client does) until hasMore is false; `extra`: optional fields. */
  async pullAll(
    cursor: string | null = null,
    extra: Record<string, unknown> = {},
  ): Promise<{ changes: Change[]; pages: number; cursor: string | null }> {
    const changes: Change[] = [];
    let pages = 0;
    for (let current = cursor; ;) {
      const json = strToU8(JSON.stringify({ clientId: this.clientId, cursor: current, ...extra }));
      const page = JSON.parse((await this.send('/api/sync/pull', json.byteLength, json)).text) as PullResponse;
      pages += 1;
      changes.push(...page.changes);
      if (!page.hasMore) return { changes, pages, cursor: page.cursor };
      if (page.cursor === current || pages > 1000) throw new Error('the pull does not advance');
      current = page.cursor;
    }
  }

  close(): void {
    this.client.close();
  }

  private headers(): Record<string, string> {
    return {
      Accept: 'application/json',
      'Accept-Encoding': this.compress ? 'gzip, deflate, br, zstd' : 'identity',
      'Content-Type': 'application/json',
      'X-Requested-With': 'training-logbook',
      ...(this.cookie ? { Cookie: this.cookie } : {}),
    };
  }

  private async send(
    path: string,
    jsonBytes: number,
    body: Uint8Array,
    extra: Record<string, string> = {},
  ): Promise<WireResponse> {
    const response = await this.client.request('POST', path, { ...this.headers(), ...extra }, body);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
    const t = this.traffic;
    t.roundTrips += 1;
    t.sentBytes += response.sentBytes;
    t.receivedBytes += response.receivedBytes;
    t.requestBodyBytes += body.byteLength;
    t.responseBodyBytes += response.bodyBytes;
    t.requestJsonBytes += jsonBytes;
    t.responseJsonBytes += Buffer.byteLength(response.text);
    return response;
  }

  /** Traffic since `before` (a copy taken earlier). */
  since(before: Traffic): Traffic {
    const t = this.traffic;
    return Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, v - before[k as keyof Traffic]]),
    ) as unknown as Traffic;
  }
}
