/**
 * Replays a cached tool's outputs (docs/cache.md): each anchor's Arrow IPC file is read batch by
 * batch and written to the anchor's connections through the same output anchor a running tool
 * uses (credit, fan-out, transferred buffers), so the tools that run see the usual lifecycle:
 * `onInputConnectionOpened`, packets, close. The host already reported the anchors' counts and
 * previews from the cache entry, so only the connection traffic and done/failed are sent.
 */
import fs from 'node:fs';
import { RecordBatchReader, Table } from 'apache-arrow';
import type { Metadata } from '../../../../shared/metadata.js';
import { ArrowRecordPacket } from '../../../../shared/sdk/recordPacket.js';
import type { ReplayToolJob, WorkerToHost } from '../protocol.js';
import { WorkerOutputAnchor } from './outputAnchor.js';
import { FailureState } from './toolFailure.js';
import type { FullToolRun } from './fullToolRun.js';

export function startReplayRun(job: ReplayToolJob, post: (message: WorkerToHost) => void): FullToolRun {
  let live = true;
  const failure = new FailureState((f) => {
    if (live) post({ type: 'failed', ...f });
  });
  // counts and previews are the entry's: only the request to start a consumer goes to the host
  const anchorPost = (message: WorkerToHost) => {
    if (live && message.type === 'needs-consumer') post(message);
  };
  const anchors = job.outputs.map((o) => new WorkerOutputAnchor(o.anchor, o.connections, 0, failure, anchorPost));

  async function replay(anchor: WorkerOutputAnchor, metadata: Metadata | null, file: string | null): Promise<void> {
    if (metadata && anchor.outgoing.length > 0) {
      anchor.open(metadata);
      if (file === null) throw new Error(`output '${anchor.name}' has no cached rows to replay`);
      const reader = await RecordBatchReader.from(fs.createReadStream(file));
      for await (const batch of reader) {
        if (failure.failed) return;
        await anchor.write(new ArrowRecordPacket(metadata, new Table(batch)));
      }
    }
    await anchor.close();
  }

  const finished = Promise.all(job.outputs.map((o, i) => replay(anchors[i], o.metadata, o.file)))
    .then(() => {
      if (failure.failed) return;
      live = false;
      post({ type: 'done' });
    })
    .catch((error: unknown) => failure.fromError('replay from the anchor cache', error))
    .finally(() => {
      live = false;
      for (const anchor of anchors) for (const c of anchor.outgoing) if (c.dropped) c.port.close();
    });
  return { drop: (id) => anchors.forEach((a) => a.drop(id)), finished };
}
