// GET /api/health names the database driver and the version, on every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '#domain/schemas/health';
import { createTestApp, type TestApp } from '../support/test-app';
import { databaseTargets } from '../support/test-db';

describe.each(databaseTargets)('health on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`says ok, the database is ${kind}, and the package version`, async () => {
    const response = await t.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(healthSchema.parse(await response.json())).toEqual({
      status: 'ok',
      database: kind,
      version: t.config.version,
    });
  });
});
