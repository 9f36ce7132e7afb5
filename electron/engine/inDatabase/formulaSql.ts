/**
 * A Weft formula (docs/formula.md) as a SQL expression of a dialect, or the reason it has none.
 * Only constructs whose SQL gives the same value on every row, nulls included, are translated;
 * anything else keeps the tool streaming (fail closed, never approximate).
 */
import type { Expr } from '../../../plugins/formula-language/ast.js';
import { parseFormula } from '../../../plugins/formula-language/parser.js';
import type { SqlDialect } from './sqlDialect.js';

export type SqlResult = { ok: true; sql: string } | { ok: false; reason: string };

class Untranslatable extends Error {}

export function formulaToSql(text: string, dialect: SqlDialect): SqlResult {
  const parsed = parseFormula(text);
  if (!parsed.ok) return { ok: false, reason: `the formula does not parse: ${parsed.error.message}` };
  try {
    return { ok: true, sql: expression(parsed.expr, dialect) };
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, reason: error.message };
    throw error;
  }
}

const COMPARE: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function expression(e: Expr, d: SqlDialect): string {
  switch (e.kind) {
    case 'number':
      if (!/^\d+(\.\d+)?$/.test(e.text)) throw new Untranslatable(`the number ${e.text}`);
      // an integer literal is int64 in a formula; a decimal one a double (DuckDB would make it DECIMAL)
      return e.text.includes('.') ? `CAST(${e.text} AS DOUBLE)` : `CAST(${e.text} AS BIGINT)`;
    case 'string':
      return d.text(e.value);
    case 'bool':
      return e.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'field':
      return d.ident(e.name);
    case 'unary':
      return e.op === 'NOT' ? `(NOT ${expression(e.operand, d)})` : `(- ${expression(e.operand, d)})`;
    case 'binary': {
      const left = expression(e.left, d);
      const right = expression(e.right, d);
      if (e.op === 'AND' || e.op === 'OR') return `(${left} ${e.op} ${right})`;
      if (e.op in COMPARE) return `(${left} ${COMPARE[e.op]} ${right})`;
      // division and remainder by zero give null in a formula
      if (e.op === '/') return `(CASE WHEN ${right} = 0 THEN NULL ELSE CAST(${left} AS DOUBLE) / ${right} END)`;
      if (e.op === '%') return `(CASE WHEN ${right} = 0 THEN NULL ELSE ${left} % ${right} END)`;
      // `+` of two texts joins them; of text and a number it is a type error in the formula, and
      // in SQL a binder error, which sends the chain back to streaming (inDatabaseRun.ts)
      if (e.op === '+' && (e.left.kind === 'string' || e.right.kind === 'string')) return `(${left} || ${right})`;
      return `(${left} ${e.op} ${right})`;
    }
    case 'in': {
      const items = e.items.map((item) => expression(item, d)).join(', ');
      return `(${expression(e.value, d)} ${e.negated ? 'NOT IN' : 'IN'} (${items}))`;
    }
    case 'if': {
      const branches = e.branches.map((b) => `WHEN ${expression(b.condition, d)} THEN ${expression(b.value, d)}`).join(' ');
      return `(CASE ${branches}${e.otherwise ? ` ELSE ${expression(e.otherwise, d)}` : ''} END)`;
    }
    case 'call': {
      const sql = d.call(e.name, e.args.map((a) => expression(a, d)));
      if (sql === null) throw new Untranslatable(`${e.name}() has no exact translation in ${d.name}`);
      return sql;
    }
  }
}
