/**
 * Sort: `<SortInfo><Field field order/>`. Alteryx puts nulls first when ascending and last when
 * descending (null is the smallest value), so each key says so explicitly.
 */
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertSort(tool: AlteryxTool): Conversion {
  const info = tool.configuration?.child('SortInfo');
  const keys = (info?.children('Field') ?? []).map((field) => {
    const descending = (field.attr('order') ?? 'Ascending').toLowerCase().startsWith('desc');
    return { field: field.attr('field') ?? '', order: descending ? 'desc' : 'asc', nulls: descending ? 'last' : 'first' };
  });
  const result = converted('weft/sort', { keys });
  const locale = info?.attr('locale');
  if (locale !== undefined && locale !== '0' && locale !== '') {
    result.approximations.push('dictionary order (locale collation) is not available: text sorts by code point');
  }
  return result;
}
