/**
 * Alteryx's DateTime tool formats: the pattern language (`dd/MM/yyyy`, `MMM d, yyyy hh:mm:ss ahh`)
 * translated to the `%` specifiers the formula language's DateTimeParse and DateTimeFormat read, so
 * parsing and formatting run on that one implementation. A format with a `%` in it is taken as `%`
 * style as it is (Alteryx does not allow mixing the two).
 */
import { formatWith, parseWith } from '../formula-language/dateTime.js';

interface Specifier {
  /** the `%` specifier it stands for */
  percent: string;
  /** written without a leading zero */
  unpadded?: boolean;
  kind: 'date' | 'time';
  /** uses month or weekday names (English) */
  names?: boolean;
}

const SPECIFIERS: Record<string, Specifier> = {
  yyyy: { percent: '%Y', kind: 'date' }, yy: { percent: '%y', kind: 'date' },
  MMMM: { percent: '%B', kind: 'date', names: true }, Month: { percent: '%B', kind: 'date', names: true },
  MMM: { percent: '%b', kind: 'date', names: true }, Mon: { percent: '%b', kind: 'date', names: true },
  MM: { percent: '%m', kind: 'date' }, M: { percent: '%m', kind: 'date', unpadded: true },
  dd: { percent: '%d', kind: 'date' }, d: { percent: '%d', kind: 'date', unpadded: true },
  day: { percent: '%A', kind: 'date', names: true }, EEEE: { percent: '%A', kind: 'date', names: true }, dy: { percent: '%a', kind: 'date', names: true },
  HH: { percent: '%H', kind: 'time' }, H: { percent: '%H', kind: 'time', unpadded: true },
  hh: { percent: '%I', kind: 'time' }, h: { percent: '%I', kind: 'time', unpadded: true },
  mm: { percent: '%M', kind: 'time' }, ss: { percent: '%S', kind: 'time' },
  ahh: { percent: '%p', kind: 'time' }, tt: { percent: '%p', kind: 'time' },
};
// longest first, so "MMMM" is not read as "MM" twice
const NAMES = Object.keys(SPECIFIERS).sort((a, b) => b.length - a.length);

type Piece = { literal: string } | { spec: Specifier };

export interface DateFormat {
  /** the format as `%` specifiers */
  percent: string;
  hasDate: boolean;
  hasTime: boolean;
  usesNames: boolean;
  /** wall-clock milliseconds of a text written in this format, or null when it does not fit */
  parse(text: string): number | null;
  format(t: number): string;
}

const PERCENT_KIND: Record<string, 'date' | 'time'> = {
  Y: 'date', y: 'date', m: 'date', d: 'date', e: 'date', B: 'date', b: 'date', A: 'date', a: 'date', j: 'date', w: 'date',
  H: 'time', I: 'time', M: 'time', S: 'time', p: 'time', T: 'time',
};

function percentFormat(format: string): DateFormat {
  const used = [...format.matchAll(/%(.)/g)].map((m) => m[1]);
  return {
    percent: format,
    hasDate: used.some((s) => PERCENT_KIND[s] === 'date'),
    hasTime: used.some((s) => PERCENT_KIND[s] === 'time'),
    usesNames: used.some((s) => 'BbAa'.includes(s)),
    parse: (text) => parseWith(text, format),
    format: (t) => formatWith(t, format),
  };
}

/** the format of Alteryx's pattern or `%` text */
export function readDateFormat(format: string): DateFormat {
  if (format.includes('%')) return percentFormat(format);
  const pieces: Piece[] = [];
  for (let i = 0; i < format.length;) {
    const name = NAMES.find((n) => format.startsWith(n, i));
    if (name) { pieces.push({ spec: SPECIFIERS[name] }); i += name.length; continue; }
    const last = pieces[pieces.length - 1];
    if (last && 'literal' in last) last.literal += format[i]; else pieces.push({ literal: format[i] });
    i++;
  }
  const specs = pieces.flatMap((p) => ('spec' in p ? [p.spec] : []));
  const percent = pieces.map((p) => ('spec' in p ? p.spec.percent : p.literal)).join('');
  return {
    percent,
    hasDate: specs.some((s) => s.kind === 'date'),
    hasTime: specs.some((s) => s.kind === 'time'),
    usesNames: specs.some((s) => s.names === true),
    parse: (text) => parseWith(text, percent),
    format: (t) => pieces.map((p) => {
      if ('literal' in p) return p.literal;
      const text = formatWith(t, p.spec.percent);
      return p.spec.unpadded ? String(Number(text)) : text;
    }).join(''),
  };
}
