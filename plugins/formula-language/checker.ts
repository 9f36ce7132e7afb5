/**
 * The type checker: resolves fields and functions against the input metadata, infers the type of
 * every node and makes implicit conversions explicit. It runs in update-only, so a wrong formula is
 * reported with its position before any data flows.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import type { Expr } from './ast.js';
import { INT64_MAX } from './columns.js';
import { spanOf, type FormulaError } from './formulaError.js';
import type { ArgInfo, FunctionSpec, ParamSpec } from './functionSpec.js';
import { findFunction } from './functionTable.js';
import type { ArithmeticOperator, ComparisonOperator, Plan } from './plan.js';
import { isNumeric, STRING_LIKE, typeLabel, valueTypeOfField, type Scalar, type ValueType } from './values.js';

export type CheckResult = { ok: true; plan: Plan } | { ok: false; error: FormulaError };

class TypeFailure extends Error {
  constructor(readonly start: number, readonly end: number, message: string) {
    super(message);
  }
}

const fail = (node: { start: number; end: number }, message: string): never => {
  throw new TypeFailure(node.start, node.end, message);
};

/** The common type of two types, or null when they do not mix. */
export function unifyTypes(a: ValueType, b: ValueType): ValueType | null {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (isNumeric(a) && isNumeric(b)) return 'double';
  if (STRING_LIKE.has(a) && STRING_LIKE.has(b)) return (a === 'date' && b === 'datetime') || (a === 'datetime' && b === 'date') ? 'datetime' : 'string';
  return null;
}

export function castTo(plan: Plan, type: ValueType): Plan {
  if (plan.type === type) return plan;
  if (plan.op === 'const') {
    const value = plan.value;
    if (value === null) return { op: 'const', type, value: null };
    if (type === 'double') return { op: 'const', type, value: Number(value) };
    if (type === 'datetime' && plan.type === 'date') return { op: 'const', type, value: `${String(value)} 00:00:00` };
    if (type === 'string') return { op: 'const', type, value };
  }
  return { op: 'cast', type, operand: plan };
}

function intLiteral(text: string, node: Expr, negative: boolean): Plan {
  const big = negative ? -BigInt(text) : BigInt(text);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) {
    fail(node, `The integer ${negative ? '-' : ''}${text} does not fit a 64-bit integer; write ${negative ? '-' : ''}${text}.0 for a number`);
  }
  const value = big >= -BigInt(Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  return { op: 'const', type: 'int', value };
}

function numberLiteral(text: string, node: Expr, negative: boolean): Plan {
  if (/^[0-9]+$/.test(text)) return intLiteral(text, node, negative);
  const value = Number(text);
  if (!Number.isFinite(value)) fail(node, `The number ${text} is too large`);
  return { op: 'const', type: 'double', value: negative ? -value : value };
}

function describeParams(spec: FunctionSpec): string {
  return spec.params.map((p) => (p.variadic ? `${p.name}, ...` : p.optional ? `${p.name}?` : p.name)).join(', ');
}

class Checker {
  private readonly fields = new Map<string, Field>();

  constructor(private readonly metadata: Metadata) {
    for (const field of metadata.fields) this.fields.set(field.name.toLowerCase(), field);
  }

  check(expr: Expr): Plan {
    switch (expr.kind) {
      case 'number': return numberLiteral(expr.text, expr, false);
      case 'string': return { op: 'const', type: 'string', value: expr.value };
      case 'bool': return { op: 'const', type: 'bool', value: expr.value };
      case 'null': return { op: 'const', type: 'null', value: null };
      case 'field': return this.field(expr.name, expr);
      case 'unary': return this.unary(expr);
      case 'binary': return this.binary(expr);
      case 'in': return this.in(expr);
      case 'if': return this.ifBlock(expr);
      case 'call': return this.call(expr);
    }
  }

  private field(name: string, node: Expr): Plan {
    const field = this.fields.get(name.toLowerCase());
    if (field === undefined) {
      const names = this.metadata.fields.map((f) => `[${f.name}]`);
      const known = names.length === 0 ? 'the input has no fields' : `input fields: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`;
      fail(node, `Unknown field [${name}] (${known})`);
    }
    return { op: 'field', type: valueTypeOfField(field!.type), name: field!.name };
  }

  private expectBool(plan: Plan, node: Expr, what: string): Plan {
    if (plan.type === 'bool') return plan;
    if (plan.type === 'null') return castTo(plan, 'bool');
    const hint = isNumeric(plan.type) ? ` (compare it, e.g. ... != 0)` : '';
    return fail(node, `${what} must be true/false, not ${typeLabel(plan.type)}${hint}`);
  }

