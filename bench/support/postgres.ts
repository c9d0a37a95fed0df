// Finds the PostgreSQL server the benchmarks compare PGlite with: TEST_DATABASE_URL, else the local server the
// project's machines run. Each benchmark database is created fresh and dropped after (tests/support/test-db),
// so the `test` database itself is never touched.
import pg from 'pg';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresTarget =
  { url: string; version: string; reason?: undefined } | { url: null; version?: undefined; reason: string };

export async function findPostgres(): Promise<PostgresTarget> {
  const url = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    // createTestDatabase reads the admin URL from here.
    process.env.TEST_DATABASE_URL = url;
    return { url, version: rows[0]?.server_version ?? 'unknown' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { url: null, reason: `no PostgreSQL at ${redact(url)} (${why}); set TEST_DATABASE_URL to compare` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'TEST_DATABASE_URL';
  }
}
