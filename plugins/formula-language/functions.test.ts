// Table-driven: every function in the table is run on each of its documented examples, so the
// docs cannot show a result the code does not give.
import { describe, expect, it } from 'vitest';
import { ColumnBatch } from './batch.js';
import { columnValues, nullColumn } from './columns.js';
import { compileFormula } from './formula.js';
import { renderScalar } from './functionSpec.js';
import { FUNCTIONS } from './functionTable.js';

function evaluateConstant(text: string): string {
  const compiled = compileFormula(text, { fields: [] });
  if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message}`);
  const column = compiled.formula.evaluate(new ColumnBatch(1, () => nullColumn(1)));
  return renderScalar(columnValues(column)[0]);
}

describe('function table', () => {
  it('has at least 50 functions, each with an example', () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(50);
    for (const spec of FUNCTIONS) expect(spec.examples.length, spec.name).toBeGreaterThan(0);
  });

  it('includes the functions users expect from Alteryx', () => {
    const names = new Set(FUNCTIONS.flatMap((f) => [f.name, ...(f.aliases ?? [])]));
    const required = ['Contains', 'StartsWith', 'EndsWith', 'Left', 'Right', 'Substring', 'Trim', 'TrimLeft', 'TrimRight', 'Upper', 'Lower', 'Length', 'Replace', 'RegexMatch', 'RegexReplace', 'FindString', 'PadLeft', 'PadRight', 'ToNumber', 'ToString', 'ToInteger', 'Round', 'Abs', 'Floor', 'Ceil', 'Pow', 'Sqrt', 'Log', 'Log10', 'Exp', 'Mod', 'Min', 'Max', 'IsNull', 'IsEmpty', 'IsNumber', 'Coalesce', 'IfNull', 'DateTimeNow', 'DateTimeToday', 'DateTimeAdd', 'DateTimeDiff', 'DateTimeFormat', 'DateTimeParse', 'Year', 'Month', 'Day', 'Hour', 'Minute', 'Second'];
    expect(required.filter((name) => !names.has(name))).toEqual([]);
  });

  for (const spec of FUNCTIONS) {
    describe(spec.name, () => {
      for (const example of spec.examples) {
        it(`${example.formula} → ${String(example.result)}`, () => {
          const actual = evaluateConstant(example.formula);
          if (example.result instanceof RegExp) expect(actual).toMatch(example.result);
          else expect(actual).toBe(example.result);
        });
      }
      it('gives null for a null argument unless it handles nulls itself', () => {
        const required = spec.params.filter((p) => !p.optional).length;
        if (required === 0 || spec.nulls === 'accept') return;
        const args = spec.params.filter((p) => !p.optional).map(() => 'null');
        expect(evaluateConstant(`${spec.name}(${args.join(', ')})`)).toBe('null');
      });
    });
  }
});
