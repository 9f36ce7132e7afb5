/**
 * A macro's own Macro Input and Macro Output tools, met when a `.yxmc` is imported by itself.
 * Run on its own, Alteryx feeds a Macro Input with the template rows saved in it (a Text Input
 * configuration inside `<TextInput>`), and a Macro Output shows what reaches it.
 */
import { converted, unsupported } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';
import { convertTextInput } from './textInput.js';

export function convertMacroInput(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const name = configuration?.value('Name')?.trim() || 'Input';
  if (configuration?.value('UseFileInput')?.trim().toLowerCase() === 'true') {
    return unsupported(`the macro input "${name}" takes its template rows from a file; only template rows typed into the tool are supported`);
  }
  const template = configuration?.find('TextInput/Configuration');
  if (!template) return unsupported(`the macro input "${name}" has no template rows (<TextInput>)`);
  const result = convertTextInput({ ...tool, configuration: template });
  if (result.kind === 'converted') result.notes.push(`the macro input "${name}" gives its template rows, as when Alteryx runs the macro on its own`);
  return result;
}

export function convertMacroOutput(tool: AlteryxTool): Conversion {
  const name = tool.configuration?.value('Name')?.trim() || 'Output';
  return converted('weft/browse', {}, { notes: [`the macro output "${name}" shows the rows that reach it`] });
}
