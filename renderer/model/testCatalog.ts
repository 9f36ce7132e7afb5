/** Tool descriptors for unit tests of the renderer's model (shaped as the host sends them). */
import type { AnchorSpec, ToolDescriptor } from '../../shared/manifest.js';

const anchor = (name: string, allowMultiple = false): AnchorSpec => ({ name, optional: false, allowMultiple });

export function descriptor(id: string, inputs: AnchorSpec[], outputs: AnchorSpec[], configSchema: Record<string, unknown> = { type: 'object' }): ToolDescriptor {
  return {
    id: `weft/${id}`, name: id, category: 'Test', description: '', package: 'weft', packageDisplayName: 'Weft', version: '1.0.0',
    source: 'builtin', parent: null, inputs, outputs, configSchema, defaultConfig: {}, iconSvg: null,
  };
}

export const TEST_TOOLS: ToolDescriptor[] = [
  descriptor('source', [], [anchor('Output')]),
  descriptor('filter', [anchor('Input')], [anchor('True'), anchor('False')]),
  descriptor('union', [anchor('Input', true)], [anchor('Output')]),
  descriptor('join', [anchor('Left'), anchor('Right')], [anchor('Join')]),
];

export const describeTestTool = (pluginId: string) => TEST_TOOLS.find((tool) => tool.id === pluginId);
