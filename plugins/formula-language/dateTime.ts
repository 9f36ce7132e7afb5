/**
 * Dates as the formula language sees them: ISO text (`2026-11-21`, `2026-11-21 13:05:00`,
 * `13:05:00`) read into wall-clock milliseconds (no time zone) and written back.
 */
const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  const t = date.getTime();
  return new Date(t).getUTCDate() === d ? t : null;
}

const DATE_TIME = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*$/;
const TIME = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*$/;

const millis = (fraction: string | undefined) => (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);

/** Milliseconds of a date or datetime text, or null when the text is not one. */
export function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (m === null) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), millis(m[7]));
}

/** Milliseconds of a date, datetime or time-of-day text (a time alone counts from 1970-01-01). */
export function parseAnyTime(text: string): number | null {
  const full = parseDateTime(text);
  if (full !== null) return full;
  const m = TIME.exec(text);
  if (m === null) return null;
  return build(1970, 1, 1, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), millis(m[4]));
}

export function formatDate(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatTime(t: number): string {
  const d = new Date(t);
  const ms = d.getUTCMilliseconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

export function formatDateTime(t: number): string {
  return `${formatDate(t)} ${formatTime(t)}`;
}

export type DateUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'decisecond' | 'centisecond' | 'millisecond';

/** Alteryx's unit keywords: the longer ones from three letters up to the full word (`sec` … `seconds`) */
const PREFIXED: [string, DateUnit][] = [['years', 'year'], ['months', 'month'], ['hours', 'hour'], ['minutes', 'minute'], ['seconds', 'second']];
const EXACT: Record<string, DateUnit> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week',
  ds: 'decisecond', dsec: 'decisecond', dsecs: 'decisecond', deciseconds: 'decisecond', decisecond: 'decisecond', 1: 'decisecond',
  cs: 'centisecond', csec: 'centisecond', csecs: 'centisecond', centiseconds: 'centisecond', centisecond: 'centisecond', 2: 'centisecond',
  ms: 'millisecond', msec: 'millisecond', msecs: 'millisecond', milliseconds: 'millisecond', millisecond: 'millisecond', 3: 'millisecond',
};

export function dateUnit(text: string): DateUnit | null {
  const key = text.trim().toLowerCase();
  if (EXACT[key] !== undefined) return EXACT[key];
  for (const [word, unit] of PREFIXED) if (key.length >= 3 && word.startsWith(key)) return unit;
  return null;
}

export const DATE_UNIT_LIST = 'years, months, weeks, days, hours, minutes, seconds, ds, cs, ms';

const UNIT_MS = { week: 7 * DAY, day: DAY, hour: 3_600_000, minute: 60_000, second: 1000, decisecond: 100, centisecond: 10, millisecond: 1 };

function daysInMonth(year: number, month0: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0 + 1, 0);
  return d.getUTCDate();
}

/** Adds calendar months; a day past the end of the target month becomes its last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(t: number, months: number): number {
  const d = new Date(t);
  const total = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(total / 12);
  const month0 = ((total % 12) + 12) % 12;
  d.setUTCFullYear(year, month0, Math.min(d.getUTCDate(), daysInMonth(year, month0)));
  return d.getTime();
}

export function addTime(t: number, amount: number, unit: DateUnit): number {
  if (unit === 'year') return addMonths(t, amount * 12);
  if (unit === 'month') return addMonths(t, amount);
  return t + amount * UNIT_MS[unit];
}

/** Whole `unit`s from `b` to `a` (a - b), truncated toward zero; months count calendar months. */
export function diffTime(a: number, b: number, unit: DateUnit): number {
  if (unit === 'year' || unit === 'month') {
    const da = new Date(a);
    const db = new Date(b);
    let months = (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + (da.getUTCMonth() - db.getUTCMonth());
    const restA = a - Date.UTC(da.getUTCFullYear(), da.getUTCMonth(), 1);
    const restB = b - Date.UTC(db.getUTCFullYear(), db.getUTCMonth(), 1);
    if (months > 0 && restA < restB) months--;
    if (months < 0 && restA > restB) months++;
    return unit === 'year' ? Math.trunc(months / 12) : months;
  }
  return Math.trunc((a - b) / UNIT_MS[unit]);
}

export function parts(t: number) {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay(),
  };
}

