/**
 * Date and time functions. Dates travel as ISO text; a text argument that is not a date gives
 * null and a warning. DateTimeNow and DateTimeToday read the local clock once per call.
 */
import {
  addTime, DATE_UNIT_LIST, dateUnit, diffTime, formatDate, formatDateTime, formatHasTime, formatTime, formatWith,
  localNow, parseAnyTime, parseDateTime, parseWith, parts, type DateUnit,
} from './dateTime.js';
import type { ArgInfo, CallContext, FunctionSpec, ReturnRule } from './functionSpec.js';
import type { Scalar } from './values.js';

function read(value: Scalar, context: CallContext): number | null {
  const t = parseDateTime(value as string);
  if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a date or datetime`);
  return t;
}

function unitOf(value: Scalar, context: CallContext): DateUnit | null {
  const unit = dateUnit(value as string);
  if (unit === null) context.warn(`unknown unit ${JSON.stringify(value)} (use ${DATE_UNIT_LIST})`);
  return unit;
}

/** Rejects a constant unit that is not one, at the unit. */
function checkUnit(args: ArgInfo[], index: number): { error: string; arg: number } | null {
  const unit = args[index];
  if (unit?.constant && typeof unit.value === 'string' && dateUnit(unit.value) === null) {
    return { error: `unknown unit ${JSON.stringify(unit.value)} (use ${DATE_UNIT_LIST})`, arg: index };
  }
  return null;
}

const DATE_UNITS = new Set<DateUnit>(['year', 'month', 'week', 'day']);

/** DateTimeAdd keeps a date a date when the unit is days or longer and known before the run. */
const addResult: ReturnRule = (args) => {
  const problem = checkUnit(args, 2);
  if (problem) return problem;
  const unit = args[2].constant && typeof args[2].value === 'string' ? dateUnit(args[2].value) : null;
  return args[0].type === 'date' && unit !== null && DATE_UNITS.has(unit) ? 'date' : 'datetime';
};

function part(name: string, alias: string, pick: (p: ReturnType<typeof parts>) => number, example: [string, string]): FunctionSpec {
  return {
    name, aliases: [alias], category: 'Date/time', returns: 'int',
    params: [{ name: 'DateTime', kind: 'text' }],
    description: `The ${name.toLowerCase()} of a date, datetime${['Hour', 'Minute', 'Second'].includes(name) ? ' or time' : ''}.`,
    examples: [{ formula: example[0], result: example[1] }],
    evaluate: ([value], context) => {
      const t = parseAnyTime(value as string);
      if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a date, datetime or time`);
      return t === null ? null : pick(parts(t));
    },
  };
}

const TRIMS: Record<string, (t: number) => number> = {
  year: (t) => Date.UTC(parts(t).year, 0, 1),
  month: (t) => Date.UTC(parts(t).year, parts(t).month - 1, 1),
  firstofmonth: (t) => Date.UTC(parts(t).year, parts(t).month - 1, 1),
  lastofmonth: (t) => Date.UTC(parts(t).year, parts(t).month, 0, 23, 59, 59),
  day: (t) => Date.UTC(parts(t).year, parts(t).month - 1, parts(t).day),
  hour: (t) => t - (t % 3_600_000 + 3_600_000) % 3_600_000,
  minute: (t) => t - (t % 60_000 + 60_000) % 60_000,
  second: (t) => t - (t % 1000 + 1000) % 1000,
};

/** a trim by name, or by any of Alteryx's unit keywords ("hou", "mins", "seconds", …) */
function trimRule(text: string): ((t: number) => number) | undefined {
  const key = text.trim().toLowerCase();
  return TRIMS[key] ?? TRIMS[dateUnit(key) ?? ''];
}

