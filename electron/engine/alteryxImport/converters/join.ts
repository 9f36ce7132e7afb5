/**
 * Join: key pairs from the two `<JoinInfo>` lists. Its field selection (`<SelectConfiguration>`,
 * entries named `Left_<field>` / `Right_<field>`) becomes a Select after the Join output. Weft's
 * Join, like Alteryx's, names a right field `Right_<field>` only when a left field has its name,
 * and Alteryx writes a `rename` only for such collisions (or the user's own renames).
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';
import { convertJoinByPosition } from './joinMultiple.js';
import { readSelectFields } from './selectFields.js';

function keyFields(configuration: XmlElement | undefined, side: 'Left' | 'Right'): string[] {
  const info = configuration?.children('JoinInfo').find((j) => j.attr('connection') === side);
  return (info?.children('Field') ?? []).map((f) => f.attr('field') ?? '');
}

/** the names of the left input's fields, when Alteryx saved them */
function leftFieldNames(tool: AlteryxTool, context: ImportContext): Set<string> | undefined {
  const upstream = context.upstreamOf(tool.toolId, 'Left')[0];
  const fields = upstream ? context.savedMetadata(upstream.toolId, upstream.anchor) : undefined;
  return fields ? new Set(fields.map((f) => f.name.toLowerCase())) : undefined;
}

export function isJoinByPosition(configuration: XmlElement | undefined): boolean {
  return isTrue(configuration?.attr('joinByRecordPos')) || isTrue(configuration?.value('JoinByRecordPos'));
}

export function convertJoin(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  if (isJoinByPosition(configuration)) return convertJoinByPosition(tool, context);
  const left = keyFields(configuration, 'Left');
  const right = keyFields(configuration, 'Right');
  if (left.length === 0 || left.length !== right.length) return unsupported(`the join keys do not pair up (${left.length} left, ${right.length} right)`);
  const result = converted('weft/join', { keys: left.map((l, i) => ({ left: l, right: right[i] })) });

  const selection = configuration?.child('SelectConfiguration')?.children('Configuration').find((c) => (c.attr('outputConnection') ?? 'Join') === 'Join');
  const list = selection?.child('SelectFields');
  const entries = list?.children('SelectField') ?? [];
  if (entries.every((e) => e.attr('field') === '*Unknown' && isTrue(e.attr('selected') ?? 'True'))) return result;

  const leftNames = leftFieldNames(tool, context);
  const listedLeft = new Set(entries.map((e) => e.attr('field') ?? '').filter((f) => f.startsWith('Left_')).map((f) => f.slice(5).toLowerCase()));
  const weftName = (entry: XmlElement): string => {
    const field = entry.attr('field') ?? '';
    if (field.startsWith('Left_')) return field.slice(5);
    if (!field.startsWith('Right_')) return field;
    const bare = field.slice(6);
    const collides = leftNames ? leftNames.has(bare.toLowerCase()) : entry.attr('rename') === field || listedLeft.has(bare.toLowerCase());
    return collides ? field : bare;
  };
  const selected = readSelectFields(list, weftName);
  // an entry without rename keeps the name the Join gave it
  selected.fields = selected.fields.map((f) => (f.rename === undefined ? f : f.rename === f.field ? { ...f, rename: undefined } : f));
  result.approximations.push(...selected.approximations);
  result.helpers = [{ suffix: 'select', plugin: 'weft/select', config: { fields: selected.fields.map((f) => JSON.parse(JSON.stringify(f)) as unknown), newFields: selected.newFields }, anchor: 'Join' }];
  result.notes.push('the Join\'s field selection is a Select tool after its Join output');
  return result;
}
