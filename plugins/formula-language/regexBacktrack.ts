/**
 * A small backtracking matcher for the patterns RE2 cannot run (backreferences such as `\1`,
 * lookahead and lookbehind). It walks the pattern's syntax tree (parsed by regexpp) and counts
 * its steps: past STEP_LIMIT on one text it stops with a RegexLimitError instead of running for
 * minutes, so a pattern with catastrophic backtracking fails clearly rather than hangs a run.
 * Every pattern RE2 can run goes to RE2 (linear time); only these few come here.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** steps (node visits) one search over one text may take */
export const STEP_LIMIT = 1_000_000;

export class RegexLimitError extends Error {}

export interface BacktrackMatch {
  index: number;
  end: number;
  /** group 0 (the match) and each capturing group: [start, end], or null when it took no part */
  spans: ([number, number] | null)[];
}

type Next = (pos: number) => boolean;

export class BacktrackPattern {
  readonly groupCount: number;
  readonly groupNames: (string | null)[];
  private readonly pattern: AST.Pattern;
  private readonly groups: AST.CapturingGroup[] = [];
  private readonly leafTests = new Map<AST.Node, RegExp>();
  private text = '';
  private spans: ([number, number] | null)[] = [];
  private steps = 0;

  /** `source` in JavaScript regex syntax; throws a SyntaxError for a pattern that is not valid */
  constructor(source: string, private readonly caseInsensitive: boolean) {
    this.pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
    const visit = (node: AST.Node): void => {
      if (node.type === 'CapturingGroup') this.groups.push(node);
      for (const child of childrenOf(node)) visit(child);
    };
    visit(this.pattern);
    this.groups.sort((a, b) => a.start - b.start);
    this.groupCount = this.groups.length;
    this.groupNames = [null, ...this.groups.map((g) => g.name)];
  }

  /** whether the whole text matches */
  matchesWhole(text: string): boolean {
    return this.search(text, 0, true) !== null;
  }

  /** the first match starting at or after `from`, or null */
  find(text: string, from: number): BacktrackMatch | null {
    return this.search(text, from, false);
  }

  private search(text: string, from: number, whole: boolean): BacktrackMatch | null {
    this.text = text;
    this.steps = 0;
    for (let start = from; start <= text.length; start++) {
      this.spans = new Array(this.groupCount + 1).fill(null);
      let end = -1;
      try {
        if (this.alternatives(this.pattern.alternatives, start, (pos) => { end = pos; return !whole || pos === text.length; })) {
          this.spans[0] = [start, end];
          return { index: start, end, spans: this.spans };
        }
      } catch (error) {
        if (error instanceof RangeError && !(error instanceof RegexLimitError)) throw new RegexLimitError('the pattern nests too deeply for this text');
        throw error;
      }
      if (whole) break;
      if (start < text.length && isHighSurrogate(text.charCodeAt(start))) start++;
    }
    return null;
  }

  private step(): void {
    if (++this.steps > STEP_LIMIT) throw new RegexLimitError(`more than ${STEP_LIMIT.toLocaleString('en')} backtracking steps on one text`);
  }

  private alternatives(alternatives: AST.Alternative[], pos: number, next: Next): boolean {
    for (const alternative of alternatives) if (this.sequence(alternative.elements, 0, pos, next)) return true;
    return false;
  }

  private sequence(elements: AST.Element[], i: number, pos: number, next: Next): boolean {
    if (i === elements.length) return next(pos);
    return this.element(elements[i], pos, (p) => this.sequence(elements, i + 1, p, next));
  }

  private element(node: AST.Element, pos: number, next: Next): boolean {
    this.step();
    switch (node.type) {
      case 'Group': return this.alternatives(node.alternatives, pos, next);
      case 'CapturingGroup': return this.capture(node, pos, next);
      case 'Quantifier': return this.quantifier(node, pos, next);
      case 'Assertion': return this.assertion(node, pos, next);
      case 'Backreference': return this.backreference(node, pos, next);
      default: {
        const end = this.leaf(node, pos);
        return end >= 0 && next(end);
      }
    }
  }

