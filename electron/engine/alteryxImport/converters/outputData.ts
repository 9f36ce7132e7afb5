/** Output Data (`DbFileOutput`): CSV and Excel files. */
import path from 'node:path';
import { isTrue } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { outputFilePath } from '../inputPaths.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import { splitExcelPath } from './inputData.js';

const DELIMITED = new Set(['.csv', '.txt', '.tsv', '.dat', '.psv']);

export function convertOutputData(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const file = configuration?.child('File');
  const written = file?.text().trim() ?? '';
  if (written === '') return unsupported('no output file is configured');
  const { file: filePart, sheet } = splitExcelPath(written);
  const extension = path.extname(filePart.replace(/\\/g, '/')).toLowerCase();
  if (extension === '.yxdb') return unsupported(`${filePart}: writing Alteryx database files (.yxdb) is not supported; write CSV or Parquet instead`);
  const isExcel = extension === '.xlsx' || extension === '.xlsm';
  if (!isExcel && extension !== '.parquet' && extension !== '.json' && !DELIMITED.has(extension)) return unsupported(`${filePart}: the ${extension || 'unknown'} output format is not supported`);
  const target = outputFilePath(filePart, context.yxmdDir, context.outputDir);
  const result = converted('weft/output-data', { path: target.configPath, format: isExcel ? 'xlsx' : DELIMITED.has(extension) ? 'csv' : extension.slice(1), ifExists: 'overwrite' });
  if (target.note) result.notes.push(target.note);
  const options = configuration?.child('FormatSpecificOptions');
  if (isExcel) {
    if (sheet !== undefined) result.config.sheet = sheet;
    const mode = options?.value('OutputOption') ?? '';
    if (mode !== '' && !/overwrite/i.test(mode)) result.approximations.push(`the Excel output option "${mode}" is written as "overwrite the file"`);
  } else if (DELIMITED.has(extension)) {
    const delimiter = options?.value('Delimeter') ?? ',';
    result.config.delimiter = delimiter === '\\t' ? '\t' : delimiter === '' ? ',' : delimiter;
    if (options?.value('HeaderRow') !== undefined && !isTrue(options.value('HeaderRow'))) result.approximations.push('the file is written with a header row (Weft always writes one)');
    if (isTrue(options?.value('ForceQuotes'))) result.approximations.push('"quote output fields: always" is not available: fields are quoted when needed');
    const codePage = options?.value('CodePage');
    if (codePage !== undefined && codePage !== '65001') result.notes.push(`code page ${codePage}: the file is written as UTF-8 (the same bytes for ASCII text)`);
  }
  if (isTrue(configuration?.value('MultiFile'))) result.approximations.push('"take file name from field" is not available: one file is written');
  return result;
}
