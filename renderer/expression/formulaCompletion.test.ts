import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { FormulaFunctionInfo } from '../../shared/formulaFunctionInfo.js';
import { enclosingCall, formulaCompletionSource, insideString, type FieldChoice } from './formulaCompletion.js';

const functions: FormulaFunctionInfo[] = [
  { name: 'Left', aliases: [], category: 'Text', signature: 'Left(text, count)', params: ['text', 'count'], description: 'The first characters.', example: 'Left("abc", 2) → "ab"' },
  { name: 'Length', aliases: ['Len'], category: 'Text', signature: 'Length(text)', params: ['text'], description: 'How many characters.', example: null },
];
const fields: FieldChoice[] = [{ field: { name: 'amount', type: 'double' } }, { field: { name: 'Customer Name', type: 'v_string' } }];

function complete(doc: string, explicit = false): CompletionResult | null {
  const state = EditorState.create({ doc });
  const source = formulaCompletionSource(() => fields, functions);
  return source(new CompletionContext(state, doc.length, explicit)) as CompletionResult | null;
}

describe('formula completion', () => {
  it('offers the fields after an opening bracket, replacing from the bracket', () => {
    const result = complete('[amount] > 1 AND [Cus');
    expect(result!.from).toBe('[amount] > 1 AND '.length);
    expect(result!.options.map((o) => o.label)).toEqual(['[amount]', '[Customer Name]']);
    expect(result!.options[1]!.detail).toBe('v_string');
  });

  it('offers fields, functions with signature and help, and keywords while typing a word', () => {
    const result = complete('Le');
    const labels = result!.options.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['[amount]', 'Left', 'Length', 'AND', 'ENDIF']));
    const left = result!.options.find((o) => o.label === 'Left')!;
    expect(left).toMatchObject({ detail: '(text, count)', apply: 'Left(' });
    expect(left.info).toBe('The first characters.\nLeft("abc", 2) → "ab"');
  });

  it('offers nothing inside a string or a comment, nor unasked after a space', () => {
    expect(complete('"Le')).toBeNull();
    expect(complete('// Le')).toBeNull();
    expect(complete('[a] ')).toBeNull();
    expect(complete('[a] ', true)!.options.length).toBeGreaterThan(0);
  });
});

describe('insideString', () => {
  it('knows both quotes, doubled quotes and comments', () => {
    expect(insideString('"a" + "b')).toBe(true);
    expect(insideString("'it''s' + ")).toBe(false);
    expect(insideString('/* x */ [a]')).toBe(false);
  });
});

describe('enclosingCall', () => {
  it('finds the function and the argument the cursor is at', () => {
    expect(enclosingCall('Left([name], ', 13)).toEqual({ name: 'Left', argument: 1 });
    expect(enclosingCall('Upper(Left([a,b], 2), ', 22)).toEqual({ name: 'Upper', argument: 1 });
    expect(enclosingCall('Left("x, (y", ', 14)).toEqual({ name: 'Left', argument: 1 });
    expect(enclosingCall('[a] + 1', 7)).toBeNull();
    expect(enclosingCall('([a] + 1', 8)).toBeNull();
  });
});
