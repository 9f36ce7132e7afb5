/** Text To Columns' configuration and plan (the output fields, exact in update-only). */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isStringType } from '../common/transformTypes.js';
import { decodeDelimiters, type SplitOptions } from './splitText.js';

export type ExtraCharacters = 'leaveInLast' | 'dropWithWarning' | 'dropWithoutWarning' | 'error';

export interface TextToColumnsConfig {
  field: string;
  delimiters: string;
  splitTo: 'columns' | 'rows';
  columnCount: number;
  rootName: string;
  extraCharacters: ExtraCharacters;
  ignoreInQuotes: boolean;
  ignoreInSingleQuotes: boolean;
  ignoreInParentheses: boolean;
  ignoreInBrackets: boolean;
  skipEmpty: boolean;
}

export function readTextToColumnsConfig(raw: Record<string, unknown>): TextToColumnsConfig {
  const field = typeof raw.field === 'string' ? raw.field : '';
  return {
    field,
    delimiters: typeof raw.delimiters === 'string' ? raw.delimiters : ',',
    splitTo: raw.splitTo === 'rows' ? 'rows' : 'columns',
    columnCount: typeof raw.columnCount === 'number' ? raw.columnCount : 3,
    rootName: (typeof raw.rootName === 'string' ? raw.rootName.trim() : '') || field,
    extraCharacters: (['leaveInLast', 'dropWithWarning', 'dropWithoutWarning', 'error'] as const).find((m) => m === raw.extraCharacters) ?? 'leaveInLast',
    ignoreInQuotes: raw.ignoreInQuotes === true,
    ignoreInSingleQuotes: raw.ignoreInSingleQuotes === true,
    ignoreInParentheses: raw.ignoreInParentheses === true,
    ignoreInBrackets: raw.ignoreInBrackets === true,
    skipEmpty: raw.skipEmpty === true,
  };
}

export interface TextToColumnsPlan {
  config: TextToColumnsConfig;
  source: Field;
  split: SplitOptions;
  /** the new fields (columns) or the source field (rows) */
  written: Field[];
  metadata: Metadata;
}

export function planTextToColumns(config: TextToColumnsConfig, input: Metadata): TextToColumnsPlan | { errors: string[] } {
  if (config.field === '') return { errors: ['choose the field to split'] };
  const source = findField(input, config.field);
  if (!source) return { errors: [`field "${config.field}" is not in the input`] };
  if (!isStringType(source.type)) return { errors: [`field "${source.name}" is ${source.type}: Text To Columns splits a text field`] };
  const delimiters = decodeDelimiters(config.delimiters);
  if (delimiters.size === 0) return { errors: ['enter at least one delimiter character'] };
  const split: SplitOptions = { ...config, delimiters };
  if (config.splitTo === 'rows') return { config, source, split, written: [source], metadata: input };
  if (!Number.isInteger(config.columnCount) || config.columnCount < 1) return { errors: [`the number of columns must be a whole number of at least 1, not ${config.columnCount}`] };
  const written: Field[] = Array.from({ length: config.columnCount }, (_, i) => {
    const field: Field = { ...source, name: `${config.rootName}${i + 1}` };
    delete field.source;
    return field;
  });
  const at = input.fields.indexOf(source);
  const fields = [...input.fields.slice(0, at + 1), ...written, ...input.fields.slice(at + 1)];
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name.toLowerCase())) return { errors: [`output field "${f.name}" is already in the input: choose another root name`] };
    seen.add(f.name.toLowerCase());
  }
  return { config, source, split, written, metadata: { fields } };
}
