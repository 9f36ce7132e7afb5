/**
 * Dynamic Rename's config, the fields it renames, and the output metadata for a set of new names.
 * Only names change: types, sizes and values stay.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';

export const MODES = ['formula', 'firstRow', 'addPrefix', 'addSuffix', 'removePrefix', 'removeSuffix', 'rightInputMetadata', 'rightInputRows'] as const;
export type RenameMode = (typeof MODES)[number];

export interface DynamicRenameConfig {
  mode: RenameMode;
  /** the fields to rename */
  fields: string[];
  /** also rename every field not listed in `fields` or `excludedFields` (Alteryx's *Unknown) */
  unknownFields: boolean;
  excludedFields: string[];
  /** formula: the new name, from [_CurrentField_] (the field's name) */
  expression: string;
  /** add/remove prefix or suffix: the text */
  text: string;
  /** rightInputRows: the Right fields holding the old and the new names */
  oldNameField: string;
  newNameField: string;
}

export function readConfig(raw: Record<string, unknown>): DynamicRenameConfig {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    mode: (MODES as readonly string[]).includes(raw.mode as string) ? (raw.mode as RenameMode) : 'formula',
    fields: list(raw.fields),
    unknownFields: raw.unknownFields !== false,
    excludedFields: list(raw.excludedFields),
    expression: text(raw.expression),
    text: text(raw.text),
    oldNameField: text(raw.oldNameField),
    newNameField: text(raw.newNameField),
  };
}

/** the input fields to rename, in input order; names listed but missing give warnings */
export function fieldsToRename(config: DynamicRenameConfig, input: Metadata, warnings: string[]): Field[] {
  const chosen = new Set<string>();
  for (const name of config.fields) {
    const field = findField(input, name);
    if (field) chosen.add(field.name);
    else warnings.push(`field "${name}" is not in the input`);
  }
  if (config.unknownFields) {
    const named = new Set([...config.fields, ...config.excludedFields].map((n) => n.toLowerCase()));
    for (const f of input.fields) if (!named.has(f.name.toLowerCase())) chosen.add(f.name);
  }
  return input.fields.filter((f) => chosen.has(f.name));
}

/** add or remove a prefix or suffix; removing text a name does not have leaves it */
export function affixName(mode: RenameMode, text: string, name: string): string {
  switch (mode) {
    case 'addPrefix': return text + name;
    case 'addSuffix': return name + text;
    case 'removePrefix': return text !== '' && name.startsWith(text) ? name.slice(text.length) : name;
    case 'removeSuffix': return text !== '' && name.endsWith(text) ? name.slice(0, name.length - text.length) : name;
    default: return name;
  }
}

/** `input` with the names in `renames` (old → new); an error for an empty or a repeated name */
export function renamedMetadata(input: Metadata, renames: ReadonlyMap<string, string>): Metadata | { error: string } {
  const seen = new Map<string, string>();
  const fields: Field[] = [];
  for (const f of input.fields) {
    const name = renames.get(f.name) ?? f.name;
    if (name.trim() === '') return { error: `the new name of field "${f.name}" is empty` };
    const clash = seen.get(name.toLowerCase());
    if (clash !== undefined) return { error: `fields "${clash}" and "${f.name}" would both be named "${name}"` };
    seen.set(name.toLowerCase(), f.name);
    fields.push({ ...f, name });
  }
  return { fields };
}
