/** Cross Tab: group fields, header field, data field and methods. */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { fieldNames, numberAt } from './fieldList.js';

const METHODS: Record<string, string> = {
  Sum: 'sum', Avg: 'avg', Average: 'avg', Count: 'countNonNull', CountWithNulls: 'countWithNulls', CountNull: 'countWithNulls',
  PercentRow: 'percentRow', PercentCol: 'percentColumn', PercentColumn: 'percentColumn', Min: 'min', Max: 'max', First: 'first', Last: 'last', Concat: 'concat',
};

export function convertCrossTab(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const headerField = configuration?.child('HeaderField')?.attr('field') ?? '';
  const valueField = configuration?.child('DataField')?.attr('field') ?? '';
  if (headerField === '' || valueField === '') return unsupported('the Cross Tab has no header field or no data field');
  const methodsElement = configuration?.child('Methods');
  const methods: string[] = [];
  const methodElements = methodsElement?.children('Method') ?? configuration?.children('Method') ?? [];
  for (const method of methodElements) {
    const name = method.attr('method') ?? method.text().trim();
    const weft = METHODS[name];
    if (weft === undefined) return unsupported(`the Cross Tab method ${name} is not supported`);
    if (!methods.includes(weft)) methods.push(weft);
  }
  const separator = methodsElement?.child('Separator')?.text() ?? configuration?.value('Separator');
  return converted('weft/cross-tab', {
    groupFields: fieldNames(configuration?.child('GroupFields') ?? configuration?.child('GroupByFields')), headerField, valueField, methods: methods.length > 0 ? methods : ['sum'],
    ...(separator !== undefined && { separator: separator.replace(/\\n/g, '\n').replace(/\\t/g, '\t') }),
    ...(numberAt(methodsElement, 'FieldSize') !== undefined && { fieldSize: numberAt(methodsElement, 'FieldSize') }),
  });
}
