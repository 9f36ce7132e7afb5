/**
 * Ajv instances: one for the manifest's own schema (fills defaults), one for tools' config schemas
 * (JSON Schema draft 2020-12, compiled once per tool, with the standard formats).
 */
import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';

// Ajv (~100 CommonJS modules) loads on first need, not at start: a `weft run` of built-in tools
// needs it only for the few configs it validates (docs/performance.md, "Cold start").
const require = createRequire(import.meta.url);

function newAjv(options: Options): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as { Ajv2020: new (options: Options) => Ajv2020 };
  return new AjvClass(options);
}

let manifestInstance: Ajv2020 | null = null;
export function manifestAjv(): Ajv2020 {
  manifestInstance ??= newAjv({ allErrors: false, useDefaults: true, strict: true });
  return manifestInstance;
}

const configInstances = new Map<boolean, Ajv2020>();
/** `checkSchemas` false: a schema is compiled without first checking it against the JSON Schema meta-schema */
function configAjv(checkSchemas: boolean): Ajv2020 {
  let instance = configInstances.get(checkSchemas);
  if (!instance) {
    // ajv-formats is CommonJS: its export is the module object or the function itself
    const formats = require('ajv-formats') as { default?: (ajv: Ajv2020) => Ajv2020 } & ((ajv: Ajv2020) => Ajv2020);
    instance = newAjv({ allErrors: true, strict: false, validateFormats: true, validateSchema: checkSchemas });
    (formats.default ?? formats)(instance);
    configInstances.set(checkSchemas, instance);
  }
  return instance;
}

export type ConfigValidator = (config: Record<string, unknown>) => string[];

// Compiling is most of what loading a package costs (the built-in package's ~30 schemas: ~1 s of
// CPU), and the same schemas are compiled again and again: an install reads its package three
// times, and every registry reads the same packages. A compiled schema depends on its text only.
const COMPILED_KEPT = 1_000;
const compiled = new Map<string, ConfigValidator | Error>();

/**
 * compiles a tool's configSchema; throws with the schema problem when it is not a valid schema.
 * `checked`: the schema was checked against the meta-schema already (the built-in package, at build
 * time and by its test), so that check (~4/5 of the cost of compiling) is skipped.
 */
export function compileConfigSchema(schema: Record<string, unknown>, checked = false): ConfigValidator {
  const key = `${checked ? 'checked' : 'unchecked'}:${JSON.stringify(schema)}`;
  let result = compiled.get(key);
  if (result === undefined) {
    try {
      result = compileUncached(schema, checked);
    } catch (error) {
      result = error as Error;
    }
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, result);
  }
  if (result instanceof Error) throw result;
  return result;
}

/** a validator that compiles `schema` on its first call (a schema problem then reads as a config problem) */
export function compileConfigSchemaLazily(schema: Record<string, unknown>, checked = false): ConfigValidator {
  let validate: ConfigValidator | null = null;
  return (config) => {
    try {
      validate ??= compileConfigSchema(schema, checked);
    } catch (error) {
      return [`configSchema: ${(error as Error).message}`];
    }
    return validate(config);
  };
}

function compileUncached(schema: Record<string, unknown>, checked: boolean): ConfigValidator {
  const ajv = configAjv(!checked);
  if (!checked && !ajv.validateSchema(schema)) {
    const error = ajv.errors?.[0];
    const at = error?.instancePath ? `${error.instancePath} ` : '';
    throw new Error(`not a valid JSON Schema: ${at}${error?.message ?? 'invalid'}`.trim());
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new Error(`not a valid JSON Schema: ${(error as Error).message}`);
  }
  return (config) => {
    if (validate(config)) return [];
    return (validate.errors ?? []).map((e) => {
      const at = e.instancePath ? `config${e.instancePath.replace(/\//g, '.')}` : 'config';
      if (e.keyword === 'required') return `${at}: missing required key ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
      if (e.keyword === 'additionalProperties') {
        return `${at}: unknown key ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
      }
      return `${at}: ${e.message ?? 'is invalid'}`;
    });
  };
}
