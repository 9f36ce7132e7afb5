/** Multi-Row Formula: update a field or create one, `[Row-1:Field]` references, rows that do not exist, groups. */
import { isTrue, sizeOf, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import { fieldNames, numberAt } from './fieldList.js';

/** `<OtherRows>`: NULL, Empty (0 or empty), Nearest, and older spellings */
function missingRowsOf(text: string | undefined): string | undefined {
  const value = (text ?? 'NULL').trim().toLowerCase();
  if (value === 'null') return 'null';
  if (value === 'empty' || value === '0' || value === 'zero') return 'empty';
  if (value.startsWith('nearest')) return 'nearest';
  return undefined;
}

export function convertMultiRowFormula(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const update = isTrue(configuration?.value('UpdateField'));
  const field = (update ? configuration?.value('UpdateField_Name') : configuration?.value('CreateField_Name'))?.trim() ?? '';
  if (field === '') return unsupported('the multi-row formula names no field');
  const missingRows = missingRowsOf(configuration?.value('OtherRows'));
  if (missingRows === undefined) return unsupported(`"values for rows that don't exist" = ${configuration?.value('OtherRows')} is not supported`);
  const translated = translateFormula(configuration?.value('Expression') ?? '', context.constants);
  const config: Record<string, unknown> = {
    updateExisting: update, field, numRows: numberAt(configuration, 'NumRows') ?? 1, missingRows,
    groupBy: fieldNames(configuration?.child('GroupByFields')), expression: translated.expression,
  };
  const result = converted('weft/multi-row-formula', config);
  if (!update) {
    const type = weftType(configuration?.value('CreateField_Type') ?? 'Double');
    if (type === undefined) result.approximations.push(`the type ${configuration?.value('CreateField_Type')} has no Weft equivalent; double is used`);
    const weft = type ?? 'double';
    Object.assign(config, { type: weft }, sizeOf(weft, configuration?.value('CreateField_Size')));
  }
  result.approximations.push(...translated.approximations);
  return result;
}
