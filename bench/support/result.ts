// The shape every benchmark prints as ONE JSON line at the end of its stdout: scripts/bench.mjs reads that
// line and renders the tables into BENCHMARKS.md. `data` keeps the raw figures for anyone who wants them.

export interface BenchTable {
  title: string;
  head: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  bench: string;
  title: string;
  /** How the figures were made, in a sentence or three. */
  method: string;
  /** The one or two sentences worth quoting elsewhere (issue notes, the README). */
  headline: string[];
  tables: BenchTable[];
  notes: string[];
  data: unknown;
}

export function printResult(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Progress goes to stderr so stdout's last line stays the result. */
export function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
