import { describe, expect, it } from 'vitest';
import { errorsForEditor, listIndexOf, placeFormulaError } from './formulaErrorPlace.js';

describe('placeFormulaError', () => {
  it('underlines the token at the reported line and column', () => {
    const text = '[amount] > 1\nAND [Pric] = 2';
    expect(placeFormulaError(text, 'Condition: line 2, column 5: Unknown field [Pric]')).toEqual({
      from: 17, to: 23, message: 'Unknown field [Pric]',
    });
    expect(placeFormulaError('Lenght([a])', 'Condition: line 1, column 1: Unknown function Lenght')).toMatchObject({ from: 0, to: 6 });
  });

  it('marks the last character for an error at the end, and nothing without a position', () => {
    expect(placeFormulaError('[n] > ', 'Condition: line 1, column 7: Expected a value')).toMatchObject({ from: 5, to: 6 });
    expect(placeFormulaError('[n]', 'the formula is empty')).toBeNull();
  });
});

describe('errorsForEditor', () => {
  const errors = ['formula 1 ([a]): line 1, column 1: x', 'formula 2 ([b]): line 1, column 2: y', 'Condition: line 1, column 3: z'];
  it('gives a list item its own formula errors and a single editor the others', () => {
    expect(errorsForEditor(errors, 1)).toEqual([errors[1], errors[2]]);
    expect(errorsForEditor(errors, null)).toEqual([errors[2]]);
  });

  it('reads the item index of an rjsf widget id', () => {
    expect(listIndexOf('config-t2_formulas_1_expression')).toBe(1);
    expect(listIndexOf('config-t2_expression')).toBeNull();
  });
});
