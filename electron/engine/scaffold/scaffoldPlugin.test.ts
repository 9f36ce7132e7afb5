import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPluginRegistry } from '../registry/pluginRegistry.js';
import { addTool } from './addTool.js';
import { scaffoldPlugin } from './scaffoldPlugin.js';
import { SCAFFOLD_TOOL_TYPES } from './toolTemplates.js';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-scaffold-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function npm(dir: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false' };
  try {
    const { stdout, stderr } = await run('npm', args, { cwd: dir, env });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`npm ${args.join(' ')} failed in ${dir}:\n${stdout}\n${stderr}`);
  }
}

describe('weft plugins new and add-tool', () => {
  it('a package with one tool of every type typechecks, passes its own tests (update-only and full run) and installs', async () => {
    const dir = path.join(work, 'acme-all');
    const result = await scaffoldPlugin(dir, 'input');
    expect(result.files).toEqual(expect.arrayContaining(['weft-plugin.json', 'tsconfig.json', 'vendor/weft-sdk-1.0.0.tgz', 'test/generate-rows.test.mjs']));
    for (const toolType of SCAFFOLD_TOOL_TYPES.filter((t) => t !== 'input')) await addTool(dir, toolType);
    // @weft/sdk comes from vendor/ like any npm package, and needs nothing from the registry
    await npm(dir, 'install', '--offline');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', '@weft', 'sdk', 'package.json'), 'utf8')).name).toBe('@weft/sdk');
    expect(fs.existsSync(path.join(dir, 'src', 'weft-sdk'))).toBe(false);
    await npm(dir, 'run', 'typecheck');
    expect(fs.readFileSync(path.join(dir, 'src', 'add-note.config.ts'), 'utf8')).toContain('export interface Config {\n  fieldName: string;\n  value: string;\n}');
    expect(await npm(dir, 'test')).toMatch(/# pass 10\n# fail 0/);
    const registry = await createPluginRegistry({ dataDir: path.join(work, 'home-all') });
    try {
      const tools = await registry.install(dir);
      expect(tools.map((t) => t.id).sort()).toEqual(['acme-all/add-note', 'acme-all/count-inputs', 'acme-all/generate-rows', 'acme-all/split-alternate', 'acme-all/write-summary']);
    } finally {
      await registry.dispose();
    }
  }, 300_000);

  it('typecheck fails on a wrong config use, naming file and line', async () => {
    const dir = path.join(work, 'acme-typed');
    await scaffoldPlugin(dir, 'single-input-single-output');
    await npm(dir, 'install', '--offline');
    const source = path.join(dir, 'src', 'add-note.ts');
    fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace('this.provider.toolConfig.fieldName;', 'this.provider.toolConfig.fieldNme;'));
    await expect(npm(dir, 'run', 'typecheck')).rejects.toThrow(/src\/add-note\.ts\(\d+,\d+\): error TS2551: Property 'fieldNme' does not exist on type 'Config'/);
  }, 120_000);

  it('writes a shareable package.json; add-tool refuses a taken id and a folder without a manifest', async () => {
    const dir = path.join(work, 'acme-shared');
    const result = await scaffoldPlugin(dir, 'input');
    expect(result.toolId).toBe('acme-shared/generate-rows');
    const packageJson = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(JSON.parse(packageJson).devDependencies).toEqual({ '@weft/sdk': 'file:vendor/weft-sdk-1.0.0.tgz' });
    expect(packageJson).not.toContain(path.sep === '/' ? '"/' : ':\\');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\.weft-root$/m);
    await expect(addTool(dir, 'input')).rejects.toThrow(/already has a tool "generate-rows"; give the new one another id with --id/);
    expect((await addTool(dir, 'input', 'more-rows')).toolId).toBe('acme-shared/more-rows');
    await run(process.execPath, ['scripts/build.mjs'], { cwd: dir });
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['generate-rows.js', 'more-rows.js']);
    await expect(addTool(work, 'input')).rejects.toThrow(/weft-plugin.json: not found; add-tool works on a plugin package folder/);
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
