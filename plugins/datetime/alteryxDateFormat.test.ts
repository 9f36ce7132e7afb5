import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../formula-language/dateTime.js';
import { readDateFormat } from './alteryxDateFormat.js';

const parse = (format: string, text: string) => {
  const t = readDateFormat(format).parse(text);
  return t === null ? null : formatDateTime(t);
};
const at = Date.UTC(2026, 2, 5, 14, 7, 9);

describe('Alteryx date formats', () => {
  it('parses the pattern language', () => {
    expect(parse('dd/MM/yyyy', '05/03/2026')).toBe('2026-03-05 00:00:00');
    expect(parse('d/M/yyyy', '5/3/2026')).toBe('2026-03-05 00:00:00');
    expect(parse('MMM d, yyyy', 'Mar 5, 2026')).toBe('2026-03-05 00:00:00');
    expect(parse('MMMM dd yyyy', 'march 05 2026')).toBe('2026-03-05 00:00:00');
    expect(parse('day, Month d, yy', 'Thursday, March 5, 26')).toBe('2026-03-05 00:00:00');
    expect(parse('yyyy-MM-dd hh:mm:ss ahh', '2026-03-05 02:07:09 PM')).toBe('2026-03-05 14:07:09');
    expect(parse('yyyyMMddHHmmss', '20260305140709')).toBe('2026-03-05 14:07:09');
    expect(parse('dd/MM/yyyy', '31/02/2026')).toBe(null);
    expect(parse('dd/MM/yyyy', '2026-03-05')).toBe(null);
  });

  it('passes the % style through to the formula language', () => {
    expect(parse('%d.%m.%Y %H:%M', '05.03.2026 14:07')).toBe('2026-03-05 14:07:00');
    expect(readDateFormat('%d.%m.%Y').format(at)).toBe('05.03.2026');
  });

  it('formats, with and without leading zeros', () => {
    expect(readDateFormat('d/M/yyyy H:mm').format(at)).toBe('5/3/2026 14:07');
    expect(readDateFormat('dy dd MMM yy, h:mm:ss ahh').format(at)).toBe('Thu 05 Mar 26, 2:07:09 PM');
    expect(readDateFormat('EEEE, MMMM d').format(at)).toBe('Thursday, March 5');
  });

  it('knows whether a format has a date, a time and names', () => {
    expect(readDateFormat('HH:mm')).toMatchObject({ hasDate: false, hasTime: true, usesNames: false });
    expect(readDateFormat('MMM yyyy')).toMatchObject({ hasDate: true, hasTime: false, usesNames: true });
    expect(readDateFormat('%Y-%m-%d %H')).toMatchObject({ hasDate: true, hasTime: true, usesNames: false });
  });
});
