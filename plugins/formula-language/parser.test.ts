import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.js';
import { parseFormula } from './parser.js';

/** A compact rendering of the tree, to compare shapes. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case 'number': return expr.text;
    case 'string': return JSON.stringify(expr.value);
    case 'bool': return String(expr.value);
    case 'null': return 'null';
    case 'field': return `[${expr.name}]`;
    case 'unary': return `(${expr.op} ${show(expr.operand)})`;
    case 'binary': return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case 'in': return `(${show(expr.value)} ${expr.negated ? 'NOT IN' : 'IN'} ${expr.items.map(show).join(', ')})`;
    case 'if': return `(IF ${expr.branches.map((b) => `${show(b.condition)} THEN ${show(b.value)}`).join(' ELSEIF ')}${expr.otherwise ? ` ELSE ${show(expr.otherwise)}` : ''})`;
    case 'call': return `${expr.name}(${expr.args.map(show).join(', ')})`;
  }
}

function parse(text: string): string {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return show(result.expr);
}

function error(text: string) {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`expected a syntax error for ${text}`);
  return { message: result.error.message, line: result.error.span.start.line, column: result.error.span.start.column };
}

describe('parseFormula', () => {
  it('follows the usual precedence: * over +, comparison over AND, AND over OR', () => {
    expect(parse('1 + 2 * 3')).toBe('(1 + (2 * 3))');
    expect(parse('a = 1 OR b = 2 AND c = 3')).toBe('(([a] = 1) OR (([b] = 2) AND ([c] = 3)))');
    expect(parse('NOT a = 1 AND b')).toBe('((NOT ([a] = 1)) AND [b])');
    expect(parse('-x * 2')).toBe('((- [x]) * 2)');
    expect(parse('10 - 4 - 3')).toBe('((10 - 4) - 3)');
    expect(parse('(1 + 2) * 3')).toBe('((1 + 2) * 3)');
  });

  it('reads every spelling of the operators', () => {
    expect(parse('a == 1 && b <> 2 || !c')).toBe('((([a] = 1) AND ([b] != 2)) OR (NOT [c]))');
    expect(parse('a != 1')).toBe('([a] != 1)');
    expect(parse('a >= 1 and b <= 2 or c > 3 Or d < 4')).toBe('(((([a] >= 1) AND ([b] <= 2)) OR ([c] > 3)) OR ([d] < 4))');
    expect(parse('7 % 3')).toBe('(7 % 3)');
  });

  it('reads field references with spaces, unicode and bare names', () => {
    expect(parse('[Unit Price] * [Qty]')).toBe('([Unit Price] * [Qty])');
    expect(parse('größe + 名前')).toBe('([größe] + [名前])');
  });

  it('reads literals: numbers, both quotes, doubled quotes, booleans, null', () => {
    expect(parse('1.5e3 + .5')).toBe('(1.5e3 + .5)');
    expect(parse(`"a" + 'b'`)).toBe('("a" + "b")');
    expect(parse(`"say ""hi"""`)).toBe(JSON.stringify('say "hi"'));
    expect(parse(`'it''s'`)).toBe(JSON.stringify("it's"));
    expect(parse('TRUE OR false')).toBe('(true OR false)');
    expect(parse('Null() = NULL')).toBe('(null = null)');
    expect(parse('"C:\\data\\d+"')).toBe(JSON.stringify('C:\\data\\d+'));
  });

  it('reads IN and NOT IN lists', () => {
    expect(parse('[x] IN (1, 2, 3)')).toBe('([x] IN 1, 2, 3)');
    expect(parse('[x] not in ("a") AND y')).toBe('(([x] NOT IN "a") AND [y])');
  });

  it('reads IF blocks with ELSEIF and an optional ELSE, any case', () => {
    expect(parse('IF a THEN 1 ELSEIF b THEN 2 ELSE 3 ENDIF')).toBe('(IF [a] THEN 1 ELSEIF [b] THEN 2 ELSE 3)');
    expect(parse('if a then 1 endif')).toBe('(IF [a] THEN 1)');
    expect(parse('IIF(a, 1, 2)')).toBe('IIF([a], 1, 2)');
  });

  it('reads calls with any letter case and skips comments', () => {
    expect(parse('left([Name], 2) // the initials\n + /* block */ "x"')).toBe('(left([Name], 2) + "x")');
    expect(parse('DateTimeNow()')).toBe('DateTimeNow()');
  });

  it('reports syntax errors with their line and column', () => {
    expect(error('1 +')).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('ends too early') });
    expect(error('[Price] * (2 + 3')).toMatchObject({ column: 17, message: expect.stringContaining('Expected ")"') });
    expect(error('"abc')).toMatchObject({ column: 1, message: expect.stringContaining('never closed') });
    expect(error('[Price')).toMatchObject({ column: 1, message: expect.stringContaining('never closed with ]') });
    expect(error('IF a THEN 1\nELSE 2')).toMatchObject({ line: 2, column: 7, message: expect.stringContaining('ENDIF') });
    expect(error('a b')).toMatchObject({ column: 3, message: expect.stringContaining('missing operator') });
    expect(error('1 # 2')).toMatchObject({ column: 3, message: expect.stringContaining('Unexpected character "#"') });
    expect(error('12abc')).toMatchObject({ column: 1, message: expect.stringContaining('Malformed number') });
    expect(error('x IN ()')).toMatchObject({ column: 7, message: expect.stringContaining('at least one value') });
    expect(error('')).toMatchObject({ message: 'The formula is empty' });
    expect(error('/* open')).toMatchObject({ message: expect.stringContaining('never closed with */') });
    expect(error('THEN + 1')).toMatchObject({ column: 1, message: expect.stringContaining('THEN') });
  });
});
