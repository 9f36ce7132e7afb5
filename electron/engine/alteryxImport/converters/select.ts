/** Select (`AlteryxSelect`): keep, drop, rename, retype, resize and reorder fields. */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { readSelectFields } from './selectFields.js';

export function convertSelect(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const list = readSelectFields(configuration?.child('SelectFields'));
  const result = converted('weft/select', { fields: list.fields, newFields: list.newFields });
  result.approximations.push(...list.approximations);
  if (isTrue(configuration?.value('CommaDecimal'))) result.approximations.push('"comma as decimal separator" is not applied when text is converted to numbers');
  return result;
}
