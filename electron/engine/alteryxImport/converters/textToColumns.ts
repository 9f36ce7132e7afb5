/**
 * Text To Columns: split at delimiter characters into columns (`<RootName>`, `<NumFields>`) or,
 * when there is no `<RootName>`, into rows. `<Flags>` bits: 1 ignore delimiters in double quotes,
 * 2 in single quotes, 4 in parentheses, 8 in brackets, 16 skip empty columns.
 */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { numberAt } from './fieldList.js';

const EXTRA: Record<string, string> = { Last: 'leaveInLast', Warn: 'dropWithWarning', Ignore: 'dropWithoutWarning', Error: 'error' };

export function convertTextToColumns(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const field = configuration?.value('Field')?.trim() ?? '';
  if (field === '') return unsupported('Text To Columns names no field');
  const delimiters = configuration?.child('Delimeters')?.attr('value') ?? configuration?.value('Delimeters') ?? ',';
  const rootName = configuration?.child('RootName');
  const flags = numberAt(configuration, 'Flags') ?? 0;
  const config: Record<string, unknown> = {
    field, delimiters: delimiters === '' ? ',' : delimiters, splitTo: rootName ? 'columns' : 'rows',
    ignoreInQuotes: (flags & 1) !== 0, ignoreInSingleQuotes: (flags & 2) !== 0, ignoreInParentheses: (flags & 4) !== 0,
    ignoreInBrackets: (flags & 8) !== 0, skipEmpty: (flags & 16) !== 0,
  };
  const result = converted('weft/text-to-columns', config);
  if (rootName) {
    const handling = (configuration?.value('ErrorHandling') ?? 'Last').trim();
    Object.assign(config, { columnCount: numberAt(configuration, 'NumFields') ?? 3, rootName: rootName.text().trim() || field, extraCharacters: EXTRA[handling] ?? 'leaveInLast' });
  }
  if (flags >= 32) result.approximations.push(`option flags ${flags} include options Weft does not know (bits above 16)`);
  return result;
}
