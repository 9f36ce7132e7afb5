/** Sort's config: keys in priority order, and the memory budget before sorted runs spill to disk. */
import type { Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';

export interface SortKeyConfig {
  field: string;
  order?: 'asc' | 'desc';
  /** where nulls go, whatever the order; default last */
  nulls?: 'first' | 'last';
}

export interface SortConfig {
  keys: SortKeyConfig[];
  /** megabytes of buffered input before a sorted run is written to disk */
  memoryBudgetMB: number;
}

export const DEFAULT_BUDGET_MB = 256;

export function readSortConfig(raw: Record<string, unknown>): SortConfig {
  const budget = Number(raw.memoryBudgetMB);
  return {
    keys: Array.isArray(raw.keys) ? (raw.keys as SortKeyConfig[]) : [],
    memoryBudgetMB: Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_BUDGET_MB,
  };
}

export interface ResolvedKey {
  /** the field's name as the input spells it */
  field: string;
  descending: boolean;
  nullsFirst: boolean;
}

export function resolveKeys(config: SortConfig, input: Metadata): ResolvedKey[] | { errors: string[] } {
  const errors: string[] = [];
  const keys: ResolvedKey[] = [];
  config.keys.forEach((key, i) => {
    const field = findField(input, key.field ?? '');
    if (!field) { errors.push(`sort key ${i + 1}: field "${key.field}" is not in the input`); return; }
    if (field.type === 'blob' || field.type === 'spatialobj') { errors.push(`sort key ${i + 1}: field "${field.name}" (${field.type}) has no order`); return; }
    keys.push({ field: field.name, descending: key.order === 'desc', nullsFirst: key.nulls === 'first' });
  });
  if (config.keys.length === 0) errors.push('choose at least one field to sort by');
  return errors.length > 0 ? { errors } : keys;
}
