// Starts probe-child.ts (a latency probe in its own process) and collects its samples: `start()` once the
// measured work begins, `stop()` when it ends; stop resolves with every latency measured in between.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Probe {
  start: () => void;
  stop: () => Promise<number[]>;
}

export async function startProbe(url: string, everyMs: number): Promise<Probe> {
  const child = spawn('node_modules/.bin/tsx', ['bench/support/probe-child.ts', url, String(everyMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (what: string): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the probe process ended before ${what} (exit ${child.exitCode})`);
    return line.value;
  };
  const ready = await next('it was ready');
  if (ready !== 'ready') throw new Error(`the probe process said ${ready}`);
  return {
    start: () => {
      child.stdin.write('start\n');
    },
    stop: async () => {
      child.stdin.write('stop\n');
      const samples = JSON.parse(await next('its samples')) as number[];
      child.stdin.end();
      return samples;
    },
  };
}
