/** The DateTime tool's configuration and plan (the new field, exact in update-only). */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isStringType, isTemporalType } from '../common/transformTypes.js';
import { readDateFormat, type DateFormat } from './alteryxDateFormat.js';

export interface DateTimeConfig {
  mode: 'parse' | 'format';
  field: string;
  outputField: string;
  format: string;
  language: string;
  outputType: 'auto' | 'date' | 'time' | 'datetime';
}

export function readDateTimeConfig(raw: Record<string, unknown>): DateTimeConfig {
  return {
    mode: raw.mode === 'format' ? 'format' : 'parse',
    field: typeof raw.field === 'string' ? raw.field : '',
    outputField: (typeof raw.outputField === 'string' ? raw.outputField.trim() : '') || 'DateTime_Out',
    format: typeof raw.format === 'string' ? raw.format : '',
    language: typeof raw.language === 'string' && raw.language !== '' ? raw.language : 'English',
    outputType: (['date', 'time', 'datetime'] as const).find((t) => t === raw.outputType) ?? 'auto',
  };
}

export interface DateTimePlan {
  config: DateTimeConfig;
  source: Field;
  output: Field;
  format: DateFormat;
  metadata: Metadata;
}

export function planDateTime(config: DateTimeConfig, input: Metadata): DateTimePlan | { errors: string[] } {
  if (config.field === '') return { errors: ['choose the field to convert'] };
  const source = findField(input, config.field);
  if (!source) return { errors: [`field "${config.field}" is not in the input`] };
  if (config.format.trim() === '') return { errors: ['enter the date/time format'] };
  if (!config.format.includes('%') && config.format.includes('*')) {
    return { errors: [`the format ${JSON.stringify(config.format)} uses Alteryx's * wildcard, which Weft's formats do not have: write the character it stands for`] };
  }
  const format = readDateFormat(config.format);
  if (!format.hasDate && !format.hasTime) return { errors: [`the format ${JSON.stringify(config.format)} has no date or time specifier (e.g. yyyy, MM, dd, HH, mm, ss or %Y, %m, %d)`] };
  if (format.usesNames && config.language.toLowerCase() !== 'english') {
    return { errors: [`the format uses month or weekday names, which Weft reads and writes in English only, not ${config.language}`] };
  }
  let output: Field;
  if (config.mode === 'parse') {
    if (!isStringType(source.type)) return { errors: [`field "${source.name}" is ${source.type}: string to date/time reads a text field`] };
    const auto = format.hasDate && format.hasTime ? 'datetime' : format.hasDate ? 'date' : 'time';
    output = { name: config.outputField, type: config.outputType === 'auto' ? auto : config.outputType };
  } else {
    if (!isTemporalType(source.type) && !isStringType(source.type)) return { errors: [`field "${source.name}" is ${source.type}: date/time to string reads a date, time or datetime field`] };
    output = { name: config.outputField, type: 'v_wstring' };
  }
  if (findField(input, output.name)) return { errors: [`output field "${output.name}" is already in the input: choose another name`] };
  return { config, source, output, format, metadata: { fields: [...input.fields, output] } };
}
