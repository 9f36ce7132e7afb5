/** Find Replace's configuration and plan: the output fields, known once both inputs are open. */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isStringType } from '../common/transformTypes.js';

export interface FindReplaceConfig {
  findField: string;
  findValueField: string;
  findMode: 'entireField' | 'beginning' | 'anyPart';
  caseInsensitive: boolean;
  matchWholeWord: boolean;
  action: 'replace' | 'append';
  replaceField: string;
  replaceMultiple: boolean;
  appendFields: string[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function readFindReplaceConfig(raw: Record<string, unknown>): FindReplaceConfig {
  return {
    findField: text(raw.findField),
    findValueField: text(raw.findValueField),
    findMode: raw.findMode === 'anyPart' || raw.findMode === 'beginning' ? raw.findMode : 'entireField',
    caseInsensitive: raw.caseInsensitive !== false,
    matchWholeWord: raw.matchWholeWord === true,
    action: raw.action === 'append' ? 'append' : 'replace',
    replaceField: text(raw.replaceField),
    replaceMultiple: raw.replaceMultiple === true,
    appendFields: Array.isArray(raw.appendFields) ? raw.appendFields.filter((f): f is string => typeof f === 'string') : [],
  };
}

export interface FindReplacePlan {
  config: FindReplaceConfig;
  find: Metadata;
  /** the Find field searched */
  target: Field;
  /** the Replace input's field holding the values to find */
  findValue: Field;
  /** replace: the Replace input's field holding the new text */
  replaceValue: Field | null;
  /** append: the Replace input's fields added to each Find record */
  appended: Field[];
  metadata: Metadata;
}

export function planFindReplace(config: FindReplaceConfig, find: Metadata, replace: Metadata): FindReplacePlan | { errors: string[] } {
  const errors: string[] = [];
  const target = findField(find, config.findField);
  if (config.findField === '') errors.push('choose the field to find in (Find input)');
  else if (!target) errors.push(`field "${config.findField}" is not in the Find input`);
  else if (!isStringType(target.type)) errors.push(`field "${target.name}" of the Find input is ${target.type}: Find Replace searches a text field`);
  const findValue = findField(replace, config.findValueField);
  if (config.findValueField === '') errors.push('choose the field of values to find (Replace input)');
  else if (!findValue) errors.push(`field "${config.findValueField}" is not in the Replace input`);
  let replaceValue: Field | null = null;
  const appended: Field[] = [];
  if (config.action === 'replace') {
    replaceValue = findField(replace, config.replaceField) ?? null;
    if (config.replaceField === '') errors.push('choose the field whose value replaces the found text (Replace input)');
    else if (!replaceValue) errors.push(`field "${config.replaceField}" is not in the Replace input`);
  } else {
    if (config.appendFields.length === 0) errors.push('choose at least one field of the Replace input to append');
    for (const name of config.appendFields) {
      const field = findField(replace, name);
      if (!field) errors.push(`field "${name}" to append is not in the Replace input`);
      else if (findField(find, field.name)) errors.push(`field "${field.name}" to append is also in the Find input: rename one of them first`);
      else appended.push({ ...field });
    }
  }
  if (errors.length > 0 || !target || !findValue) return { errors };
  return { config, find, target, findValue, replaceValue, appended, metadata: { fields: [...find.fields, ...appended] } };
}
