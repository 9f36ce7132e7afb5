import { describe, expect, it } from 'vitest';
import { compileTextPattern, type TextPattern } from './regexEngine.js';
import { compileReplacement } from './regexReplacement.js';

function replaceAll(expression: string, template: string, text: string): string {
  const pattern = compileTextPattern(expression, false) as TextPattern;
  const replacement = compileReplacement(template, pattern.groupNames);
  if ('error' in replacement) return `error: ${replacement.error}`;
  let out = '';
  let at = 0;
  for (const span of pattern.findAll(text)) { out += text.slice(at, span.start) + replacement.render(span, text); at = span.end; }
  return out + text.slice(at);
}

describe('replacement text', () => {
  it('expands $n, \\n, ${n}, ${name}, $&, $0, $`, $\' and $$', () => {
    expect(replaceAll('(\\w+)@(?<host>\\w+)', '$2|\\1|${1}|${host}|$&|$0|$$', 'ann@x')).toBe('x|ann|ann|x|ann@x|ann@x|$');
    expect(replaceAll('b', '[$`|$\']', 'abc')).toBe('a[a|c]c');
  });

  it('reads as many digits as name a group', () => {
    expect(replaceAll('(a)', '$10', 'a')).toBe('a0');
    expect(replaceAll('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', '$10-$1', 'abcdefghij')).toBe('j-a');
  });

  it('changes case with \\u \\l \\U \\L \\E and keeps escapes', () => {
    expect(replaceAll('([^ ]+) ([^ ]+)', '\\u$1 \\U$2\\E!\\t\\\\', 'émile zola')).toBe('Émile ZOLA!\t\\');
    expect(replaceAll('(\\w+)', '\\L\\u$1', 'HELLO')).toBe('Hello');
  });

  it('inserts nothing for a group that did not take part, and names a missing group', () => {
    expect(replaceAll('(a)|(b)', '[$1$2]', 'ab')).toBe('[a][b]');
    expect(replaceAll('(a)', '${x}', 'a')).toBe('error: replacement: the expression has no group "x"');
    expect(replaceAll('(a)', '\\3', 'a')).toBe('error: replacement: the expression has no group 3 (it has 1)');
  });
});
