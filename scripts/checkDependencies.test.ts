import { expect, it } from 'vitest';
import { checkDependencies, importedPackages, isRuntimeFile, packageOf } from './checkDependencies.mjs';

it('names the package of a bare specifier and skips relative, node: and built-in ones', () => {
  expect(packageOf('@codemirror/view')).toBe('@codemirror/view');
  expect(packageOf('exceljs/dist/es5')).toBe('exceljs');
  expect(packageOf('./local.js')).toBeUndefined();
  expect(packageOf('node:fs')).toBeUndefined();
  expect(packageOf('path')).toBeUndefined();
});

it('finds static, side-effect, dynamic and multi-line imports; type-only ones only when asked', () => {
  const text = [
    "import type { Schema } from 'typed-only';",
    "import {\n  a,\n  b,\n} from 'multi-line';",
    "import 'side-effect';",
    "const x = await import('dynamic');",
    "export { y } from '@scope/re-export';",
  ].join('\n');
  expect([...importedPackages(text, true)].sort()).toEqual(['@scope/re-export', 'dynamic', 'multi-line', 'side-effect']);
  expect(importedPackages(text, false).has('typed-only')).toBe(true);
});

it('counts the engine, plugins and the command as run time, not tests, testkits, fixtures or the renderer', () => {
  expect(isRuntimeFile('electron/engine/runtime/scheduler.ts')).toBe(true);
  expect(isRuntimeFile('plugins/input-data/csv/csvReader.ts')).toBe(true);
  expect(isRuntimeFile('plugins/common/transformTestkit/duckdb.ts')).toBe(false);
  expect(isRuntimeFile('electron/engine/testing/index.ts')).toBe(false);
  expect(isRuntimeFile('electron/engine/registry/registryTestbed.ts')).toBe(false);
  expect(isRuntimeFile('plugins/sort/sort.test.ts')).toBe(false);
  expect(isRuntimeFile('renderer/App.tsx')).toBe(false);
});

it('package.json: dependencies are what the app loads at run time, and nothing is unused', () => {
  expect(checkDependencies()).toEqual([]);
});
