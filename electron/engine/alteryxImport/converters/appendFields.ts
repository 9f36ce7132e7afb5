/**
 * Append Fields: the cartesian-product limit and the field selection (`Target_`/`Source_` entries),
 * which Designer saves inside `<SelectConfiguration><Configuration outputConnection="Output">` as
 * Join does; a bare `<SelectFields>` is read too.
 */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

function selectFieldsOf(configuration: XmlElement | undefined): XmlElement | undefined {
  const saved = configuration?.child('SelectConfiguration')?.children('Configuration').find((c) => (c.attr('outputConnection') ?? 'Output') === 'Output');
  return saved?.child('SelectFields') ?? configuration?.child('SelectFields');
}

export function convertAppendFields(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const mode = (configuration?.value('CartesianMode') ?? 'Warn').trim().toLowerCase();
  const targetFields: Array<Record<string, unknown>> = [];
  const sourceFields: Array<Record<string, unknown>> = [];
  let unknownFields: 'keep' | 'drop' = 'keep';
  const result = converted('weft/append-fields', {}, { inputAnchors: { Targets: 'Target', Target: 'Target', Source: 'Source', Sources: 'Source' } });
  for (const entry of selectFieldsOf(configuration)?.children('SelectField') ?? []) {
    const name = entry.attr('field') ?? '';
    const selected = isTrue(entry.attr('selected') ?? 'True');
    if (name === '*Unknown') {
      unknownFields = selected ? 'keep' : 'drop';
      continue;
    }
    const input = entry.attr('input') ?? (name.startsWith('Source_') ? 'Source_' : name.startsWith('Target_') ? 'Target_' : '');
    const field = input !== '' && name.startsWith(input) ? name.slice(input.length) : name;
    const out: Record<string, unknown> = { field };
    if (!selected) out.selected = false;
    const rename = entry.attr('rename');
    if (rename && rename !== field && rename !== name) out.rename = rename;
    if (entry.attr('type') !== undefined) result.approximations.push(`field "${field}": Weft's Append Fields does not change types (${entry.attr('type')})`);
    (input === 'Source_' ? sourceFields : targetFields).push(out);
  }
  result.config = { limitMode: mode.startsWith('err') ? 'error' : mode.startsWith('allow') ? 'allowAll' : 'warn', targetFields, sourceFields, unknownFields };
  return result;
}
