/** Auto Field: retype text fields to the narrowest type their values fit; `*Unknown` for the rest. */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertAutoField(tool: AlteryxTool): Conversion {
  const fields: string[] = [];
  const excludedFields: string[] = [];
  let unknownFields = true;
  for (const field of tool.configuration?.child('Fields')?.children('Field') ?? []) {
    const name = field.attr('field') ?? field.attr('name') ?? '';
    const selected = isTrue(field.attr('selected') ?? 'True');
    if (name === '*Unknown') unknownFields = selected;
    else (selected ? fields : excludedFields).push(name);
  }
  return converted('weft/auto-field', { fields, unknownFields, excludedFields });
}
