import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../shared/sdk/index.js';
import { checkFormula } from './formula.js';

const metadata: Metadata = {
  fields: [
    { name: 'Name', type: 'v_wstring' },
    { name: 'Unit Price', type: 'double' },
    { name: 'Qty', type: 'int32' },
    { name: 'Big', type: 'int64' },
    { name: 'Active', type: 'bool' },
    { name: 'Born', type: 'date' },
    { name: 'Seen', type: 'datetime' },
    { name: 'Code', type: 'fixeddecimal', size: 10, scale: 2 },
  ],
};

function typeOf(text: string): string {
  const result = checkFormula(text, metadata);
  if (!result.ok) throw new Error(result.error.message);
  return result.type;
}

function error(text: string) {
  const result = checkFormula(text, metadata);
  if (result.ok) throw new Error(`expected a type error for ${text}`);
  return { kind: result.error.kind, message: result.error.message, column: result.error.span.start.column, end: result.error.span.end.column };
}

describe('checkFormula types', () => {
  it('infers numeric types: integer stays integer, mixing with number gives number, / gives number', () => {
    expect(typeOf('[Qty] + [Big]')).toBe('int');
    expect(typeOf('[Qty] * [Unit Price]')).toBe('double');
    expect(typeOf('[Qty] / 2')).toBe('double');
    expect(typeOf('[Qty] % 2')).toBe('int');
    expect(typeOf('-[Big]')).toBe('int');
    expect(typeOf('[Code] + 1')).toBe('double');
    expect(typeOf('9223372036854775807')).toBe('int');
    expect(typeOf('-9223372036854775808')).toBe('int');
  });

  it('joins text with +, including dates, and compares dates with text', () => {
    expect(typeOf('[Name] + "!"')).toBe('string');
    expect(typeOf('[Born] + " born"')).toBe('string');
    expect(typeOf('[Born] >= "2000-01-01"')).toBe('bool');
    expect(typeOf('[Born] = [Seen]')).toBe('bool');
  });

  it('types conditionals by their branches', () => {
    expect(typeOf('IF [Active] THEN [Qty] ELSE 1.5 ENDIF')).toBe('double');
    expect(typeOf('IIF([Active], "yes", null)')).toBe('string');
    expect(typeOf('IF [Active] THEN [Born] ELSE [Seen] ENDIF')).toBe('datetime');
    expect(typeOf('[Qty] IN (1, 2.5) AND NOT [Active]')).toBe('bool');
    expect(typeOf('Coalesce([Qty], [Big])')).toBe('int');
    expect(typeOf('Max([Qty], [Unit Price])')).toBe('double');
    expect(typeOf('Abs([Big])')).toBe('int');
  });

  it('types date functions by their arguments', () => {
    expect(typeOf('DateTimeAdd([Born], 1, "days")')).toBe('date');
    expect(typeOf('DateTimeAdd([Born], 1, "hours")')).toBe('datetime');
    expect(typeOf('DateTimeAdd([Seen], 1, "days")')).toBe('datetime');
    expect(typeOf('DateTimeParse([Name], "%d.%m.%Y")')).toBe('date');
    expect(typeOf('DateTimeParse([Name], "%d.%m.%Y %H:%M")')).toBe('datetime');
    expect(typeOf('Year([Born])')).toBe('int');
  });

  it('resolves fields and functions in any letter case', () => {
    expect(typeOf('[unit price] * QTY')).toBe('double');
    expect(typeOf('UPPER(name)')).toBe('string');
  });

  it('reports type errors at the offending place', () => {
    expect(error('"a" * 2')).toMatchObject({ kind: 'type', column: 5, message: expect.stringContaining('Cannot multiply string and integer') });
    expect(error('[Name] + 1')).toMatchObject({ column: 8, message: expect.stringContaining('ToString') });
    expect(error('[Pric] > 1')).toMatchObject({ column: 1, end: 7, message: expect.stringContaining('Unknown field [Pric]') });
    expect(error('Lenght([Name])')).toMatchObject({ column: 1, end: 7, message: expect.stringContaining('Unknown function Lenght()') });
    expect(error('Left([Name])')).toMatchObject({ column: 1, message: 'Left takes 2 arguments (String, Length), got 1' });
    expect(error('Substring("a", 1, 2, 3)')).toMatchObject({ message: expect.stringContaining('takes 2 to 3 arguments') });
    expect(error('Left([Name], "2")')).toMatchObject({ column: 14, message: expect.stringContaining('Argument 2 of Left (Length) must be a number, not string') });
    expect(error('[Qty] AND [Active]')).toMatchObject({ column: 1, message: expect.stringContaining('must be true/false') });
    expect(error('IF [Qty] THEN 1 ELSE 2 ENDIF')).toMatchObject({ column: 4 });
    expect(error('IIF([Active], 1, "x")')).toMatchObject({ column: 18, message: expect.stringContaining('mix integer and string') });
    expect(error('[Qty] = "3"')).toMatchObject({ column: 7, message: expect.stringContaining('Cannot compare integer with string') });
    expect(error('RegexMatch([Name], "(a")')).toMatchObject({ column: 20, message: expect.stringContaining('invalid regular expression') });
    expect(error('DateTimeAdd([Born], 1, "fortnights")')).toMatchObject({ column: 24, message: expect.stringContaining('unknown unit') });
    expect(error('Switch(1, 0, 1)')).toMatchObject({ message: expect.stringContaining('a Result is missing') });
    expect(error('9223372036854775808')).toMatchObject({ message: expect.stringContaining('does not fit a 64-bit integer') });
    expect(error('IIF(1, 2)')).toMatchObject({ message: expect.stringContaining('IIF takes 3 arguments') });
  });
});
