#!/usr/bin/env node
// Compiles the server for production: src/server/main.ts and everything it imports into one ES module,
// build/server/main.mjs, run with plain `node` (no TypeScript compiler at each start). Packages stay in
// node_modules; the SQL migrations are copied beside it, where the migrator looks for them. The bundle
// sits two levels below the repository, as the sources do, so paths made from import.meta.url agree.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

export const SERVER_ENTRY = 'build/server/main.mjs';

export async function buildServer() {
  rmSync('build/server', { recursive: true, force: true });
  await build({
    entryPoints: ['src/server/main.ts'],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync('src/server/db/migrations', 'build/server/migrations', { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
