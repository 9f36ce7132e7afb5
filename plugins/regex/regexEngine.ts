/**
 * The RegEx tool's view of the formula language's regular expressions (plugins/formula-language/
 * regex.ts, the engine of the REGEX_* functions): Perl-style syntax as Alteryx accepts it, linear
 * time (RE2) for every pattern RE2 can run, and a step-limited backtracking engine only for
 * backreferences and lookaround. Replacement text is read as there too (Boost's Perl format).
 */
import { compileRegex, RegexLimitError, STEP_LIMIT, type Regex } from '../formula-language/regex.js';
import { expandReplacement, parseReplacement } from '../formula-language/regexReplacement.js';

export { RegexLimitError, STEP_LIMIT };

export interface MatchSpan {
  start: number;
  end: number;
  /** group texts, index 0 the whole match; null for a group that did not take part */
  groups: (string | null)[];
}

export interface TextPattern {
  /** marked (capturing) groups, not counting the whole match */
  readonly groupCount: number;
  /** the name of each group 1..groupCount (index 0 unused), null when unnamed */
  readonly groupNames: readonly (string | null)[];
  /** true when the whole text matches; throws RegexLimitError past the step limit */
  fullMatch(text: string): boolean;
  /** every non-overlapping match, left to right (empty matches included) */
  findAll(text: string): MatchSpan[];
  /** the first match, or null */
  findFirst(text: string): MatchSpan | null;
}

const spanOf = (m: { index: number; end: number; groups: (string | null)[] }): MatchSpan => ({ start: m.index, end: m.end, groups: m.groups });

/** the compiled pattern, or an error message naming the problem */
export function compileTextPattern(pattern: string, caseInsensitive: boolean): TextPattern | { error: string } {
  const compiled = compileRegex(pattern, { caseInsensitive });
  if (!compiled.ok) return { error: `invalid regular expression ${JSON.stringify(pattern)}: ${compiled.error}` };
  const regex: Regex = compiled.regex;
  return {
    groupCount: regex.groupCount,
    groupNames: regex.groupNames,
    fullMatch: (text) => regex.matchesWhole(text),
    findFirst: (text) => {
      const m = regex.find(text);
      return m ? spanOf(m) : null;
    },
    findAll: (text) => regex.findAll(text).map(spanOf),
  };
}

export interface Replacement {
  /** the replacement text for one match */
  render(span: MatchSpan): string;
}

/** the replacement template, checked against the pattern's groups */
export function compileReplacement(template: string, pattern: TextPattern): Replacement | { error: string } {
  const parts = parseReplacement(template);
  for (const part of parts) {
    if (part.kind !== 'group') continue;
    const index = typeof part.ref === 'number' ? part.ref : pattern.groupNames.indexOf(part.ref);
    if (index < 0 || index > pattern.groupCount) {
      return { error: `replacement: the expression has no group ${JSON.stringify(part.ref)} (it has ${pattern.groupCount})` };
    }
  }
  return {
    render: (span) => expandReplacement(parts, (ref) => {
      const index = typeof ref === 'number' ? ref : pattern.groupNames.indexOf(ref);
      return span.groups[index] ?? '';
    }),
  };
}
