// Test projects: pure domain, the lint and compiler boundaries, client code on happy-dom + fake-indexeddb, server on PGlite/PostgreSQL,
// and browser tests in real Chromium against the built app (run `vite build` first; `npm test` does).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'domain', include: ['tests/domain/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'lint', include: ['tests/lint/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', 'tests/client/setup-translations.ts'],
          // Rendering the app in happy-dom takes seconds when the machine is busy (CI beside other work):
          // vitest's default of 5 s failed whole screens mid-flow. Each test's own waits stay as they are.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/database-templates.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time, in a group of their own after the others (vitest runs groups one after
          // another): most of a server test waits on PostgreSQL, a child process or hashing, and on CI's two
          // cores one file at a time left the suite near its 15 minutes. The browser tests keep one file at a
          // time, alone.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
