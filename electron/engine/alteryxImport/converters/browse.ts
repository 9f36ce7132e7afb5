/** Browse (`BrowseV2`, and the old `Browse`): the results grid. */
import { converted } from '../conversion.js';
import type { Conversion } from '../importTypes.js';

export function convertBrowse(): Conversion {
  return converted('weft/browse', {});
}
