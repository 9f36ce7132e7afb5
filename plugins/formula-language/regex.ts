/**
 * Regular expressions run on RE2 (the `re2js` package): matching time grows linearly with the
 * text, whatever the pattern, so a pattern such as `(a+)+$` cannot hang a run (catastrophic
 * backtracking is impossible by construction). The cost: no backreferences and no lookahead.
 */
import { RE2JS } from 're2js';
import type { CallContext } from './functionSpec.js';

const cache = new Map<string, RE2JS | null>();
const CACHE_LIMIT = 256;

/** The compiled pattern, or null (with a warning) when it is not valid RE2 syntax. */
export function compileRegex(pattern: string, caseInsensitive: boolean, context: CallContext): RE2JS | null {
  const key = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (error) {
      compiled = null;
      context.warn(`invalid regular expression ${JSON.stringify(pattern)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}

/** A message when a constant pattern is not valid RE2 syntax, else null (used by the type checker). */
export function regexSyntaxError(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
