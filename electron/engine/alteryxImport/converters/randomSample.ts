/**
 * Random % Sample is the `RandomRecords.yxmc` macro: `<Value name="Number">` with `NNumber`
 * (N records), or `Percent` with `NPercent` (a percent of the records), `Deterministic` and `Seed`.
 */
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

export function convertRandomSample(tool: AlteryxTool): Conversion {
  const values = new Map((tool.configuration?.children('Value') ?? []).map((v) => [v.attr('name') ?? '', v.text().trim()]));
  if (isTrue(values.get('Number'))) {
    return unsupported(`a random ${values.get('NNumber') ?? 'N'} records: Weft's Sample has no random N-records mode`);
  }
  if (!isTrue(values.get('Percent'))) return unsupported('neither a number of records nor a percent is chosen');
  const percent = Number(values.get('NPercent'));
  if (!(percent >= 0 && percent <= 100)) return unsupported(`NPercent is not a percent from 0 to 100: ${values.get('NPercent') ?? '(missing)'}`);
  const seed = Number(values.get('Seed'));
  const result = converted('weft/sample', { mode: 'randomPercent', percent, seed: Number.isSafeInteger(seed) ? seed : 1, groupBy: [] }, { inputAnchors: { '*': 'Input' }, outputAnchors: { '*': 'Output' } });
  result.approximations.push(`a random ${percent}% of the records: Weft keeps each row with that chance from its own seeded generator, so other rows, and not exactly ${percent}% of them, are kept than in Alteryx`);
  return result;
}
