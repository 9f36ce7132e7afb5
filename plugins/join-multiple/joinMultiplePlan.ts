/**
 * Join Multiple's config and output metadata. Inputs are the connections of the `Input` anchor in
 * connection order (#1, #2, …). The output holds the chosen fields of #1, then of #2, …; a field
 * whose name is already taken (ignoring case) is renamed `Input_#2_<name>` (the connection's name),
 * as Alteryx names it.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { chooseFields, freeName, type FieldChoice, type UnknownFields } from '../common/transformFieldChoices.js';
import { isNumericType, isStringType } from '../common/transformTypes.js';

export type LimitMode = 'warn' | 'error' | 'allowAll';
/** Alteryx's threshold for a "multidimensional" join: one key matching more than this many combinations */
export const COMBINATION_LIMIT = 16;

export interface JoinMultipleConfig {
  mode: 'position' | 'fields';
  /** fields mode: the key fields of each connection, the same number for all */
  keys: { connection: string; fields: string[] }[];
  /** only keys (or positions) present in every input, else every row of every input (full outer) */
  allInputs: boolean;
  limitMode: LimitMode;
  fields: (FieldChoice & { connection: string })[];
  unknownFields: UnknownFields;
}

export function readConfig(raw: Record<string, unknown>): JoinMultipleConfig {
  return {
    mode: raw.mode === 'position' ? 'position' : 'fields',
    keys: Array.isArray(raw.keys) ? (raw.keys as JoinMultipleConfig['keys']) : [],
    allInputs: raw.allInputs === true,
    limitMode: raw.limitMode === 'error' || raw.limitMode === 'allowAll' ? raw.limitMode : 'warn',
    fields: Array.isArray(raw.fields) ? (raw.fields as JoinMultipleConfig['fields']) : [],
    unknownFields: raw.unknownFields === 'drop' ? 'drop' : 'keep',
  };
}

export interface JoinInput {
  connection: string;
  metadata: Metadata;
}

export interface OutputColumn { input: number; field: string; output: string }

export interface JoinMultiplePlan {
  metadata: Metadata;
  columns: OutputColumn[];
  /** fields mode: per input, its key field names */
  keys: string[][];
  warnings: string[];
}

function keyFamily(field: Field): string {
  if (isNumericType(field.type) && field.type !== 'fixeddecimal') return 'number';
  if (isStringType(field.type)) return 'string';
  return field.type;
}

function planKeys(config: JoinMultipleConfig, inputs: readonly JoinInput[], errors: string[]): string[][] {
  const keys: Field[][] = inputs.map((input) => {
    const entry = config.keys.find((k) => k.connection === input.connection);
    if (!entry || !Array.isArray(entry.fields) || entry.fields.length === 0) {
      errors.push(`choose the key fields of input ${input.connection}`);
      return [];
    }
    return entry.fields.flatMap((name) => {
      const field = findField(input.metadata, name);
      if (!field) errors.push(`key field "${name}" is not in input ${input.connection}`);
      return field ? [field] : [];
    });
  });
  if (errors.length > 0) return [];
  const count = keys[0].length;
  keys.forEach((list, k) => {
    if (list.length !== count) errors.push(`input ${inputs[k].connection} has ${list.length} key field(s), input ${inputs[0].connection} has ${count}`);
    else list.forEach((f, j) => {
      const first = keys[0][j];
      if (keyFamily(f) !== keyFamily(first)) errors.push(`key ${j + 1}: "${first.name}" (${first.type}) of ${inputs[0].connection} and "${f.name}" (${f.type}) of ${inputs[k].connection} cannot be compared`);
    });
  });
  return keys.map((list) => list.map((f) => f.name));
}

export function planJoinMultiple(config: JoinMultipleConfig, inputs: readonly JoinInput[]): JoinMultiplePlan | { errors: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const keys = config.mode === 'fields' ? planKeys(config, inputs, errors) : [];
  const fields: Field[] = [];
  const columns: OutputColumn[] = [];
  const taken = new Set<string>();
  inputs.forEach((input, k) => {
    const choices = config.fields.filter((f) => f.connection === input.connection);
    const chosen = chooseFields(input.metadata, choices, config.unknownFields, `input ${input.connection}`, warnings);
    const reserved = new Set([...taken, ...chosen.map((c) => c.name.toLowerCase())]);
    for (const { field, name: wanted } of chosen) {
      if (k === 0 && taken.has(wanted.toLowerCase())) { errors.push(`output field "${wanted}" of input ${input.connection} appears twice: rename one`); continue; }
      const name = taken.has(wanted.toLowerCase()) ? freeName(wanted, `Input_${input.connection}_`, reserved) : wanted;
      taken.add(name.toLowerCase());
      reserved.add(name.toLowerCase());
      fields.push({ ...field, name });
      columns.push({ input: k, field: field.name, output: name });
    }
  });
  return errors.length > 0 ? { errors } : { metadata: { fields }, columns, keys, warnings };
}