  private unary(expr: Extract<Expr, { kind: 'unary' }>): Plan {
    if (expr.op === 'NOT') return { op: 'not', type: 'bool', operand: this.expectBool(this.check(expr.operand), expr.operand, 'The operand of NOT') };
    if (expr.operand.kind === 'number') return numberLiteral(expr.operand.text, expr, true);
    const operand = this.check(expr.operand);
    if (operand.type === 'null') return operand;
    if (!isNumeric(operand.type)) fail(expr, `Cannot negate ${typeLabel(operand.type)}: minus needs a number`);
    return { op: 'negate', type: operand.type as 'int' | 'double', operand };
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): Plan {
    const left = this.check(expr.left);
    const right = this.check(expr.right);
    const at = { start: expr.opStart, end: expr.opEnd };
    switch (expr.op) {
      case 'AND':
      case 'OR':
        return {
          op: expr.op === 'AND' ? 'and' : 'or',
          type: 'bool',
          left: this.expectBool(left, expr.left, `The left side of ${expr.op}`),
          right: this.expectBool(right, expr.right, `The right side of ${expr.op}`),
        };
      case '=': case '!=': case '<': case '<=': case '>': case '>=':
        return this.compare(expr.op, left, right, at);
      default:
        return this.arithmetic(expr.op, left, right, at);
    }
  }

  private compare(operator: ComparisonOperator, left: Plan, right: Plan, at: { start: number; end: number }): Plan {
    const type = unifyTypes(left.type, right.type);
    if (type === null || type === 'blob') {
      return fail(at, `Cannot compare ${typeLabel(left.type)} with ${typeLabel(right.type)}${isNumeric(left.type) || isNumeric(right.type) ? ' (convert one side with ToNumber or ToString)' : ''}`);
    }
    return { op: 'compare', type: 'bool', operator, left: castTo(left, type), right: castTo(right, type) };
  }

