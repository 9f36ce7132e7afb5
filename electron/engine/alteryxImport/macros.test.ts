// A macro imported by itself (Macro Input's template rows, Macro Output), and the Random % Sample macro.
import { describe, expect, it } from 'vitest';
import { importAlteryxXml } from './importWorkflow.js';
import { importAndRun } from './importTestkit.js';

describe('macros (Designer 2020.1 XML)', () => {
  it('run a .yxmc on its own: the Macro Input gives its template rows, the Macro Output shows what reaches it', async () => {
    const run = await importAndRun('macro-2020.yxmc');
    const byId = new Map(run.report.tools.map((t) => [t.toolId, t]));
    expect(byId.get('2')!.weft).toBe('weft/text-input');
    expect(byId.get('7')!.weft).toBe('weft/browse');
    // the question tab holds no data: a placeholder that says so
    expect(byId.get('1')!.status).toBe('unsupported');
    expect(run.rows['3.Output']).toEqual([
      { order: 'A1', qty: 3, code: '007', double_qty: 6 },
      { order: 'A2', qty: 10, code: '012', double_qty: 20 },
      { order: 'A3', qty: null, code: '100', double_qty: 0 },
    ]);
  });

  it('map Random % Sample (RandomRecords.yxmc) by percent to a random percent Sample, reported as approximated', async () => {
    const run = await importAndRun('random-sample-2020.yxmd');
    expect(run.report.tools[1]).toMatchObject({ weft: 'weft/sample', status: 'approximated' });
    expect(run.workflow.tools[1]!.config).toEqual({ mode: 'randomPercent', percent: 100, seed: 458676342, groupBy: [] });
    expect(run.summary.status).not.toBe('error');
    expect(run.rows['2.Output']!.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('keep a random N records and a Macro Input reading a file as placeholders with the reason', () => {
    const xml = `<AlteryxDocument yxmdVer="2020.1"><Nodes>
      <Node ToolID="1"><GuiSettings><Position x="0" y="0"/></GuiSettings><Properties><Configuration>
        <Value name="Number">True</Value><Value name="NNumber">50</Value><Value name="Percent">False</Value></Configuration></Properties>
        <EngineSettings Macro="RandomRecords.yxmc"/></Node>
      <Node ToolID="2"><GuiSettings Plugin="AlteryxBasePluginsGui.MacroInput.MacroInput"><Position x="0" y="0"/></GuiSettings>
        <Properties><Configuration><UseFileInput value="True"/><Name>In</Name></Configuration></Properties></Node>
    </Nodes><Connections/></AlteryxDocument>`;
    const result = importAlteryxXml(xml, { yxmdDir: '/nowhere', outputDir: '/nowhere' });
    if (!result.ok) throw new Error(result.message);
    expect(result.tools.map((t) => [t.status, t.notes[0]])).toEqual([
      ['unsupported', "a random 50 records: Weft's Sample has no random N-records mode"],
      ['unsupported', 'the macro input "In" takes its template rows from a file; only template rows typed into the tool are supported'],
    ]);
  });
});