  private capture(node: AST.CapturingGroup, pos: number, next: Next): boolean {
    const index = this.groups.indexOf(node) + 1;
    const saved = this.spans[index];
    const matched = this.alternatives(node.alternatives, pos, (end) => {
      const before = this.spans[index];
      this.spans[index] = [pos, end];
      if (next(end)) return true;
      this.spans[index] = before;
      return false;
    });
    if (!matched) this.spans[index] = saved;
    return matched;
  }

  private quantifier(node: AST.Quantifier, pos: number, next: Next): boolean {
    const { min, max, greedy, element } = node;
    if (isLeaf(element)) {
      // one character per repetition: find every end position in a loop, not by recursion
      const ends = [pos];
      let at = pos;
      while (ends.length - 1 < max) {
        this.step();
        const end = this.leaf(element, at);
        if (end < 0) break;
        ends.push((at = end));
      }
      if (ends.length - 1 < min) return false;
      if (greedy) {
        for (let k = ends.length - 1; k >= min; k--) if (next(ends[k])) return true;
      } else {
        for (let k = min; k < ends.length; k++) if (next(ends[k])) return true;
      }
      return false;
    }
    const repeat = (count: number, at: number): boolean => {
      this.step();
      const more = () => count < max && this.element(element, at, (p) => (p === at && count >= min ? false : repeat(count + 1, p)));
      if (count < min) return more();
      return greedy ? more() || next(at) : next(at) || more();
    };
    return repeat(0, pos);
  }

  private assertion(node: AST.Assertion, pos: number, next: Next): boolean {
    const text = this.text;
    switch (node.kind) {
      case 'start': return pos === 0 && next(pos);
      case 'end': return pos === text.length && next(pos);
      case 'word': {
        const boundary = isWordChar(text[pos - 1]) !== isWordChar(text[pos]);
        return boundary !== node.negate && next(pos);
      }
      case 'lookahead': {
        const found = this.alternatives(node.alternatives, pos, () => true);
        return found !== node.negate && next(pos);
      }
      case 'lookbehind': {
        let found = false;
        for (let start = pos; start >= 0 && !found; start--) found = this.alternatives(node.alternatives, start, (end) => end === pos);
        return found !== node.negate && next(pos);
      }
    }
  }

  private backreference(node: AST.Backreference, pos: number, next: Next): boolean {
    const groups = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
    const span = groups.map((g) => this.spans[this.groups.indexOf(g) + 1]).find((s) => s !== null) ?? null;
    if (span === null) return next(pos);
    const captured = this.text.slice(span[0], span[1]);
    const here = this.text.slice(pos, pos + captured.length);
    const same = this.caseInsensitive ? here.toLowerCase() === captured.toLowerCase() : here === captured;
    return same && next(pos + captured.length);
  }

  /** the end of the one character `node` matches at `pos`, or -1 */
  private leaf(node: AST.Node, pos: number): number {
    if (pos >= this.text.length) return -1;
    let test = this.leafTests.get(node);
    if (test === undefined) {
      // sticky: tested right at `pos` in the text, without cutting the character out
      test = new RegExp(`(?:${node.raw})`, this.caseInsensitive ? 'iuy' : 'uy');
      this.leafTests.set(node, test);
    }
    test.lastIndex = pos;
    return test.test(this.text) ? test.lastIndex : -1;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isWordChar = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);

function isLeaf(node: AST.Node): boolean {
  return node.type === 'Character' || node.type === 'CharacterSet' || node.type === 'CharacterClass';
}

function childrenOf(node: AST.Node): AST.Node[] {
  switch (node.type) {
    case 'Pattern': case 'Group': case 'CapturingGroup': return node.alternatives;
    case 'Assertion': return 'alternatives' in node ? node.alternatives : [];
    case 'Alternative': return node.elements;
    case 'Quantifier': return [node.element];
    default: return [];
  }
}
