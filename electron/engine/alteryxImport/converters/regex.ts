/**
 * RegEx: Parse (`ParseComplex`, one field per group), Match, Replace and Tokenize (`ParseSimple`,
 * to columns or rows). Alteryx spells the case option `CaseInsensitve`.
 */
import { isTrue, sizeOf, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { numberAt } from './fieldList.js';

const EXTRA = { Warn: 'dropWithWarning', Ignore: 'dropWithoutWarning', Error: 'error' } as const;

export function convertRegex(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const field = configuration?.value('Field')?.trim() ?? '';
  const expression = configuration?.child('RegExExpression')?.attr('value') ?? configuration?.value('RegExExpression') ?? '';
  if (field === '' || expression === '') return unsupported('the RegEx tool has no field or no expression');
  const caseOption = configuration?.child('CaseInsensitve') ?? configuration?.child('CaseInsensitive');
  const method = (configuration?.child('Method')?.attr('value') ?? configuration?.value('Method') ?? 'ParseSimple').trim();
  const config: Record<string, unknown> = { field, expression, caseInsensitive: caseOption ? isTrue(caseOption.attr('value') ?? caseOption.text()) : false };
  const result = converted('weft/regex', config);
  switch (method) {
    case 'Replace': {
      const replace = configuration?.child('Replace');
      Object.assign(config, { method: 'replace', replaceWith: replace?.attr('expression') ?? replace?.text() ?? '', copyUnmatched: isTrue(replace?.value('CopyUnmatched') ?? 'True') });
      break;
    }
    case 'Match': {
      const match = configuration?.child('Match');
      Object.assign(config, { method: 'match', matchField: match?.value('Field')?.trim() || `${field}_Matched`, matchOutput: 'field', errorIfNotMatched: isTrue(match?.value('ErrorUnmatched')) });
      break;
    }
    case 'ParseComplex': case 'Parse': {
      const list = configuration?.child('ParseComplex') ?? configuration?.child('ParseFields');
      const parseFields = (list?.children('Field') ?? []).map((f) => {
        const type = weftType(f.attr('type') ?? 'V_WString') ?? 'v_wstring';
        return { name: f.attr('field') ?? f.attr('name') ?? '', type, ...sizeOf(type, f.attr('size')) };
      });
      Object.assign(config, { method: 'parse', parseFields });
      break;
    }
    case 'ParseSimple': case 'Tokenize': {
      const simple = configuration?.child('ParseSimple');
      const toRows = isTrue(simple?.value('SplitToRows'));
      const handling = (simple?.value('ErrorHandling') ?? 'Warn').trim() as keyof typeof EXTRA;
      Object.assign(config, {
        method: 'tokenize', tokenizeTo: toRows ? 'rows' : 'columns',
        ...(!toRows && { columnCount: numberAt(simple, 'NumFields') ?? 3, rootName: simple?.value('RootName')?.trim() || field, extraColumns: EXTRA[handling] ?? 'dropWithWarning' }),
      });
      break;
    }
    default:
      return unsupported(`the RegEx method ${method} is not supported`);
  }
  return result;
}
