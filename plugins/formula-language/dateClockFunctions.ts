/**
 * Date functions that read the clock or the computer's time zone. The clock is read when the
 * formula is compiled (each function has no row arguments, so it is computed once), so every row
 * of a run sees the same time, as in Alteryx.
 */
import { formatDateTime, localNow, parseDateTime, parts } from './dateTime.js';
import type { CallContext, FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

function read(value: Scalar, context: CallContext): number | null {
  const t = parseDateTime(value as string);
  if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a date or datetime`);
  return t;
}

/** a wall-clock time of the computer's zone as the same moment's UTC wall clock */
export function localToUtc(t: number): number {
  const d = new Date(t);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  local.setFullYear(d.getUTCFullYear());
  return local.getTime();
}

/** a UTC wall-clock time as the same moment's wall clock in the computer's zone */
export function utcToLocal(t: number): number {
  const d = new Date(t);
  const out = new Date(0);
  out.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  out.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return out.getTime();
}

export const DATE_CLOCK_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'DateTimeFirstOfMonth', category: 'Date/time', returns: 'datetime', params: [],
    description: 'The first day of the current month, at midnight.',
    examples: [{ formula: 'DateTimeFirstOfMonth()', result: /^"\d{4}-\d{2}-01 00:00:00"$/ }],
    evaluate: () => {
      const p = parts(localNow());
      return formatDateTime(Date.UTC(p.year, p.month - 1, 1));
    },
  },
  {
    name: 'DateTimeLastOfMonth', category: 'Date/time', returns: 'datetime', params: [],
    description: 'The last day of the current month, one second before midnight (23:59:59).',
    examples: [{ formula: 'DateTimeLastOfMonth()', result: /^"\d{4}-\d{2}-(28|29|30|31) 23:59:59"$/ }],
    evaluate: () => {
      const p = parts(localNow());
      return formatDateTime(Date.UTC(p.year, p.month, 0, 23, 59, 59));
    },
  },
  {
    name: 'DateTimeStart', category: 'Date/time', returns: 'datetime', params: [],
    description: 'The local date and time when the tool\'s run started (when its formulas were compiled); the same on every row.',
    examples: [{ formula: 'DateTimeStart() <= DateTimeNow()', result: 'true' }],
    evaluate: () => formatDateTime(localNow()),
  },
  {
    name: 'DateTimeToUTC', category: 'Date/time', returns: 'datetime',
    params: [{ name: 'DateTime', kind: 'datetime' }],
    description: 'A local date and time of this computer\'s time zone as UTC.',
    examples: [{ formula: 'DateTimeToLocal(DateTimeToUTC("2026-11-21 13:05:00"))', result: '"2026-11-21 13:05:00"' }],
    evaluate: ([value], context) => {
      const t = read(value, context);
      return t === null ? null : formatDateTime(localToUtc(t));
    },
  },
  {
    name: 'DateTimeToLocal', category: 'Date/time', returns: 'datetime',
    params: [{ name: 'DateTime', kind: 'datetime' }],
    description: 'A UTC date and time in this computer\'s time zone.',
    examples: [{ formula: 'DateTimeToUTC(DateTimeToLocal("2026-11-21 13:05:00"))', result: '"2026-11-21 13:05:00"' }],
    evaluate: ([value], context) => {
      const t = read(value, context);
      return t === null ? null : formatDateTime(utcToLocal(t));
    },
  },
];
