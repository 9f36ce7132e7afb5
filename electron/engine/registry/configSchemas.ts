/**
 * Ajv instances: one for the manifest's own schema (fills defaults), one for tools' config schemas
 * (JSON Schema draft 2020-12, compiled once per tool, with the standard formats).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv2020) => Ajv2020;

export const manifestAjv = new Ajv2020({ allErrors: false, useDefaults: true, strict: true });

const configAjv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
addFormats(configAjv);

export type ConfigValidator = (config: Record<string, unknown>) => string[];

// Compiling is most of what loading a package costs (the built-in package's ~30 schemas: ~1 s of
// CPU), and the same schemas are compiled again and again: an install reads its package three
// times, and every registry reads the same packages. A compiled schema depends on its text only.
const COMPILED_KEPT = 1_000;
const compiled = new Map<string, ConfigValidator | Error>();

/** compiles a tool's configSchema; throws with the schema problem when it is not a valid schema */
export function compileConfigSchema(schema: Record<string, unknown>): ConfigValidator {
  const key = JSON.stringify(schema);
  let result = compiled.get(key);
  if (result === undefined) {
    try {
      result = compileUncached(schema);
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
export function compileConfigSchemaLazily(schema: Record<string, unknown>): ConfigValidator {
  let validate: ConfigValidator | null = null;
  return (config) => {
    try {
      validate ??= compileConfigSchema(schema);
    } catch (error) {
      return [`configSchema: ${(error as Error).message}`];
    }
    return validate(config);
  };
}

function compileUncached(schema: Record<string, unknown>): ConfigValidator {
  if (!configAjv.validateSchema(schema)) {
    const error = configAjv.errors?.[0];
    const at = error?.instancePath ? `${error.instancePath} ` : '';
    throw new Error(`not a valid JSON Schema: ${at}${error?.message ?? 'invalid'}`.trim());
  }
  let validate: ValidateFunction;
  try {
    validate = configAjv.compile(schema);
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
