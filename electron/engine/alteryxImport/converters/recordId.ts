/** Record ID: name, start, type and position (0 first, 1 last). */
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

const TYPES: Record<string, string> = { int32: 'int32', int64: 'int64', string: 'string', v_string: 'string', wstring: 'string', v_wstring: 'string' };

export function convertRecordId(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const alteryxType = (configuration?.value('FieldType') ?? 'Int32').trim();
  const type = TYPES[alteryxType.toLowerCase()];
  const start = Number((configuration?.value('StartValue') ?? '1').trim());
  const result = converted('weft/record-id', {
    fieldName: configuration?.value('FieldName') ?? 'RecordID',
    start: Number.isInteger(start) ? start : 1,
    type: type ?? (alteryxType.toLowerCase() === 'double' ? 'int64' : 'int32'),
    position: (configuration?.value('Position') ?? '0').trim() === '1' ? 'last' : 'first',
  });
  if (type === undefined) result.approximations.push(`the ${alteryxType} type is written as ${result.config.type as string}`);
  const size = Number((configuration?.value('FieldSize') ?? '').trim());
  if (type === 'string' && Number.isInteger(size) && size > 1) {
    // Alteryx pads string ids with leading zeros to the field size
    const field = String(result.config.fieldName).replace(/]/g, '');
    result.helpers = [{ suffix: 'pad', plugin: 'weft/formula', config: { formulas: [{ field, expression: `PadLeft([${field}], ${size}, "0")` }] }, anchor: 'Output' }];
    result.notes.push(`the string ids are padded to ${size} digits by a Formula tool after it`);
  }
  return result;
}
