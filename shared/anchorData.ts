/** What the Results panel gets for any anchor of a past run, read from the anchor cache (docs/cache.md). */
import type { FieldType } from './metadata.js';
import type { PreviewValue } from './runEvents.js';

export interface AnchorSort {
  field: string;
  descending: boolean;
}

export interface FieldProfile {
  name: string;
  type: FieldType;
  /** rows where the value is null */
  nulls: number;
  /** distinct non-null values; `distinctApproximate` when counted by a sketch (past DISTINCT_EXACT_LIMIT) */
  distinct: number;
  distinctApproximate: boolean;
  /** smallest and largest non-null value (numbers, text, dates); null when the field has none */
  min: PreviewValue;
  max: PreviewValue;
  /** numeric fields: counts in equal-width bins from min to max */
  histogram: number[] | null;
  /** other fields: the most frequent values (at most TOP_VALUES), most frequent first */
  top: Array<{ value: PreviewValue; count: number }> | null;
}

export interface AnchorProfile {
  records: number;
  fields: FieldProfile[];
}

export const DISTINCT_EXACT_LIMIT = 100_000;
export const HISTOGRAM_BINS = 12;
export const TOP_VALUES = 6;
