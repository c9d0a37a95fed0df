// Server configuration from the environment (docs/api.md): one plain object, read once at start and injected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  /** PGlite files and the lock file live here. */
  dataDir: string;
  /** PostgreSQL instead of PGlite when set. */
  databaseUrl: string | undefined;
  seedDemo: boolean;
  logLevel: LogLevel;
  /** The app's version from package.json, reported by /api/health. */
  version: string;
  /** scrypt cost for new password hashes; verification reads the cost stored with each hash. */
  scryptN: number;
  /** The built PWA (vite's dist/). */
  staticDir: string;
  /** How many reverse proxies in front of the server append to X-Forwarded-For (0: use the socket's address). */
  trustProxy: number;
}

export const PRODUCTION_SCRYPT_N = 2 ** 17;

const repoRoot = new URL('../../', import.meta.url);

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: parseFlag(env.SEED_DEMO, true),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    version: readVersion(),
    scryptN: PRODUCTION_SCRYPT_N,
    staticDir: env.STATIC_DIR || fileURLToPath(new URL('dist/', repoRoot)),
    trustProxy: parseCount('TRUST_PROXY', env.TRUST_PROXY),
  };
}

function parsePort(value: string | undefined): number {
  if (!value) return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

function parseCount(name: string, value: string | undefined): number {
  if (!value) return 0;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 10)
    throw new Error(`${name} must be a number of proxies (0–10), got "${value}"`);
  return count;
}

function parseFlag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (!value) return 'info';
  const level = value.trim().toLowerCase();
  if (!(logLevels as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${value}"`);
  }
  return level as LogLevel;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', repoRoot), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
