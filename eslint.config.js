// Lint: TypeScript rules plus the one-way import rule of docs/architecture.md §2 (client → domain ← server;
// features never import each other).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const features = [
  'auth', 'sessions', 'attendance', 'participants', 'review', 'dashboard',
  'reports', 'admin', 'settings', 'sync-status', 'photos', 'plans',
];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'data/', 'coverage/', 'dev-dist/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain Node scripts (not type-checked by typescript-eslint's TS parser) need Node's globals.
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly' },
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      { group: ['**/client/**', '**/server/**'], message: 'domain is isomorphic: it imports neither client nor server.' },
      { group: ['node:*', 'react', 'react-dom', 'dexie'], message: 'domain has no DOM, Node or storage dependencies.' },
    ]),
  },
  {
    files: ['src/client/**'],
    rules: restrict([{ group: ['**/server/**', 'node:*'], message: 'client never imports server code.' }]),
  },
  {
    files: ['src/server/**'],
    rules: restrict([{ group: ['**/client/**', 'react', 'react-dom', 'dexie'], message: 'server never imports client code.' }]),
  },
  ...features.map((feature) => ({
    files: [`src/client/features/${feature}/**`],
    rules: restrict([
      { group: ['**/server/**', 'node:*'], message: 'client never imports server code.' },
      {
        group: features.filter((f) => f !== feature).map((f) => `**/features/${f}/**`),
        message: 'features are independent: share through client/ui, client/db or client/app.',
      },
    ]),
  })),
);
