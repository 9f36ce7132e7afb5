/**
 * Append Fields' config and output metadata: the Target fields, then the Source fields, each side
 * filtered and renamed as its field list says (Alteryx's embedded Select). A Source field whose
 * name is already taken (ignoring case) becomes `Source_<name>` (then `Source_<name>_2`, …), as
 * Alteryx names it.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { chooseFields, freeName, type FieldChoice, type UnknownFields } from '../common/transformFieldChoices.js';

export type LimitMode = 'warn' | 'error' | 'allowAll';

/** Alteryx's threshold: appending more Source records than this warns or fails unless allowed */
export const SOURCE_RECORD_LIMIT = 16;

export interface AppendFieldsConfig {
  limitMode: LimitMode;
  targetFields: FieldChoice[];
  sourceFields: FieldChoice[];
  /** fields the lists do not name (e.g. added upstream later): kept or dropped */
  unknownFields: UnknownFields;
}

export function readConfig(raw: Record<string, unknown>): AppendFieldsConfig {
  const list = (v: unknown): FieldChoice[] => (Array.isArray(v) ? (v as FieldChoice[]) : []);
  return {
    limitMode: raw.limitMode === 'error' || raw.limitMode === 'allowAll' ? raw.limitMode : 'warn',
    targetFields: list(raw.targetFields),
    sourceFields: list(raw.sourceFields),
    unknownFields: raw.unknownFields === 'drop' ? 'drop' : 'keep',
  };
}

export interface OutputColumn {
  side: 'Target' | 'Source';
  input: string;
  output: string;
}

export interface AppendFieldsPlan {
  metadata: Metadata;
  columns: OutputColumn[];
  warnings: string[];
}

export function planAppendFields(config: AppendFieldsConfig, target: Metadata, source: Metadata): AppendFieldsPlan | { errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const fields: Field[] = [];
  const columns: OutputColumn[] = [];
  const taken = new Set<string>();
  for (const { field, name } of chooseFields(target, config.targetFields, config.unknownFields, 'Target', warnings)) {
    if (taken.has(name.toLowerCase())) { errors.push(`Target output field "${name}" appears twice: rename one`); continue; }
    taken.add(name.toLowerCase());
    fields.push({ ...field, name });
    columns.push({ side: 'Target', input: field.name, output: name });
  }
  const sourceChosen = chooseFields(source, config.sourceFields, config.unknownFields, 'Source', warnings);
  // a renamed Source field must not take the name another Source field keeps
  const reserved = new Set([...taken, ...sourceChosen.map((c) => c.name.toLowerCase())]);
  for (const { field, name: chosen } of sourceChosen) {
    const name = taken.has(chosen.toLowerCase()) ? freeName(chosen, 'Source_', reserved) : chosen;
    taken.add(name.toLowerCase());
    reserved.add(name.toLowerCase());
    fields.push({ ...field, name });
    columns.push({ side: 'Source', input: field.name, output: name });
  }
  return errors.length > 0 ? { errors } : { metadata: { fields }, columns, warnings };
}
