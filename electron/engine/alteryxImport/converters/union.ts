/**
 * Union: by name or by position; the inputs stack in the order of their connection names
 * (`#1`, `#2`, …), which the import keeps.
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertUnion(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const mode = configuration?.value('Mode')?.trim() ?? 'ByName';
  if (mode === 'Manual') return unsupported('the manual field mapping of the Union is not supported: choose "by name" or "by position"');
  const result = converted('weft/union', { mode: mode === 'ByPos' ? 'position' : 'name' });
  if (mode === 'ByName' && (configuration?.value('ByName_OutputMode') ?? 'All').trim() === 'Common') {
    result.approximations.push('"output only the fields common to all inputs" is not available: every field is output, with nulls where an input lacks it');
  }
  if (isTrue(configuration?.value('SetOutputOrder'))) {
    result.approximations.push('the output order set in the Union is not read: the inputs stack in connection order (#1, #2, …)');
  }
  return result;
}
