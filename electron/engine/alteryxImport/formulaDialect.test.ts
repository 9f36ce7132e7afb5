import { describe, expect, it } from 'vitest';
import { formulaLiteral, translateFormula } from './formulaDialect.js';

const constants = new Map([
  ['User.rate', { literal: formulaLiteral('0.2', true) }],
  ['User.region', { literal: formulaLiteral('Nord "Ost"', false) }],
  ['Engine.GuiInteraction', { literal: '0', approximation: 'no Designer' }],
]);

describe('translateFormula', () => {
  it('keeps Alteryx text as written where Weft reads it the same', () => {
    const text = "IF [a] > 1 THEN 'x' // why\nELSE Null() ENDIF /* [User.rate] */";
    expect(translateFormula(text, constants)).toEqual({ expression: text, approximations: [] });
  });

  it('puts the workflow constants in, outside strings and comments', () => {
    expect(translateFormula('[amount] * [User.rate] + [ User.rate ]', constants).expression).toBe('[amount] * 0.2 + 0.2');
    expect(translateFormula('[User.region] + "[User.rate]" + \'[User.rate]\'', constants).expression).toBe('"Nord ""Ost""" + "[User.rate]" + \'[User.rate]\'');
    expect(translateFormula('"a""[User.rate]"', constants).expression).toBe('"a""[User.rate]"');
  });

  it('reports constants that are approximated or not defined', () => {
    expect(translateFormula('[Engine.GuiInteraction] = 1 AND [Engine.GuiInteraction]', constants)).toEqual({ expression: '0 = 1 AND 0', approximations: ['no Designer'] });
    expect(translateFormula('[User.missing]', constants).approximations).toEqual(['the constant [User.missing] is not defined in the workflow; it is left as a field reference']);
  });

  it('writes constants as number or text literals', () => {
    expect(formulaLiteral('12', true)).toBe('12');
    expect(formulaLiteral('12abc', true)).toBe('"12abc"');
    expect(formulaLiteral('12', false)).toBe('"12"');
  });
});
