/**
 * Alteryx formula text as Weft's formula language reads it. Weft reads Alteryx's dialect
 * (single quotes, comments, several lines, Null(), IN, the REGEX_ functions) as it is, so the text
 * is kept as written, except workflow constants: `[User.X]` becomes the constant's value (Alteryx
 * substitutes it before the formula runs), and the `[Engine.X]` constants become what they stand
 * for in Weft. What cannot be given its Alteryx meaning is reported on the tool.
 */
export interface TranslatedFormula {
  expression: string;
  approximations: string[];
}

/** constant name as written inside the brackets (`User.Rate`) → formula literal (`0.2`, `"EU"`), and what differs from Alteryx */
export type FormulaConstants = ReadonlyMap<string, { literal: string; approximation?: string }>;

/** the workflow's `<Constants>`: numeric ones as numbers, the others as text literals */
export function formulaLiteral(value: string, numeric: boolean): string {
  if (numeric && /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value.trim())) return value.trim();
  return `"${value.replace(/"/g, '""')}"`;
}

/** the end of a string literal starting at `start` (a doubled quote stands for one quote) */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

export function translateFormula(text: string, constants: FormulaConstants = new Map()): TranslatedFormula {
  const approximations: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) {
        out += text.slice(i);
        break;
      }
      const name = text.slice(i + 1, end);
      const constant = constants.get(name) ?? constants.get(name.trim());
      if (constant !== undefined) {
        out += constant.literal;
        if (constant.approximation !== undefined && !approximations.includes(constant.approximation)) approximations.push(constant.approximation);
      } else {
        if (/^(?:User|Engine)\./.test(name.trim())) approximations.push(`the constant [${name}] is not defined in the workflow; it is left as a field reference`);
        out += text.slice(i, end + 1);
      }
      i = end + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return { expression: out, approximations };
}
