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
import { emptyRequiredInputs, plainProblem, type ConfigProblem } from './configProblems.js';

/** Keywords whose failure only says that a nested keyword failed; the nested one is reported. */
const CONTAINER_KEYWORDS = new Set(['properties', 'items', 'prefixItems', 'allOf', '$ref', 'additionalProperties', 'patternProperties', 'dependentSchemas', 'unevaluatedProperties', 'then', 'else', 'if']);

type ConfigData = Record<string, unknown>;

function toRjsfError(schema: RJSFSchema, unit: OutputUnit | ConfigProblem): RJSFValidationError {
  const problem = 'property' in unit ? unit : plainProblem(schema as Record<string, unknown>, unit);
  return {
    name: problem.keyword,
    property: problem.property,
    message: problem.text,
    schemaPath: 'keywordLocation' in unit ? unit.keywordLocation : undefined,
    stack: problem.text,
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

/** The leaf errors of validating `data` against `schema`, in plain language, each on its setting. */
export function validateConfig(schema: RJSFSchema, data: unknown): RJSFValidationError[] {
  const result = validatorFor(schema).validate(data);
  if (result.valid) return [];
  return result.errors.filter((unit) => !CONTAINER_KEYWORDS.has(unit.keyword)).map((unit) => toRjsfError(schema, unit));
}

/** What keeps a config from running: schema errors, and file or formula settings left empty. */
export function configProblems(schema: RJSFSchema, data: unknown): RJSFValidationError[] {
  const empty = emptyRequiredInputs(schema as Record<string, unknown>, data).map((problem) => toRjsfError(schema, problem));
  return [...validateConfig(schema, data), ...empty];
}

export const cspSafeValidator: ValidatorType<ConfigData, RJSFSchema> = {
  validateFormData(
    formData: ConfigData | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<ConfigData, RJSFSchema>,
    transformErrors?: ErrorTransformer<ConfigData, RJSFSchema>,
    uiSchema?: UiSchema<ConfigData, RJSFSchema>,
  ): ValidationData<ConfigData> {
    let errors = configProblems(schema, formData ?? {});
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
