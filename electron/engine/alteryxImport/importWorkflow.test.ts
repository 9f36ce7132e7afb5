import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('a realistic multi-tool workflow', () => {
  it('imports every tool, keeps ids, anchors and annotations, and runs to the rows Alteryx gives', async () => {
    const run = await importAndRun('sales-pipeline.yxmd', ['orders.csv']);
    expect(run.report.status).toBe('ok');
    expect(run.report.tools.map((t) => [t.toolId, t.weft, t.status])).toEqual([
      ['1', 'weft/input-data', 'converted'], ['2', 'weft/select', 'converted'], ['3', 'weft/formula', 'converted'],
      ['4', 'weft/text-input', 'converted'], ['5', 'weft/join', 'converted'], ['6', 'weft/filter', 'converted'],
      ['7', 'weft/summarize', 'converted'], ['8', 'weft/sort', 'converted'], ['9', 'weft/browse', 'converted'],
      ['10', 'weft/output-data', 'converted'],
    ]);
    expect(run.workflow.tools.find((t) => t.id === '3')?.annotation).toBe('line totals');
    expect(run.workflow.connections).toContainEqual({ from: { tool: '6', anchor: 'True' }, to: { tool: '7', anchor: 'Input' } });
    expect(run.summary.status).toBe('ok');
    // int64 values (counts) come through the preview as text
    // the Join's deselected right fields are gone, the left customer kept
    expect(run.rows['5.select.Output']![0]).toEqual({
      order_id: 1, amount: 120.5, qty: 2, region: 'North', customer: 'C01', total: 241, size_class: 'big', segment: 'Retail',
    });
    expect(run.rows['8.Output']).toEqual([
      { segment: 'Retail', Sum_total: 1741, Orders: '2', Customers: 'C01C03' },
      { segment: 'Wholesale', Sum_total: 479.96, Orders: '2', Customers: 'C02C02' },
      { segment: 'Online', Sum_total: 210, Orders: '1', Customers: 'C04' },
    ]);
    const written = await fs.readFile(path.join(run.folder, 'segments.csv'), 'utf8');
    expect(written.split(/\r?\n/)[0]).toBe('segment,Sum_total,Orders,Customers');
  });
});
