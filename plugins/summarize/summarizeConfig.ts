/**
 * Summarize's config and its output metadata, computed from the input metadata alone so that an
 * update-only run shows the exact output fields.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isIntegerType, isNumericType } from '../common/transformTypes.js';

export const ACTIONS = [
  'count', 'countNonNull', 'countNull', 'countBlank', 'countNonBlank', 'countDistinct', 'sum', 'min', 'max', 'avg', 'median',
  'percentile', 'mode', 'stdDev', 'variance', 'first', 'last', 'concat',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Aggregation {
  action: Action;
  /** the input field (not needed by `count`) */
  field?: string;
  /** the output field's name; default `<Action>_<field>` (e.g. `Sum_amount`), `Count` for count */
  outputName?: string;
  /** concat only; default "," */
  separator?: string;
  /** countDistinct only: count null as one more value (as Alteryx does); default false */
  includeNull?: boolean;
  /** percentile only: 0–100 */
  percentile?: number;
}

export interface SummarizeConfig {
  groupBy: string[];
  aggregations: Aggregation[];
}

const PREFIX: Record<Action, string> = {
  count: 'Count', countNonNull: 'CountNonNull', countNull: 'CountNull', countBlank: 'CountBlank', countNonBlank: 'CountNonBlank',
  countDistinct: 'CountDistinct', sum: 'Sum', min: 'Min', max: 'Max', avg: 'Avg', median: 'Median', percentile: 'Percentile',
  mode: 'Mode', stdDev: 'StdDev', variance: 'Variance', first: 'First', last: 'Last', concat: 'Concat',
};

const NEEDS_NUMBER: readonly Action[] = ['sum', 'avg', 'median', 'percentile', 'stdDev', 'variance'];

export function readConfig(raw: Record<string, unknown>): SummarizeConfig {
  return {
    groupBy: Array.isArray(raw.groupBy) ? (raw.groupBy as string[]) : [],
    aggregations: Array.isArray(raw.aggregations) ? (raw.aggregations as Aggregation[]) : [],
  };
}

export function outputName(agg: Aggregation): string {
  if (agg.outputName) return agg.outputName;
  return agg.field && agg.action !== 'count' ? `${PREFIX[agg.action]}_${agg.field}` : PREFIX[agg.action];
}

function outputField(agg: Aggregation, input: Field | undefined): Field {
  const name = outputName(agg);
  switch (agg.action) {
    case 'count': case 'countNonNull': case 'countNull': case 'countBlank': case 'countNonBlank': case 'countDistinct':
      return { name, type: 'int64', source: 'Summarize: ' + agg.action };
    case 'sum':
      return { name, type: input && (isIntegerType(input.type) || input.type === 'bool') ? 'int64' : 'double', source: 'Summarize: sum' };
    case 'avg': case 'median': case 'percentile': case 'stdDev': case 'variance':
      return { name, type: 'double', source: 'Summarize: ' + agg.action };
    case 'concat':
      return { name, type: 'v_wstring', source: 'Summarize: concat' };
    default: {
      const { description: _d, source: _s, ...kept } = input as Field;
      return { ...kept, name, source: 'Summarize: ' + agg.action };
    }
  }
}

export interface SummarizePlan {
  metadata: Metadata;
  /** the input field of each group-by and aggregation, as found in the input (case-insensitive names) */
  groupFields: Field[];
  inputs: (Field | undefined)[];
}

/** the output metadata for `config` over `input`, or the list of problems */
export function planSummarize(config: SummarizeConfig, input: Metadata): SummarizePlan | { errors: string[] } {
  const errors: string[] = [];
  const groupFields: Field[] = [];
  for (const name of config.groupBy) {
    const field = findField(input, name);
    if (!field) errors.push(`group-by field "${name}" is not in the input`);
    else groupFields.push(field);
  }
  if (config.groupBy.length === 0 && config.aggregations.length === 0) errors.push('choose at least one group-by field or aggregation');
  const inputs: (Field | undefined)[] = [];
  const fields: Field[] = groupFields.map((f) => ({ ...f }));
  config.aggregations.forEach((agg, i) => {
    const place = `aggregation ${i + 1} (${agg.action})`;
    if (!(ACTIONS as readonly string[]).includes(agg.action)) { errors.push(`${place}: unknown action`); return; }
    const field = agg.field ? findField(input, agg.field) : undefined;
    if (agg.action !== 'count' && !agg.field) { errors.push(`${place}: choose a field`); return; }
    if (agg.field && !field) { errors.push(`${place}: field "${agg.field}" is not in the input`); return; }
    if (field && NEEDS_NUMBER.includes(agg.action) && !isNumericType(field.type) && field.type !== 'bool') {
      errors.push(`${place}: field "${field.name}" is ${field.type}, not a number`);
      return;
    }
    if (agg.action === 'percentile' && !(typeof agg.percentile === 'number' && agg.percentile >= 0 && agg.percentile <= 100)) {
      errors.push(`${place}: set the percentile, from 0 to 100`);
      return;
    }
    if (field && (agg.action === 'min' || agg.action === 'max') && (field.type === 'blob' || field.type === 'spatialobj')) {
      errors.push(`${place}: field "${field.name}" (${field.type}) has no order`);
      return;
    }
    inputs.push(field);
    fields.push(outputField(agg, field));
  });
  const seen = new Map<string, number>();
  for (const f of fields) {
    const key = f.name.toLowerCase();
    if (seen.has(key)) errors.push(`output field "${f.name}" appears twice: set an output name`);
    seen.set(key, 1);
  }
  return errors.length > 0 ? { errors } : { metadata: { fields }, groupFields, inputs };
}
