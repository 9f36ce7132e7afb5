/**
 * Append Fields' config and output metadata: the Target fields, then the Source fields, each side
 * filtered and renamed as its field list says (Alteryx's embedded Select). A Source field whose
 * name is already taken (ignoring case) becomes `Source_<name>` (then `Source_<name>_2`, …), as
 * Alteryx names it.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';

export type LimitMode = 'warn' | 'error' | 'allowAll';

/** Alteryx's threshold: appending more Source records than this warns or fails unless allowed */
export const SOURCE_RECORD_LIMIT = 16;

export interface AppendFieldChoice {
  field: string;
  selected?: boolean;
  rename?: string;
}

export interface AppendFieldsConfig {
  limitMode: LimitMode;
  targetFields: AppendFieldChoice[];
  sourceFields: AppendFieldChoice[];
  /** fields the lists do not name (e.g. added upstream later): kept or dropped */
  unknownFields: 'keep' | 'drop';
}

export function readConfig(raw: Record<string, unknown>): AppendFieldsConfig {
  const list = (v: unknown): AppendFieldChoice[] => (Array.isArray(v) ? (v as AppendFieldChoice[]) : []);
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

function chosenFields(side: 'Target' | 'Source', input: Metadata, choices: AppendFieldChoice[], unknown: 'keep' | 'drop', warnings: string[]): { field: Field; name: string }[] {
  const byName = new Map<string, AppendFieldChoice>();
  for (const choice of choices) {
    const field = findField(input, choice.field ?? '');
    if (!field) { if (choice.selected !== false) warnings.push(`${side} field "${choice.field}" is not in the ${side} input`); continue; }
    byName.set(field.name, choice);
  }
  return input.fields.flatMap((field) => {
    const choice = byName.get(field.name);
    if (choice ? choice.selected === false : unknown === 'drop') return [];
    return [{ field, name: choice?.rename?.trim() || field.name }];
  });
}

export function planAppendFields(config: AppendFieldsConfig, target: Metadata, source: Metadata): AppendFieldsPlan | { errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const fields: Field[] = [];
  const columns: OutputColumn[] = [];
  const taken = new Set<string>();
  for (const { field, name } of chosenFields('Target', target, config.targetFields, config.unknownFields, warnings)) {
    if (taken.has(name.toLowerCase())) { errors.push(`Target output field "${name}" appears twice: rename one`); continue; }
    taken.add(name.toLowerCase());
    fields.push({ ...field, name });
    columns.push({ side: 'Target', input: field.name, output: name });
  }
  const sourceChosen = chosenFields('Source', source, config.sourceFields, config.unknownFields, warnings);
  const sourceNames = new Set(sourceChosen.map((c) => c.name.toLowerCase()));
  for (const { field, name: chosen } of sourceChosen) {
    let name = chosen;
    if (taken.has(name.toLowerCase())) {
      name = `Source_${chosen}`;
      for (let k = 2; taken.has(name.toLowerCase()) || sourceNames.has(name.toLowerCase()); k++) name = `Source_${chosen}_${k}`;
    }
    taken.add(name.toLowerCase());
    fields.push({ ...field, name });
    columns.push({ side: 'Source', input: field.name, output: name });
  }
  return errors.length > 0 ? { errors } : { metadata: { fields }, columns, warnings };
}
