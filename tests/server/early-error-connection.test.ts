// An error answered before the request body was read must not break the client's connection: the 413
// says `Connection: close`, so a keep-alive client opens a new connection for its next request, and a
// large upload gets the 413 rather than a broken pipe. A client that gives up mid-body is one quiet log line.
import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/app';
import { CSRF_HEADERS, createTestApp, type TestApp } from '../support/test-app';
import { databaseTargets } from '../support/test-db';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe.each(databaseTargets)('early error answers on %s', (kind) => {
  let t: TestApp;
  let server: ServerType;
  let port: number;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    cookie = await t.login('trainer.na');
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('closes the connection after a 413 on Content-Length, and the next request on that keep-alive agent succeeds', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await send(agent, port, 'GET', '/api/health', {})).status).toBe(200);
      const tooBig = Buffer.alloc(3 * 1024 * 1024, 0x20);
      const refused = await send(
        agent,
        port,
        'POST',
        '/api/sync/push',
        {
          ...CSRF_HEADERS,
          Cookie: cookie,
          'Content-Type': 'application/json',
          'Content-Length': String(tooBig.length),
        },
        tooBig,
      );
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'too_large' } });

      const next = await send(agent, port, 'GET', '/api/health', {});
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('answers a 50 MB photo upload with 413, not a broken pipe', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const huge = Buffer.alloc(50 * 1024 * 1024, 0xff);
      const refused = await send(
        agent,
        port,
        'PUT',
        `/api/photos/${uuidv7()}`,
        {
          ...CSRF_HEADERS,
          Cookie: cookie,
          'Content-Type': 'image/jpeg',
          'Content-Length': String(huge.length),
        },
        huge,
      );
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect((await send(agent, port, 'GET', '/api/health', {})).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

describe('a client that closes its request before the body arrives', () => {
  it('is logged as one quiet line, not an error with a stack', async () => {
    const t = await createTestApp({ kind: 'pglite' });
    const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
    const record = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
      void lines.push({ level, msg, fields });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const app = createApp({ db: t.db, dbKind: t.database.kind, clock: t.clock, config: t.config, logger });
    const cookie = await t.login('trainer.na');
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/sync/push HTTP/1.1\r\nHost: x\r\nX-Requested-With: training-logbook\r\nCookie: ${cookie}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"clientId":',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      socket.destroy();
      await expect.poll(() => lines.filter((l) => l.msg === 'request').length).toBe(1);
      expect(lines.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
      expect(lines[0]).toMatchObject({
        level: 'info',
        msg: 'request',
        fields: { path: '/api/sync/push', aborted: true },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    }
  });
});
