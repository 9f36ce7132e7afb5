/**
 * Multi-Row Formula with group-by fields: every row is held, then the groups are computed as one
 * sequence (a group after another, ordered by the group-by values, rows in input order), each row's
 * references reaching only rows of its own group, and written in that order.
 */
import type { Table } from 'apache-arrow';
import type { Provider } from '../../shared/sdk/index.js';
import { concatColumns, gather, readColumn, type ColumnValues } from '../common/transformColumns.js';
import { groupOrder } from '../common/transformGroupOrder.js';
import { writeColumns } from '../common/transformOutput.js';
import { columnAsField } from '../formula-language/packetColumns.js';
import type { MultiRowEvaluator } from './multiRowEvaluator.js';
import type { MultiRowPlan } from './multiRowPlan.js';
import { RowWindow, segmentOf } from './rowWindow.js';
import type { FieldFitWarnings } from '../common/transformFitWarnings.js';
import { dataRecord } from '../../shared/ownValue.js';

export async function writeGrouped(
  held: Table[], plan: MultiRowPlan, evaluator: MultiRowEvaluator, provider: Provider, warn: (message: string) => void,
  fit: FieldFitWarnings,
): Promise<void> {
  const { rowAt, starts } = groupOrder(held, plan.groupFields.map((f) => f.name));
  const n = rowAt.length;
  if (n === 0) return;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let g = 0; g + 1 < starts.length; g++) {
    lo.fill(starts[g], starts[g], starts[g + 1]);
    hi.fill(starts[g + 1], starts[g], starts[g + 1]);
  }
  const window = new RowWindow(held.map((t) => segmentOf(t, plan.sees)));
  const { result } = evaluator.evaluate({ window, rowAt, from: 0, to: n, lo, hi, earlier: [] });
  const computed = fit.fit(columnAsField(result, plan.target, warn).values, (i) => `row ${i + 1}`);
  const columns: Record<string, ColumnValues> = dataRecord();
  for (const field of plan.metadata.fields) {
    if (field.name === plan.target.name) columns[field.name] = computed as ColumnValues;
    else columns[field.name] = gather(concatColumns(held.map((t) => readColumn(t, field.name))), rowAt);
  }
  await writeColumns(provider.getOutputAnchor('Output'), provider.records, plan.metadata, columns, n);
}
