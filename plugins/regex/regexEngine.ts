/**
 * The regular-expression engine behind the RegEx tool: RE2 (the `re2js` package, as the formula
 * language's REGEX_* functions), so matching time grows linearly with the text whatever the
 * pattern. This small adapter is the one place that knows the engine, so the tool can move to
 * the formula language's Perl-compatible front end without touching the methods.
 */
import { RE2JS } from 're2js';

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
  readonly groupNames: (string | null)[];
  /** true when the whole text matches */
  fullMatch(text: string): boolean;
  /** every non-overlapping match from the start, left to right (empty matches included) */
  findAll(text: string): MatchSpan[];
  /** the first match, or null */
  findFirst(text: string): MatchSpan | null;
}

function spanOf(matcher: ReturnType<RE2JS['matcher']>, groupCount: number): MatchSpan {
  const groups: (string | null)[] = [];
  for (let g = 0; g <= groupCount; g++) groups.push(matcher.group(g));
  return { start: matcher.start(), end: matcher.end(), groups };
}

/** the compiled pattern, or an error message naming the problem */
export function compileTextPattern(pattern: string, caseInsensitive: boolean): TextPattern | { error: string } {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /\\[1-9]|\(\?[=!<]/.test(pattern) ? ' (backreferences and lookaround are not supported: RE2 keeps matching linear-time)' : '';
    return { error: `invalid regular expression ${JSON.stringify(pattern)}: ${message}${hint}` };
  }
  const groupCount = re.groupCount();
  const groupNames: (string | null)[] = new Array(groupCount + 1).fill(null);
  for (const [name, index] of Object.entries(re.namedGroups() as Record<string, number>)) groupNames[index] = name;
  return {
    groupCount,
    groupNames,
    fullMatch: (text) => re.matcher(text).matches(),
    findFirst: (text) => {
      const m = re.matcher(text);
      return m.find() ? spanOf(m, groupCount) : null;
    },
    findAll: (text) => {
      const m = re.matcher(text);
      const out: MatchSpan[] = [];
      while (m.find()) out.push(spanOf(m, groupCount));
      return out;
    },
  };
}
