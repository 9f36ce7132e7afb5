/** DateTime: text to date/time (`IsFrom` False) or date/time to text (True), with Alteryx's format strings. */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertDateTime(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const isFrom = configuration?.value('IsFrom')?.trim() ?? 'False';
  const toText = isTrue(isFrom) || isFrom.toLowerCase() === 'date';
  const field = configuration?.value('InputFieldName')?.trim() ?? '';
  if (field === '') return unsupported('the DateTime tool names no input field');
  const format = configuration?.value('Format') ?? (toText ? 'yyyy-MM-dd' : 'yyyy-MM-dd');
  return converted('weft/datetime', {
    mode: toText ? 'format' : 'parse', field, outputField: configuration?.value('OutputFieldName')?.trim() || 'DateTime_Out',
    format, language: configuration?.value('Language')?.trim() || 'English', outputType: 'auto',
  });
}
