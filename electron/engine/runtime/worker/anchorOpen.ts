/**
 * The contract of `OutputAnchor.open(metadata)`, alike in both run modes: the metadata must be
 * valid, and a second open must repeat the same metadata (then it is a no-op).
 */
import type { Metadata } from '../../../../shared/metadata.js';
import { metadataProblem } from '../../../../shared/sdk/metadataChecks.js';
import type { FailureState } from './toolFailure.js';

/** the anchor's metadata after this open (a copy), or null when it was already open with the same */
export function metadataToOpen(anchor: string, current: Metadata | null, metadata: Metadata, failure: FailureState): Metadata | null {
  const problem = metadataProblem(metadata);
  if (problem) failure.violation('open', `output anchor '${anchor}': ${problem}`);
  if (current) {
    if (JSON.stringify(current) === JSON.stringify(metadata)) return null;
    failure.violation('open', `output anchor '${anchor}' was opened twice with different metadata`);
  }
  return structuredClone(metadata);
}
