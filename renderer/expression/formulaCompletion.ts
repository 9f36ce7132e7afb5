/**
 * Completion for the formula editor: field names (as `[name]`, from the update-only metadata of
 * the tool's inputs), functions (with their signature and one-line help) and keywords.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { FormulaFunctionInfo } from '../../shared/formulaFunctionInfo.js';
import type { Field } from '../../shared/metadata.js';
import { FORMULA_KEYWORDS } from './formulaSyntax.js';

export interface FieldChoice {
  field: Field;
  /** the input anchor it arrives on, when the tool has more than one */
  anchor?: string;
}

/** what to insert for a field: `[name]` */
export const fieldReference = (name: string) => `[${name}]`;

function fieldOption(choice: FieldChoice): Completion {
  return {
    label: fieldReference(choice.field.name),
    type: 'variable',
    detail: choice.anchor ? `${choice.field.type} · ${choice.anchor}` : choice.field.type,
    boost: 2,
  };
}

function functionOption(info: FormulaFunctionInfo): Completion {
  return {
    label: info.name,
    type: 'function',
    detail: info.signature.slice(info.name.length),
    info: info.example ? `${info.description}\n${info.example}` : info.description,
    apply: `${info.name}(`,
  };
}

const keywordOption = (word: string): Completion => ({ label: word, type: 'keyword', boost: -1 });

/** the completions for `fields` and `functions`; the field list is read on every request, so it follows the metadata */
export function formulaCompletionSource(fields: () => readonly FieldChoice[], functions: readonly FormulaFunctionInfo[]): CompletionSource {
  const functionOptions = functions.map(functionOption);
  const keywordOptions = FORMULA_KEYWORDS.map(keywordOption);
  return (context: CompletionContext): CompletionResult | null => {
    const bracket = context.matchBefore(/\[[^\]\n]*$/);
    if (bracket) {
      return { from: bracket.from, options: fields().map(fieldOption), validFor: /^\[[^\]\n]*$/ };
    }
    const before = context.state.sliceDoc(0, context.pos);
    if (insideString(before)) return null;
    const word = context.matchBefore(/[\p{L}_][\p{L}\p{N}_]*$/u);
    if (!word && !context.explicit) return null;
    const from = word ? word.from : context.pos;
    return { from, options: [...fields().map(fieldOption), ...functionOptions, ...keywordOptions], validFor: /^[\p{L}_][\p{L}\p{N}_]*$/u };
  };
}

/** true when `before` ends inside a string literal or a comment */
export function insideString(before: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '/' && before[i + 1] === '/') {
      const end = before.indexOf('\n', i);
      if (end < 0) return true;
      i = end;
    } else if (ch === '/' && before[i + 1] === '*') {
      const end = before.indexOf('*/', i + 2);
      if (end < 0) return true;
      i = end + 1;
    }
  }
  return quote !== null;
}

/**
 * The function call the cursor is in and which argument it is at, for the signature hint:
 * `Left([name], |` → { name: 'Left', argument: 1 }
 */
export function enclosingCall(text: string, pos: number): { name: string; argument: number } | null {
  const before = text.slice(0, pos);
  let depth = 0;
  let argument = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i]!;
    if (ch === ']' ) {
      const open = before.lastIndexOf('[', i);
      if (open >= 0) i = open;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const open = before.lastIndexOf(ch, i - 1);
      if (open < 0) return null;
      i = open;
      continue;
    }
    if (ch === ')') depth++;
    else if (ch === ',' && depth === 0) argument++;
    else if (ch === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const name = /([\p{L}_][\p{L}\p{N}_]*)\s*$/u.exec(before.slice(0, i));
      return name ? { name: name[1]!, argument } : null;
    }
  }
  return null;
}
