/**
 * Join Multiple, and the Join by record position (Weft's Join has keys only, so a positional Join
 * becomes a Join Multiple of its Left (#1) and Right (#2) inputs). Field selections name fields
 * `Input_#2_<field>` (Join Multiple) or `Left_`/`Right_<field>` (Join).
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion, Converted, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';
import { isJoinByPosition } from './join.js';

interface FieldChoice {
  connection: string;
  field: string;
  selected?: boolean;
  rename?: string;
}

function limitMode(configuration: XmlElement | undefined): string {
  const mode = (configuration?.value('CartesianMode') ?? 'Warn').trim().toLowerCase();
  return mode.startsWith('err') ? 'error' : mode.startsWith('allow') ? 'allowAll' : 'warn';
}

function selectionOf(configuration: XmlElement | undefined, outputConnection: string): XmlElement | undefined {
  return configuration?.child('SelectConfiguration')?.children('Configuration').find((c) => (c.attr('outputConnection') ?? outputConnection) === outputConnection)?.child('SelectFields');
}

/** entries of a selection as per-connection choices; `prefixes` maps `Left_` to `#1`, … */
function readChoices(list: XmlElement | undefined, prefixOf: (field: string, input: string | undefined) => { connection: string; field: string } | undefined) {
  const fields: FieldChoice[] = [];
  let unknownFields: 'keep' | 'drop' = 'keep';
  const retyped: string[] = [];
  for (const entry of list?.children('SelectField') ?? []) {
    const name = entry.attr('field') ?? '';
    const selected = isTrue(entry.attr('selected') ?? 'True');
    if (name === '*Unknown') {
      unknownFields = selected ? 'keep' : 'drop';
      continue;
    }
    const at = prefixOf(name, entry.attr('input'));
    if (!at) continue;
    const choice: FieldChoice = { connection: at.connection, field: at.field };
    if (!selected) choice.selected = false;
    const rename = entry.attr('rename');
    if (rename && rename !== at.field) choice.rename = rename;
    if (entry.attr('type') !== undefined) retyped.push(name);
    fields.push(choice);
  }
  return { fields, unknownFields, retyped };
}

export function convertJoinMultiple(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const byPosition = isJoinByPosition(configuration);
  const keys = configuration?.find('JoinFields')?.children('JoinInfo') ?? configuration?.children('JoinInfo') ?? [];
  const keyList = keys.map((info) => ({ connection: info.attr('connection') ?? '', fields: info.children('Field').map((f) => f.attr('field') ?? '') }));
  if (!byPosition && keyList.length === 0) return unsupported('Join Multiple has no join fields');
  const selection = readChoices(selectionOf(configuration, 'Output'), (field, input) => {
    const match = /^Input_(#\d+)_/.exec(input ?? field);
    return match ? { connection: match[1]!, field: field.slice(`Input_${match[1]}_`.length) } : undefined;
  });
  const result = converted('weft/join-multiple', {
    mode: byPosition ? 'position' : 'fields', ...(!byPosition && { keys: keyList }),
    allInputs: isTrue(configuration?.value('OutputJoinOnly')), limitMode: limitMode(configuration),
    fields: selection.fields, unknownFields: selection.unknownFields,
  });
  if (selection.retyped.length > 0) result.approximations.push(`type changes in the field selection are not applied (${selection.retyped.join(', ')})`);
  return result;
}

/** a Join by record position: Left is #1, Right #2, Join is the output; rows only where both inputs have one */
export function convertJoinByPosition(tool: AlteryxTool, context: ImportContext): Conversion {
  const used = context.outputsUsed(tool.toolId).filter((anchor) => anchor !== 'Join');
  if (used.length > 0) return unsupported(`joining by record position with the unjoined ${used.join(' and ')} output(s) connected is not supported`);
  const selection = readChoices(selectionOf(tool.configuration, 'Join'), (field) => {
    if (field.startsWith('Left_')) return { connection: '#1', field: field.slice(5) };
    if (field.startsWith('Right_')) return { connection: '#2', field: field.slice(6) };
    return undefined;
  });
  const result: Converted = converted('weft/join-multiple', {}, { inputAnchors: { Left: 'Input', Right: 'Input' }, inputNames: { Left: '#1', Right: '#2' }, outputAnchors: { Join: 'Output' } });
  // Alteryx names a right field whose name a left field has Right_<name>; Join Multiple would say Input_#2_<name>
  const fields = selection.fields;
  const left = savedNames(tool, context, 'Left');
  const right = savedNames(tool, context, 'Right');
  if (left && right) {
    for (const name of right.filter((r) => left.some((l) => l.toLowerCase() === r.toLowerCase()))) {
      if (!fields.some((f) => f.connection === '#2' && f.field === name)) fields.push({ connection: '#2', field: name, rename: `Right_${name}` });
    }
  } else {
    result.approximations.push('the input fields are not saved in the workflow: a right field named like a left one, if not in the field selection, is named Input_#2_<name> where Alteryx writes Right_<name>');
  }
  result.config = { mode: 'position', allInputs: true, limitMode: 'warn', fields, unknownFields: selection.unknownFields };
  if (selection.retyped.length > 0) result.approximations.push(`type changes in the field selection are not applied (${selection.retyped.join(', ')})`);
  result.notes.push('joined by record position with Join Multiple (Left is #1, Right #2)');
  return result;
}

function savedNames(tool: AlteryxTool, context: ImportContext, anchor: string): string[] | undefined {
  const upstream = context.upstreamOf(tool.toolId, anchor)[0];
  return upstream ? context.savedMetadata(upstream.toolId, upstream.anchor)?.map((f) => f.name) : undefined;
}
