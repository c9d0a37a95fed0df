// zod compiles fast parsers with `new Function` unless told not to; the first parse probes for it, and
// under the app's Content-Security-Policy (no 'unsafe-eval') that probe is logged as a CSP violation on
// every page. zod reads its settings from this global when it loads, so it is set before any schema
// module is imported (main.tsx imports this first). The server keeps the compiled parsers.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