export const DATE_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'DateTimeNow', category: 'Date/time', returns: 'datetime', params: [],
    description: 'The current local date and time.',
    examples: [{ formula: 'DateTimeNow()', result: /^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"$/ }],
    evaluate: () => formatDateTime(localNow()),
  },
  {
    name: 'DateTimeToday', category: 'Date/time', returns: 'date', params: [],
    description: 'Today\'s local date.',
    examples: [{ formula: 'DateTimeToday()', result: /^"\d{4}-\d{2}-\d{2}"$/ }],
    evaluate: () => formatDate(localNow()),
  },
  {
    name: 'DateTimeAdd', category: 'Date/time', returns: addResult,
    params: [{ name: 'DateTime', kind: 'datetime' }, { name: 'Amount', kind: 'number' }, { name: 'Unit', kind: 'text' }],
    description: `DateTime plus Amount Units (${DATE_UNIT_LIST}; as in Alteryx, any three letters up to the full word name the longer units, e.g. "hou", "mins", and ds/cs/ms are tenths, hundredths and thousandths of a second). A fraction of Amount is dropped, as in Alteryx: add 90 minutes, not 1.5 hours. Adding months keeps the day, or the month's last day (Jan 31 + 1 month = Feb 28). A date stays a date when the unit is days or longer.`,
    examples: [
      { formula: 'DateTimeAdd("2026-01-31", 1, "months")', result: '"2026-02-28 00:00:00"' },
      { formula: 'DateTimeAdd(ToDate("2026-11-21"), -3, "days")', result: '"2026-11-18"' },
      { formula: 'DateTimeAdd("2026-11-21 23:30:00", 45, "minutes")', result: '"2026-11-22 00:15:00"' },
      { formula: 'DateTimeAdd("2026-11-21 13:05:00", 1500, "ms")', result: '"2026-11-21 13:05:01.500"' },
      { formula: 'DateTimeAdd("2026-11-21 13:05:00", 1.9, "hours")', result: '"2026-11-21 14:05:00"' },
    ],
    evaluate: ([value, amount, unitText], context) => {
      const t = read(value, context);
      const unit = unitOf(unitText, context);
      if (t === null || unit === null) return null;
      const result = addTime(t, Math.trunc(amount as number), unit);
      return context.resultType === 'date' ? formatDate(result) : formatDateTime(result);
    },
  },
  {
    name: 'DateTimeDiff', category: 'Date/time', returns: (args) => checkUnit(args, 2) ?? 'int',
    params: [{ name: 'DateTime1', kind: 'datetime' }, { name: 'DateTime2', kind: 'datetime' }, { name: 'Unit', kind: 'text' }],
    description: 'DateTime1 − DateTime2 in whole Units, truncated toward zero; months and years count calendar months.',
    examples: [
      { formula: 'DateTimeDiff("2026-03-01", "2026-01-15", "days")', result: '45' },
      { formula: 'DateTimeDiff("2026-03-14", "2026-01-15", "months")', result: '1' },
    ],
    evaluate: ([a, b, unitText], context) => {
      const x = read(a, context);
      const y = read(b, context);
      const unit = unitOf(unitText, context);
      return x === null || y === null || unit === null ? null : diffTime(x, y, unit);
    },
  },
  {
    name: 'DateTimeFormat', category: 'Date/time', returns: 'string',
    params: [{ name: 'DateTime', kind: 'text' }, { name: 'Format', kind: 'text' }],
    description: 'A date, datetime or time written with a format of `%` specifiers: %Y year, %y 2-digit year, %m month, %d day, %e day without zero, %H hour, %I 12-hour, %M minute, %S second, %p AM/PM, %B month name, %b short month, %A weekday, %a short weekday, %j day of year, %w weekday number (0 = Sunday), %u weekday number (1 = Monday … 7 = Sunday), %C century, %T = %H:%M:%S, %D = %m/%d/%y, %h = %b, %% a percent sign.',
    examples: [
      { formula: 'DateTimeFormat("2026-11-21 13:05:00", "%d %B %Y, %I:%M %p")', result: '"21 November 2026, 01:05 PM"' },
      { formula: 'DateTimeFormat("2026-11-22", "%D (%a, day %u)")', result: '"11/22/26 (Sun, day 7)"' },
    ],
    evaluate: ([value, format], context) => {
      const t = parseAnyTime(value as string);
      if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a date, datetime or time`);
      return t === null ? null : formatWith(t, format as string);
    },
  },
  {
    name: 'DateTimeParse', category: 'Date/time',
    returns: (args) => (args[1].constant && typeof args[1].value === 'string' && !formatHasTime(args[1].value) ? 'date' : 'datetime'),
    params: [{ name: 'Text', kind: 'text' }, { name: 'Format', kind: 'text' }],
    description: 'Text written in Format (the specifiers of DateTimeFormat) read as a date — or a datetime when the format has time specifiers or is not a constant. Null when the text does not fit.',
    examples: [
      { formula: 'DateTimeParse("21/11/2026", "%d/%m/%Y")', result: '"2026-11-21"' },
      { formula: 'DateTimeParse("Nov 21, 2026 1:05 PM", "%b %d, %Y %I:%M %p")', result: '"2026-11-21 13:05:00"' },
      { formula: 'DateTimeParse("11/21/26 13:05:09", "%D %T")', result: '"2026-11-21 13:05:09"' },
    ],
    evaluate: ([text, format], context) => {
      const t = parseWith(text as string, format as string);
      if (t === null) {
        context.warn(`${JSON.stringify(String(text).slice(0, 40))} does not fit the format ${JSON.stringify(format)}`);
        return null;
      }
      return context.resultType === 'date' ? formatDate(t) : formatDateTime(t);
    },
  },
  {
    name: 'DateTimeTrim', category: 'Date/time', returns: 'datetime',
    params: [{ name: 'DateTime', kind: 'datetime' }, { name: 'Trim', kind: 'text' }],
    description: 'DateTime cut down to the start of its year, month, day, hour, minute or second (Alteryx\'s unit keywords such as "hou" or "mins" work too); "firstofmonth" and "lastofmonth" give the first or last moment of its month.',
    examples: [{ formula: 'DateTimeTrim("2026-11-21 13:05:09", "month")', result: '"2026-11-01 00:00:00"' }, { formula: 'DateTimeTrim("2026-02-10", "lastofmonth")', result: '"2026-02-28 23:59:59"' }, { formula: 'DateTimeTrim("2026-11-21 13:05:09", "hou")', result: '"2026-11-21 13:00:00"' }],
    evaluate: ([value, trim], context) => {
      const t = read(value, context);
      const rule = trimRule(String(trim));
      if (rule === undefined) context.warn(`unknown trim ${JSON.stringify(trim)} (use year, month, day, hour, minute, second, firstofmonth, lastofmonth)`);
      return t === null || rule === undefined ? null : formatDateTime(rule(t));
    },
  },
  part('Year', 'DateTimeYear', (p) => p.year, ['Year("2026-11-21")', '2026']),
  part('Month', 'DateTimeMonth', (p) => p.month, ['Month("2026-11-21")', '11']),
  part('Day', 'DateTimeDay', (p) => p.day, ['Day("2026-11-21")', '21']),
  part('Hour', 'DateTimeHour', (p) => p.hour, ['Hour("2026-11-21 13:05:09")', '13']),
  part('Minute', 'DateTimeMinute', (p) => p.minute, ['Minute("13:05:09")', '5']),
  part('Second', 'DateTimeSecond', (p) => p.second, ['Second("2026-11-21 13:05:09")', '9']),
  {
    name: 'DayOfWeek', category: 'Date/time', returns: 'int',
    params: [{ name: 'DateTime', kind: 'datetime' }],
    description: 'The weekday of a date: 0 = Sunday … 6 = Saturday.',
    examples: [{ formula: 'DayOfWeek("2026-11-21")', result: '6' }],
    evaluate: ([value], context) => {
      const t = read(value, context);
      return t === null ? null : parts(t).weekday;
    },
  },
  {
    name: 'ToTime', category: 'Date/time', returns: 'time',
    params: [{ name: 'Value', kind: 'text' }],
    description: 'The time of day of a datetime or time text.',
    examples: [{ formula: 'ToTime("2026-11-21 13:05:09")', result: '"13:05:09"' }],
    evaluate: ([value], context) => {
      const t = parseAnyTime(value as string);
      if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a datetime or time`);
      return t === null ? null : formatTime(t);
    },
  },
];
