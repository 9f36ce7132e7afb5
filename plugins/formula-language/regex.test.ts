import { describe, expect, it } from 'vitest';
import { compileRegex, RegexLimitError, type Regex } from './regex.js';

function regex(pattern: string, caseInsensitive = false): Regex {
  const compiled = compileRegex(pattern, { caseInsensitive });
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.regex;
}

describe('regex', () => {
  it('runs every pattern RE2 can run on the linear engine, POSIX classes included', () => {
    expect(regex('(a+)+$').engine).toBe('linear');
    expect(regex('(a+)+$').matchesWhole(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(regex('[[:alpha:]]+[[:digit:]]*').matchesWhole('abc123')).toBe(true);
    expect(regex('[[:^alpha:]]+').find('ab12cd')?.groups[0]).toBe('12');
    expect(regex('\\Aab\\Z').matchesWhole('ab')).toBe(true);
  });

  it('runs backreferences and lookaround on the backtracking engine', () => {
    const twice = regex('(\\w+) \\1');
    expect(twice.engine).toBe('backtracking');
    expect(twice.find('say hello hello there')?.groups).toEqual(['hello hello', 'hello']);
    expect(twice.matchesWhole('ab ab')).toBe(true);
    expect(twice.matchesWhole('ab abc')).toBe(false);
    expect(regex('(ab)\\1', true).matchesWhole('abAB')).toBe(true);
    expect(regex('\\d+(?= EUR)').find('12 USD 34 EUR')?.groups[0]).toBe('34');
    expect(regex('(?<!-)\\b\\d+').findAll('-5 6 -7 8').map((m) => m.groups[0])).toEqual(['6', '8']);
    expect(regex('(?P<x>[[:upper:]])(?P=x)').find('aBBc')?.groups).toEqual(['BB', 'B']);
    expect(regex('(?<q>["\'])[^"\']*\\k<q>').find('say \'hi\' now')?.groups[0]).toBe("'hi'");
    expect(regex('(😀)\\1').find('x😀😀y')?.index).toBe(1);
  });

  it('stops a backtracking search past its step limit with a clear error', () => {
    const bad = regex('(a*)*\\1b');
    expect(bad.engine).toBe('backtracking');
    expect(() => bad.find('a'.repeat(40))).toThrow(RegexLimitError);
    expect(() => bad.find('a'.repeat(40))).toThrow(/more than 1,000,000 backtracking steps/);
  });

  it('names groups and finds every match, advancing past empty ones', () => {
    const date = regex('(?<year>\\d{4})-(?<month>\\d{2})');
    expect(date.groupNames).toEqual([null, 'year', 'month']);
    expect(date.findAll('2026-11 and 2027-01').map((m) => m.groups.slice(1))).toEqual([['2026', '11'], ['2027', '01']]);
    expect(regex('x*').findAll('ab').map((m) => m.index)).toEqual([0, 1, 2]);
    expect(regex('(a)|(b)').find('b')?.groups).toEqual(['b', null, 'b']);
  });

  it('replaces with $n, \\n, ${name}, $& and case changes', () => {
    expect(regex('(\\w+)@(\\w+)').replace('ann@weft', '$2:\\1')).toBe('weft:ann');
    expect(regex('(?<w>\\w+)').replace('hi', '[${w}]')).toBe('[hi]');
    expect(regex('\\w+').replace('big deal', '\\u$&')).toBe('Big Deal');
    expect(regex('(\\w+) (\\w+)').replace('mixed Case', '\\U$1\\E \\L$2')).toBe('MIXED case');
    expect(regex('é').replace('café', '\\u$0')).toBe('cafÉ');
    expect(regex('a').replace('a', '$$ \\\\')).toBe('$ \\');
  });

  it('explains a pattern that is not valid', () => {
    const bad = compileRegex('(a');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('missing closing )');
    const posix = compileRegex('(x)\\1[[:nope:]]');
    expect(posix.ok ? '' : posix.error).toContain('[:nope:]');
  });
});
