/**
 * Dynamic Rename: by formula, from the first row, from the Right input's field names or rows, or
 * adding/removing a prefix or suffix; the fields listed (`*Unknown`: every other field too).
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

function fieldChoice(configuration: XmlElement | undefined) {
  const fields: string[] = [];
  const excludedFields: string[] = [];
  let unknownFields = false;
  for (const field of configuration?.child('Fields')?.children('Field') ?? []) {
    const name = field.attr('name') ?? field.attr('field') ?? '';
    const selected = isTrue(field.attr('selected') ?? 'True');
    if (name === '*Unknown') unknownFields = selected;
    else (selected ? fields : excludedFields).push(name);
  }
  return { fields, excludedFields, unknownFields };
}

export function convertDynamicRename(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const mode = (configuration?.value('RenameMode') ?? 'FirstRow').trim();
  const config: Record<string, unknown> = { ...fieldChoice(configuration) };
  const result = converted('weft/dynamic-rename', config, { inputAnchors: { R: 'Right', Right: 'Right', L: 'Input', Input: 'Input' } });
  switch (mode) {
    case 'FirstRow': config.mode = 'firstRow'; break;
    case 'Formula': {
      const translated = translateFormula(configuration?.value('Expression') ?? '[_CurrentField_]', context.constants);
      Object.assign(config, { mode: 'formula', expression: translated.expression });
      result.approximations.push(...translated.approximations);
      break;
    }
    case 'RightInputMetadata': config.mode = 'rightInputMetadata'; break;
    case 'RightInputRows': {
      const oldName = configuration?.value('OldFieldNameField') ?? configuration?.value('OldNameField');
      const newName = configuration?.value('NewFieldNameField') ?? configuration?.value('NewNameField');
      if (!oldName || !newName) return unsupported('the Right input rows mode names no old-name and new-name fields that Weft can read');
      Object.assign(config, { mode: 'rightInputRows', oldNameField: oldName.trim(), newNameField: newName.trim() });
      break;
    }
    case 'Add': case 'Remove': {
      const text = configuration?.value('Text') ?? configuration?.value('PrefixSuffixText');
      const position = (configuration?.value('Position') ?? configuration?.value('PrefixSuffix') ?? configuration?.value('PrefixOrSuffix'))?.trim().toLowerCase();
      if (text === undefined || position === undefined) return unsupported(`the ${mode.toLowerCase()} prefix/suffix settings were not found in the XML`);
      config.mode = `${mode === 'Add' ? 'add' : 'remove'}${position.startsWith('suf') ? 'Suffix' : 'Prefix'}`;
      config.text = text;
      break;
    }
    default:
      return unsupported(`the Dynamic Rename mode ${mode} is not supported`);
  }
  return result;
}
