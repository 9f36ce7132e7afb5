/** Running Total (the Spatial plugin name, also the Base one): fields and groups. */
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { fieldNames } from './fieldList.js';

export function convertRunningTotal(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  return converted('weft/running-total', {
    groupBy: fieldNames(configuration?.child('GroupByFields')),
    fields: fieldNames(configuration?.child('RunningTotalFields')),
  });
}
