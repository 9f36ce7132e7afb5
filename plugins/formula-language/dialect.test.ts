// Formulas as Alteryx users write them: several lines, comments, single quotes, Null(), and the
// synthetic bracketed fields other tools supply (Multi-Row's [Row-1:Field], Multi-Field's
// [_CurrentField_]).
import { describe, expect, it } from 'vitest';
import { ColumnBatch } from './batch.js';
import { columnFromValues, columnValues } from './columns.js';
import { checkFormula, compileFormula } from './formula.js';
import type { Scalar, ValueType } from './values.js';

function evaluate(text: string, fields: Record<string, { type: ValueType; field: 'int64' | 'v_wstring'; values: Scalar[] }>): Scalar[] {
  const metadata = { fields: Object.entries(fields).map(([name, f]) => ({ name, type: f.field })) };
  const compiled = compileFormula(text, metadata);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const n = Object.values(fields)[0]?.values.length ?? 1;
  return columnValues(compiled.formula.evaluate(new ColumnBatch(n, (name) => columnFromValues(fields[name].type, fields[name].values))));
}

describe('the Alteryx dialect', () => {
  it('reads several lines with // and /* */ comments, single quotes and Null()', () => {
    const text = [
      '/* grade the score */',
      "IF [score] >= 90 THEN 'A' // top",
      "ELSEIF IsNull([score]) THEN Null()",
      "ELSE 'it''s ' + ToString([score])",
      'ENDIF',
    ].join('\r\n');
    expect(evaluate(text, { score: { type: 'int', field: 'int64', values: [95n, null, 40n] } })).toEqual(['A', null, "it's 40"]);
  });

  it('reads any text inside brackets as a field name, as tools that supply synthetic fields need', () => {
    const metadata = { fields: [{ name: 'Row-1:Sales', type: 'int64' as const }, { name: '_CurrentField_', type: 'v_wstring' as const }, { name: 'Sales', type: 'int64' as const }] };
    const checked = checkFormula('[Sales] - [Row-1:Sales] + Length([_CurrentField_])', metadata);
    expect(checked.ok).toBe(true);
    expect(evaluate('[Sales] - [Row-1:Sales]', {
      Sales: { type: 'int', field: 'int64', values: [10n, 15n] },
      'Row-1:Sales': { type: 'int', field: 'int64', values: [null, 10n] },
    })).toEqual([null, 5]);
  });

  it('points at the place of an unclosed comment or string', () => {
    const comment = checkFormula('1 + /* never closed', { fields: [] });
    expect(comment.ok ? '' : comment.error.message).toContain('never closed with */');
    const text = checkFormula("'open", { fields: [] });
    expect(text.ok ? '' : text.error.message).toContain("never closed with '");
  });
});