  private arithmetic(operator: ArithmeticOperator, left: Plan, right: Plan, at: { start: number; end: number }): Plan {
    if (operator === '+' && (STRING_LIKE.has(left.type) || STRING_LIKE.has(right.type)) && unifyTypes(left.type, right.type) !== null) {
      return { op: 'concat', type: 'string', left: castTo(left, 'string'), right: castTo(right, 'string') };
    }
    const ok = (p: Plan) => isNumeric(p.type) || p.type === 'null';
    if (!ok(left) || !ok(right)) {
      const verb = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'take the remainder of' }[operator];
      const hint = operator === '+' ? ' (text is joined with + only to text: convert with ToString or ToNumber)' : '';
      return fail(at, `Cannot ${verb} ${typeLabel(left.type)} and ${typeLabel(right.type)}: ${operator} needs numbers${hint}`);
    }
    if (left.type === 'null' && right.type === 'null') return { op: 'const', type: operator === '/' ? 'double' : 'int', value: null };
    let type: 'int' | 'double' = left.type === 'double' || right.type === 'double' ? 'double' : 'int';
    if (operator === '/') type = 'double';
    return { op: 'arith', type, operator, left: castTo(left, type), right: castTo(right, type) };
  }

  private in(expr: Extract<Expr, { kind: 'in' }>): Plan {
    const value = this.check(expr.value);
    const items = expr.items.map((item) => this.check(item));
    let type: ValueType = value.type;
    items.forEach((item, index) => {
      const next = unifyTypes(type, item.type);
      if (next === null || next === 'blob') fail(expr.items[index], `Cannot compare ${typeLabel(value.type)} with ${typeLabel(item.type)} in IN (...)`);
      type = next!;
    });
    return { op: 'in', type: 'bool', negated: expr.negated, value: castTo(value, type), items: items.map((item) => castTo(item, type)) };
  }

  private unifyValues(values: Plan[], nodes: Expr[], what: string): ValueType {
    let type: ValueType = 'null';
    values.forEach((value, index) => {
      const next = unifyTypes(type, value.type);
      if (next === null) fail(nodes[index], `${what} mix ${typeLabel(type)} and ${typeLabel(value.type)}: all results must be of one kind (convert with ToString or ToNumber)`);
      type = next!;
    });
    return type;
  }

  private ifBlock(expr: Extract<Expr, { kind: 'if' }>): Plan {
    const conditions = expr.branches.map((b) => this.expectBool(this.check(b.condition), b.condition, 'An IF condition'));
    const valueNodes = [...expr.branches.map((b) => b.value), ...(expr.otherwise ? [expr.otherwise] : [])];
    const values = valueNodes.map((node) => this.check(node));
    const type = this.unifyValues(values, valueNodes, 'The branches of this IF');
    return {
      op: 'if',
      type,
      branches: conditions.map((condition, i) => ({ condition, value: castTo(values[i], type) })),
      otherwise: expr.otherwise ? castTo(values[values.length - 1], type) : null,
    };
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): Plan {
    const nameAt = { start: expr.start, end: expr.nameEnd };
    if (expr.name.toUpperCase() === 'IIF') {
      if (expr.args.length !== 3) fail(expr, `IIF takes 3 arguments (Condition, IfTrue, IfFalse), got ${expr.args.length}`);
      const condition = this.expectBool(this.check(expr.args[0]), expr.args[0], 'The condition of IIF');
      const values = [this.check(expr.args[1]), this.check(expr.args[2])];
      const type = this.unifyValues(values, expr.args.slice(1), 'The results of IIF');
      return { op: 'if', type, branches: [{ condition, value: castTo(values[0], type) }], otherwise: castTo(values[1], type) };
    }
    const spec = findFunction(expr.name);
    if (spec === undefined) return fail(nameAt, `Unknown function ${expr.name}() (see docs/formula.md for the function list)`);
    const required = spec.params.filter((p) => !p.optional && !p.variadic).length + (spec.params.some((p) => p.variadic && !p.optional) ? 1 : 0);
    const variadic = spec.params.some((p) => p.variadic);
    const max = variadic ? Infinity : spec.params.length;
    if (expr.args.length < required || expr.args.length > max) {
      const count = variadic ? `at least ${required}` : required === max ? `${required}` : `${required} to ${max}`;
      fail(expr, `${spec.name} takes ${count} argument${count === '1' ? '' : 's'} (${describeParams(spec)}), got ${expr.args.length}`);
    }
    const countProblem = spec.argumentCount?.(expr.args.length) ?? null;
    if (countProblem !== null) fail(expr, `${spec.name} ${countProblem}`);
    const args = expr.args.map((arg, index) => this.argument(spec, this.paramAt(spec, index), this.check(arg), arg, index));
    return this.callResult(spec, args, expr);
  }

  private paramAt(spec: FunctionSpec, index: number): ParamSpec {
    return spec.params[Math.min(index, spec.params.length - 1)];
  }

  private argument(spec: FunctionSpec, param: ParamSpec, plan: Plan, node: Expr, index: number): Plan {
    const bad = (wanted: string): never => fail(node, `Argument ${index + 1} of ${spec.name} (${param.name}) must be ${wanted}, not ${typeLabel(plan.type)}`);
    if (plan.type === 'null') return plan;
    switch (param.kind) {
      case 'number':
        if (!isNumeric(plan.type)) bad('a number');
        return castTo(plan, 'double');
      case 'numeric':
        if (!isNumeric(plan.type)) bad('a number');
        return plan;
      case 'text':
        if (!STRING_LIKE.has(plan.type)) bad('text');
        return castTo(plan, 'string');
      case 'datetime':
        if (!STRING_LIKE.has(plan.type) || plan.type === 'time') bad('a date or datetime');
        return plan;
      case 'bool':
        if (plan.type !== 'bool') bad('true/false');
        return plan;
      case 'flag':
        if (plan.type !== 'bool' && !isNumeric(plan.type)) bad('true/false or 1/0');
        return isNumeric(plan.type) ? { op: 'compare', type: 'bool', operator: '!=', left: castTo(plan, 'double'), right: { op: 'const', type: 'double', value: 0 } } : plan;
      case 'any':
        return plan;
    }
  }

  private callResult(spec: FunctionSpec, args: Plan[], expr: Extract<Expr, { kind: 'call' }>): Plan {
    const rule = spec.returns;
    if (rule === 'numeric') {
      const numericArgs = args.filter((_, i) => this.paramAt(spec, i).kind === 'numeric');
      const type = numericArgs.some((a) => a.type === 'double') ? 'double' : 'int';
      const cast = args.map((a, i) => (this.paramAt(spec, i).kind === 'numeric' ? castTo(a, type) : a));
      return { op: 'call', type, fn: spec, args: cast };
    }
    if (rule === 'unify') {
      const takesPart = (i: number) => this.paramAt(spec, i).kind === 'any' && (spec.unifies?.(i, args.length) ?? true);
      const parts = args.filter((_, i) => takesPart(i));
      const type = this.unifyValues(parts, expr.args.filter((_, i) => takesPart(i)), `The values of ${spec.name}`);
      return { op: 'call', type, fn: spec, args: args.map((a, i) => (takesPart(i) ? castTo(a, type) : a)) };
    }
    if (typeof rule === 'function') {
      const infos: ArgInfo[] = args.map((a) => ({ type: a.type, constant: a.op === 'const', value: a.op === 'const' ? a.value : null as Scalar }));
      const result = rule(infos);
      if (typeof result === 'object') return fail(result.arg !== undefined ? expr.args[result.arg] : expr, `${spec.name}: ${result.error}`);
      return { op: 'call', type: result, fn: spec, args };
    }
    return { op: 'call', type: rule, fn: spec, args };
  }
}

/** Type-checks a parsed formula against the fields of its input. */
export function checkExpr(text: string, expr: Expr, metadata: Metadata): CheckResult {
  try {
    return { ok: true, plan: new Checker(metadata).check(expr) };
  } catch (error) {
    if (error instanceof TypeFailure) return { ok: false, error: { kind: 'type', message: error.message, span: spanOf(text, error.start, error.end) } };
    throw error;
  }
}
