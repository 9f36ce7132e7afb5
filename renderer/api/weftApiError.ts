import { formatPlacedError, type PlacedError } from '../../shared/placedError.js';

/** A command the host refused or that failed there; `placed` says where (tool, file, path…). */
export class WeftApiError extends Error {
  readonly placed: PlacedError;

  constructor(placed: PlacedError) {
    super(formatPlacedError(placed));
    this.name = 'WeftApiError';
    this.placed = placed;
  }
}

export function unwrapResult<T>(result: { ok: true; value: T } | { ok: false; error: PlacedError }): T {
  if (result.ok) return result.value;
  throw new WeftApiError(result.error);
}
