/** The Data Cleansing tool's configuration and plan. */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isNumericType, isStringType } from '../common/transformTypes.js';
import type { CleanseOptions } from './cleanseText.js';

export interface DataCleansingConfig extends CleanseOptions {
  removeNullRows: boolean;
  removeNullColumns: boolean;
  fields: string[];
}

export function readDataCleansingConfig(raw: Record<string, unknown>): DataCleansingConfig {
  const flag = (key: string, fallback: boolean) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);
  return {
    removeNullRows: flag('removeNullRows', true),
    removeNullColumns: flag('removeNullColumns', false),
    fields: Array.isArray(raw.fields) ? raw.fields.filter((f): f is string => typeof f === 'string') : [],
    replaceNullText: flag('replaceNullText', true),
    replaceNullNumbers: flag('replaceNullNumbers', true),
    trimWhitespace: flag('trimWhitespace', true),
    collapseWhitespace: flag('collapseWhitespace', false),
    removeAllWhitespace: flag('removeAllWhitespace', false),
    removeLetters: flag('removeLetters', false),
    removeNumbers: flag('removeNumbers', false),
    removePunctuation: flag('removePunctuation', false),
    modifyCase: (['upper', 'lower', 'title'] as const).find((c) => c === raw.modifyCase) ?? 'none',
  };
}

export interface DataCleansingPlan {
  config: DataCleansingConfig;
  input: Metadata;
  /** chosen text fields, cleansed by the text options */
  textFields: Field[];
  /** chosen numeric fields, whose nulls become 0 when asked */
  numberFields: Field[];
}

export function planDataCleansing(config: DataCleansingConfig, input: Metadata): DataCleansingPlan | { errors: string[] } {
  const missing = config.fields.filter((name) => !findField(input, name));
  if (missing.length > 0) return { errors: [`field(s) ${missing.map((m) => `"${m}"`).join(', ')} to cleanse are not in the input`] };
  const chosen = config.fields.map((name) => findField(input, name)!);
  return {
    config,
    input,
    textFields: chosen.filter((f) => isStringType(f.type)),
    numberFields: config.replaceNullNumbers ? chosen.filter((f) => isNumericType(f.type)) : [],
  };
}
