/**
 * Turns a checked plan into a tree of closures, each evaluating one node over a whole column of
 * rows. Nothing here interprets user text as code: the closures are fixed kernels chosen by node
 * type, and a formula reads only the fields of its own row.
 */
import { SubBatch, type Batch } from './batch.js';
import { broadcast, ColumnBuilder, nullColumn, scalarAt, scatter } from './columns.js';
import type { CallContext, FunctionSpec } from './functionSpec.js';
import { arithmeticDouble, arithmeticInt, compare, compareWithNumber, logical, mergeNulls, negate, not, SWAPPED } from './operators.js';
import type { Plan } from './plan.js';
import type { Column, Scalar, ValueType } from './values.js';

export type Evaluator = (batch: Batch) => Column;

/** Data warnings raised while evaluating, counted by message. */
export class WarningLog {
  private readonly counts = new Map<string, number>();

  warn(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  /** the warnings so far, as `message (N rows)`, and forget them */
  take(): string[] {
    const out = [...this.counts].map(([message, count]) => (count > 1 ? `${message} (${count} rows)` : message));
    this.counts.clear();
    return out;
  }
}

type BoolColumn = Extract<Column, { type: 'bool' }>;

function asBool(column: Column): BoolColumn {
  if (column.type === 'bool') return column;
  if (column.type === 'null') return { type: 'bool', length: column.length, values: new Uint8Array(column.length), nulls: new Uint8Array(column.length).fill(1) };
  throw new Error(`internal: expected a bool column, got ${column.type}`);
}

function castColumn(column: Column, type: ValueType): Column {
  if (column.type === type) return column;
  const n = column.length;
  if (column.type === 'null') return broadcast(type, null, n);
  if (type === 'double' && column.type === 'int') {
    const v = column.values;
    if (v instanceof Float64Array) return { type: 'double', length: n, values: v, nulls: column.nulls };
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(v[i]);
    return { type: 'double', length: n, values: out, nulls: column.nulls };
  }
  if (type === 'datetime' && column.type === 'date') {
    return { type: 'datetime', length: n, values: column.values.map((d) => `${d} 00:00:00`), nulls: column.nulls };
  }
  if (type === 'string' && (column.type === 'date' || column.type === 'time' || column.type === 'datetime')) {
    return { type: 'string', length: n, values: column.values, nulls: column.nulls };
  }
  throw new Error(`internal: no conversion from ${column.type} to ${type}`);
}

/** The row indexes where `condition` is true, and the rest (false or null). */
function split(condition: BoolColumn): { yes: Int32Array; no: Int32Array } {
  const n = condition.length;
  const yes = new Int32Array(n);
  const no = new Int32Array(n);
  let y = 0;
  let o = 0;
  const nulls = condition.nulls;
  for (let i = 0; i < n; i++) {
    if (condition.values[i] === 1 && (nulls === null || nulls[i] === 0)) yes[y++] = i;
    else no[o++] = i;
  }
  return { yes: yes.subarray(0, y), no: no.subarray(0, o) };
}

export class Compiler {
  constructor(private readonly warnings: WarningLog) {}

  compile(plan: Plan): Evaluator {
    const folded = this.fold(plan);
    return this.node(folded);
  }

  /** Evaluates constant subtrees once, at compile time. */
  private fold(plan: Plan): Plan {
    const children = this.children(plan);
    const folded = children.map((child) => this.fold(child));
    const rebuilt = this.withChildren(plan, folded);
    if (plan.op === 'const' || plan.op === 'field') return rebuilt;
    if (!folded.every((child) => child.op === 'const')) return rebuilt;
    if (plan.op === 'call' && plan.fn.volatile === true) return rebuilt;
    const column = this.node(rebuilt)({ length: 1, field: () => nullColumn(1) });
    return { op: 'const', type: plan.type, value: scalarAt(column, 0) };
  }

