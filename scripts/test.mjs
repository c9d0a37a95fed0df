#!/usr/bin/env node
// `npm test`: typecheck each layer (domain, client, server, tooling), lint, check the format (Prettier), build the app (the browser tests run against the real build), then every
// vitest project in one run. Ends with the plain line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { layers } from './typecheck.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const failures = [];

function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

for (const layer of layers) step(`typecheck ${layer}`, bin('tsc'), ['-p', `tsconfig.${layer}.json`]);
step('lint', bin('eslint'), ['.']);
step('format', bin('prettier'), ['--check', '.']);
const built = step('build', bin('vite'), ['build', '--logLevel', 'warn']);
step('build the server', process.execPath, ['scripts/build-server.mjs']);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const projects = built
  ? []
  : ['--project', 'domain', '--project', 'lint', '--project', 'client', '--project', 'server'];
step('tests', bin('vitest'), [
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + (json.numTodoTests ?? 0);
  if (json.numFailedTestSuites > 0 && failed === 0) failed = json.numFailedTestSuites;
} catch {
  failures.push('test report');
}
const checksFailed = failures.filter((f) => f !== 'tests').length;
if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed + checksFailed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
