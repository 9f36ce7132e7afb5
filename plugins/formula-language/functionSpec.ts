/**
 * How a function of the formula language is described: one record holds its signature, typing,
 * implementation, documentation and examples, so the docs and the tests are made from the same table.
 */
import type { Scalar, ValueType } from './values.js';

export type FunctionCategory = 'Conditional' | 'Conversion' | 'Date/time' | 'Math' | 'Specialized' | 'Test' | 'Text';

/**
 * What an argument accepts and how it reaches the implementation:
 * - `number`: integer or number, passed as a JS number
 * - `numeric`: integer or number, passed as is (int as number or bigint) so integer results stay exact
 * - `text`: text, or a date/time/datetime (passed as its ISO text)
 * - `datetime`: a date, datetime, or text holding one (passed as text)
 * - `bool`: true/false
 * - `flag`: true/false or a number (0 is false), passed as a boolean — Alteryx writes flags as 1/0
 * - `any`: any value, passed as is
 */
export type ParamKind = 'number' | 'numeric' | 'text' | 'datetime' | 'bool' | 'flag' | 'any';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /** the last parameter may repeat */
  variadic?: boolean;
}

/** An argument as the type checker sees it: its type and, when it is a constant, its value. */
export interface ArgInfo {
  type: ValueType;
  constant: boolean;
  value: Scalar;
}

/**
 * The result type: a fixed type; `numeric` (int when every `numeric` argument is int, else number);
 * `unify` (the common type of the `any` arguments, which are converted to it); or a rule that may
 * reject the arguments with a message.
 */
export type ReturnRule = ValueType | 'numeric' | 'unify' | ((args: ArgInfo[]) => ValueType | { error: string; arg?: number });

export interface CallContext {
  /** the checked types of the arguments */
  readonly argTypes: readonly ValueType[];
  /** the checked result type of this call */
  readonly resultType: ValueType;
  /** a data warning (e.g. text that is not a number); repeated warnings are counted, not repeated */
  warn(message: string): void;
}

export interface FunctionExample {
  formula: string;
  /** the result as `renderScalar` shows it, or a pattern for results that depend on the clock */
  result: string | RegExp;
}

export interface FunctionSpec {
  name: string;
  /** other accepted names, e.g. Alteryx's `Uppercase` for `Upper` */
  aliases?: string[];
  category: FunctionCategory;
  params: ParamSpec[];
  returns: ReturnRule;
  /** which `any` arguments take part in `unify` (default: all) */
  unifies?: (index: number, count: number) => boolean;
  /** an extra rule on the number of arguments: a message when it is wrong */
  argumentCount?: (count: number) => string | null;
  /** evaluated on every row, never once for constant arguments (random values, messages) */
  volatile?: boolean;
  /** `propagate` (default): a null argument makes the result null without calling `evaluate` */
  nulls?: 'propagate' | 'accept';
  description: string;
  examples: FunctionExample[];
  evaluate(args: Scalar[], context: CallContext): Scalar;
}

/** How a value is shown in the docs and in example checks: text quoted, null as `null`. */
export function renderScalar(value: Scalar): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return String(value);
}
