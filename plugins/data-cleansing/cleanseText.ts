/** The text and number cleansing of the Data Cleansing tool, one value at a time. */
import type { Field, RecordValue } from '../../shared/sdk/index.js';

export interface CleanseOptions {
  replaceNullText: boolean;
  replaceNullNumbers: boolean;
  trimWhitespace: boolean;
  collapseWhitespace: boolean;
  removeAllWhitespace: boolean;
  removeLetters: boolean;
  removeNumbers: boolean;
  removePunctuation: boolean;
  modifyCase: 'none' | 'upper' | 'lower' | 'title';
}

// punctuation as POSIX [[:punct:]] sees it: Unicode punctuation plus the ASCII symbols $+<=>^`|~
const PUNCTUATION = /[\p{P}$+<=>^`|~]/gu;
const LETTERS = /\p{L}/gu;
const DIGITS = /\p{Nd}/gu;
const WHITESPACE = /\s/gu;

/** the same rule as the formula language's TitleCase: a letter after a non-letter, non-digit, non-apostrophe goes upper */
function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** a function cleansing one text value, in Alteryx's order: nulls, characters, then case */
export function textCleanser(options: CleanseOptions): (value: RecordValue) => RecordValue {
  return (value) => {
    if (value === null) return options.replaceNullText ? '' : null;
    let s = String(value);
    if (options.removeAllWhitespace) s = s.replace(WHITESPACE, '');
    else {
      if (options.collapseWhitespace) s = s.replace(/\s+/gu, ' ');
      if (options.trimWhitespace) s = s.trim();
    }
    if (options.removeLetters) s = s.replace(LETTERS, '');
    if (options.removeNumbers) s = s.replace(DIGITS, '');
    if (options.removePunctuation) s = s.replace(PUNCTUATION, '');
    switch (options.modifyCase) {
      case 'upper': return s.toUpperCase();
      case 'lower': return s.toLowerCase();
      case 'title': return titleCase(s);
      default: return s;
    }
  };
}

/** the zero of a numeric field type, as its column holds it */
export function zeroOf(type: Field['type']): RecordValue {
  if (type === 'int64') return 0n;
  if (type === 'fixeddecimal') return '0';
  return 0;
}