  private children(plan: Plan): Plan[] {
    switch (plan.op) {
      case 'const': case 'field': return [];
      case 'cast': case 'negate': case 'not': return [plan.operand];
      case 'arith': case 'concat': case 'compare': case 'and': case 'or': return [plan.left, plan.right];
      case 'in': return [plan.value, ...plan.items];
      case 'if': return [...plan.branches.flatMap((b) => [b.condition, b.value]), ...(plan.otherwise ? [plan.otherwise] : [])];
      case 'call': return plan.args;
    }
  }

  private withChildren(plan: Plan, c: Plan[]): Plan {
    switch (plan.op) {
      case 'const': case 'field': return plan;
      case 'cast': case 'negate': case 'not': return { ...plan, operand: c[0] } as Plan;
      case 'arith': case 'concat': case 'compare': case 'and': case 'or': return { ...plan, left: c[0], right: c[1] } as Plan;
      case 'in': return { ...plan, value: c[0], items: c.slice(1) };
      case 'if': return {
        ...plan,
        branches: plan.branches.map((_, i) => ({ condition: c[2 * i], value: c[2 * i + 1] })),
        otherwise: plan.otherwise ? c[c.length - 1] : null,
      };
      case 'call': return { ...plan, args: c };
    }
  }

  private node(plan: Plan): Evaluator {
    switch (plan.op) {
      case 'const': {
        const { type, value } = plan;
        return (batch) => broadcast(type, value, batch.length);
      }
      case 'field': {
        const { name } = plan;
        return (batch) => batch.field(name);
      }
      case 'cast': {
        const operand = this.node(plan.operand);
        const type = plan.type;
        return (batch) => castColumn(operand(batch), type);
      }
      case 'negate': {
        const operand = this.node(plan.operand);
        return (batch) => this.counted(negate(operand(batch)));
      }
      case 'arith': {
        const left = this.node(plan.left);
        const right = this.node(plan.right);
        const { operator, type } = plan;
        if (type === 'double') {
          return (batch) => arithmeticDouble(operator, castColumn(left(batch), 'double') as never, castColumn(right(batch), 'double') as never);
        }
        if (operator === '/') throw new Error('internal: integer division');
        return (batch) => this.counted(arithmeticInt(operator, castColumn(left(batch), 'int') as never, castColumn(right(batch), 'int') as never));
      }
      case 'concat': {
        const left = this.node(plan.left);
        const right = this.node(plan.right);
        return (batch) => {
          const a = left(batch);
          const b = right(batch);
          const n = batch.length;
          if (a.type === 'null' || b.type === 'null') return broadcast('string', null, n);
          const x = a.values as string[];
          const y = b.values as string[];
          const out = new Array<string>(n);
          for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
          return { type: 'string', length: n, values: out, nulls: mergeNulls(a.nulls, b.nulls, n) };
        };
      }
      case 'compare': {
        const left = this.node(plan.left);
        const right = this.node(plan.right);
        const { operator } = plan;
        // a side that is a number literal is compared as a number, not as a column of copies of it
        const literal = (p: Plan): number | null => (p.op === 'const' && (p.type === 'double' || p.type === 'int') && typeof p.value === 'number' ? p.value : null);
        const rightValue = literal(plan.right);
        if (rightValue !== null) {
          return (batch) => {
            const a = left(batch);
            return compareWithNumber(operator, a, rightValue) ?? compare(operator, a, right(batch));
          };
        }
        const leftValue = literal(plan.left);
        if (leftValue !== null) {
          return (batch) => {
            const b = right(batch);
            return compareWithNumber(SWAPPED[operator], b, leftValue) ?? compare(operator, left(batch), b);
          };
        }
        return (batch) => compare(operator, left(batch), right(batch));
      }
      case 'and':
      case 'or': {
        const left = this.node(plan.left);
        const right = this.node(plan.right);
        const op = plan.op;
        return (batch) => logical(op, asBool(left(batch)), asBool(right(batch)));
      }
      case 'not': {
        const operand = this.node(plan.operand);
        return (batch) => not(asBool(operand(batch)));
      }
      case 'in': return this.inList(plan);
      case 'if': return this.ifBlock(plan);
      case 'call': return this.call(plan.fn, plan.type, plan.args);
    }
  }

