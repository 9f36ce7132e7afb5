/**
 * The Running Total tool: a running sum of each chosen field, per group, as RunTot_<field>.
 * Streams: one packet in, one packet out, rows in input order; it keeps one sum per group and field.
 */
import type { Field, InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, withColumns } from '../common/ioArrowTake.js';
import { findField, missingFields, readColumn, tableOf } from '../common/transformColumns.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import { isIntegerType, isNumericType } from '../common/transformTypes.js';
import { RunningSums } from './runningSums.js';
import { dataRecord } from '../../shared/ownValue.js';

interface RunningTotalConfig {
  groupBy: string[];
  fields: string[];
}

interface Plan {
  groupNames: string[];
  totals: { input: Field; output: Field }[];
  metadata: Metadata;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export function planRunningTotal(config: RunningTotalConfig, input: Metadata): Plan | string {
  if (config.fields.length === 0) return 'choose at least one field to total';
  const missing = missingFields(input, [...config.groupBy, ...config.fields]);
  if (missing.length > 0) return `field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not in the input`;
  const totals: Plan['totals'] = [];
  for (const name of config.fields) {
    const field = findField(input, name)!;
    if (!isNumericType(field.type)) return `"${field.name}" is ${field.type}, not a number: a running total needs a numeric field`;
    const outName = `RunTot_${field.name}`;
    if (findField(input, outName) || totals.some((t) => t.output.name.toLowerCase() === outName.toLowerCase())) {
      return `the output field "${outName}" is already in the input (or "${field.name}" is chosen twice)`;
    }
    totals.push({ input: field, output: { name: outName, type: isIntegerType(field.type) ? 'int64' : 'double', source: `RunningTotal: ${field.name}` } });
  }
  const groupNames = config.groupBy.map((g) => findField(input, g)!.name);
  return { groupNames, totals, metadata: { fields: [...input.fields, ...totals.map((t) => t.output)] } };
}

export default class RunningTotal implements Plugin {
  private readonly config: RunningTotalConfig;
  private plan: Plan | null = null;
  private groups: GroupIndex | null = null;
  private sums: RunningSums[] = [];

  constructor(private readonly provider: Provider) {
    this.config = { groupBy: names(provider.toolConfig.groupBy), fields: names(provider.toolConfig.fields) };
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planRunningTotal(this.config, connection.metadata);
    if (typeof plan === 'string') {
      this.provider.io.error(plan);
      return;
    }
    this.plan = plan;
    this.groups = new GroupIndex(plan.groupNames.length);
    this.sums = plan.totals.map((t) => new RunningSums(t.input));
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.groups) return;
    const table = tableOf(connection.read());
    const ids = this.groups.addTable(table, this.plan.groupNames);
    const groupCount = Math.max(1, this.groups.size);
    const totals: Record<string, ArrayLike<RecordValue>> = dataRecord();
    this.plan.totals.forEach((t, i) => {
      totals[t.output.name] = this.sums[i].add(readColumn(table, t.input.name), ids, groupCount) as unknown as ArrayLike<RecordValue>;
    });
    const made = tableOf(this.provider.records.fromColumns({ fields: this.plan.totals.map((t) => t.output) }, totals));
    const added = made.schema.fields.map((field, i) => ({ field, data: made.batches[0].data.children[i] }));
    const out = withColumns(singleBatch(table), added);
    await this.provider.getOutputAnchor('Output').write(new ArrowRecordPacket(this.plan.metadata, out));
  }
}
