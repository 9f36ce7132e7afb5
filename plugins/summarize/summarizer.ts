/**
 * Hash aggregation: rows are mapped to dense group ids (GroupIndex) a packet at a time and each
 * action folds the packet into per-group arrays. Memory grows with the number of groups (plus the
 * values themselves for median, count distinct and concat), not with the rows.
 * Output groups are ordered by the group-by values, ascending, nulls first (as Alteryx's Summarize).
 */
import type { Table } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { readColumn, type ColumnValues } from '../common/transformColumns.js';
import { sortedIndices } from '../common/transformCompare.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import {
  ConcatAggregator, CountAggregator, CountDistinctAggregator, ExtremeAggregator, MedianAggregator, PositionAggregator,
  SumAggregator, type Aggregator,
} from '../common/transformAggregators.js';
import {
  CountDistinctWithNullAggregator, CountWhereAggregator, ModeAggregator, PercentileAggregator, VarianceAggregator,
} from '../common/transformStatAggregators.js';
import type { Aggregation, SummarizePlan } from './summarizeConfig.js';
import { dataRecord } from '../../shared/ownValue.js';

function aggregatorFor(agg: Aggregation, plan: SummarizePlan, i: number): Aggregator {
  const input = plan.inputs[i];
  switch (agg.action) {
    case 'count': return new CountAggregator(false);
    case 'countNonNull': return new CountAggregator(true);
    case 'countNull': return new CountWhereAggregator('null');
    case 'countBlank': return new CountWhereAggregator('blank');
    case 'countNonBlank': return new CountWhereAggregator('nonBlank');
    case 'countDistinct': return agg.includeNull ? new CountDistinctWithNullAggregator() : new CountDistinctAggregator();
    case 'sum': return new SumAggregator(input!, false);
    case 'avg': return new SumAggregator(input!, true);
    case 'min': return new ExtremeAggregator(false);
    case 'max': return new ExtremeAggregator(true);
    case 'median': return new MedianAggregator();
    case 'percentile': return new PercentileAggregator(agg.percentile!);
    case 'mode': return new ModeAggregator();
    case 'stdDev': return new VarianceAggregator(true);
    case 'variance': return new VarianceAggregator(false);
    case 'first': return new PositionAggregator(false);
    case 'last': return new PositionAggregator(true);
    case 'concat': return new ConcatAggregator(input!, agg.separator ?? ',');
  }
}

export class Summarizer {
  private readonly groups: GroupIndex;
  private readonly aggregators: Aggregator[];
  private readonly groupNames: string[];

  constructor(private readonly plan: SummarizePlan, aggregations: Aggregation[]) {
    this.groupNames = plan.groupFields.map((f) => f.name);
    this.groups = new GroupIndex(this.groupNames.length);
    this.aggregators = aggregations.map((agg, i) => aggregatorFor(agg, plan, i));
  }

  add(table: Table): void {
    if (table.numRows === 0) return;
    const ids = this.groups.addTable(table, this.groupNames);
    const cache = new Map<string, ColumnValues>();
    const column = (name: string): ColumnValues => {
      let values = cache.get(name);
      if (!values) cache.set(name, (values = readColumn(table, name)));
      return values;
    };
    this.aggregators.forEach((aggregator, i) => {
      const input = this.plan.inputs[i];
      aggregator.add(input ? column(input.name) : [], ids, this.groups.size);
    });
  }

  /** the output columns by output field name, and the row count */
  finish(): { columns: Record<string, ColumnValues>; length: number } {
    const keyCount = this.groupNames.length;
    // without group-by fields there is one row even for no input, as in SQL
    const groupCount = keyCount === 0 ? 1 : this.groups.size;
    const keyColumns: RecordValue[][] = Array.from({ length: keyCount }, (_, k) =>
      Array.from({ length: groupCount }, (_, g) => this.groups.keyValue(g, k)));
    const order = sortedIndices(groupCount, keyColumns.map((values) => ({ values, descending: false, nullsFirst: true })));
    const columns: Record<string, ColumnValues> = dataRecord();
    const fields = this.plan.metadata.fields;
    keyColumns.forEach((values, k) => {
      columns[fields[k].name] = Array.from(order, (g) => values[g]);
    });
    this.aggregators.forEach((aggregator, i) => {
      columns[fields[keyCount + i].name] = aggregator.result(order);
    });
    return { columns, length: groupCount };
  }
}
