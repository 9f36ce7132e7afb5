// The benchmark workflows, built as real workflow files (issue 6).
const tool = (id, plugin, config, x) => ({ id, plugin, config, position: { x, y: 0 } });
const link = (from, to, fromAnchor = 'Output', toAnchor = 'Input') => ({
  from: { tool: from, anchor: fromAnchor },
  to: { tool: to, anchor: toAnchor },
});
const workflow = (tools, connections) => ({ format: 'weft-workflow', version: 1, tools, connections });

/** Input → Filter → Formula → Summarize → Sort → Output */
export function pipelineWorkflow(inputCsv, outputCsv) {
  return workflow(
    [
      tool('input', 'weft/input-data', { path: inputCsv, format: 'csv' }, 0),
      tool('filter', 'weft/filter', { expression: '[amount] > 100 AND [flag]' }, 200),
      tool('formula', 'weft/formula', { formulas: [{ field: 'total', expression: '[amount] * [qty]' }] }, 400),
      tool('summarize', 'weft/summarize', {
        groupBy: ['category', 'region'],
        aggregations: [
          { action: 'count', outputName: 'Count' },
          { action: 'sum', field: 'total', outputName: 'Sum_total' },
          { action: 'avg', field: 'amount', outputName: 'Avg_amount' },
        ],
      }, 600),
      tool('sort', 'weft/sort', { keys: [{ field: 'Sum_total', order: 'desc' }] }, 800),
      tool('output', 'weft/output-data', { path: outputCsv, format: 'csv', ifExists: 'overwrite' }, 1000),
    ],
    [link('input', 'filter'), link('filter', 'formula', 'True'), link('formula', 'summarize'), link('summarize', 'sort'), link('sort', 'output')],
  );
}

/** Input → Filter → Formula → Output: a stream end to end */
export function streamingWorkflow(inputCsv, outputCsv) {
  return workflow(
    [
      tool('input', 'weft/input-data', { path: inputCsv, format: 'csv' }, 0),
      tool('filter', 'weft/filter', { expression: '[amount] > 100 AND [flag]' }, 200),
      tool('formula', 'weft/formula', { formulas: [{ field: 'total', expression: '[amount] * [qty]' }] }, 400),
      tool('output', 'weft/output-data', { path: outputCsv, format: 'csv', ifExists: 'overwrite' }, 600),
    ],
    [link('input', 'filter'), link('filter', 'formula', 'True'), link('formula', 'output')],
  );
}

/** Text Input, then Formula and Select tools alternating: `count` tools in all */
export function updateChainWorkflow(count, variant) {
  const tools = [tool('t0', 'weft/text-input', {
    // a new field name on every change, so every tool downstream gets new metadata (worst case)
    fields: [{ name: 'a', type: 'int32' }, { name: 'b', type: 'v_wstring' }, { name: `c${variant}`, type: 'double' }],
    rows: [[variant, 'x', variant / 2]],
  }, 0)];
  const connections = [];
  for (let i = 1; i < count; i += 1) {
    const id = `t${i}`;
    tools.push(i % 2 === 1
      ? tool(id, 'weft/formula', { formulas: [{ field: `f${i}`, expression: `[a] + ${i}` }] }, i * 160)
      : tool(id, 'weft/select', { fields: [{ field: `f${i - 1}`, selected: true, rename: `g${i}` }], newFields: 'keep' }, i * 160));
    connections.push(link(`t${i - 1}`, id));
  }
  return workflow(tools, connections);
}

/** a 6-tool workflow on 10 rows */
export function overheadWorkflow(outputCsv) {
  const rows = Array.from({ length: 10 }, (_, i) => [i, `name ${i}`, i * 1.5]);
  return workflow(
    [
      tool('t1', 'weft/text-input', { fields: [{ name: 'id', type: 'int32' }, { name: 'name', type: 'v_wstring' }, { name: 'amount', type: 'double' }], rows }, 0),
      tool('t2', 'weft/filter', { expression: '[amount] > 3' }, 200),
      tool('t3', 'weft/formula', { formulas: [{ field: 'double_amount', expression: '[amount] * 2' }] }, 400),
      tool('t4', 'weft/sort', { keys: [{ field: 'amount', order: 'desc' }] }, 600),
      tool('t5', 'weft/record-id', {}, 800),
      tool('t6', 'weft/output-data', { path: outputCsv, format: 'csv', ifExists: 'overwrite' }, 1000),
    ],
    [link('t1', 't2'), link('t2', 't3', 'True'), link('t3', 't4'), link('t4', 't5'), link('t5', 't6')],
  );
}

