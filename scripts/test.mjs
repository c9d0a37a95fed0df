#!/usr/bin/env node
// `npm test`: typecheck each layer (domain, client, server, tooling), lint, check the format (Prettier), build the app (the browser tests run against the real build), then every
// vitest project in one run. Ends with the plain line `N passed, N failed` that CI reads.
//
// The checks and builds are each one single-threaded process, so they run side by side, as many at once as
// the machine has cores (TEST_JOBS overrides): on CI's two cores that halves their time. Each one's output
// is printed whole when it ends, under its label and time. The tests come after, alone: vitest spreads its
// own files over the cores, and the browser tests' timings must not compete with a compiler.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { layers } from './typecheck.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const failures = [];
const jobs = Math.max(1, Number(process.env.TEST_JOBS) || Math.min(availableParallelism(), 4));
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step with its output captured; resolves to whether it passed, after printing that output. */
function runCaptured({ label, command, args }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (ok, extra = '') => {
      console.log(`\n▶ ${label} (${seconds(started)})${ok ? '' : ' FAILED'}`);
      process.stdout.write(Buffer.concat(output));
      if (extra) console.log(extra);
      if (!ok) failures.push(label);
      resolve(ok);
    };
    child.on('error', (error) => finish(false, String(error)));
    child.on('close', (code) => finish(code === 0));
  });
}

/** Runs the steps `jobs` at a time, each as soon as a slot frees up; resolves to each label's result. */
async function runAll(steps) {
  const results = {};
  const pending = [...steps];
  const worker = async () => {
    for (let step = pending.shift(); step; step = pending.shift()) results[step.label] = await runCaptured(step);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, steps.length) }, worker));
  return results;
}

// Longest first, so the short ones fill in beside ESLint rather than trail it.
const tsc = (layer) => ({ label: `typecheck ${layer}`, command: bin('tsc'), args: ['-p', `tsconfig.${layer}.json`] });
const order = ['tooling', 'client', 'server', 'domain'];
if (order.some((layer) => !layers.includes(layer)) || layers.length !== order.length)
  throw new Error('scripts/typecheck.mjs lists other layers than test.mjs orders');
const started = performance.now();
const results = await runAll([
  { label: 'lint', command: bin('eslint'), args: ['.'] },
  tsc('tooling'),
  { label: 'build', command: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  tsc('client'),
  tsc('server'),
  { label: 'format', command: bin('prettier'), args: ['--check', '.'] },
  { label: 'build the server', command: process.execPath, args: ['scripts/build-server.mjs'] },
  tsc('domain'),
]);
console.log(`\nChecks and builds: ${seconds(started)} (${jobs} at a time)`);
const built = results['build'] && results['build the server'];

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const projects = built
  ? []
  : ['--project', 'domain', '--project', 'lint', '--project', 'client', '--project', 'server'];
console.log('\n▶ tests');
const tests = spawnSync(
  bin('vitest'),
  ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit', env: process.env },
);
if (tests.status !== 0) failures.push('tests');

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
