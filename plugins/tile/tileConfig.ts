/** The Tile tool's config, checked against the input fields, and its output metadata. */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField, missingFields } from '../common/transformColumns.js';
import { isNumericType } from '../common/transformTypes.js';

export type TileMethod = 'equalRecords' | 'equalSum' | 'smartTile' | 'uniqueValue' | 'manual';
const METHODS: readonly TileMethod[] = ['equalRecords', 'equalSum', 'smartTile', 'uniqueValue', 'manual'];

export interface TileConfig {
  method: TileMethod;
  numTiles: number;
  /** equalSum: the field whose sums are made equal; smartTile and manual: the field tiled */
  field: string;
  /** equalRecords, equalSum: sort the rows of each group by this field first */
  sortField: string;
  /** equalRecords: rows in a run of equal values of this field stay in one tile */
  dontSplitField: string;
  uniqueFields: string[];
  /** uniqueValue: keep the input order (tiles numbered by first appearance) instead of sorting */
  dontSort: boolean;
  cutoffs: number[];
  smartTileName: boolean;
  groupBy: string[];
}

export interface TilePlan {
  config: TileConfig;
  metadata: Metadata;
  groupNames: string[];
  /** the fields each method reads, by resolved name */
  field: Field | null;
  sortField: Field | null;
  dontSplitField: Field | null;
  uniqueNames: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : []);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function readTileConfig(raw: Record<string, unknown>): TileConfig {
  return {
    method: METHODS.includes(raw.method as TileMethod) ? (raw.method as TileMethod) : 'equalRecords',
    numTiles: typeof raw.numTiles === 'number' ? raw.numTiles : 4,
    field: text(raw.field),
    sortField: text(raw.sortField),
    dontSplitField: text(raw.dontSplitField),
    uniqueFields: strings(raw.uniqueFields),
    dontSort: raw.dontSort === true,
    cutoffs: Array.isArray(raw.cutoffs) ? raw.cutoffs.filter((c): c is number => typeof c === 'number') : [],
    smartTileName: raw.smartTileName === true,
    groupBy: strings(raw.groupBy),
  };
}

export function planTile(config: TileConfig, input: Metadata): TilePlan | string {
  const { method } = config;
  if ((method === 'equalRecords' || method === 'equalSum') && !(Number.isInteger(config.numTiles) && config.numTiles >= 1)) {
    return `the number of tiles must be a whole number of at least 1, not ${config.numTiles}`;
  }
  const needsField = method === 'equalSum' || method === 'smartTile' || method === 'manual';
  if (needsField && config.field === '') return `choose the field to tile (${method})`;
  if (method === 'uniqueValue' && config.uniqueFields.length === 0) return 'choose at least one field for unique-value tiles';
  if (method === 'manual') {
    if (config.cutoffs.length === 0) return 'give at least one cut-off for manual tiles';
    const unsorted = config.cutoffs.findIndex((c, i) => i > 0 && c <= config.cutoffs[i - 1]);
    if (unsorted > 0) return `cut-offs must ascend: ${config.cutoffs[unsorted]} follows ${config.cutoffs[unsorted - 1]}`;
  }
  const wanted = [...config.groupBy, ...config.uniqueFields, ...(needsField ? [config.field] : [])];
  if (config.sortField !== '') wanted.push(config.sortField);
  if (config.dontSplitField !== '') wanted.push(config.dontSplitField);
  const missing = missingFields(input, wanted);
  if (missing.length > 0) return `field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not in the input`;
  const field = needsField ? findField(input, config.field)! : null;
  if (field && !isNumericType(field.type)) return `"${field.name}" is ${field.type}, not a number: ${method} needs a numeric field`;
  const added: Field[] = [{ name: 'Tile_Num', type: 'int32', source: `Tile: ${method}` }, { name: 'Tile_SequenceNum', type: 'int32', source: `Tile: ${method}` }];
  if (method === 'smartTile' && config.smartTileName) added.push({ name: 'Tile_Name', type: 'v_string', size: 20, source: 'Tile: smartTile' });
  const clash = added.find((a) => findField(input, a.name));
  if (clash) return `the input already has a field "${clash.name}": rename it before the Tile tool`;
  return {
    config,
    metadata: { fields: [...input.fields, ...added] },
    groupNames: config.groupBy.map((g) => findField(input, g)!.name),
    field,
    sortField: config.sortField !== '' ? findField(input, config.sortField)! : null,
    dontSplitField: config.dontSplitField !== '' ? findField(input, config.dontSplitField)! : null,
    uniqueNames: config.uniqueFields.map((u) => findField(input, u)!.name),
  };
}
