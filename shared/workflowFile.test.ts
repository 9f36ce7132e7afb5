import { describe, expect, it } from 'vitest';
import type { ToolDescriptor } from './manifest.js';
import { formatPlacedError, type PlacedError } from './placedError.js';
import { parseWorkflowText, serializeWorkflow, validateWorkflow } from './workflowFile.js';

function descriptor(id: string, inputs: Array<[string, boolean?]>, outputs: string[]): ToolDescriptor {
  return {
    id, name: id, category: 'Test', description: '', package: id.split('/')[0]!, packageDisplayName: 'Test',
    version: '1.0.0', source: 'builtin', parent: null,
    inputs: inputs.map(([name, allowMultiple]) => ({ name, optional: false, allowMultiple: allowMultiple ?? false })),
    outputs: outputs.map((name) => ({ name, optional: false, allowMultiple: false })),
    configSchema: { type: 'object' }, defaultConfig: {}, iconSvg: null,
  };
}

const known = new Map([
  ['t/source', descriptor('t/source', [], ['Output'])],
  ['t/pass', descriptor('t/pass', [['Input']], ['Output'])],
  ['t/union', descriptor('t/union', [['Input', true]], ['Output'])],
]);
const lookup = (fullId: string) => known.get(fullId);
const file = 'flow.weft.json';

const tool = (id: string, plugin: string, extra: Record<string, unknown> = {}) =>
  ({ id, plugin, config: {}, position: { x: 0, y: 0 }, ...extra });
const link = (from: string, to: string, toAnchor = 'Input', fromAnchor = 'Output') =>
  ({ from: { tool: from, anchor: fromAnchor }, to: { tool: to, anchor: toAnchor } });
const workflowText = (tools: unknown[], connections: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'weft-workflow', version: 1, tools, connections, ...extra }, null, 2);

function rejected(text: string): PlacedError[] {
  const result = parseWorkflowText(text, { file, lookup });
  if (result.ok) throw new Error('expected the file to be rejected');
  for (const error of result.errors) expect(error.file).toBe(file);
  return result.errors;
}

describe('parseWorkflowText rejects', () => {
  it('a text that is not JSON, naming line and column', () => {
    const [error] = rejected('{\n  "format": "weft-workflow",\n  "tools": [ }\n}');
    expect(error!.message).toMatch(/not valid JSON at line 3, column 14/);
    expect(formatPlacedError(error!)).toMatch(/^flow\.weft\.json: not valid JSON/);
  });

  it('an empty file and trailing garbage', () => {
    expect(rejected('')[0]!.message).toMatch(/line 1, column 1: unexpected end of text/);
    expect(rejected('{"a":1} x')[0]!.message).toMatch(/line 1, column 9/);
    expect(rejected('{"a":1,}')[0]!.message).toMatch(/trailing comma/);
  });

  it('a value that is not an object', () => {
    expect(rejected('[1,2]')[0]!.message).toMatch(/JSON object, found an array/);
  });

  it('an unknown format', () => {
    const [error] = rejected(JSON.stringify({ format: 'alteryx', version: 1, tools: [], connections: [] }));
    expect(error).toMatchObject({ path: 'format' });
    expect(error!.message).toMatch(/unknown format "alteryx"/);
  });

  it('a newer version', () => {
    const [error] = rejected(JSON.stringify({ format: 'weft-workflow', version: 3, tools: [], connections: [] }));
    expect(error).toMatchObject({ path: 'version' });
    expect(error!.message).toMatch(/version 3 is newer than this Weft reads \(2\)/);
  });

  it('wrong shapes, with the path of each', () => {
    const errors = rejected(workflowText(
      [tool('a', 't/source'), tool('b', 't/pass', { position: { x: 'left', y: 0 } }), { id: 3, plugin: 'no-slash' }, tool('d', 't/pass', { config: [] })],
      [{ from: { tool: 'a' }, to: { tool: 'b', anchor: 'Input' } }, 'oops'],
    ));
    expect(errors.map((e) => e.path)).toEqual([
      'tools[1].position.x', 'tools[2].id', 'tools[2].plugin', 'tools[3].config', 'connections[0].from.anchor', 'connections[1]',
    ]);
    expect(rejected(workflowText('nope' as unknown as unknown[], []))[0]).toMatchObject({ path: 'tools' });
  });

  it('a duplicate tool id', () => {
    const [error] = rejected(workflowText([tool('a', 't/source'), tool('a', 't/pass')], []));
    expect(error).toMatchObject({ path: 'tools[1].id', tool: 'a' });
    expect(error!.message).toMatch(/duplicate tool id "a" \(first used at tools\[0\]\)/);
  });

  it('a connection to a missing tool', () => {
    const [error] = rejected(workflowText([tool('a', 't/source')], [link('a', 'ghost')]));
    expect(error).toMatchObject({ path: 'connections[0].to.tool' });
    expect(error!.message).toMatch(/no tool "ghost"/);
  });

  it('a connection to a missing anchor, on either side', () => {
    const errors = rejected(workflowText([tool('a', 't/source'), tool('b', 't/pass')], [link('a', 'b', 'Left', 'True')]));
    expect(errors.map((e) => e.path)).toEqual(['connections[0].from.anchor', 'connections[0].to.anchor']);
    expect(errors[0]!.message).toMatch(/no output anchor "True" \(its output anchors: Output\)/);
    expect(errors[1]).toMatchObject({ tool: 'b', anchor: 'Left' });
  });

  it('a second connection into an anchor without allowMultiple', () => {
    const [error] = rejected(workflowText(
      [tool('a', 't/source'), tool('b', 't/source'), tool('c', 't/pass')],
      [link('a', 'c'), link('b', 'c')],
    ));
    expect(error).toMatchObject({ path: 'connections[1].to', tool: 'c', anchor: 'Input' });
    expect(error!.message).toMatch(/takes one connection and already has connections\[0\]/);
  });

  it('a connection name used twice on one anchor', () => {
    const [error] = rejected(workflowText(
      [tool('a', 't/source'), tool('b', 't/source'), tool('u', 't/union')],
      [{ ...link('a', 'u'), name: 'x' }, { ...link('b', 'u'), name: 'x' }],
    ));
    expect(error).toMatchObject({ path: 'connections[1].name' });
  });

  it('a cycle, naming the tools along it', () => {
    const [error] = rejected(workflowText(
      [tool('s', 't/source'), tool('u', 't/union'), tool('p', 't/pass'), tool('q', 't/pass')],
      [link('s', 'u'), link('u', 'p'), link('p', 'q'), link('q', 'u')],
    ));
    expect(error!.message).toMatch(/cycle: u → p → q → u/);
    expect(error!.path).toBe('connections[3]');
  });

  it('a tool connected to itself', () => {
    const [error] = rejected(workflowText([tool('u', 't/union')], [link('u', 'u')]));
    expect(error!.message).toMatch(/cycle: u → u/);
  });
});

