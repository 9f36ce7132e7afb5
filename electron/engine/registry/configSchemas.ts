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

/** compiles a tool's configSchema; throws with the schema problem when it is not a valid schema */
export function compileConfigSchema(schema: Record<string, unknown>): ConfigValidator {
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
