#!/usr/bin/env node
// `npm run typecheck`: each layer against its own tsconfig (tsconfig.json lists them), so the domain is
// checked without DOM or Node types, the client without Node's and the server without the DOM.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const layers = ['domain', 'client', 'server', 'tooling'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const layer of layers) {
    console.log(`typecheck ${layer}`);
    const result = spawnSync('node_modules/.bin/tsc', ['-p', `tsconfig.${layer}.json`], { stdio: 'inherit' });
    failed ||= result.status !== 0;
  }
  process.exit(failed ? 1 : 0);
}
