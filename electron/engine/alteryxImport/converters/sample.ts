/** Sample: first, last, skip and 1-of-every-N rows, optionally per group. */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

const MODES: Record<string, string> = { First: 'first', Last: 'last', Skip: 'skip', Sample: 'everyNth', OneInN: 'everyNth' };

export function convertSample(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const mode = configuration?.value('Mode')?.trim() ?? 'First';
  const weftMode = MODES[mode];
  if (weftMode === undefined) return unsupported(`the sample mode "${mode}" (${mode === 'NPercent' ? 'first N percent of the rows' : 'unknown'}) is not supported by Weft's Sample`);
  const n = Number((configuration?.value('N') ?? '1').trim());
  if (!Number.isInteger(n) || n < 0) return unsupported(`N is not a whole number: ${configuration?.value('N')}`);
  const groupBy = (configuration?.child('GroupFields')?.children('Field') ?? []).map((f) => f.attr('name') ?? f.attr('field') ?? '');
  return converted('weft/sample', { mode: weftMode, n, groupBy });
}