  private counted(result: { column: Column; overflows: number }): Column {
    for (let i = 0; i < result.overflows; i++) this.warnings.warn('Integer result outside the 64-bit range became null');
    return result.column;
  }

  private inList(plan: Extract<Plan, { op: 'in' }>): Evaluator {
    const value = this.node(plan.value);
    const items = plan.items.map((item) => this.node(item));
    const negated = plan.negated;
    return (batch) => {
      const v = value(batch);
      const n = batch.length;
      const found = new Uint8Array(n);
      const unknown = new Uint8Array(n);
      for (const item of items) {
        const eq = compare('=', v, item(batch));
        for (let i = 0; i < n; i++) {
          if (eq.nulls !== null && eq.nulls[i] === 1) unknown[i] = 1;
          else if (eq.values[i] === 1) found[i] = 1;
        }
      }
      const nulls = new Uint8Array(n);
      let anyNull = false;
      for (let i = 0; i < n; i++) {
        if (found[i] === 0 && unknown[i] === 1) {
          nulls[i] = 1;
          anyNull = true;
        }
        if (negated) found[i] = 1 - found[i];
      }
      return { type: 'bool', length: n, values: found, nulls: anyNull ? nulls : null };
    };
  }

  /**
   * Each branch is evaluated only on the rows that reach it (gathered into a sub-batch), so a
   * guarded expression such as `IF [d] != 0 THEN [n] / [d] ...` never sees the rows it guards against.
   */
  private ifBlock(plan: Extract<Plan, { op: 'if' }>): Evaluator {
    const branches = plan.branches.map((b) => ({ condition: this.node(b.condition), value: this.node(b.value) }));
    const otherwise = plan.otherwise ? this.node(plan.otherwise) : null;
    const type = plan.type;
    return (batch) => {
      const builder = new ColumnBuilder(type, batch.length);
      let rows: Int32Array | null = null; // global indexes of the rows still undecided; null = all
      let current: Batch = batch;
      const place = (local: Int32Array): Int32Array => (rows === null ? local : local.map((k) => rows![k]));
      for (const branch of branches) {
        if (current.length === 0) break;
        const { yes, no } = split(asBool(branch.condition(current)));
        if (yes.length > 0) {
          const target = yes.length === current.length ? current : new SubBatch(current, yes);
          scatter(builder, place(yes.length === current.length ? identity(yes.length) : yes), castColumn(branch.value(target), type));
        }
        if (no.length === current.length) continue;
        const nextRows = place(no);
        current = new SubBatch(batch, nextRows);
        rows = nextRows;
      }
      if (current.length > 0) {
        const rest = rows ?? identity(batch.length);
        if (otherwise === null) for (const i of rest) builder.setNull(i);
        else scatter(builder, rest, castColumn(otherwise(current), type));
      }
      return builder.finish();
    };
  }

  private call(fn: FunctionSpec, type: ValueType, argPlans: Plan[]): Evaluator {
    const args = argPlans.map((plan) => this.node(plan));
    const argTypes = argPlans.map((plan) => plan.type);
    const warnings = this.warnings;
    const context: CallContext = { argTypes, resultType: type, warn: (message) => warnings.warn(`${fn.name}: ${message}`) };
    const propagate = (fn.nulls ?? 'propagate') === 'propagate';
    return (batch) => {
      const columns = args.map((arg) => arg(batch));
      const n = batch.length;
      const builder = new ColumnBuilder(type, n);
      const values: Scalar[] = new Array<Scalar>(columns.length);
      rows: for (let i = 0; i < n; i++) {
        for (let a = 0; a < columns.length; a++) {
          const value = scalarAt(columns[a], i);
          if (value === null && propagate) {
            builder.setNull(i);
            continue rows;
          }
          values[a] = value;
        }
        builder.set(i, fn.evaluate(values, context));
      }
      if (builder.overflows > 0) for (let k = 0; k < builder.overflows; k++) warnings.warn(`${fn.name}: integer result outside the 64-bit range became null`);
      return builder.finish();
    };
  }
}

function identity(length: number): Int32Array {
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = i;
  return out;
}
