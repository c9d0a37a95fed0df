// A real server process for tests of what only a process shows (signals, exits, outages): spawned with
// its output captured, and helpers to wait for a line or a condition.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  options: SpawnOptions = {},
): Started {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The TypeScript server through tsx, as in development. */
export function startServer(env: Record<string, string>): Started {
  return startProcess('node_modules/.bin/tsx', ['src/server/main.ts'], env);
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
