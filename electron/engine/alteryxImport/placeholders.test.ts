import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';
import { placeholderPlugin } from './placeholder.js';

describe('tools that cannot be converted', () => {
  it('stay as placeholders keeping the plugin name and XML, and fail the run on that tool only', async () => {
    const run = await importAndRun('unsupported-tools.yxmd');
    expect(run.report.status).toBe('partial');
    const [fuzzy, macro] = [run.report.tools[1]!, run.report.tools[2]!];
    expect(fuzzy).toMatchObject({ toolId: '2', alteryx: 'AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch', weft: 'alteryx/fuzzy-match', status: 'unsupported' });
    expect(macro).toMatchObject({ toolId: '3', alteryx: 'Scoring.yxmc', weft: 'alteryx/macro-scoring', status: 'unsupported', notes: ['the macro Scoring.yxmc is not supported'] });
    const tool = run.workflow.tools.find((t) => t.id === '2')!;
    expect(tool.annotation).toBe('dedupe names');
    expect(tool.config.alteryxPlugin).toBe('AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch');
    expect(tool.config.alteryxXml).toContain('<MatchThreshold value="80"/>');
    expect(tool.config.alteryxXml).toContain('<Node ToolID="2">');
    // the connections keep Alteryx's anchor names
    expect(run.workflow.connections).toContainEqual({ from: { tool: '2', anchor: 'Output' }, to: { tool: '3', anchor: 'Input2' } });
    expect(run.summary.tools['2']).toMatchObject({ status: 'error' });
    expect(run.summary.tools['2']!.messages[0]!.text).toMatch(/alteryx\/fuzzy-match.*missing plugin/);
    expect(run.summary.tools['4']).toMatchObject({ status: 'ok' });
    expect(run.rows['1.Output']).toEqual([{ name: 'Anna Smith' }, { name: 'anna smith' }]);
  });

  it('name placeholders after the Alteryx plugin or macro', () => {
    expect(placeholderPlugin('AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch')).toBe('alteryx/fuzzy-match');
    expect(placeholderPlugin('Cleanse.yxmc')).toBe('alteryx/macro-cleanse');
    expect(placeholderPlugin('My Macro (v2).yxmc')).toBe('alteryx/macro-my-macro-v2');
    expect(placeholderPlugin('AlteryxConnectorGui.XYZ_API')).toBe('alteryx/xyz-api');
  });
});
