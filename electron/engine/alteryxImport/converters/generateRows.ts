/** Generate Rows: create or update a field from init, condition and loop expressions. */
import { isTrue, sizeOf, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';

export function convertGenerateRows(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const update = isTrue(configuration?.value('UpdateField'));
  const field = (update ? configuration?.value('UpdateField_Name') : configuration?.value('CreateField_Name'))?.trim() ?? '';
  if (field === '') return unsupported('Generate Rows names no field');
  const parts = ['Init', 'Cond', 'Loop'].map((part) => translateFormula(configuration?.value(`Expression_${part}`) ?? '', context.constants));
  const config: Record<string, unknown> = { updateExisting: update, field, init: parts[0]!.expression, condition: parts[1]!.expression, loop: parts[2]!.expression };
  const result = converted('weft/generate-rows', config);
  result.approximations.push(...parts.flatMap((p) => p.approximations));
  if (!update) {
    const type = weftType(configuration?.value('CreateField_Type') ?? 'Int32');
    if (type === undefined) result.approximations.push(`the type ${configuration?.value('CreateField_Type')} has no Weft equivalent; int32 is used`);
    const weft = type ?? 'int32';
    Object.assign(config, { type: weft }, sizeOf(weft, configuration?.value('CreateField_Size')));
  }
  return result;
}
