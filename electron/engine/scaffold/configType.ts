/**
 * A TypeScript type for a tool's config, generated from its JSON Schema (the parts a config schema
 * uses: object properties and `required`, string/number/integer/boolean/null, `enum`, `const`,
 * arrays, `anyOf`/`oneOf`; anything else is `unknown`). A key with a `defaultConfig` value is
 * never missing at run time (the defaults are merged under the saved config), so it is not optional.
 */
type Schema = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(schema: unknown, indent: string, present: ReadonlySet<string> = new Set()): string {
  if (schema === true || schema === undefined) return 'unknown';
  if (!isSchema(schema)) return 'never';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ') || 'never';
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return union.map((s) => typeOf(s, indent)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const parts = types.map((type) => {
    switch (type) {
      case 'string': return 'string';
      case 'number': case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      case 'array': {
        const item = typeOf(schema.items, indent);
        return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
      }
      case 'object': return objectType(schema, indent, present);
      default: return isSchema(schema.properties) ? objectType(schema, indent, present) : 'unknown';
    }
  });
  return [...new Set(parts)].join(' | ');
}

function objectType(schema: Schema, indent: string, present: ReadonlySet<string>): string {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set([...(Array.isArray(schema.required) ? schema.required.map(String) : []), ...present]);
  const inner = `${indent}  `;
  const lines = Object.entries(properties).map(([key, value]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    const doc = isSchema(value) && typeof (value.description ?? value.title) === 'string' ? `${inner}/** ${String(value.description ?? value.title).replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}${inner}${name}${required.has(key) ? '' : '?'}: ${typeOf(value, inner)};`;
  });
  if (schema.additionalProperties !== false && Object.keys(properties).length === 0) lines.push(`${inner}[key: string]: unknown;`);
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}

/** the source of `export interface <name> { … }` for a tool's configSchema and defaultConfig */
export function configTypeSource(configSchema: Record<string, unknown>, defaultConfig: Record<string, unknown> = {}, name = 'Config'): string {
  const body = objectType(configSchema, '', new Set(Object.keys(defaultConfig)));
  return `export interface ${name} ${body === '{}' ? '{}' : body}\n`;
}
