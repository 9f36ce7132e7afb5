import type { PlacedError } from '../../shared/placedError.js';

const PLACE_KEYS = ['file', 'path', 'tool', 'anchor', 'phase'] as const;

/** an error thrown by the engine, as a JSON-safe PlacedError (place fields kept when present) */
export function toPlacedError(error: unknown): PlacedError {
  if (typeof error === 'object' && error !== null) {
    const source = error as Record<string, unknown>;
    const nested = source.placed ?? source.error;
    if (typeof nested === 'object' && nested !== null && typeof (nested as PlacedError).message === 'string') {
      return toPlacedError(nested);
    }
    const placed: PlacedError = { message: typeof source.message === 'string' ? source.message : String(error) };
    for (const key of PLACE_KEYS) {
      if (typeof source[key] === 'string') placed[key] = source[key];
    }
    return placed;
  }
  return { message: String(error) };
}
