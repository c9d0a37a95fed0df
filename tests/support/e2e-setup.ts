// Vitest global setup of the browser tests: compiles the server as `npm run build` does and runs the browser
// tests' servers from that bundle (as `npm start` runs in production), and lets one first start migrate and
// seed a data directory that each test's new server then starts on a copy of (browser.ts, startServer).
// A first start spends most of its time in initdb, the migrations and the seed; a copy spares it every time.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { yearInVietnam } from '#domain/rules/dates';
import { SEEDED_DATA_DIR_ENV, SEEDED_YEAR_ENV, SERVER_BUNDLE_ENV, startServer } from './browser';

const SERVER_BUNDLE = 'build/server/main.mjs';

export default async function setup(): Promise<() => void> {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  process.env[SERVER_BUNDLE_ENV] = SERVER_BUNDLE;
  const year = yearInVietnam();
  const first = await startServer();
  await first.stop({ keepData: true });
  process.env[SEEDED_DATA_DIR_ENV] = first.dataDir;
  // The seed's year is known only if the year did not change while it ran; otherwise no test copies it.
  if (yearInVietnam() === year) process.env[SEEDED_YEAR_ENV] = String(year);
  return () => {
    for (const name of [SERVER_BUNDLE_ENV, SEEDED_DATA_DIR_ENV, SEEDED_YEAR_ENV]) delete process.env[name];
    rmSync(first.dataDir, { recursive: true, force: true });
  };
}
