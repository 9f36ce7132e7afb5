import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPluginRegistry } from '../registry/pluginRegistry.js';
import { scaffoldPlugin } from './scaffoldPlugin.js';
import { SCAFFOLD_TOOL_TYPES } from './toolTemplates.js';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-scaffold-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('weft plugins new', () => {
  it.each(SCAFFOLD_TOOL_TYPES)('a scaffolded %s package passes its own npm test and installs', async (toolType) => {
    const dir = path.join(work, `acme-${toolType}`);
    const result = await scaffoldPlugin(dir, toolType);
    expect(result.files).toContain('weft-plugin.json');
    const { stdout, stderr } = await run('npm', ['test', '--silent'], { cwd: dir, env: { ...process.env, npm_config_loglevel: 'error' } }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`npm test failed in ${dir}:\n${error.stdout}\n${error.stderr}`);
    });
    expect(`${stdout}${stderr}`).toMatch(/# pass 1\n# fail 0/);
    const dataDir = path.join(work, `home-${toolType}`);
    const registry = await createPluginRegistry({ dataDir });
    try {
      const tools = await registry.install(dir);
      expect(tools.map((t) => t.id)).toEqual([result.toolId]);
    } finally {
      await registry.dispose();
    }
  }, 120_000);

  it('writes a shareable package.json, and its build compiles every tool entry', async () => {
    const dir = path.join(work, 'acme-shared');
    const result = await scaffoldPlugin(dir, 'input');
    expect(result.toolId).toBe('acme-shared/generate-rows');
    const packageJson = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(JSON.parse(packageJson).weft).toBeUndefined();
    expect(packageJson).not.toContain(path.sep === '/' ? '"/' : ':\\');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\.weft-root$/m);
    // a second tool added by hand is built too
    const manifestFile = path.join(dir, 'weft-plugin.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.tools.push({ ...manifest.tools[0], id: 'second', name: 'Second', entry: 'dist/second.js' });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    fs.copyFileSync(path.join(dir, 'src', 'generate-rows.ts'), path.join(dir, 'src', 'second.ts'));
    await run(process.execPath, ['scripts/build.mjs'], { cwd: dir });
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['generate-rows.js', 'second.js']);
    // without .weft-root nor WEFT_ROOT the build says what to set
    fs.rmSync(path.join(dir, '.weft-root'));
    const env = { ...process.env };
    delete env.WEFT_ROOT;
    await expect(run(process.execPath, ['scripts/build.mjs'], { cwd: dir, env })).rejects.toThrow(/set WEFT_ROOT to the folder of your Weft checkout/);
  }, 60_000);

  it('refuses a folder that is not empty and an unknown tool type', async () => {
    const dir = path.join(work, 'taken');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'x'), '');
    await expect(scaffoldPlugin(dir, 'input')).rejects.toThrow(/the folder is not empty/);
    await expect(scaffoldPlugin(path.join(work, 'new'), 'sideways' as never)).rejects.toThrow(/unknown tool type "sideways"/);
  });
});
