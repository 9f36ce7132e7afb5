/** Transpose: key fields, and data fields (selected, deselected, `*Unknown`). */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { fieldNames } from './fieldList.js';

export function convertTranspose(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const dataFields: string[] = [];
  const excludedFields: string[] = [];
  let unknownFields = true;
  for (const field of configuration?.child('DataFields')?.children('Field') ?? []) {
    const name = field.attr('field') ?? '';
    const selected = isTrue(field.attr('selected') ?? 'True');
    if (name === '*Unknown') unknownFields = selected;
    else (selected ? dataFields : excludedFields).push(name);
  }
  const missing = (configuration?.value('ErrorWarn') ?? configuration?.value('MissingFields') ?? 'Warn').trim().toLowerCase();
  return converted('weft/transpose', {
    keyFields: fieldNames(configuration?.child('KeyFields')), dataFields, unknownFields, excludedFields,
    missingFields: missing.startsWith('err') ? 'error' : missing.startsWith('ign') ? 'ignore' : 'warn',
  });
}