describe('parseWorkflowText accepts', () => {
  it('allowMultiple anchors with several connections', () => {
    const result = parseWorkflowText(workflowText(
      [tool('a', 't/source'), tool('b', 't/source'), tool('u', 't/union')],
      [link('a', 'u'), link('b', 'u')],
    ), { file, lookup });
    expect(result.ok).toBe(true);
  });

  it('tools whose plugin is unknown, kept verbatim with their connections, and reports them', () => {
    const text = workflowText(
      [tool('a', 't/source'), tool('m', 'acme/gone', { config: { deep: { keep: [1, 2] } }, colour: 'red' }), tool('p', 't/pass')],
      [link('a', 'm', 'Whatever'), link('m', 'p', 'Input', 'AnyName'), { ...link('a', 'm', 'Second'), note: 'kept' }],
    );
    const result = parseWorkflowText(text, { file, lookup });
    if (!result.ok) throw new Error(result.errors.map(formatPlacedError).join('\n'));
    expect(result.missingPlugins).toEqual(['acme/gone']);
    expect(result.workflow.tools[1]).toEqual(JSON.parse(text).tools[1]);
    expect(result.workflow.connections).toEqual(JSON.parse(text).connections);
  });

  it('without a lookup, anchors are not checked and nothing is missing', () => {
    const result = parseWorkflowText(workflowText([tool('a', 'x/y'), tool('b', 'x/z')], [link('a', 'b', 'Q', 'R')]));
    expect(result).toMatchObject({ ok: true, missingPlugins: [] });
  });

  it('a file with a byte order mark', () => {
    expect(parseWorkflowText(`\uFEFF${workflowText([], [])}`).ok).toBe(true);
  });
});

describe('round trip', () => {
  it('open then save gives the same JSON, unknown keys included', () => {
    const original = {
      format: 'weft-workflow', version: 1, createdBy: { app: 'weft', build: 7 },
      tools: [
        { id: 't1', plugin: 't/source', config: { rows: 5, nested: { a: [1, null, 'x'] } }, position: { x: 10.5, y: -3 }, annotation: 'start', ui: { colour: '#f00' } },
        { id: 't2', plugin: 'acme/missing', config: {}, position: { x: 240, y: 0 }, future: true },
        { id: 't3', plugin: 't/pass', config: {}, position: { x: 480, y: 0 } },
      ],
      connections: [
        { from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'In' }, name: 'main', waypoints: [[1, 2]] },
        { from: { tool: 't2', anchor: 'Out' }, to: { tool: 't3', anchor: 'Input' } },
      ],
      canvas: { zoom: 1.25 },
    };
    const text = JSON.stringify(original, null, 2) + '\n';
    const result = parseWorkflowText(text, { file, lookup });
    if (!result.ok) throw new Error(result.errors.map(formatPlacedError).join('\n'));
    const saved = serializeWorkflow(result.workflow);
    expect(JSON.parse(saved)).toEqual(original);
    expect(saved).toBe(text);
  });

  it('validateWorkflow copies its input and rejects values that are not JSON data', () => {
    const input = { format: 'weft-workflow', version: 1, tools: [tool('a', 't/source')], connections: [] };
    const result = validateWorkflow(input, { lookup });
    if (!result.ok) throw new Error('expected ok');
    result.workflow.tools[0]!.config.changed = true;
    expect(input.tools[0]!.config).toEqual({});
    expect(validateWorkflow({ format: 'weft-workflow', version: 1, tools: [], connections: [], n: 1n }).ok).toBe(false);
    expect(validateWorkflow(undefined).ok).toBe(false);
  });
});
