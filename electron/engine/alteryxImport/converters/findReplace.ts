/** Find Replace: find a field's values in the Replace input, then replace them or append its fields. */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { fieldNames } from './fieldList.js';

export function convertFindReplace(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const findMode = (configuration?.value('FindMode') ?? 'FindWhole').trim().toLowerCase();
  const append = (configuration?.value('ReplaceMode') ?? 'Replace').trim().toLowerCase().startsWith('append');
  return converted('weft/find-replace', {
    findField: configuration?.value('FieldFind')?.trim() ?? '',
    findValueField: configuration?.value('FieldSearch')?.trim() ?? '',
    findMode: findMode.includes('any') ? 'anyPart' : findMode.includes('begin') || findMode.includes('start') ? 'beginning' : 'entireField',
    caseInsensitive: isTrue(configuration?.value('NoCase') ?? 'True'),
    matchWholeWord: isTrue(configuration?.value('MatchWholeWord')),
    action: append ? 'append' : 'replace',
    replaceField: configuration?.value('ReplaceFoundField')?.trim() ?? '',
    replaceMultiple: isTrue(configuration?.value('ReplaceMultipleFound')),
    ...(append && { appendFields: fieldNames(configuration?.child('ReplaceAppendFields')) }),
  });
}
