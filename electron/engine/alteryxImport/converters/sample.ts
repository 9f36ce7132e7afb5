/**
 * Sample: first, last, skip, 1 of every N (`Sample`), first N percent (`NPercent`) and
 * 1-in-N chance (`Random`), optionally per group.
 */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

const MODES: Record<string, string> = { First: 'first', Last: 'last', Skip: 'skip', Sample: 'everyNth', OneInN: 'everyNth' };

export function convertSample(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const mode = configuration?.value('Mode')?.trim() ?? 'First';
  const n = Number((configuration?.value('N') ?? '1').trim());
  const groupBy = (configuration?.child('GroupFields')?.children('Field') ?? []).map((f) => f.attr('name') ?? f.attr('field') ?? '');
  if (mode === 'NPercent') {
    if (!(n >= 0 && n <= 100)) return unsupported(`N is not a percent from 0 to 100: ${configuration?.value('N')}`);
    const result = converted('weft/sample', { mode: 'firstPercent', percent: n, groupBy });
    result.approximations.push(`the first ${n}% of the rows: Weft rounds the count down (⌊rows × ${n} / 100⌋); Alteryx does not document its rounding`);
    return result;
  }
  if (mode === 'Random' || mode === 'OneInNChance') {
    if (!(n >= 1)) return unsupported(`N must be at least 1 for a 1-in-N chance: ${configuration?.value('N')}`);
    const result = converted('weft/sample', { mode: 'randomPercent', percent: 100 / n, seed: 1, groupBy });
    result.approximations.push(`a 1 in ${n} chance per row: Weft draws with its own seeded generator, so other rows are kept than in Alteryx`);
    return result;
  }
  const weftMode = MODES[mode];
  if (weftMode === undefined) return unsupported(`the sample mode "${mode}" is not known`);
  if (!Number.isInteger(n) || n < 0) return unsupported(`N is not a whole number: ${configuration?.value('N')}`);
  return converted('weft/sample', { mode: weftMode, n, groupBy });
}
