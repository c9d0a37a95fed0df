// chunk-eval: how long evaluating given built chunks takes in Chromium at CPU 1× (each preloaded first, so
// no network), in the order given, each in a task of its own. Run: `npx tsx bench/chunk-eval.ts name-prefix…`.
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH, startServer } from '../tests/support/browser';

const dir = process.env.STATIC_DIR ?? 'dist';
const files = readdirSync(`${dir}/assets`).filter((f) => f.endsWith('.js'));
const wanted = process.argv.slice(2).map((p) => {
  const hit = files.filter((f) => (p.includes('-') ? f.startsWith(p) : new RegExp(`^${p}-[\\w-]{8}\\.js$`).test(f)));
  if (hit.length !== 1) throw new Error(`${p}: ${hit.join(', ') || 'none'}`);
  return hit[0]!;
});
const server = await startServer({ LOG_LEVEL: 'warn', STATIC_DIR: dir });
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
const rounds = Number(process.env.ROUNDS ?? 7);
const all: number[][] = [];
try {
  for (let r = 0; r < rounds; r++) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/manifest.webmanifest`);
    const times = await page.evaluate(
      async ({ names, files }) => {
        await Promise.all(
          files.map(
            (f) =>
              new Promise((resolve) => {
                const link = document.createElement('link');
                link.rel = 'modulepreload';
                link.href = `/assets/${f}`;
                link.onload = link.onerror = resolve;
                document.head.append(link);
              }),
          ),
        );
        await new Promise((r) => setTimeout(r, 300));
        const out: number[] = [];
        for (const n of names) {
          await new Promise((r) => setTimeout(r, 20));
          const t = performance.now();
          await import(`/assets/${n}`);
          out.push(performance.now() - t);
        }
        return out;
      },
      { names: wanted, files },
    );
    all.push(times);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
wanted.forEach((name, i) => {
  const v = all.map((t) => t[i]!).sort((a, b) => a - b);
  console.log(
    `${name}: median ${v[Math.floor(v.length / 2)]!.toFixed(1)} ms (${v.map((x) => x.toFixed(1)).join(', ')})`,
  );
});