function dayOfYear(t: number): number {
  const d = new Date(t);
  return Math.floor((t - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1;
}

/** Specifiers that stand for others: %D = %m/%d/%y, %T = %H:%M:%S, %h = %b (as in Alteryx) */
function expandAliases(format: string): string {
  return format.replace(/%([%DTh])/g, (all, spec: string) => ({ D: '%m/%d/%y', T: '%H:%M:%S', h: '%b' } as Record<string, string>)[spec] ?? all);
}

/** Formats with Alteryx's `%` specifiers (see docs/formula.md). */
export function formatWith(t: number, pattern: string): string {
  const format = expandAliases(pattern);
  const p = parts(t);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const spec = format[++i];
    switch (spec) {
      case 'Y': out += pad(p.year, 4); break;
      case 'y': out += pad(p.year % 100); break;
      case 'm': out += pad(p.month); break;
      case 'd': out += pad(p.day); break;
      case 'e': out += String(p.day); break;
      case 'H': out += pad(p.hour); break;
      case 'I': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case 'M': out += pad(p.minute); break;
      case 'S': out += pad(p.second); break;
      case 'p': out += p.hour < 12 ? 'AM' : 'PM'; break;
      case 'B': out += MONTHS[p.month - 1]; break;
      case 'b': out += MONTHS[p.month - 1].slice(0, 3); break;
      case 'A': out += WEEKDAYS[p.weekday]; break;
      case 'a': out += WEEKDAYS[p.weekday].slice(0, 3); break;
      case 'j': out += pad(dayOfYear(t), 3); break;
      case 'w': out += String(p.weekday); break;
      case 'u': out += String(p.weekday === 0 ? 7 : p.weekday); break;
      case 'C': out += pad(Math.floor(p.year / 100)); break;
      case '%': out += '%'; break;
      default: out += `%${spec}`;
    }
  }
  return out;
}

/** True when a format has time-of-day specifiers, i.e. parsing it gives a datetime, not a date. */
export function formatHasTime(format: string): boolean {
  return /%[HIMSp]/.test(expandAliases(format));
}

function matchName(text: string, at: number, names: string[]): { index: number; length: number } | null {
  const rest = text.slice(at).toLowerCase();
  for (const [index, name] of names.entries()) {
    if (rest.startsWith(name.toLowerCase())) return { index, length: name.length };
  }
  for (const [index, name] of names.entries()) {
    if (rest.startsWith(name.slice(0, 3).toLowerCase())) return { index, length: 3 };
  }
  return null;
}

/** Reads text written in a `%` format; null when it does not fit. */
export function parseWith(text: string, pattern: string): number | null {
  const format = expandAliases(pattern);
  let year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  let pm: boolean | null = null;
  let pos = 0;
  const digits = (min: number, max: number): number | null => {
    const m = new RegExp(`^\\d{${min},${max}}`).exec(text.slice(pos));
    if (m === null) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '%' && i + 1 < format.length) {
      const spec = format[++i];
      let value: number | null = 0;
      switch (spec) {
        case 'Y': value = digits(4, 4); if (value !== null) year = value; break;
        case 'y': value = digits(2, 2); if (value !== null) year = value < 70 ? 2000 + value : 1900 + value; break;
        case 'm': value = digits(1, 2); if (value !== null) month = value; break;
        case 'd': case 'e': value = digits(1, 2); if (value !== null) day = value; break;
        case 'H': case 'I': value = digits(1, 2); if (value !== null) hour = value; break;
        case 'M': value = digits(1, 2); if (value !== null) minute = value; break;
        case 'S': value = digits(1, 2); if (value !== null) second = value; break;
        case 'p': {
          const m = /^(am|pm)/i.exec(text.slice(pos));
          if (m === null) return null;
          pm = m[1].toLowerCase() === 'pm';
          pos += 2;
          break;
        }
        case 'B': case 'b': {
          const m = matchName(text, pos, MONTHS);
          if (m === null) return null;
          month = m.index + 1;
          pos += m.length;
          break;
        }
        case 'A': case 'a': {
          const m = matchName(text, pos, WEEKDAYS);
          if (m === null) return null;
          pos += m.length;
          break;
        }
        case '%': if (text[pos] !== '%') return null; pos++; break;
        default: return null;
      }
      if (value === null) return null;
      continue;
    }
    if (/\s/.test(ch)) {
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      continue;
    }
    if (text[pos] !== ch) return null;
    pos++;
  }
  if (text.slice(pos).trim() !== '') return null;
  if (pm !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return build(year, month, day, hour, minute, second);
}

/** The local wall-clock time now, as milliseconds in the same zone-free scale. */
export function localNow(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
}
