/**
 * An embedded Select for tools that combine inputs (Append Fields, Join Multiple): per input, a
 * list of fields to deselect or rename; fields the list does not name are kept or dropped as a
 * whole (Alteryx's *Unknown). Output fields keep the input's order.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from './transformColumns.js';

export interface FieldChoice {
  field: string;
  selected?: boolean;
  rename?: string;
}

export type UnknownFields = 'keep' | 'drop';

export interface ChosenField {
  field: Field;
  /** the output name before any clash renaming */
  name: string;
}

/** the fields of `input` that go out, with their names; a listed field missing from the input adds a warning */
export function chooseFields(input: Metadata, choices: readonly FieldChoice[], unknown: UnknownFields, place: string, warnings: string[]): ChosenField[] {
  const byName = new Map<string, FieldChoice>();
  for (const choice of choices) {
    const field = findField(input, choice.field ?? '');
    if (!field) {
      if (choice.selected !== false) warnings.push(`${place} field "${choice.field}" is not in the ${place} input`);
      continue;
    }
    byName.set(field.name, choice);
  }
  return input.fields.flatMap((field) => {
    const choice = byName.get(field.name);
    if (choice ? choice.selected === false : unknown === 'drop') return [];
    return [{ field, name: choice?.rename?.trim() || field.name }];
  });
}

/** `name` if free, else `<prefix><name>`, then `<prefix><name>_2`, … (ignoring case; `taken` is lower case) */
export function freeName(name: string, prefix: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  let candidate = `${prefix}${name}`;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${prefix}${name}_${k}`;
  return candidate;
}
