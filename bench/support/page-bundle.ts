// Bundles app modules into one script a benchmark can evaluate in a page of the app's origin (roster-500
// seeds its roster with one, local-write measures with one). zod is told to build its schemas without
// eval: the app's CSP has no 'unsafe-eval', and the app bundle does the same.
import { build } from 'esbuild';

export async function bundleForPage(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    banner: {
      js: 'var __j = (globalThis.__zod_globalConfig ??= {}).jitless; globalThis.__zod_globalConfig.jitless = true;',
    },
    footer: { js: 'globalThis.__zod_globalConfig.jitless = __j;' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced nothing');
  return output.text;
}
