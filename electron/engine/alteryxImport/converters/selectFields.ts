/**
 * `<SelectFields>` as Select, Join and the other tools with a field list write it: one
 * `<SelectField field selected rename type size description/>` per field, in output order, and
 * `*Unknown` standing for every field the list does not name.
 */
import { isTrue, sizeOf, weftType } from '../alteryxTypes.js';
import type { XmlElement } from '../xmlTree.js';

export interface WeftSelectField {
  field: string;
  selected?: boolean;
  rename?: string;
  type?: string;
  size?: number;
  scale?: number;
  description?: string;
}

export interface SelectList {
  fields: WeftSelectField[];
  newFields: 'keep' | 'drop';
  /** what the list asks that Weft's Select cannot do */
  approximations: string[];
}

/** `rename(field)` maps a listed name to the name Weft sees (Join strips `Left_`/`Right_`) */
export function readSelectFields(list: XmlElement | undefined, rename: (field: XmlElement) => string = (f) => f.attr('field') ?? ''): SelectList {
  const fields: WeftSelectField[] = [];
  const approximations: string[] = [];
  let newFields: 'keep' | 'drop' = 'keep';
  let unknownAt = -1;
  const entries = list?.children('SelectField') ?? [];
  entries.forEach((entry, index) => {
    const name = entry.attr('field') ?? '';
    if (name === '*Unknown') {
      newFields = isTrue(entry.attr('selected') ?? 'True') ? 'keep' : 'drop';
      unknownAt = index;
      return;
    }
    const field = rename(entry);
    const out: WeftSelectField = { field };
    if (!isTrue(entry.attr('selected') ?? 'True')) out.selected = false;
    const newName = entry.attr('rename');
    if (newName !== undefined && newName !== '' && newName !== field) out.rename = newName;
    const typeName = entry.attr('type');
    if (typeName !== undefined) {
      const type = weftType(typeName);
      if (type === undefined) approximations.push(`field "${name}": the type ${typeName} has no Weft equivalent and is left as it is`);
      else Object.assign(out, { type }, sizeOf(type, entry.attr('size')));
    }
    const description = entry.attr('description');
    if (description) out.description = description;
    fields.push(out);
  });
  const listedAfter = unknownAt >= 0 ? entries.slice(unknownAt + 1).filter((e) => isTrue(e.attr('selected') ?? 'True')).length : 0;
  if (newFields === 'keep' && listedAfter > 0) {
    approximations.push('fields the list does not name come last in Weft; Alteryx places them where *Unknown stands (before the last listed fields)');
  }
  return { fields, newFields, approximations };
}
