/** Unique: `<UniqueFields><Field field/>`; the D anchor is Weft's Duplicates. */
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertUnique(tool: AlteryxTool): Conversion {
  const fields = (tool.configuration?.child('UniqueFields')?.children('Field') ?? []).map((f) => f.attr('field') ?? '');
  return converted('weft/unique', { fields }, { outputAnchors: { Dup: 'Duplicates', Duplicate: 'Duplicates' } });
}
