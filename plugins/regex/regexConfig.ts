/**
 * The RegEx tool's configuration and its plan: which output fields the chosen method produces
 * (known exactly in update-only) and the compiled pattern.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isFieldTypeName, isStringType } from '../common/transformTypes.js';
import { compileReplacement, compileTextPattern, type Replacement, type TextPattern } from './regexEngine.js';

export type RegexMethod = 'replace' | 'tokenize' | 'parse' | 'match';
export type ExtraColumns = 'dropWithWarning' | 'dropWithoutWarning' | 'error';

export interface ParseFieldConfig {
  name?: string;
  type?: Field['type'];
  size?: number;
}

export interface RegexConfig {
  field: string;
  expression: string;
  caseInsensitive: boolean;
  method: RegexMethod;
  replaceWith: string;
  copyUnmatched: boolean;
  tokenizeTo: 'columns' | 'rows';
  columnCount: number;
  rootName: string;
  extraColumns: ExtraColumns;
  parseFields: ParseFieldConfig[];
  matchField: string;
  matchOutput: 'field' | 'filter';
  errorIfNotMatched: boolean;
}

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

export function readRegexConfig(raw: Record<string, unknown>): RegexConfig {
  const field = str(raw.field, '');
  return {
    field,
    expression: str(raw.expression, ''),
    caseInsensitive: raw.caseInsensitive !== false,
    method: (['replace', 'tokenize', 'parse', 'match'] as const).find((m) => m === raw.method) ?? 'parse',
    replaceWith: str(raw.replaceWith, ''),
    copyUnmatched: raw.copyUnmatched !== false,
    tokenizeTo: raw.tokenizeTo === 'rows' ? 'rows' : 'columns',
    columnCount: typeof raw.columnCount === 'number' ? raw.columnCount : 3,
    rootName: str(raw.rootName, '').trim() || field,
    extraColumns: (['dropWithWarning', 'dropWithoutWarning', 'error'] as const).find((m) => m === raw.extraColumns) ?? 'dropWithWarning',
    parseFields: Array.isArray(raw.parseFields) ? (raw.parseFields as ParseFieldConfig[]) : [],
    matchField: str(raw.matchField, '').trim() || `${field}_Matched`,
    matchOutput: raw.matchOutput === 'filter' ? 'filter' : 'field',
    errorIfNotMatched: raw.errorIfNotMatched === true,
  };
}

export interface RegexPlan {
  config: RegexConfig;
  /** the field the expression reads */
  source: Field;
  pattern: TextPattern;
  replacement: Replacement | null;
  /** the fields this method writes (new or replaced), in output order */
  written: Field[];
  metadata: Metadata;
}

/** input fields with `added` put right after the source field, as Alteryx places them */
function insertAfter(input: Metadata, source: Field, added: Field[]): Field[] {
  const at = input.fields.indexOf(source);
  return [...input.fields.slice(0, at + 1), ...added, ...input.fields.slice(at + 1)];
}

function parseFieldsOf(config: RegexConfig, pattern: TextPattern, errors: string[]): Field[] {
  const out: Field[] = [];
  for (let g = 1; g <= pattern.groupCount; g++) {
    const entry = config.parseFields[g - 1] ?? {};
    const name = entry.name?.trim() || pattern.groupNames[g] || `RegExOut${g}`;
    if (entry.type !== undefined && !isFieldTypeName(entry.type)) errors.push(`output field ${g} ("${name}"): unknown type ${JSON.stringify(entry.type)}`);
    const type = entry.type ?? 'v_wstring';
    const field: Field = { name, type };
    if (entry.size !== undefined) field.size = entry.size;
    else if (isStringType(type)) field.size = 254;
    out.push(field);
  }
  if (config.parseFields.length > pattern.groupCount) {
    errors.push(`${config.parseFields.length} output fields are configured but the expression has ${pattern.groupCount} marked group(s)`);
  }
  return out;
}

export function planRegex(config: RegexConfig, input: Metadata): RegexPlan | { errors: string[] } {
  const errors: string[] = [];
  if (config.field === '') return { errors: ['choose the field to parse'] };
  const source = findField(input, config.field);
  if (!source) return { errors: [`field "${config.field}" is not in the input`] };
  if (!isStringType(source.type)) return { errors: [`field "${source.name}" is ${source.type}: the RegEx tool reads a text field`] };
  if (config.expression === '') return { errors: ['enter a regular expression'] };
  const pattern = compileTextPattern(config.expression, config.caseInsensitive);
  if ('error' in pattern) return { errors: [pattern.error] };
  let replacement: Replacement | null = null;
  let written: Field[] = [];
  let fields: Field[] = input.fields;
  switch (config.method) {
    case 'replace': {
      const compiled = compileReplacement(config.replaceWith, pattern);
      if ('error' in compiled) errors.push(compiled.error); else replacement = compiled;
      written = [source];
      break;
    }
    case 'parse':
      if (pattern.groupCount === 0) errors.push('the expression has no marked group "( )" to parse into a field');
      written = parseFieldsOf(config, pattern, errors);
      fields = insertAfter(input, source, written);
      break;
    case 'match':
      if (config.matchOutput === 'field') {
        written = [{ name: config.matchField, type: 'bool' }];
        fields = insertAfter(input, source, written);
      }
      break;
    case 'tokenize':
      if (config.tokenizeTo === 'rows') written = [source];
      else {
        if (!Number.isInteger(config.columnCount) || config.columnCount < 1) errors.push(`the number of columns must be a whole number of at least 1, not ${config.columnCount}`);
        else {
          written = Array.from({ length: config.columnCount }, (_, i) => ({ ...source, name: `${config.rootName}${i + 1}` }));
          for (const f of written) delete f.source;
          fields = insertAfter(input, source, written);
        }
      }
      break;
  }
  const seen = new Set<string>();
  for (const f of fields) {
    const key = f.name.toLowerCase();
    if (seen.has(key)) errors.push(`output field "${f.name}" is already in the input: choose another name`);
    seen.add(key);
  }
  if (errors.length > 0) return { errors };
  return { config, source, pattern, replacement, written, metadata: { fields } };
}
