/**
 * Browse: keeps the whole input stream for the results panel. Packets are appended to an Arrow
 * IPC file in the tool's temp folder as they arrive (nothing is held in memory), and at
 * onComplete the file is stored as the run result `browse-<toolId>.arrow`, which the host's
 * `browseRows` pages through. Storing reads the file into one buffer (`results.store` takes
 * bytes), so a browse of more than ~1.5 GB of Arrow data is refused with a message rather than
 * exhausting memory; put a Sample or Select before it.
 */
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { RecordBatchFileWriter } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { plainBatch } from '../common/ioPlainBatch.js';
import { arrowSchemaOf } from '../../shared/sdk/arrowTypes.js';

export const BROWSE_LIMIT_BYTES = 1.5 * 1024 ** 3;

export default class Browse implements Plugin {
  private readonly provider: Provider;
  private writer: RecordBatchFileWriter | null = null;
  private pump: Promise<void> | null = null;
  private fd = -1;
  private file = '';

  constructor(provider: Provider) {
    this.provider = provider;
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (this.provider.environment.updateOnly) return;
    this.file = path.join(this.provider.environment.tempDir, `browse-${this.provider.toolId}.arrow`);
    const fd = openSync(this.file, 'w');
    const writer = new RecordBatchFileWriter();
    this.fd = fd;
    this.writer = writer;
    this.pump = (async () => { for await (const chunk of writer) writeSync(fd, chunk); })();
    // the schema first, so an empty stream still stores its fields
    writer.reset(undefined, arrowSchemaOf(connection.metadata));
  }

  onRecordPacket(connection: InputConnection): void {
    const table = connection.read().table as { batches: RecordBatch[] };
    for (const batch of table.batches) this.writer!.write(plainBatch(batch));
  }

  async onComplete(): Promise<void> {
    if (!this.writer) return;
    this.writer.finish();
    await this.pump;
    closeSync(this.fd);
    const size = statSync(this.file).size;
    if (size > BROWSE_LIMIT_BYTES) {
      this.provider.io.warn(`browse: ${Math.round(size / 2 ** 20)} MB of data is more than the ${BROWSE_LIMIT_BYTES / 2 ** 30} GB a browse keeps; the results panel shows the preview only`);
      return;
    }
    await this.provider.results.store(`browse-${this.provider.toolId}.arrow`, readFileSync(this.file), 'application/vnd.apache.arrow.file');
  }
}
