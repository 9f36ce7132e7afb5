/**
 * Data Cleansing is the `Cleanse.yxmc` macro: its settings are `<Value name="Check Box (N)">`
 * entries, the fields a `List Box (11)` of `"Name"` tokens; its anchors are the macro's own.
 */
import { isTrue } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

const CHECK_BOXES: Record<string, string> = {
  'Check Box (135)': 'removeNullRows', 'Check Box (136)': 'removeNullColumns', 'Check Box (84)': 'replaceNullText',
  'Check Box (117)': 'replaceNullNumbers', 'Check Box (15)': 'trimWhitespace', 'Check Box (109)': 'collapseWhitespace',
  'Check Box (122)': 'removeAllWhitespace', 'Check Box (53)': 'removeLetters', 'Check Box (58)': 'removeNumbers', 'Check Box (70)': 'removePunctuation',
};

/** `"Name","City"` (also with `=True` flags after a name, as some versions write) → names */
export function listBoxFields(text: string): string[] {
  const quoted = [...text.matchAll(/"((?:[^"]|"")*)"(?:=(True|False))?/g)];
  if (quoted.length > 0) return quoted.filter((m) => m[2] !== 'False').map((m) => m[1]!.replace(/""/g, '"'));
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function convertDataCleansing(tool: AlteryxTool): Conversion {
  const values = new Map((tool.configuration?.children('Value') ?? []).map((v) => [v.attr('name') ?? '', v.text()]));
  const config: Record<string, unknown> = { fields: listBoxFields(values.get('List Box (11)') ?? '') };
  for (const [name, option] of Object.entries(CHECK_BOXES)) config[option] = isTrue(values.get(name));
  const caseChoice = (values.get('Drop Down (81)') ?? '').toLowerCase();
  config.modifyCase = !isTrue(values.get('Check Box (77)')) ? 'none' : caseChoice.startsWith('upper') ? 'upper' : caseChoice.startsWith('lower') ? 'lower' : 'title';
  return converted('weft/data-cleansing', config, { inputAnchors: { '*': 'Input' }, outputAnchors: { '*': 'Output' } });
}
