// Lint: type-aware TypeScript rules, React's hook rules, and the import boundaries of docs/architecture.md §2
// (client → domain ← server; a feature never imports another feature, by any path). The feature list is read
// from the folder, so a new feature is guarded the day it is created. tests/lint/boundaries.test.ts proves it.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const featuresDir = './src/client/features';
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Each zone forbids `target` from importing anything under `from` (resolved paths, so `../x` and `#client/x` alike). */
const zones = [
  {
    target: './src/domain',
    from: ['./src/client', './src/server'],
    message: 'domain is isomorphic: it imports neither client nor server.',
  },
  { target: './src/client', from: './src/server', message: 'the client never imports server code.' },
  { target: './src/server', from: './src/client', message: 'the server never imports client code.' },
  ...features.map((feature) => ({
    target: `${featuresDir}/${feature}`,
    from: featuresDir,
    except: [`./${feature}`],
    message: 'features are independent: share through client/ui, client/db or client/app.',
  })),
];

const restrictPackages = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'data/', 'coverage/', 'dev-dist/', 'public/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Callbacks in props and contexts are properties, so passing `onSave` on is never an unbound method.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Async functions that implement a promise-returning interface need no await.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // Plain JavaScript (config, scripts) is not type-checked.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.objectContaining) and JSON answers under test are `any`
    // by design; the promise and type-safety rules still apply to tests.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['src/client/**/*.ts', 'src/client/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      ...restrictPackages([
        {
          group: ['node:*', 'react', 'react-dom', 'dexie', 'pg', 'hono', '@electric-sql/*'],
          message: 'domain has no DOM, Node or storage dependencies.',
        },
      ]),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
      ],
    },
  },
  {
    files: ['src/client/**'],
    rules: restrictPackages([
      { group: ['node:*', 'pg', 'hono', '@electric-sql/*'], message: 'the client never imports server code.' },
    ]),
  },
  {
    files: ['src/server/**'],
    rules: restrictPackages([
      { group: ['react', 'react-dom', 'dexie'], message: 'the server never imports client code.' },
    ]),
  },
);
