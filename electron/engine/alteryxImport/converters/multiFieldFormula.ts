/**
 * Multi-Field Formula: one expression over several fields (`[_CurrentField_]`), in place or into
 * copies with a prefix or suffix, optionally with a new type. `*Unknown` in the field list means
 * every field of the chosen type, also fields added upstream later.
 */
import { isTrue, sizeOf, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import { fieldNames } from './fieldList.js';

function fieldTypeOf(text: string): string | undefined {
  const value = text.replace(/[^a-z]/gi, '').toLowerCase();
  if (value === '' || value === 'all') return 'all';
  if (value.startsWith('text') || value.startsWith('string')) return 'text';
  if (value.startsWith('numeric') || value.startsWith('number')) return 'numeric';
  if (value.startsWith('date') || value.startsWith('time')) return 'dateTime';
  if (value.startsWith('bool')) return 'bool';
  return undefined;
}

export function convertMultiFieldFormula(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const fieldType = fieldTypeOf(configuration?.value('FieldType') ?? 'All');
  if (fieldType === undefined) return unsupported(`the field type "${configuration?.value('FieldType')}" is not supported`);
  const listed = fieldNames(configuration?.child('Fields'));
  const translated = translateFormula(configuration?.value('Expression') ?? '', context.constants);
  const config: Record<string, unknown> = {
    fieldType,
    fields: listed.filter((f) => f !== '*Unknown'),
    allOfType: listed.includes('*Unknown'),
    copyOutput: isTrue(configuration?.value('CopyOutput')),
    addOn: configuration?.value('NewFieldAddOn') ?? 'New_',
    addOnPosition: (configuration?.value('NewFieldAddOnPos') ?? 'Prefix').trim().toLowerCase().startsWith('suf') ? 'suffix' : 'prefix',
    changeFieldType: false,
    expression: translated.expression,
  };
  const result = converted('weft/multi-field-formula', config);
  result.approximations.push(...translated.approximations);
  const typeElement = configuration?.child('OutputFieldType') ?? configuration?.child('OutFieldType');
  const changeType = configuration?.child('ChangeFieldType') ?? typeElement;
  if (changeType && isTrue(changeType.attr('value'))) {
    const type = weftType(typeElement?.attr('type') ?? 'V_WString');
    if (type === undefined) result.approximations.push(`the output type ${typeElement?.attr('type')} has no Weft equivalent; the input types are kept`);
    else {
      const size = sizeOf(type, typeElement?.attr('size'));
      Object.assign(config, { changeFieldType: true, outputType: type, ...(size.size !== undefined && { outputSize: size.size }), ...(size.scale !== undefined && { outputScale: size.scale }) });
    }
  }
  return result;
}
