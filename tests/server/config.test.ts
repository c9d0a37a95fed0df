// Configuration from the environment, with the defaults of docs/api.md.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      seedDemo: true,
      logLevel: 'info',
      trustProxy: 0,
    });
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.staticDir).toMatch(/dist\/?$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/tlb',
      DATABASE_URL: 'postgres://db/tlb',
      SEED_DEMO: '0',
      LOG_LEVEL: 'silent',
      STATIC_DIR: '/srv/tlb/dist',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/tlb',
      databaseUrl: 'postgres://db/tlb',
      seedDemo: false,
      logLevel: 'silent',
      staticDir: '/srv/tlb/dist',
      trustProxy: 1,
    });
  });

  it('turns the demo seed off with 0 or false', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('refuses a malformed port, log level or proxy count with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
