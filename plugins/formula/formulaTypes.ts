/** Type names for the Formula tool's configuration. */
import type { Field } from '../../shared/sdk/index.js';

export { fieldTypeOfValue, typeLabel } from '../formula-language/values.js';

const FIELD_TYPE_NAMES: readonly string[] = [
  'bool', 'byte', 'int16', 'int32', 'int64', 'float', 'double', 'fixeddecimal',
  'string', 'v_string', 'wstring', 'v_wstring', 'date', 'time', 'datetime', 'blob', 'spatialobj',
];

export function isFieldTypeName(value: unknown): value is Field['type'] {
  return typeof value === 'string' && FIELD_TYPE_NAMES.includes(value);
}
