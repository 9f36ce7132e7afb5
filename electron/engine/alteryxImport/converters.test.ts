// Conversions checked on the Weft config and the report alone (the fixtures run the tools).
import { describe, expect, it } from 'vitest';
import { importAlteryxXml } from './importWorkflow.js';

function one(plugin: string, configuration: string) {
  const xml = `<AlteryxDocument yxmdVer="2020.2"><Nodes><Node ToolID="7"><GuiSettings Plugin="${plugin}"><Position x="10" y="20"/></GuiSettings>
    <Properties><Configuration>${configuration}</Configuration></Properties></Node></Nodes><Connections/></AlteryxDocument>`;
  const result = importAlteryxXml(xml, { yxmdDir: '/nowhere', outputDir: '/nowhere' });
  if (!result.ok) throw new Error(result.message);
  return { tool: result.workflow.tools[0]!, report: result.tools[0]!, workflow: result.workflow };
}

describe('conversions', () => {
  it('keep a Text Input field type when the XML gives one', () => {
    const { tool } = one('AlteryxBasePluginsGui.TextInput.TextInput',
      '<Fields><Field name="code" type="V_String" size="10"/><Field name="n"/><Field name="ok" type="Bool"/></Fields><Data><r><c>0042</c><c>7</c><c>True</c></r></Data>');
    expect(tool.config).toEqual({ fields: [{ name: 'code', type: 'v_string' }, { name: 'n', type: 'int32' }, { name: 'ok', type: 'bool' }], rows: [['0042', 7, true]] });
    expect(tool.position).toEqual({ x: 25, y: 50 });
  });

  it('take Text Input types from the metadata Alteryx saved (its own guess), else guess them', () => {
    const { tool } = one('AlteryxBasePluginsGui.TextInput.TextInput',
      '<Fields><Field name="i"/><Field name="v"/><Field name="dir"/><Field name="n"/></Fields><Data><r><c>1</c><c>4.2</c><c>&gt;=</c><c>7</c></r></Data>'
      + '</Configuration><MetaInfo connection="Output"><RecordInfo><Field name="i" source="TextInput:" type="Byte"/><Field name="v" source="TextInput:" type="Double"/>'
      + '<Field name="dir" size="2" source="TextInput:" type="String"/></RecordInfo></MetaInfo><Configuration>');
    expect(tool.config).toEqual({ fields: [{ name: 'i', type: 'byte' }, { name: 'v', type: 'double' }, { name: 'dir', type: 'string' }, { name: 'n', type: 'int32' }], rows: [[1, 4.2, '>=', 7]] });
  });

  it('report what a tool cannot do as approximated, with the reason', () => {
    expect(one('AlteryxBasePluginsGui.Sort.Sort', '<SortInfo locale="1033"><Field field="a" order="Descending"/></SortInfo>').report)
      .toMatchObject({ status: 'approximated', notes: ['dictionary order (locale collation) is not available: text sorts by code point'] });
    expect(one('AlteryxBasePluginsGui.Union.Union', '<Mode>ByName</Mode><ByName_OutputMode>Subset</ByName_OutputMode>').tool.config).toEqual({ mode: 'name', commonFieldsOnly: true });
    const select = one('AlteryxBasePluginsGui.AlteryxSelect.AlteryxSelect',
      '<SelectFields><SelectField field="a" selected="True"/><SelectField field="*Unknown" selected="True"/><SelectField field="b" selected="True"/></SelectFields>');
    expect(select.report.notes[0]).toMatch(/Alteryx places them where \*Unknown stands/);
  });

  it('keep as placeholders what would give other rows', () => {
    const sample = one('AlteryxBasePluginsGui.Sample.Sample', '<Mode>Bottom</Mode><N>10</N>');
    expect(sample.report).toMatchObject({ status: 'unsupported', weft: 'alteryx/sample' });
    expect(sample.tool.config.reason).toMatch(/sample mode "Bottom" is not known/);
    expect(one('AlteryxBasePluginsGui.Sample.Sample', '<Mode>NPercent</Mode><N>25</N><GroupFields><Field name="g"/></GroupFields>').tool.config)
      .toEqual({ mode: 'firstPercent', percent: 25, groupBy: ['g'] });
    expect(one('AlteryxBasePluginsGui.Union.Union', '<Mode>Manual</Mode>').report.notes).toEqual(['the manual field mapping (<MultiMetaInfo>) is missing']);
    expect(one('AlteryxSpatialPluginsGui.Summarize.Summarize', '<SummarizeFields><SummarizeField field="a" action="Longest" rename="s"/></SummarizeFields>').report.notes)
      .toEqual(['the summarize action Longest (on a) is not supported']);
    expect(one('AlteryxSpatialPluginsGui.Summarize.Summarize', '<SummarizeFields><SummarizeField field="a" action="Percentile" rename="p"/></SummarizeFields>').report.notes)
      .toEqual(['the percentile of p is not given (0 to 100)']);
  });

  it('read both Cross Tab group field spellings and a bare method', () => {
    const { tool } = one('AlteryxBasePluginsGui.CrossTab.CrossTab', '<GroupByFields><Field field="r"/></GroupByFields><HeaderField field="q"/><DataField field="v"/><Method>Sum</Method>');
    expect(tool.config).toMatchObject({ groupFields: ['r'], headerField: 'q', valueField: 'v', methods: ['sum'] });
  });

  it('turn a Summarize Concat start and end into a Formula after it', () => {
    const { workflow } = one('AlteryxSpatialPluginsGui.Summarize.Summarize',
      '<SummarizeFields><SummarizeField field="g" action="GroupBy" rename="g"/><SummarizeField field="v" action="Concat" rename="vs"><Concat_Start>(</Concat_Start><Separator><![CDATA[ | ]]></Separator><Concat_End>)</Concat_End></SummarizeField></SummarizeFields>');
    expect(workflow.tools[0]!.config).toEqual({ groupBy: ['g'], aggregations: [{ action: 'concat', outputName: 'vs', field: 'v', separator: ' | ' }] });
    expect(workflow.tools[1]).toMatchObject({ id: '7.concat', plugin: 'weft/formula', config: { formulas: [{ field: 'vs', expression: '"(" + [vs] + ")"' }] } });
    expect(workflow.connections).toEqual([{ from: { tool: '7', anchor: 'Output' }, to: { tool: '7.concat', anchor: 'Input' } }]);
  });
});

describe('Excel input paths', () => {
  it('read the sheet after the single | Designer 10.0 writes (file.xlsx|`Sheet1$`) as after |||', () => {
    const { tool, report } = one('AlteryxBasePluginsGui.DbFileInput.DbFileInput',
      '<File OutputFileName="" RecordLimit="" SearchSubDirs="False" FileFormat="25">C:\\Downloads\\quarter of date.xlsx|`Sheet1$`</File><FormatSpecificOptions><FirstRowData>False</FirstRowData></FormatSpecificOptions>');
    expect(report.weft).toBe('weft/input-data');
    expect(tool.config).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', hasHeader: true });
    expect(String(tool.config.path)).toMatch(/quarter of date\.xlsx$/);
  });
});
