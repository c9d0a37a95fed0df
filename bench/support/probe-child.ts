// A latency probe in a process of its own, so that the benchmark's own work (making payloads, JSON, the
// twenty clients' sockets) never delays a probe and counts as the server's. Usage, from probe.ts:
// `tsx bench/support/probe-child.ts <url> <everyMs>`; it fetches once, prints `ready`, then on a `start`
// line on stdin fetches the URL every <everyMs> ms (the next one at once when one took longer) until a
// `stop` line, and prints the latencies (ms, to the full body) as one JSON array line.
import { createInterface } from 'node:readline';

const [url, everyText] = process.argv.slice(2);
if (!url || !everyText) throw new Error('usage: probe-child.ts <url> <everyMs>');
const everyMs = Number(everyText);

async function fetchOnce(): Promise<number> {
  const started = performance.now();
  const response = await fetch(url!);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`probe ${url}: ${response.status}`);
  return performance.now() - started;
}

let probing = false;
const samples: number[] = [];

async function probe(): Promise<void> {
  while (probing) {
    const started = performance.now();
    samples.push(await fetchOnce());
    const wait = started + everyMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

await fetchOnce();
process.stdout.write('ready\n');
let running: Promise<void> | undefined;
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'start' && !running) {
    probing = true;
    running = probe();
  } else if (line === 'stop') {
    probing = false;
    await running;
    process.stdout.write(`${JSON.stringify(samples)}\n`);
    break;
  }
}
process.exit(0);