/**
 * Input → Text To Columns → RegEx → Multi-Row Formula → Transpose → Cross Tab → Output: the
 * reshaping tools of real Alteryx work in one stream; Cross Tab holds its groups (region × month), not rows.
 */
export function reshapeWorkflow(inputCsv, outputCsv) {
  return workflow(
    [
      // ts read as text, as Alteryx reads every CSV field
      tool('input', 'weft/input-data', { path: inputCsv, format: 'csv', fieldTypes: { ts: 'v_string' } }, 0),
      tool('split', 'weft/text-to-columns', { field: 'ts', delimiters: ' ', splitTo: 'columns', columnCount: 2, rootName: 'ts_', extraCharacters: 'leaveInLast' }, 200),
      tool('regex', 'weft/regex', {
        field: 'ts_1', method: 'parse', caseInsensitive: false, expression: '^(\\d{4})-(\\d{2})-\\d{2}$',
        parseFields: [{ name: 'year', type: 'int32' }, { name: 'month', type: 'v_string' }],
      }, 400),
      tool('multirow', 'weft/multi-row-formula', {
        updateExisting: false, field: 'delta', type: 'double', numRows: 1, missingRows: 'empty', groupBy: [],
        expression: '[amount] - [Row-1:amount]',
      }, 600),
      tool('transpose', 'weft/transpose', { keyFields: ['id', 'region', 'month'], dataFields: ['amount', 'delta'], unknownFields: false, excludedFields: [], missingFields: 'warn' }, 800),
      tool('crosstab', 'weft/cross-tab', { groupFields: ['region', 'month'], headerField: 'Name', valueField: 'Value', methods: ['sum'], separator: ',', fieldSize: 2048 }, 1000),
      tool('output', 'weft/output-data', { path: outputCsv, format: 'csv', ifExists: 'overwrite' }, 1200),
    ],
    [link('input', 'split'), link('split', 'regex'), link('regex', 'multirow'), link('multirow', 'transpose'), link('transpose', 'crosstab'), link('crosstab', 'output')],
  );
}

/** Text Input (1,000 rows), then `count - 1` Select tools passing every field through: a long chain */
export function chainWorkflow(count) {
  const rows = Array.from({ length: 1000 }, (_, i) => [i, `row ${i}`]);
  const tools = [tool('t0', 'weft/text-input', { fields: [{ name: 'a', type: 'int32' }, { name: 'b', type: 'v_wstring' }], rows }, 0)];
  const connections = [];
  for (let i = 1; i < count; i += 1) {
    tools.push(tool(`t${i}`, 'weft/select', { fields: [], newFields: 'keep' }, i * 160));
    connections.push(link(`t${i - 1}`, `t${i}`));
  }
  return workflow(tools, connections);
}

/** Input → Join (the same file on both sides, on id: one match per row) → Output: memory of a large join (issue 15) */
export function joinWorkflow(inputCsv, outputCsv) {
  return workflow(
    [
      tool('left', 'weft/input-data', { path: inputCsv, format: 'csv' }, 0),
      tool('right', 'weft/input-data', { path: inputCsv, format: 'csv' }, 0),
      tool('join', 'weft/join', { keys: [{ left: 'id', right: 'id' }] }, 200),
      tool('output', 'weft/output-data', { path: outputCsv, format: 'csv', ifExists: 'overwrite' }, 400),
    ],
    [link('left', 'join', 'Output', 'Left'), link('right', 'join', 'Output', 'Right'), link('join', 'output', 'Join')],
  );
}
