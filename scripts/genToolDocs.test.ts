import { describe, expect, it } from 'vitest';
import { readToolManifests, renderTool, renderToolDocs } from './genToolDocs.mjs';

describe('genToolDocs', () => {
  const tools = readToolManifests();

  it('documents every built-in tool and every config property', () => {
    const text = renderToolDocs(tools);
    expect(tools.length).toBeGreaterThanOrEqual(8);
    for (const tool of tools) {
      expect(text).toContain(`## ${tool.name} \`weft/${tool.id}\``);
      for (const name of Object.keys((tool.configSchema?.properties ?? {}) as Record<string, unknown>)) expect(text).toContain(`| \`${name}\``);
    }
  });

  it('renders nested properties, defaults, field-name pickers and the schema example', () => {
    const sort = tools.find((t) => t.id === 'sort');
    expect(sort).toBeDefined();
    const text = renderTool(sort!);
    expect(text).toContain('| `keys[].field` (required) | Field | string (field name) |');
    expect(text).toContain('| `memoryBudgetMB` | Memory budget (MB) | number > 0 | `256` |');
    expect(text).toContain('"order": "desc"');
    expect(text).toContain('Inputs: **Input**. Outputs: **Output**.');
  });
});
