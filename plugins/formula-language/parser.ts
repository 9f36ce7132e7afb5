/**
 * A hand-written Pratt parser for the formula language. The grammar is small (a dozen precedence
 * levels and one block form), and writing it by hand gives every error our own wording and the
 * exact position, with no grammar-construction cost when a tool worker starts.
 */
import type { BinaryOperator, Expr } from './ast.js';
import { positionAt, spanOf, type FormulaError } from './formulaError.js';
import { tokenize, type Token } from './lexer.js';

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: FormulaError };

/** Words with a meaning of their own: a field with such a name needs brackets, e.g. `[If]`. */
export const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IF', 'THEN', 'ELSEIF', 'ELSE', 'ENDIF', 'TRUE', 'FALSE', 'NULL']);

// Binding powers, loosest first.
const BP_OR = 1;
const BP_AND = 2;
const BP_NOT = 3;
const BP_COMPARE = 4;
const BP_ADD = 5;
const BP_MULTIPLY = 6;
const BP_UNARY = 7;

const INFIX: Record<string, { bp: number; op: BinaryOperator }> = {
  OR: { bp: BP_OR, op: 'OR' },
  '||': { bp: BP_OR, op: 'OR' },
  AND: { bp: BP_AND, op: 'AND' },
  '&&': { bp: BP_AND, op: 'AND' },
  '=': { bp: BP_COMPARE, op: '=' },
  '==': { bp: BP_COMPARE, op: '=' },
  '!=': { bp: BP_COMPARE, op: '!=' },
  '<>': { bp: BP_COMPARE, op: '!=' },
  '<': { bp: BP_COMPARE, op: '<' },
  '<=': { bp: BP_COMPARE, op: '<=' },
  '>': { bp: BP_COMPARE, op: '>' },
  '>=': { bp: BP_COMPARE, op: '>=' },
  '+': { bp: BP_ADD, op: '+' },
  '-': { bp: BP_ADD, op: '-' },
  '*': { bp: BP_MULTIPLY, op: '*' },
  '/': { bp: BP_MULTIPLY, op: '/' },
  '%': { bp: BP_MULTIPLY, op: '%' },
};

class SyntaxFailure extends Error {
  constructor(readonly start: number, readonly end: number, message: string) {
    super(message);
  }
}

