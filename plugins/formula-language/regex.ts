/**
 * Regular expressions with the Perl-style syntax Alteryx accepts, for the REGEX_* functions and
 * for tools (compile a pattern once, then match, find, split or replace per value).
 *
 * Linear time for every pattern RE2 can run (the `re2js` package): matching time grows with the
 * text, never exponentially, so `(a+)+$` cannot hang a run. RE2 has no backreferences (`\1`) or
 * lookaround (`(?=…)`, `(?<=…)`); patterns that use them run on a small backtracking engine with
 * a step limit (regexBacktrack.ts): past it the search stops with a RegexLimitError naming the
 * limit, instead of running for minutes.
 */
import { RE2JS } from 're2js';
import { BacktrackPattern, RegexLimitError, STEP_LIMIT } from './regexBacktrack.js';
import { expandReplacement, parseReplacement } from './regexReplacement.js';
import { javaScriptSyntax, needsBacktracking, re2Syntax } from './regexSyntax.js';

export { RegexLimitError, STEP_LIMIT };

export interface RegexOptions {
  caseInsensitive?: boolean;
}

export interface RegexMatch {
  /** where the match starts and ends in the text (UTF-16 positions, as String.slice takes) */
  index: number;
  end: number;
  /** group 0 is the whole match; a group that took no part is null */
  groups: (string | null)[];
}

export interface Regex {
  readonly pattern: string;
  /** `linear` (RE2) or `backtracking` (step-limited, only for backreferences and lookaround) */
  readonly engine: 'linear' | 'backtracking';
  /** the number of capturing groups */
  readonly groupCount: number;
  /** the name of each group by number (index 0, the whole match, and unnamed groups: null) */
  readonly groupNames: readonly (string | null)[];
  /** whether the whole text matches (as REGEX_Match) */
  matchesWhole(text: string): boolean;
  /** the first match at or after `from` */
  find(text: string, from?: number): RegexMatch | null;
  /** every match, left to right, not overlapping */
  findAll(text: string): RegexMatch[];
  /** the text with every match replaced; see regexReplacement.ts for `$1`, `\1`, `\u`, `\U…\E` */
  replace(text: string, replacement: string): string;
}

export type CompiledRegex = { ok: true; regex: Regex } | { ok: false; error: string };

class LinearRegex implements Regex {
  readonly engine = 'linear';
  readonly groupCount: number;
  readonly groupNames: (string | null)[];
  constructor(readonly pattern: string, private readonly re: RE2JS) {
    this.groupCount = re.groupCount();
    this.groupNames = new Array<string | null>(this.groupCount + 1).fill(null);
    for (const [name, index] of Object.entries(re.namedGroups() as Record<string, number>)) this.groupNames[index] = name;
  }

  matchesWhole(text: string): boolean {
    return this.re.matcher(text).matches();
  }

  find(text: string, from = 0): RegexMatch | null {
    const m = this.re.matcher(text);
    return m.find(from) ? this.matchOf(m, text) : null;
  }

  findAll(text: string): RegexMatch[] {
    // one matcher for the whole text: RE2's find() moves past an empty match by itself
    const m = this.re.matcher(text);
    const out: RegexMatch[] = [];
    while (m.find()) out.push(this.matchOf(m, text));
    return out;
  }

  private matchOf(m: ReturnType<RE2JS['matcher']>, text: string): RegexMatch {
    const groups: (string | null)[] = [];
    for (let g = 0; g <= this.groupCount; g++) groups.push(m.start(g) < 0 ? null : text.slice(m.start(g), m.end(g)));
    return { index: m.start(), end: m.end(), groups };
  }

  replace(text: string, replacement: string): string {
    return replaceEach(this, text, replacement);
  }
}

class BacktrackingRegex implements Regex {
  readonly engine = 'backtracking';
  readonly groupCount: number;
  readonly groupNames: readonly (string | null)[];
  constructor(readonly pattern: string, private readonly re: BacktrackPattern) {
    this.groupCount = re.groupCount;
    this.groupNames = re.groupNames;
  }

  matchesWhole(text: string): boolean {
    return this.re.matchesWhole(text);
  }

  find(text: string, from = 0): RegexMatch | null {
    const m = this.re.find(text, from);
    if (m === null) return null;
    return { index: m.index, end: m.end, groups: m.spans.map((s) => (s === null ? null : text.slice(s[0], s[1]))) };
  }

  findAll(text: string): RegexMatch[] {
    return findEach(this, text);
  }

  replace(text: string, replacement: string): string {
    return replaceEach(this, text, replacement);
  }
}

function findEach(regex: Regex, text: string): RegexMatch[] {
  const out: RegexMatch[] = [];
  let from = 0;
  while (from <= text.length) {
    const m = regex.find(text, from);
    if (m === null) break;
    out.push(m);
    // an empty match moves on one character, so the search always advances
    from = m.end > m.index ? m.end : m.end + (isHighSurrogate(text.charCodeAt(m.end)) ? 2 : 1);
  }
  return out;
}

const parsedReplacements = new Map<string, ReturnType<typeof parseReplacement>>();

function replaceEach(regex: Regex, text: string, replacement: string): string {
  let parts = parsedReplacements.get(replacement);
  if (parts === undefined) {
    parts = parseReplacement(replacement);
    if (parsedReplacements.size >= CACHE_LIMIT) parsedReplacements.clear();
    parsedReplacements.set(replacement, parts);
  }
  let out = '';
  let last = 0;
  for (const m of regex.findAll(text)) {
    out += text.slice(last, m.index);
    out += expandReplacement(parts, (ref) => {
      const index = typeof ref === 'number' ? ref : regex.groupNames.indexOf(ref);
      return (index >= 0 ? m.groups[index] : null) ?? '';
    });
    last = m.end;
  }
  return out + text.slice(last);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 256;

function build(pattern: string, caseInsensitive: boolean): CompiledRegex {
  try {
    return { ok: true, regex: new LinearRegex(pattern, RE2JS.compile(re2Syntax(pattern), caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0)) };
  } catch (linearError) {
    if (!needsBacktracking(pattern)) return { ok: false, error: linearError instanceof Error ? linearError.message : String(linearError) };
    try {
      return { ok: true, regex: new BacktrackingRegex(pattern, new BacktrackPattern(javaScriptSyntax(pattern), caseInsensitive)) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Compiles `pattern` once (cached); the error says what is wrong with a pattern that is not valid. */
export function compileRegex(pattern: string, options: RegexOptions = {}): CompiledRegex {
  const key = `${options.caseInsensitive ? 'i' : 's'}:${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = build(pattern, options.caseInsensitive === true);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}
