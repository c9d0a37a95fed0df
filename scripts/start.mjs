#!/usr/bin/env node
// `npm start`: build what is missing or older than its sources — the app with vite into dist/, the server
// with esbuild into build/server/ — then run the compiled server in this same process. No process sits
// between npm and the server: the SIGTERM or SIGINT npm passes on (docker stop, systemd, Ctrl-C) reaches
// the server's own shutdown, which finishes requests, closes the database and removes its lock.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER_ENTRY = 'build/server/main.mjs';
const appSources = ['src/client', 'src/domain', 'locales', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const serverSources = ['src/server', 'src/domain', 'package.json', 'scripts/build-server.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const stale = (file, sources) => builtAt(file) < Math.max(...sources.map(newestMtime));

/** Runs a build step; a signal meanwhile stops it and this process, rather than orphaning it. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      if (signal) process.exit(1);
      if (code !== 0) process.exit(code ?? 1);
      resolve();
    });
  });
}

if (stale('dist/index.html', appSources)) {
  console.log(builtAt('dist/index.html') ? 'Sources changed: rebuilding the app…' : 'Building the app (first start)…');
  await run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
}
if (stale(SERVER_ENTRY, serverSources)) {
  console.log('Compiling the server…');
  await run(process.execPath, ['scripts/build-server.mjs']);
}

await import(pathToFileURL(SERVER_ENTRY).href);
