/** JSON Parse: a JSON text field into JSON_Name/JSON_Value rows, as one text value or typed values. */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertJsonParse(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const field = configuration?.value('JSON_Field')?.trim() ?? configuration?.value('Field')?.trim() ?? '';
  if (field === '') return unsupported('JSON Parse names no field');
  return converted('weft/json-parse', {
    field, output: 'rows',
    valueFields: isTrue(configuration?.value('SingleField') ?? 'True') ? 'single' : 'typed',
    includeJsonField: isTrue(configuration?.value('IncludeInOutput')),
    flattenArrays: isTrue(configuration?.value('FlattenArray')),
  });
}
