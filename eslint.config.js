// Lint, including the layer rule: imports flow one way (docs/architecture.md).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**', '**/fixtures/**/*.js', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // type-aware: a promise nobody awaits loses its rejection (write `void promise` when that is meant)
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    ...layer(['shared/**/*.ts'], ['**/electron/**', '**/renderer/**', '**/plugins/**', 'electron', 'node:*', 'react', 'react-dom'],
      'shared/ imports nothing of ours: no electron, node or DOM'),
    // the SDK's Node-only test entry (@weft/sdk/testing); nothing in shared/ imports it
    ignores: ['shared/sdk/testing/**'],
  },
  layer(['shared/sdk/testing/**/*.ts'], ['**/electron/**', '**/renderer/**', '**/plugins/**', 'electron', 'react', 'react-dom'],
    '@weft/sdk/testing finds the engine at run time; it imports nothing of ours beyond shared/'),
  layer(['electron/engine/**/*.ts'], ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**', '**/electron/web/**', '**/electron/host/**', '../main/**', '../preload/**', '../cli/**', '../web/**', '../host/**', '../../main/**', '../../cli/**', '../../web/**', '../../host/**', 'electron', 'electron-store', 'react'],
    'electron/engine imports only shared/ and node'),
  layer(['electron/host/**/*.ts'], ['**/renderer/**', '**/electron/engine/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**', '**/electron/web/**', '../engine/**', '../main/**', '../preload/**', '../cli/**', '../web/**', 'electron', 'electron-store', 'react'],
    'electron/host (what the Electron app and the browser mode share to host the renderer) imports only shared/ and node'),
  layer(['electron/cli/**/*.ts', 'electron/web/**/*.ts'], ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '../main/**', '../preload/**', 'electron', 'electron-store'],
    'the command and the browser mode import only shared/ and the engine'),
  layer(['electron/main/**/*.ts'], ['**/renderer/**', '**/electron/cli/**', '**/electron/web/**', '../cli/**', '../web/**'],
    'electron/main is glue: shared/, engine and electron only'),
  layer(['electron/preload/**/*.ts'], ['**/renderer/**', '**/electron/engine/**', '**/electron/main/**', '**/electron/cli/**', '**/electron/web/**', '**/electron/host/**', '../engine/**', '../main/**', '../cli/**', '../web/**', '../host/**'],
    'the preload exposes exactly the shared/ API'),
  layer(['renderer/**/*.{ts,tsx}'], ['**/electron/**', '**/plugins/**', 'electron', 'node:*'],
    'renderer imports only shared/'),
  {
    ...layer(['plugins/**/*.ts'], ['**/electron/**', '**/renderer/**', 'electron'],
      'plugins are written against the SDK contract only'),
    // tests drive the tools through the real engine's test harness
    ignores: ['plugins/**/*.test.ts', 'plugins/**/testing/**', 'plugins/**/*Testkit/**'],
  },
  {
    // product code never imports test code: scripts/buildNode.mjs leaves test-only files out of dist/
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'plugins/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', '**/*Testkit/**', '**/*Testkit.ts', '**/*Testbed.ts', '**/*Fixtures.ts', '**/fixtures/**', '**/*Bench.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        group: ['**/testing/**', '**/testing', '**/*Testkit/**', '**/*Testkit.js', '**/*Testbed.js', '**/*Fixtures.js', 'vitest', '@duckdb/node-api'],
        message: 'test-only code: product code must not import it (it is not built into dist/)',
      }] }],
    },
  },
  {
    // the in-database engine's worker is the one product module that runs DuckDB (docs/in-database.md)
    files: ['electron/engine/inDatabase/inDatabaseWorker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        group: ['**/testing/**', '**/testing', '**/*Testkit/**', '**/*Testkit.js', '**/*Testbed.js', '**/*Fixtures.js', 'vitest'],
        message: 'test-only code: product code must not import it (it is not built into dist/)',
      }] }],
    },
  },
  layer(['e2e/**/*.ts'], ['**/electron/engine/**', '**/renderer/**', '**/plugins/**'],
    'e2e drives the app as a user does; it may import shared/ types'),
);
