/**
 * A JSON Schema validator for @rjsf forms that never compiles code (Ajv uses `new Function`,
 * which the app's strict Content-Security-Policy forbids). The host validates configs again
 * before a run, so this only drives the inline errors.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  toErrorSchema,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/** Keywords whose failure only says that a nested keyword failed; the nested one is reported. */
const CONTAINER_KEYWORDS = new Set(['properties', 'items', 'prefixItems', 'allOf', '$ref', 'additionalProperties', 'patternProperties', 'dependentSchemas', 'unevaluatedProperties', 'then', 'else', 'if']);

type ConfigData = Record<string, unknown>;

function pointerToProperty(instanceLocation: string): string {
  const parts = instanceLocation.replace(/^#/, '').split('/').filter((part) => part !== '');
  return parts.map((part) => `.${decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')}`).join('');
}

function toRjsfError(unit: OutputUnit): RJSFValidationError {
  const property = pointerToProperty(unit.instanceLocation);
  const message = unit.error.replace(/^Instance(?: "[^"]*")? /, '').replace(/^does not match/, 'does not match');
  return {
    name: unit.keyword,
    property,
    message,
    schemaPath: unit.keywordLocation,
    stack: `${property || 'value'} ${message}`.trim(),
  };
}

const validatorCache = new WeakMap<object, Validator>();

function validatorFor(schema: RJSFSchema): Validator {
  let validator = validatorCache.get(schema);
  if (!validator) {
    validator = new Validator(schema as Schema, '2020-12', false);
    validatorCache.set(schema, validator);
  }
  return validator;
}

/** The leaf errors of validating `data` against `schema`. */
export function validateConfig(schema: RJSFSchema, data: unknown): RJSFValidationError[] {
  const result = validatorFor(schema).validate(data);
  if (result.valid) return [];
  return result.errors.filter((unit) => !CONTAINER_KEYWORDS.has(unit.keyword)).map(toRjsfError);
}

export const cspSafeValidator: ValidatorType<ConfigData, RJSFSchema> = {
  validateFormData(
    formData: ConfigData | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<ConfigData, RJSFSchema>,
    transformErrors?: ErrorTransformer<ConfigData, RJSFSchema>,
    uiSchema?: UiSchema<ConfigData, RJSFSchema>,
  ): ValidationData<ConfigData> {
    let errors = validateConfig(schema, formData ?? {});
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    void customValidate;
    return { errors, errorSchema: toErrorSchema<ConfigData>(errors) };
  },
  isValid(schema: RJSFSchema, formData: ConfigData | undefined, rootSchema: RJSFSchema): boolean {
    try {
      const withDefs: RJSFSchema = rootSchema && rootSchema !== schema ? { ...schema, $defs: rootSchema.$defs, definitions: rootSchema.definitions } : schema;
      return validateConfig(withDefs, formData).length === 0;
    } catch {
      return false;
    }
  },
  rawValidation<Result>(schema: RJSFSchema, formData?: ConfigData): { errors?: Result[]; validationError?: Error } {
    try {
      return { errors: validatorFor(schema).validate(formData).errors as unknown as Result[] };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  },
};
