// Summarize's statistics actions and Sample's first N percent from Designer 2023.1 XML, imported and run.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('Summarize statistics (2023.1 XML)', () => {
  it('give the rows the Alteryx Summarize gives', async () => {
    const run = await importAndRun('summarize-stats-2023.yxmd');
    expect(run.summary.status).toBe('ok');
    // only the percentile is reported: Alteryx does not document its interpolation
    expect(run.report.tools.find((t) => t.toolId === '2')).toMatchObject({ status: 'approximated', notes: [expect.stringMatching(/^P75_qty: the 75th percentile/)] });
    // Text Input's empty text cells are empty text (blank, not null); Alteryx's CountDistinct counts null as a value
    expect(run.rows['2.Output']).toEqual([
      { region: 'N', CountNull_code: '0', CountBlank_code: '2', CountNonBlank_code: '2', CountDistinct_code: '3', Mode_code: '', StdDev_qty: Math.sqrt(3), Variance_qty: 3, Median_qty: 4, P75_qty: 5.5 },
      { region: 'S', CountNull_code: '0', CountBlank_code: '1', CountNonBlank_code: '2', CountDistinct_code: '2', Mode_code: 'c', StdDev_qty: Math.sqrt(32), Variance_qty: 32, Median_qty: 6, P75_qty: 8 },
    ]);
    // first 50% per region: N has 4 rows (2 kept), S 3 (1 kept: rounded down)
    expect(run.rows['3.Output']!.map((r) => `${r.region}${r.code}`)).toEqual(['Na', 'N', 'Sc']);
  });
});
