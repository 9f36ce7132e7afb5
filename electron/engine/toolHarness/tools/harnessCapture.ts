/** The harness's output tool: keeps every row it receives and stores them as `rows.json`. */
import type { InputConnection, Metadata, Plugin, Provider } from '../../../../shared/sdk/plugin.js';
import { encodeRows, type JsonCell } from '../harnessValues.js';

export default class HarnessCapture implements Plugin {
  private metadata: Metadata | null = null;
  private readonly rows: JsonCell[][] = [];

  constructor(private readonly provider: Provider) {}

  onInputConnectionOpened(connection: InputConnection): void {
    this.metadata = connection.metadata;
  }

  onRecordPacket(connection: InputConnection): void {
    const names = this.metadata!.fields.map((f) => f.name);
    for (const row of encodeRows(connection.read().rows(), names)) this.rows.push(row);
  }

  async onComplete(): Promise<void> {
    await this.provider.results.store('rows.json', JSON.stringify({ metadata: this.metadata, rows: this.rows }), 'application/json');
  }
}
