import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginChange } from '../../../shared/weftApi.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';
import { tempDir } from './packageFixtures.js';
import { removeVirtualTool, saveAsTool } from './saveAsTool.js';

// a third-party source tool: 5 rows (name, value), in two packets
const SOURCE = `
export default class Rows {
  constructor(provider) {
    this.provider = provider;
    provider.getOutputAnchor('Output').open({ fields: [{ name: 'name', type: 'v_string' }, { name: 'value', type: 'double' }] });
  }
  async onComplete() {
    const out = this.provider.getOutputAnchor('Output');
    await out.write([{ name: 'a', value: 1 }, { name: 'b', value: 2 }, { name: 'c', value: 3 }]);
    await out.write([{ name: 'd', value: 4 }, { name: 'e', value: 5 }]);
  }
}
`;

let engine: TestEngine;
let work: string;

beforeAll(async () => {
  work = tempDir('save-as');
  fs.writeFileSync(path.join(work, 'rows.js'), SOURCE);
  fs.writeFileSync(
    path.join(work, 'weft-plugin.json'),
    JSON.stringify({ name: 'src', version: '1.0.0', tools: [{ id: 'rows', name: 'Rows', entry: 'rows.js', inputs: [], outputs: [{ name: 'Output' }] }] }),
  );
  engine = await createTestEngine({ pluginDirs: [work] });
});

afterAll(async () => {
  await engine.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

const group = {
  tools: [
    { id: 'take', plugin: 'weft/sample', config: { mode: 'first', n: 3 }, position: { x: 0, y: 0 } },
    { id: 'number', plugin: 'weft/record-id', config: { fieldName: 'N', start: 10 }, position: { x: 200, y: 0 } },
  ],
  connections: [{ from: { tool: 'take', anchor: 'Output' }, to: { tool: 'number', anchor: 'Input' } }],
};

describe('Save as tool', () => {
  it('saves a group as a palette tool at once, runs it like the group, and deletes it', async () => {
    const changes: PluginChange[] = [];
    const unsubscribe = engine.registry.onChange((change) => changes.push(change));
    const descriptor = await saveAsTool(engine.runner, engine.registry, { id: 'first-three-numbered', name: 'First three, numbered', category: 'Macros', ...group });
    expect(descriptor).toMatchObject({
      id: 'weft/first-three-numbered', source: 'virtual', parent: 'weft/save-as-tool', category: 'Macros',
      inputs: [{ name: 'Input', optional: false, allowMultiple: false }], outputs: [{ name: 'Output', optional: false, allowMultiple: false }],
    });
    expect(changes).toContainEqual({ kind: 'virtual-created', package: 'weft', toolIds: ['weft/first-three-numbered'] });
    expect(engine.registry.list().map((t) => t.id)).toContain('weft/first-three-numbered');

    // used in a workflow: the same rows as the group itself
    const viaTool = await engine.run(testWorkflow({ src: { plugin: 'src/rows' }, macro: { plugin: 'weft/first-three-numbered' } }, [['src.Output', 'macro.Input']]));
    const viaGroup = await engine.run(
      testWorkflow(
        { src: { plugin: 'src/rows' }, take: { plugin: 'weft/sample', config: { mode: 'first', n: 3 } }, number: { plugin: 'weft/record-id', config: { fieldName: 'N', start: 10 } } },
        [['src.Output', 'take.Input'], ['take.Output', 'number.Input']],
      ),
    );
    expect(viaTool.summary.status).toBe('ok');
    expect(viaTool.previews['macro.Output']).toEqual(viaGroup.previews['number.Output']);
    expect(viaTool.previews['macro.Output'].map((r) => [r.N, r.name])).toEqual([[10, 'a'], [11, 'b'], [12, 'c']]);
    expect(viaTool.summary.tools.macro.outputs.Output.records).toBe(3);

    // update-only: metadata propagates through the saved group
    const update = await engine.run(testWorkflow({ src: { plugin: 'src/rows' }, macro: { plugin: 'weft/first-three-numbered' } }, [['src.Output', 'macro.Input']]), { mode: 'update' });
    expect(update.summary.tools.macro.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['N', 'name', 'value']);

    await removeVirtualTool(engine.registry, 'weft/first-three-numbered');
    expect(changes.at(-1)).toEqual({ kind: 'virtual-removed', package: 'weft', toolIds: ['weft/first-three-numbered'] });
    expect(engine.registry.resolve('weft/first-three-numbered')).toBeUndefined();
    await expect(removeVirtualTool(engine.registry, 'weft/sample')).rejects.toThrow(/weft\/sample is not a virtual tool/);
    unsubscribe();
  });

  it('refuses tools that are not built-in, and ids of real tools, with the reason', async () => {
    await expect(
      saveAsTool(engine.runner, engine.registry, { id: 'x', name: 'X', tools: [{ id: 's', plugin: 'src/rows', config: {}, position: { x: 0, y: 0 } }], connections: [] }),
    ).rejects.toThrow(/only built-in weft\/… tools can be saved as a tool, not src\/rows/);
    await expect(saveAsTool(engine.runner, engine.registry, { id: 'sample', name: 'Clash', ...group })).rejects.toThrow(/clashes with the tool weft\/sample/);
    expect(engine.registry.resolve('weft/x')).toBeUndefined();
  });
});
