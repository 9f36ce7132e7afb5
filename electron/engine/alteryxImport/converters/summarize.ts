/**
 * Summarize (the `AlteryxSpatialPluginsGui` plugin, also its Base name): group-by fields and actions
 * in list order. Weft writes the group-by fields first, so a Select after it restores Alteryx's
 * order and the group-by renames; a Formula adds Concat's start and end text.
 */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion, HelperTool } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

const ACTIONS: Record<string, string> = {
  Count: 'count', CountNonNull: 'countNonNull', CountNull: 'countNull', CountBlank: 'countBlank', CountNonBlank: 'countNonBlank',
  CountDistinct: 'countDistinct', CountDistinctNonNull: 'countDistinct', Sum: 'sum', Min: 'min', Max: 'max', Avg: 'avg', AvgNo0: 'avg',
  Median: 'median', Percentile: 'percentile', Mode: 'mode', StdDev: 'stdDev', Variance: 'variance', First: 'first', Last: 'last', Concat: 'concat',
};

/** a Percentile action's value: a `percentile` attribute or a `<Percentile>` child (text or `value`) */
function percentileOf(entry: XmlElement): number | undefined {
  const text = entry.attr('percentile') ?? entry.attr('Percentile') ?? entry.value('Percentile');
  const value = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;
}

function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function convertSummarize(tool: AlteryxTool): Conversion {
  const entries = tool.configuration?.child('SummarizeFields')?.children('SummarizeField') ?? [];
  if (entries.length === 0) return unsupported('the summarize tool has no fields');
  const groupBy: string[] = [];
  const aggregations: Array<Record<string, unknown>> = [];
  const order: Array<{ field: string; rename?: string }> = [];
  const affixes: Array<{ field: string; start: string; end: string }> = [];
  const approximations: string[] = [];
  for (const entry of entries) {
    const field = entry.attr('field') ?? '';
    const action = entry.attr('action') ?? '';
    const rename = entry.attr('rename') || undefined;
    if (action === 'GroupBy') {
      groupBy.push(field);
      order.push({ field, ...(rename !== undefined && rename !== field && { rename }) });
      continue;
    }
    const weftAction = ACTIONS[action];
    if (weftAction === undefined) return unsupported(`the summarize action ${action} (on ${field}) is not supported`);
    const outputName = rename ?? `${action}_${field}`;
    const aggregation: Record<string, unknown> = { action: weftAction, outputName };
    if (weftAction !== 'count') aggregation.field = field;
    if (action === 'CountDistinct') aggregation.includeNull = true;
    if (weftAction === 'percentile') {
      const percentile = percentileOf(entry);
      if (percentile === undefined) return unsupported(`the percentile of ${outputName} is not given (0 to 100)`);
      aggregation.percentile = percentile;
      approximations.push(`${outputName}: the ${percentile}th percentile interpolates linearly between the two nearest values (Alteryx's method is not documented)`);
    }
    if (action === 'AvgNo0') approximations.push(`${outputName}: the average without zeros is computed with the zeros`);
    if (weftAction === 'concat') {
      aggregation.separator = entry.child('Separator')?.text() ?? '';
      const start = entry.child('Concat_Start')?.text() ?? '';
      const end = entry.child('Concat_End')?.text() ?? '';
      if (start !== '' || end !== '') affixes.push({ field: outputName, start, end });
    }
    aggregations.push(aggregation);
    order.push({ field: outputName });
  }
  const result = converted('weft/summarize', { groupBy, aggregations });
  result.approximations.push(...approximations);
  const helpers: HelperTool[] = [];
  if (affixes.length > 0) {
    const formulas = affixes.map((a) => ({ field: a.field, expression: `${formulaText(a.start)} + [${a.field}] + ${formulaText(a.end)}` }));
    helpers.push({ suffix: 'concat', plugin: 'weft/formula', config: { formulas }, anchor: 'Output' });
  }
  const weftOrder = [...groupBy, ...aggregations.map((a) => a.outputName as string)];
  const reordered = order.some((o, i) => o.field !== weftOrder[i]);
  if (reordered || order.some((o) => o.rename !== undefined)) {
    helpers.push({ suffix: 'select', plugin: 'weft/select', config: { fields: order, newFields: 'drop' }, anchor: 'Output' });
  }
  if (helpers.length > 0) result.helpers = helpers;
  return result;
}
