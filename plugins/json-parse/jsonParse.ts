/**
 * The JSON Parse tool: a JSON text field into name/value rows (as Alteryx) or into one field per
 * name. Streams, except for columns taken from the data: which fields exist is known only after
 * the last row, so then the tool holds every packet (and its parsed values) until the end.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { readColumn, tableOf } from '../common/transformColumns.js';
import { outputOf, planJsonParse, readJsonParseConfig, type JsonParseConfig, type JsonParsePlan } from './jsonParseConfig.js';
import { JsonParser } from './jsonParser.js';

interface HeldPacket {
  table: Table;
  maps: Map<string, string | null>[];
  firstRow: number;
}

export default class JsonParse implements Plugin {
  private readonly config: JsonParseConfig;
  private plan: JsonParsePlan | null = null;
  private metadata: Metadata | null = null;
  private parser: JsonParser | null = null;
  private readonly held: HeldPacket[] = [];
  private rowsSeen = 0;

  constructor(private readonly provider: Provider) {
    this.config = readJsonParseConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planJsonParse(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.parser = new JsonParser(plan);
    if (plan.added) {
      this.metadata = outputOf(plan.kept, plan.added) as Metadata;
      this.provider.getOutputAnchor('Output').open(this.metadata);
    } else if (this.provider.environment.updateOnly) {
      // the fields named in the JSON are known only from the data: update-only shows the rest
      this.provider.getOutputAnchor('Output').open({ fields: plan.kept });
    }
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.parser) return;
    const table = tableOf(connection.read());
    const values = readColumn(table, this.plan.source.name) as RecordValue[];
    const firstRow = this.rowsSeen;
    this.rowsSeen += table.numRows;
    if (this.config.output === 'rows') {
      const { computed, rows } = this.parser.rowsOf(values);
      await this.write(takeTable(table, rows!), computed);
      return;
    }
    const maps = this.parser.leafMaps(values);
    if (!this.metadata) { this.held.push({ table, maps, firstRow }); return; }
    await this.write(table, this.parser.columnsOf(maps, this.config.columnNames, firstRow).computed);
  }

  private async write(table: Table, computed: Record<string, RecordValue[]>): Promise<void> {
    await this.provider.getOutputAnchor('Output').write(assemblePacket(this.provider.records, table, this.metadata!, computed));
  }

  async onComplete(): Promise<void> {
    if (!this.plan || !this.parser) return;
    if (!this.metadata) {
      const columns = [...this.parser.names.keys()];
      const metadata = outputOf(this.plan.kept, columns.map((name) => ({ name, type: 'v_wstring' as const })));
      if ('errors' in metadata) { this.provider.io.error(metadata.errors.join('; ')); return; }
      this.metadata = metadata;
      this.provider.getOutputAnchor('Output').open(metadata);
      while (this.held.length > 0) {
        const { table, maps, firstRow } = this.held.shift()!;
        await this.write(table, this.parser.columnsOf(maps, columns, firstRow).computed);
      }
    }
    for (const warning of this.parser.warnings()) this.provider.io.warn(warning);
  }
}
