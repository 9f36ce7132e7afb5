/**
 * Whether a config change from the form is the user's edit. @rjsf fills schema defaults into the
 * form data (an aggregation's `separator: ","`) and reports that as a change when a tool is
 * selected; that is no edit and must not mark the workflow unsaved.
 */
import { deepEquals, getDefaultFormState, type RJSFSchema, type ValidatorType } from '@rjsf/utils';

type ConfigData = Record<string, unknown>;

export function formBaseline(validator: ValidatorType<ConfigData, RJSFSchema>, schema: RJSFSchema, stored: ConfigData): ConfigData {
  const filled: unknown = getDefaultFormState<ConfigData, RJSFSchema>(validator, schema, stored, schema);
  return typeof filled === 'object' && filled !== null && !Array.isArray(filled) ? filled as ConfigData : {};
}

export function isConfigEdit(validator: ValidatorType<ConfigData, RJSFSchema>, schema: RJSFSchema, stored: ConfigData, next: ConfigData): boolean {
  if (deepEquals(next, stored)) return false;
  return !deepEquals(next, formBaseline(validator, schema, stored));
}
