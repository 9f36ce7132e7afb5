import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';
import { importAlteryxXml } from './importWorkflow.js';

describe('text boxes and tool containers (Designer 10.6 XML)', () => {
  it('become notes and nested groups; a disabled container\'s tools do not run', async () => {
    const run = await importAndRun('containers.yxmd');
    expect(run.workflow.groups).toEqual([
      { id: '10', name: 'Prepare', position: { x: 75, y: 75 }, size: { width: 1050, height: 550 }, color: '#ecf2f2', collapsed: false, disabled: false },
      { id: '11', name: 'Old checks (off)', position: { x: 375, y: 150 }, size: { width: 700, height: 400 }, color: '#f2e6e6', collapsed: false, disabled: true, parent: '10' },
    ]);
    expect(run.workflow.notes).toEqual([
      { id: '20', text: 'Rows are numbered from 10.', position: { x: 1305, y: 375 }, size: { width: 450, height: 150 }, color: '#ffffc0' },
    ]);
    expect(Object.fromEntries(run.workflow.tools.map((t) => [t.id, t.group]))).toEqual({ '1': '10', '2': '11', '3': undefined, '3.pad': undefined });
    expect(run.report.tools.find((t) => t.toolId === '2')!.notes).toContain('in a disabled container: it does not run');
    // the disabled container's Filter is left out of the run
    expect(Object.keys(run.summary.tools).sort()).toEqual(['1', '3', '3.pad']);
    expect(run.summary.status).toBe('ok');
    // a string Record ID, last, from 10, padded to its size 5
    expect(run.rows['3.pad.Output']).toEqual([{ n: 1, Row: '00010' }, { n: 2, Row: '00011' }, { n: 3, Row: '00012' }]);
  });
});

describe('text box colours (Designer 10.0 XML)', () => {
  it('take a .NET colour name such as White', () => {
    const xml = `<AlteryxDocument yxmdVer="10.0"><Nodes><Node ToolID="13"><GuiSettings Plugin="AlteryxGuiToolkit.TextBox.TextBox"><Position x="162" y="133" width="360" height="24" /></GuiSettings>
      <Properties><Configuration><Text>Shuffled</Text><Font name="Segoe UI" size="8.25" style="0" /><TextColor name="Black" /><FillColor name="White" /><Shape shape="0" /></Configuration></Properties></Node></Nodes><Connections/></AlteryxDocument>`;
    const result = importAlteryxXml(xml, { yxmdDir: '/nowhere', outputDir: '/nowhere' });
    if (!result.ok) throw new Error(result.message);
    expect(result.workflow.notes).toEqual([{ id: '13', text: 'Shuffled', position: { x: 405, y: 333 }, size: { width: 900, height: 60 }, color: '#ffffff' }]);
  });
});
