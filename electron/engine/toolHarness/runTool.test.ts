import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool } from './runTool.js';

const plugin = path.join(import.meta.dirname, 'fixtures', 'threshold-tools');

describe('runTool: one tool of a plugin folder through the real engine', () => {
  it('full run: rows per output anchor, metadata and messages; defaultConfig fills the config', async () => {
    const result = await runTool({
      plugin, tool: 'threshold', config: { field: 'n' },
      inputs: { Input: [{ name: 'a', n: 5 }, { name: 'b', n: 20 }, { name: 'c', n: null }] },
    });
    expect(result.status).toBe('ok');
    expect(result.metadata.Above).toEqual({ fields: [{ name: 'name', type: 'v_wstring' }, { name: 'n', type: 'double' }] });
    expect(result.rows.Above).toEqual([{ name: 'b', n: 20 }]);
    expect(result.rows.Below).toEqual([{ name: 'a', n: 5 }, { name: 'c', n: null }]);
    expect(result.messages).toEqual([{ level: 'info', text: 'limit 10' }]);
  });

  it('update-only: metadata and messages, no rows; a config problem is the tool\'s error', async () => {
    const ok = await runTool({ plugin, tool: 'threshold', config: { field: 'n', limit: 1 }, inputs: { Input: { metadata: { fields: [{ name: 'n', type: 'int32' }] }, rows: [] } }, updateOnly: true });
    expect(ok.status).toBe('ok');
    expect(ok.metadata).toEqual({ Above: { fields: [{ name: 'n', type: 'int32' }] }, Below: { fields: [{ name: 'n', type: 'int32' }] } });
    expect(ok.rows).toEqual({ Above: [], Below: [] });
    const wrong = await runTool({ plugin, tool: 'threshold', config: { field: 'missing' }, inputs: { Input: [{ n: 1 }] }, updateOnly: true });
    expect(wrong.status).toBe('error');
    expect(wrong.metadata.Above).toBeNull();
    expect(wrong.messages).toContainEqual({ level: 'error', text: 'field "missing" is not in the input' });
  });

  it('keeps int64, blob and non-finite values exactly', async () => {
    const result = await runTool({ plugin, tool: 'constant' });
    expect(result.rows.Output).toEqual([{ big: 2n ** 60n, bytes: new Uint8Array([1, 2, 255]), x: Number.NaN }, { big: null, bytes: null, x: 1.5 }]);
    expect(Object.getPrototypeOf(result.rows.Output[0])).toBe(Object.prototype);
  });

  it('names the place of a wrong call', async () => {
    await expect(runTool({ plugin })).rejects.toThrow(/has 2 tools \(threshold-tools\/threshold, threshold-tools\/constant\); say which with `tool`/);
    await expect(runTool({ plugin, tool: 'nope' })).rejects.toThrow(/has no tool "nope"/);
    await expect(runTool({ plugin, tool: 'threshold', inputs: { Left: [{ n: 1 }] } })).rejects.toThrow(/has no input anchor "Left" \(it has: Input\)/);
    await expect(runTool({ plugin, tool: 'threshold', inputs: { Input: [] } })).rejects.toThrow(/input "Input" has no rows to infer its fields from/);
  });
});
