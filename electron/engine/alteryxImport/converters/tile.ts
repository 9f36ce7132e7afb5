/** Tile: equal records, equal sum, smart tile, unique value and manual cutoffs, optionally per group. */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';
import { fieldNames, numberAt } from './fieldList.js';

const METHODS: Record<string, string> = { equalrecords: 'equalRecords', equalsum: 'equalSum', smarttile: 'smartTile', uniquevalue: 'uniqueValue', manual: 'manual' };

/** a field named as `<X field="…"/>`, `<X>…</X>` or `<X value="…"/>` */
function fieldAt(element: XmlElement | undefined, name: string): string | undefined {
  const child = element?.child(name);
  return child ? (child.attr('field') ?? child.attr('value') ?? child.text().trim()) || undefined : undefined;
}

export function convertTile(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const methodName = (configuration?.value('Method') ?? 'EqualRecords').trim();
  const method = METHODS[methodName.replace(/[^a-z]/gi, '').toLowerCase()];
  if (method === undefined) return unsupported(`the tile method ${methodName} is not supported`);
  const settings = configuration?.children().find((c) => c.name.replace(/[^a-z]/gi, '').toLowerCase() === methodName.replace(/[^a-z]/gi, '').toLowerCase());
  const config: Record<string, unknown> = { method, groupBy: fieldNames(configuration?.child('GroupFields')) };
  const numTiles = numberAt(settings, 'NumTiles') ?? numberAt(configuration, 'NumTiles');
  if (numTiles !== undefined) config.numTiles = numTiles;
  const field = fieldAt(settings, 'SumField') ?? fieldAt(settings, 'Field') ?? fieldAt(settings, 'TileField');
  if (field !== undefined) config.field = field;
  const dontSplit = fieldAt(settings, 'DontSplitField');
  if (dontSplit !== undefined) config.dontSplitField = dontSplit;
  if (method === 'uniqueValue') config.uniqueFields = fieldNames(settings?.child('Fields') ?? settings);
  if (settings?.child('NoSort') || settings?.child('DontSort')) config.dontSort = isTrue(settings.value('NoSort') ?? settings.value('DontSort'));
  if (method === 'smartTile' && settings?.child('NameField')) config.smartTileName = isTrue(settings.value('NameField'));
  if (method === 'manual') {
    const cutoffs = (settings?.value('Cutoffs') ?? settings?.value('Values') ?? '').split(/[\r\n,]+/).map((s) => Number(s.trim())).filter((n) => Number.isFinite(n));
    config.cutoffs = cutoffs;
  }
  return converted('weft/tile', config);
}
