// `npm run bench`: builds the app if dist/ is missing, runs every benchmark in bench/ one after another (each
// a tsx process that prints its result as JSON at the end of its stdout), and writes BENCHMARKS.md with the
// figures, the machine, and the command. `npm run bench -- sync-bytes first-load` runs only those (and keeps
// the other benchmarks' sections of the existing file).
// A failed benchmark is reported in the file as not measured and makes the command exit 1.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { clearTimeout } from 'node:timers';
import { mergeBenchmarks, renderBenchmarks } from '../bench/support/markdown.mjs';

const BENCHES = [
  { name: 'sync-bytes', file: 'bench/sync-bytes.ts' },
  { name: 'push-throughput', file: 'bench/push-throughput.ts' },
  { name: 'sync-burst', file: 'bench/sync-burst.ts' },
  { name: 'report-latency', file: 'bench/report-latency.ts' },
  { name: 'people-duplicates', file: 'bench/people-duplicates.ts' },
  { name: 'first-load', file: 'bench/first-load.ts' },
  { name: 'local-write', file: 'bench/local-write.ts' },
  { name: 'roster-500', file: 'bench/roster-500.ts', title: '500-person roster in Chromium' },
  {
    name: 'roster-500-cpu4',
    file: 'bench/roster-500.ts',
    title: '500-person roster in Chromium, CPU 4× slower',
    env: { BENCH_CPU_SLOWDOWN: '4' },
  },
  { name: 'offline-start', file: 'bench/offline-start.ts' },
  { name: 'lighthouse', file: 'bench/lighthouse.ts' },
  { name: 'organiser-sync', file: 'bench/organiser-sync.ts' },
  { name: 'trainer-apply', file: 'bench/trainer-apply.ts' },
];
/** Each benchmark aims at about two minutes (organiser-sync at most about eight); this only stops a hung one. */
const TIMEOUT_MS = 16 * 60_000;

const only = process.argv.slice(2);
const command = ['npm run bench', ...(only.length ? ['--', ...only] : [])].join(' ');

function quiet(file, args) {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function ensureBuilt() {
  if (existsSync('dist/index.html')) return;
  console.error('[bench] dist/ is missing: building the app (vite build)');
  execFileSync('node_modules/.bin/vite', ['build'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The result object: the last stdout line, or a pretty-printed object ending stdout. */
function parseResult(stdout) {
  const lines = stdout.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (!lines[i].startsWith('{')) continue;
    try {
      return JSON.parse(lines.slice(i).join('\n'));
    } catch {
      // keep looking further up
    }
  }
  return undefined;
}

function runBench(bench) {
  return new Promise((resolve) => {
    const started = Date.now();
    const envText = Object.entries(bench.env ?? {})
      .map(([k, v]) => `${k}=${v} `)
      .join('');
    console.error(`[bench] ${bench.name}: ${envText}npx tsx ${bench.file}`);
    const child = spawn('node_modules/.bin/tsx', [bench.file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, ...bench.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      stderr += `\n[bench] stopped after ${TIMEOUT_MS / 60_000} minutes`;
      process.kill(-child.pid, 'SIGTERM');
    }, TIMEOUT_MS);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 1000);
      const result = exitCode === 0 ? parseResult(stdout) : undefined;
      const error = result ? undefined : stderr.trim().split('\n').slice(-12).join('\n') || 'no result line on stdout';
      console.error(`[bench] ${bench.name}: ${result ? 'done' : 'FAILED'} in ${seconds} s`);
      resolve({ ...bench, exitCode, seconds, result, error });
    });
  });
}

function machine(runs, loadStart) {
  const cpus = os.cpus();
  const postgres = runs
    .map((r) => JSON.stringify(r.result?.notes ?? ''))
    .join(' ')
    .match(/PostgreSQL (\d+\.\d+[^ ]*)/);
  return {
    CPU: `${os.availableParallelism()} cores (nproc), ${cpus[0]?.model ?? 'unknown model'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`,
    'load average (1 min) at start / end': `${loadStart} / ${os.loadavg()[0].toFixed(2)}`,
    OS: `${os.type()} ${os.release()} (${os.arch()})`,
    Node: process.version,
    Chromium: quiet('/usr/bin/chromium', ['--version']),
    PostgreSQL: postgres ? postgres[1] : 'not used',
    commit: `${quiet('git', ['rev-parse', '--short', 'HEAD'])}${quiet('git', ['status', '--porcelain']) ? ' (with uncommitted changes)' : ''}`,
  };
}

async function main() {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadStart = os.loadavg()[0].toFixed(2);
  ensureBuilt();
  const selected = BENCHES.filter((b) => existsSync(b.file) && (only.length === 0 || only.includes(b.name)));
  const runs = [];
  for (const bench of selected)
    runs.push({ ...(await runBench(bench)), measuredAt: startedAt, loadAverage: os.loadavg()[0].toFixed(2) });
  const fresh = renderBenchmarks({ command, startedAt, machine: machine(runs, loadStart), runs });
  // A run of some benchmarks keeps the others' sections from the file.
  const partial = only.length > 0 && existsSync('BENCHMARKS.md');
  writeFileSync('BENCHMARKS.md', partial ? mergeBenchmarks(readFileSync('BENCHMARKS.md', 'utf8'), fresh) : fresh);
  console.error(
    `[bench] wrote BENCHMARKS.md (${runs.filter((r) => r.result).length} of ${runs.length} benchmarks measured)`,
  );
  if (runs.some((r) => !r.result)) process.exit(1);
}

await main();
