/** The harness's input tool: opens `Output` with the given metadata and writes the given rows. */
import type { Metadata, Plugin, Provider } from '../../../../shared/sdk/plugin.js';
import { decodeRows, type JsonCell } from '../harnessValues.js';

interface SourceConfig {
  metadata: Metadata;
  rows: JsonCell[][];
}

export default class HarnessSource implements Plugin {
  private readonly config: SourceConfig;

  constructor(private readonly provider: Provider) {
    this.config = provider.toolConfig as unknown as SourceConfig;
    provider.getOutputAnchor('Output').open(this.config.metadata);
  }

  async onComplete(): Promise<void> {
    const names = this.config.metadata.fields.map((f) => f.name);
    const rows = decodeRows(this.config.rows, names);
    if (rows.length > 0) await this.provider.getOutputAnchor('Output').write(rows);
  }
}