function where(position: { line: number; column: number }): string {
  return `line ${position.line}, column ${position.column}`;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof': return 'the end of the formula';
    case 'string': return `the string ${JSON.stringify(token.text)}`;
    case 'field': return `the field [${token.text}]`;
    case 'number': return `the number ${token.text}`;
    default: return `"${token.text}"`;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly text: string, private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private fail(token: Token, message: string): never {
    throw new SyntaxFailure(token.start, Math.max(token.end, token.start + 1), message);
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'ident' && token.text.toUpperCase() === word;
  }

  private isOp(token: Token, op: string): boolean {
    return token.kind === 'op' && token.text === op;
  }

  private expectWord(word: string, context: string): Token {
    const token = this.peek();
    if (!this.isWord(token, word)) this.fail(token, `Expected ${word} ${context}, found ${describe(token)}`);
    return this.next();
  }

  private expectOp(op: string, context: string): Token {
    const token = this.peek();
    if (!this.isOp(token, op)) this.fail(token, `Expected "${op}" ${context}, found ${describe(token)}`);
    return this.next();
  }

  parseFormula(): Expr {
    if (this.peek().kind === 'eof') this.fail(this.peek(), 'The formula is empty');
    const expr = this.parseExpr(0);
    const rest = this.peek();
    if (rest.kind !== 'eof') this.fail(rest, `Unexpected ${describe(rest)} after a complete expression (a missing operator?)`);
    return expr;
  }

  private parseExpr(minBp: number): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const key = token.kind === 'op' ? token.text : token.kind === 'ident' ? token.text.toUpperCase() : '';
      // `x NOT IN (...)` and `x IN (...)` sit at the comparison level
      if ((key === 'IN' || (key === 'NOT' && this.isWord(this.tokens[this.index + 1], 'IN'))) && BP_COMPARE > minBp) {
        left = this.parseIn(left);
        continue;
      }
      const infix = INFIX[key];
      if (infix === undefined || (token.kind !== 'op' && token.kind !== 'ident') || infix.bp <= minBp) return left;
      this.next();
      const right = this.parseExpr(infix.bp);
      left = { kind: 'binary', op: infix.op, left, right, start: left.start, end: right.end, opStart: token.start, opEnd: token.end };
    }
  }

  private parseIn(value: Expr): Expr {
    let negated = false;
    if (this.isWord(this.peek(), 'NOT')) {
      this.next();
      negated = true;
    }
    this.next(); // IN
    this.expectOp('(', 'after IN');
    const items: Expr[] = [];
    if (this.isOp(this.peek(), ')')) this.fail(this.peek(), 'IN needs at least one value: IN (value, ...)');
    for (;;) {
      items.push(this.parseExpr(0));
      if (this.isOp(this.peek(), ',')) {
        this.next();
        continue;
      }
      const close = this.expectOp(')', 'to close the IN list');
      return { kind: 'in', negated, value, items, start: value.start, end: close.end };
    }
  }

  private parsePrefix(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', text: token.text, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'field':
        return { kind: 'field', name: token.text, start: token.start, end: token.end };
      case 'eof':
        return this.fail(token, 'The formula ends too early: a value is missing');
      case 'op':
        return this.parseOperatorPrefix(token);
      case 'ident':
        return this.parseWord(token);
    }
  }

  private parseOperatorPrefix(token: Token): Expr {
    if (token.text === '(') {
      const inner = this.parseExpr(0);
      const close = this.expectOp(')', 'to close the parenthesis');
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.text === '-' || token.text === '+') {
      const operand = this.parseExpr(BP_UNARY - 1);
      if (token.text === '+') return { ...operand, start: token.start };
      return { kind: 'unary', op: '-', operand, start: token.start, end: operand.end };
    }
    if (token.text === '!') {
      const operand = this.parseExpr(BP_NOT - 1);
      return { kind: 'unary', op: 'NOT', operand, start: token.start, end: operand.end };
    }
    return this.fail(token, `Expected a value, found ${describe(token)}`);
  }

  private parseWord(token: Token): Expr {
    const upper = token.text.toUpperCase();
    if (this.isOp(this.peek(), '(') && !KEYWORDS.has(upper)) return this.parseCall(token);
    switch (upper) {
      case 'TRUE':
      case 'FALSE':
        return { kind: 'bool', value: upper === 'TRUE', start: token.start, end: token.end };
      case 'NULL':
        if (this.isOp(this.peek(), '(')) {
          this.next();
          const close = this.expectOp(')', 'after Null(');
          return { kind: 'null', start: token.start, end: close.end };
        }
        return { kind: 'null', start: token.start, end: token.end };
      case 'NOT': {
        const operand = this.parseExpr(BP_NOT - 1);
        return { kind: 'unary', op: 'NOT', operand, start: token.start, end: operand.end };
      }
      case 'IF':
        return this.parseIf(token);
      default:
        if (KEYWORDS.has(upper)) return this.fail(token, `Unexpected ${upper} here: a value is missing before it`);
        return { kind: 'field', name: token.text, start: token.start, end: token.end };
    }
  }

  private parseCall(nameToken: Token): Expr {
    this.next(); // (
    const args: Expr[] = [];
    if (!this.isOp(this.peek(), ')')) {
      for (;;) {
        args.push(this.parseExpr(0));
        if (this.isOp(this.peek(), ',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    const close = this.expectOp(')', `to close the call of ${nameToken.text}(`);
    return { kind: 'call', name: nameToken.text, nameEnd: nameToken.end, args, start: nameToken.start, end: close.end };
  }

  private parseIf(ifToken: Token): Expr {
    const branches: { condition: Expr; value: Expr }[] = [];
    let otherwise: Expr | null = null;
    let condition = this.parseExpr(0);
    for (;;) {
      this.expectWord('THEN', 'after the IF condition');
      branches.push({ condition, value: this.parseExpr(0) });
      const token = this.peek();
      if (this.isWord(token, 'ELSEIF')) {
        this.next();
        condition = this.parseExpr(0);
        continue;
      }
      if (this.isWord(token, 'ELSE')) {
        this.next();
        otherwise = this.parseExpr(0);
      }
      const end = this.peek();
      if (!this.isWord(end, 'ENDIF')) {
        this.fail(end, `Expected ${otherwise === null ? 'ELSEIF, ELSE or ENDIF' : 'ENDIF'} to finish the IF at ${where(positionAt(this.text, ifToken.start))}, found ${describe(end)}`);
      }
      this.next();
      return { kind: 'if', branches, otherwise, start: ifToken.start, end: end.end };
    }
  }
}

export function parseFormula(text: string): ParseResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, expr: new Parser(text, lexed.tokens).parseFormula() };
  } catch (error) {
    if (error instanceof SyntaxFailure) {
      return { ok: false, error: { kind: 'syntax', message: error.message, span: spanOf(text, error.start, error.end) } };
    }
    throw error;
  }
}
