/**
 * The public face of the formula language: check a formula against input metadata (update-only),
 * and compile it once per run into a function over whole columns.
 */
import type { Metadata } from '../../shared/sdk/index.js';
import type { Batch } from './batch.js';
import { checkExpr } from './checker.js';
import { Compiler, WarningLog } from './compiler.js';
import type { FormulaError } from './formulaError.js';
import { parseFormula } from './parser.js';
import type { Plan } from './plan.js';
import type { Column, ValueType } from './values.js';

export type CheckedFormula = { ok: true; type: ValueType; plan: Plan } | { ok: false; error: FormulaError };

/** Parses and type-checks `text` against the fields of `metadata`. */
export function checkFormula(text: string, metadata: Metadata): CheckedFormula {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed;
  const checked = checkExpr(text, parsed.expr, metadata);
  if (!checked.ok) return checked;
  return { ok: true, type: checked.plan.type, plan: checked.plan };
}

export interface CompiledFormula {
  /** the result type */
  readonly type: ValueType;
  /** evaluates the formula over every row of the batch */
  evaluate(batch: Batch): Column;
  /** data warnings since the last call (e.g. text that is not a number), each with its row count */
  takeWarnings(): string[];
}

export type CompileResult = { ok: true; formula: CompiledFormula } | { ok: false; error: FormulaError };

/** Checks and compiles `text` once; the result is evaluated packet by packet. */
export function compileFormula(text: string, metadata: Metadata): CompileResult {
  const checked = checkFormula(text, metadata);
  if (!checked.ok) return checked;
  const warnings = new WarningLog();
  const evaluator = new Compiler(warnings).compile(checked.plan);
  return {
    ok: true,
    formula: {
      type: checked.type,
      evaluate: (batch) => evaluator(batch),
      takeWarnings: () => warnings.take(),
    },
  };
}
