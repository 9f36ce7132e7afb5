/**
 * Union: by name, by position (`ByPos`) or manual (`Manual`, `ManualDelayed`), with
 * `<ByName_OutputMode>Subset</ByName_OutputMode>` for "output the common subset of fields"; the
 * inputs stack in the order of their connection names (`#1`, `#2`, …), which the import keeps,
 * or in `<OutputOrder>` when `<SetOutputOrder value="True"/>`. A manual mapping is saved as
 * `<MultiMetaInfo>`: one `<RecordInfo>` per input, the i-th field of each feeding output field i,
 * named as in the first input.
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

/** the connection name an element gives: its text, or a `connection`/`name`/`value` attribute */
function connectionNameOf(element: XmlElement): string {
  return (element.attr('connection') ?? element.attr('name') ?? element.attr('value') ?? element.text()).trim();
}

function manualFields(configuration: XmlElement | undefined, connections: string[]): Array<{ name: string; sources: Record<string, string> }> | string {
  const lists = (configuration?.child('MultiMetaInfo')?.children() ?? []).map((meta) => ({
    connection: meta.attr('connection')?.trim(),
    names: (meta.child('RecordInfo') ?? meta).children('Field').map((f) => (f.attr('name') ?? '').trim()),
  }));
  if (lists.length === 0) return 'the manual field mapping (<MultiMetaInfo>) is missing';
  const width = Math.max(...lists.map((l) => l.names.length));
  const fields: Array<{ name: string; sources: Record<string, string> }> = [];
  for (let i = 0; i < width; i++) {
    const sources: Record<string, string> = Object.create(null) as Record<string, string>;
    lists.forEach((list, k) => {
      const connection = list.connection || connections[k] || `#${k + 1}`;
      const name = list.names[i] ?? '';
      if (name !== '') sources[connection] = name;
    });
    const name = lists.map((l) => l.names[i] ?? '').find((n) => n !== '');
    if (name !== undefined) fields.push({ name, sources: { ...sources } });
  }
  return fields;
}

export function convertUnion(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const mode = configuration?.value('Mode')?.trim() ?? 'ByName';
  const connections = [...new Set(context.upstreamOf(tool.toolId, 'Input').map((u) => u.name ?? ''))].filter((n) => n !== '')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const config: Record<string, unknown> = {};
  if (mode === 'Manual' || mode === 'ManualDelayed') {
    const fields = manualFields(configuration, connections);
    if (typeof fields === 'string') return unsupported(fields);
    Object.assign(config, { mode: 'manual', manualFields: fields });
  } else if (mode === 'ByName' || mode === 'ByPos') {
    config.mode = mode === 'ByPos' ? 'position' : 'name';
    const output = (configuration?.value('ByName_OutputMode') ?? 'All').trim();
    if (output === 'Subset' || output === 'Common') config.commonFieldsOnly = true;
  } else {
    return unsupported(`the Union mode ${mode} is not known`);
  }
  if (isTrue(configuration?.value('SetOutputOrder'))) {
    const order = (configuration?.child('OutputOrder')?.children() ?? []).map(connectionNameOf).filter((name) => name !== '');
    if (order.length > 0) config.inputOrder = order;
  }
  return converted('weft/union', config);
}
