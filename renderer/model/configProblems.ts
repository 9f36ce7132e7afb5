/**
 * A tool's configuration problems in plain language, placed on the setting they concern:
 * "Sort keys, row 1: choose the field" rather than `config.keys.0: missing required key "field"`.
 * Built from the config schema's titles and Weft's widget hints; also reports a file or formula
 * setting left empty, which a schema allows (an empty default) but no run can use.
 */
import type { OutputUnit } from '@cfworker/json-schema';

type JsonSchema = Record<string, unknown>;

export interface ConfigProblem {
  /** the setting's place as @rjsf names it: `.keys.0.field`, or `` for the whole config */
  property: string;
  /** the JSON Schema keyword that failed (`required`, `minLength`, …; `empty` for an empty file or formula) */
  keyword: string;
  /** what to do, in plain language */
  text: string;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childSchema(schema: JsonSchema | undefined, segment: string): JsonSchema | undefined {
  if (!schema) return undefined;
  if (/^\d+$/.test(segment) && isObject(schema.items)) return schema.items;
  const properties = schema.properties;
  return isObject(properties) && isObject(properties[segment]) ? properties[segment] : undefined;
}

function titleOf(schema: JsonSchema | undefined, key: string): string {
  return typeof schema?.title === 'string' && schema.title !== '' ? schema.title : key;
}

/** "Sort keys, row 1" for `keys/0`: where a setting sits, by its enclosing lists' titles */
function placeOf(root: JsonSchema, segments: string[]): string {
  const parts: string[] = [];
  let schema: JsonSchema | undefined = root;
  for (const segment of segments) {
    const next = childSchema(schema, segment);
    if (/^\d+$/.test(segment)) parts.push(`${parts.pop() ?? 'List'}, row ${Number(segment) + 1}`);
    else parts.push(titleOf(next, segment));
    schema = next;
  }
  return parts.join(' › ');
}

function lower(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

/** the verb that fits the setting's widget: a picker is chosen, a formula written, text filled in */
function askFor(schema: JsonSchema | undefined, title: string): string {
  const widget = schema?.['x-weft-widget'];
  const name = lower(title);
  if (widget === 'formula') return `write the ${name}`;
  if (widget === 'file') return schema?.['x-weft-file-mode'] === 'save' ? 'choose a file to write' : 'choose a file to read';
  if (widget === 'field' || widget === 'connection' || Array.isArray(schema?.enum)) return `choose the ${name}`;
  return `fill in the ${name}`;
}

function sentence(place: string, action: string): string {
  if (place === '') return action[0]!.toUpperCase() + action.slice(1);
  return `${place}: ${action}`;
}

function segmentsOf(instanceLocation: string): string[] {
  return instanceLocation.replace(/^#/, '').split('/').filter((part) => part !== '')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function propertyOf(segments: string[]): string {
  return segments.map((segment) => `.${segment}`).join('');
}

function schemaAt(root: JsonSchema, segments: string[]): JsonSchema | undefined {
  return segments.reduce<JsonSchema | undefined>((schema, segment) => childSchema(schema, segment), root);
}

/** one validator error as a plain problem */
export function plainProblem(root: JsonSchema, unit: OutputUnit): ConfigProblem {
  let segments = segmentsOf(unit.instanceLocation);
  const missing = unit.keyword === 'required' ? /required property "([^"]+)"/.exec(unit.error)?.[1] : undefined;
  if (missing !== undefined) segments = [...segments, missing];
  const schema = schemaAt(root, segments);
  const key = segments.at(-1) ?? '';
  const title = titleOf(schema, key);
  const place = placeOf(root, segments.slice(0, -1));
  const property = propertyOf(segments);
  const problem = (text: string): ConfigProblem => ({ property, keyword: unit.keyword, text });
  switch (unit.keyword) {
    case 'required':
      return problem(sentence(place, askFor(schema, title)));
    case 'minLength':
      return problem(sentence(place, askFor(schema, title)));
    case 'minItems': {
      const least = typeof schema?.minItems === 'number' ? schema.minItems : 1;
      return problem(sentence(place, `add at least ${least === 1 ? 'one row' : `${least} rows`} to ${lower(title)}`));
    }
    case 'enum':
      return problem(sentence(place, `choose one of the listed values for ${lower(title)}`));
    case 'additionalProperties':
      return problem(sentence(place === '' ? title : `${place} › ${title}`, 'this setting is not known to the tool; remove it'));
    default: {
      const detail = unit.error.replace(/^Instance(?: "[^"]*")? /, '').replace(/\.$/, '');
      return problem(`${place === '' ? title : `${place} › ${title}`}: ${detail}`);
    }
  }
}

/**
 * `"x-weft-when": { "source": "database" }` on a property: it applies only while its siblings have
 * those values (Input Data's file path is not needed for a database source, nor its connection for a file)
 */
function appliesTo(schema: JsonSchema, parent: unknown): boolean {
  const when = schema['x-weft-when'];
  if (!isObject(when) || !isObject(parent)) return true;
  return Object.entries(when).every(([key, expected]) => parent[key] === expected);
}

/** file, formula and connection settings left empty, anywhere in the config (they pass a schema with an empty default) */
export function emptyRequiredInputs(root: JsonSchema, config: unknown): ConfigProblem[] {
  const found: ConfigProblem[] = [];
  const visit = (schema: JsonSchema | undefined, value: unknown, segments: string[], parent?: unknown) => {
    if (!schema || !appliesTo(schema, parent)) return;
    const widget = schema['x-weft-widget'];
    if ((widget === 'file' || widget === 'formula' || widget === 'connection') && typeof value === 'string' && value.trim() === '') {
      const title = titleOf(schema, segments.at(-1) ?? '');
      found.push({ property: propertyOf(segments), keyword: 'empty', text: sentence(placeOf(root, segments.slice(0, -1)), askFor(schema, title)) });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(childSchema(schema, String(index)), item, [...segments, String(index)]));
    else if (isObject(value)) for (const [key, item] of Object.entries(value)) visit(childSchema(schema, key), item, [...segments, key], value);
  };
  visit(root, config, []);
  return found;
}
