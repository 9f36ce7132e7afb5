/**
 * The checked form of a formula: every node has its result type, and every implicit conversion
 * the language makes (integer to number, date to text, null to a type) is an explicit `cast`.
 */
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar, ValueType } from './values.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Plan =
  | { op: 'const'; type: ValueType; value: Scalar }
  | { op: 'field'; type: ValueType; name: string }
  | { op: 'cast'; type: ValueType; operand: Plan }
  | { op: 'negate'; type: 'int' | 'double'; operand: Plan }
  | { op: 'arith'; type: 'int' | 'double'; operator: ArithmeticOperator; left: Plan; right: Plan }
  | { op: 'concat'; type: 'string'; left: Plan; right: Plan }
  | { op: 'compare'; type: 'bool'; operator: ComparisonOperator; left: Plan; right: Plan }
  | { op: 'and' | 'or'; type: 'bool'; left: Plan; right: Plan }
  | { op: 'not'; type: 'bool'; operand: Plan }
  | { op: 'in'; type: 'bool'; negated: boolean; value: Plan; items: Plan[] }
  | { op: 'if'; type: ValueType; branches: { condition: Plan; value: Plan }[]; otherwise: Plan | null }
  | { op: 'call'; type: ValueType; fn: FunctionSpec; args: Plan[] };
