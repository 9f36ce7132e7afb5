/**
 * Input Data (`DbFileInput`): CSV/text and Excel files. Alteryx reads every field of a delimited
 * file as text (V_String of the configured width, longer values cut), so the fields are typed as
 * text and cut to that width here too, by the field list Alteryx saved with the workflow, else by
 * the file's header line and `<FieldLen>`. `OutputFileName` adds a `FileName` field. A flat
 * (fixed-width) file (`FileFormat="21"`, `<FlatFileXML>`) of one field reads each line whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isTrue, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { findInputFile } from '../inputPaths.js';
import type { AlteryxTool, Conversion, Converted, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

const DELIMITED = new Set(['.csv', '.txt', '.tsv', '.dat', '.prn', '.tab', '.psv', '']);
const ENCODINGS: Record<string, string> = { '28591': 'latin1', '1252': 'windows1252', '65001': 'utf8', '1200': 'utf16le', '20127': 'utf8' };
/** the field length Alteryx gives every field of a delimited file unless told otherwise */
const DEFAULT_FIELD_LENGTH = 254;
/** `OutputFileName` → what the added `FileName` field holds */
const FILE_NAME_VALUES: Record<string, 'name' | 'path'> = { filename: 'name', name: 'name', path: 'path', fullpath: 'path' };

/**
 * `file.xlsx|||`Sheet1$`` → the file and the sheet (also `|||Sheet1$`, `|||select * from `Sheet1$``,
 * and the single `|` Designer 10.0 writes: `file.xlsx|`Sheet1$``); no file path holds a `|`
 */
export function splitExcelPath(text: string): { file: string; sheet: string | undefined } {
  const at = text.indexOf('|');
  if (at < 0) return { file: text, sheet: undefined };
  const table = text.slice(at).replace(/^\|+/, '').trim();
  const quoted = /`([^`]*)`/.exec(table) ?? /\[([^\]]*)\]/.exec(table);
  const name = (quoted ? quoted[1] : table).replace(/\$$/, '');
  return { file: text.slice(0, at), sheet: name === '' ? undefined : name };
}

/** the Weft encoding of an Alteryx code page */
function encodingOf(codePage: string | undefined, result: Converted): string {
  if (codePage === undefined || codePage.trim() === '') return 'utf8';
  const known = ENCODINGS[codePage.trim()];
  if (known) return known;
  result.approximations.push(`code page ${codePage} has no Weft encoding; read as UTF-8`);
  return 'utf8';
}

function delimiterOf(text: string | undefined): string {
  if (text === undefined || text === '') return ',';
  if (text === '\\t') return '\\t';
  if (text === '\\0') return '\u0000';
  if (text === '\\s') return ' ';
  return text;
}

/** the first line of a delimited file split on the delimiter (quotes removed), for field names */
function headerNames(file: string, delimiter: string, skip: number): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(256 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, read).toString('latin1').split(/\r?\n/);
    const line = lines[skip];
    if (line === undefined) return undefined;
    const separator = delimiter === '\\t' ? '\t' : delimiter;
    return line.split(separator).map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface FileFields {
  types: Record<string, string>;
  /** text field → its length in characters, as Alteryx cuts it */
  sizes: Record<string, number>;
}

function fileFields(tool: AlteryxTool, result: Converted, found: { path: string | undefined; delimiter: string; header: boolean; skip: number; fieldLength: number; fileNameField: string | undefined }): FileFields | undefined {
  const saved = tool.metaInfo.get('Output')?.filter((field) => field.name !== found.fileNameField);
  const fields: FileFields = { types: {}, sizes: {} };
  if (saved && saved.length > 0) {
    for (const field of saved) {
      const type = weftType(field.type) ?? 'v_string';
      fields.types[field.name] = type;
      const size = Number(field.size);
      if (/string$/.test(type) && Number.isInteger(size) && size > 0) fields.sizes[field.name] = size;
    }
    return fields;
  }
  if (found.path) {
    const names = headerNames(found.path, found.delimiter, found.skip);
    if (names) {
      const fieldNames = found.header ? names : names.map((_, i) => `Field_${i + 1}`);
      for (const name of fieldNames.filter((n) => n !== '')) {
        fields.types[name] = 'v_string';
        fields.sizes[name] = found.fieldLength;
      }
      return fields;
    }
  }
  result.approximations.push('the field list is unknown (no saved metadata and no file to read): Weft detects the field types where Alteryx reads every field as text, and does not cut texts to the field length');
  return undefined;
}

/** `<File OutputFileName="FileName">`: the field Alteryx adds with the file's name or path */
function fileNameSettings(file: XmlElement | undefined, result: Converted): { field: string; value: 'name' | 'path' } | undefined {
  const written = file?.attr('OutputFileName')?.trim();
  if (!written) return undefined;
  const value = FILE_NAME_VALUES[written.toLowerCase()];
  if (!value) {
    result.approximations.push(`"output file name as field" (${written}) is not known: no file name field is added`);
    return undefined;
  }
  return { field: 'FileName', value };
}

function delimitedConfig(options: XmlElement | undefined, filePath: string, found: string | undefined, tool: AlteryxTool, result: Converted, fileNameField: string | undefined): void {
  const delimiter = delimiterOf(options?.value('Delimeter'));
  const header = options?.value('HeaderRow') === undefined ? true : isTrue(options.value('HeaderRow'));
  const importLine = Number(options?.value('ImportLine') ?? '1');
  const skipRows = Number.isInteger(importLine) && importLine > 1 ? importLine - 1 : 0;
  const quoting = options?.value('IgnoreQuotes') ?? 'DoubleQuotes';
  let quote = '"';
  if (delimiter === '\u0000' || quoting === 'None') quote = '';
  else if (quoting === 'SingleQuotes') quote = "'";
  else if (quoting !== 'DoubleQuotes') result.approximations.push(`delimiters inside ${quoting} are honoured only inside double quotes`);
  const config = result.config;
  Object.assign(config, { path: filePath, format: 'csv', delimiter, quote, hasHeader: header, encoding: encodingOf(options?.value('CodePage'), result), skipRows });
  const fieldLength = Number(options?.value('FieldLen') ?? DEFAULT_FIELD_LENGTH);
  const fields = fileFields(tool, result, {
    path: found, delimiter, header, skip: skipRows, fileNameField,
    fieldLength: Number.isInteger(fieldLength) && fieldLength > 0 ? fieldLength : DEFAULT_FIELD_LENGTH,
  });
  if (fields) {
    config.fieldTypes = fields.types;
    if (Object.keys(fields.sizes).length > 0) config.textSizes = fields.sizes;
  }
}

function excelConfig(options: XmlElement | undefined, filePath: string, sheet: string | undefined, result: Converted): void {
  const firstRowData = options?.value('FirstRowData');
  const importLine = Number(options?.value('ImportLine') ?? '1');
  Object.assign(result.config, {
    path: filePath,
    format: 'xlsx',
    hasHeader: !isTrue(firstRowData),
    skipRows: Number.isInteger(importLine) && importLine > 1 ? importLine - 1 : 0,
    ...(sheet !== undefined && { sheet }),
  });
}

/**
 * A flat file (`FileFormat="21"`) lists its fields with their lengths in `<FlatFileXML>`. One field
 * is each line, cut to its length (Weft reads the line whole as the `\0` delimiter does, names it
 * `Field_1`, and a Select after it gives it its name; `trimWhiteSpace="t"` trims it in a Formula).
 */
function flatFileConfig(options: XmlElement | undefined, filePart: string, filePath: string, result: Converted): string | undefined {
  const flat = options?.find('FlatFileXML/flatfile');
  const fields = flat?.child('fields')?.children('field') ?? [];
  if (fields.length !== 1) return `${filePart}: fixed-width files of ${fields.length} fields are not supported (only one field, each line whole)`;
  const name = fields[0]!.attr('name') ?? 'Field_1';
  const type = weftType(fields[0]!.attr('type')) ?? 'v_string';
  const length = Number(fields[0]!.attr('length'));
  Object.assign(result.config, {
    path: filePath, format: 'csv', delimiter: '\u0000', quote: '', hasHeader: false,
    encoding: encodingOf(options?.value('CodePage'), result), skipRows: 0, fieldTypes: { Field_1: type },
    ...(/string$/.test(type) && Number.isInteger(length) && length > 0 && { textSizes: { Field_1: length } }),
  });
  result.helpers = [];
  if (name !== 'Field_1') {
    result.helpers.push({ suffix: 'name', plugin: 'weft/select', config: { fields: [{ field: 'Field_1', rename: name }], newFields: 'keep' }, anchor: 'Output' });
    result.notes.push(`the line's field is named ${name} by a Select tool after the input`);
  }
  if (flat?.child('file')?.attr('trimWhiteSpace') === 't' && /string$/.test(type)) {
    result.helpers.push({ suffix: 'trim', plugin: 'weft/formula', config: { formulas: [{ field: name, expression: `Trim([${name}])` }] }, anchor: 'Output' });
    result.notes.push('white space around each line is trimmed by a Formula tool after the input');
  }
  return undefined;
}

export function convertInputData(tool: AlteryxTool, context: ImportContext): Conversion {
  const file = tool.configuration?.child('File');
  const written = file?.text().trim() ?? '';
  if (written === '') return unsupported('no input file is configured');
  if (/^(?:odbc|oledb|aka|sde|oci|snowflake|spark|db2|tdata|hive|impala|sqlite|redshift|bigquery):/i.test(written)) {
    return unsupported(`database connections are not supported (${written.slice(0, 60)}); export the table to a file`);
  }
  const { file: filePart, sheet } = splitExcelPath(written);
  const extension = path.extname(filePart.replace(/\\/g, '/')).toLowerCase();
  if (extension === '.yxdb') return unsupported(`${filePart}: Alteryx database files (.yxdb) are not supported; export it to CSV or Parquet in Alteryx`);
  if (extension === '.xls') return unsupported(`${filePart}: old Excel files (.xls) are not supported; save it as .xlsx`);
  if (/[*?]/.test(filePart)) return unsupported(`${filePart}: wildcard inputs (several files) are not supported`);
  const options = tool.configuration?.child('FormatSpecificOptions');
  const isFlat = file?.attr('FileFormat')?.trim() === '21' || options?.child('FlatFileXML') !== undefined;
  const isExcel = extension === '.xlsx' || extension === '.xlsm';
  if (!isFlat && !isExcel && extension !== '.parquet' && !DELIMITED.has(extension)) {
    return unsupported(`${filePart}: the ${extension} input format is not supported`);
  }
  const result = converted('weft/input-data', {});
  const located = findInputFile(filePart, context.yxmdDir, context.outputDir);
  if (located.note) result.notes.push(located.note);
  const foundAt = located.found ? path.resolve(context.outputDir, located.configPath) : undefined;
  const fileName = fileNameSettings(file, result);
  if (isFlat) {
    const reason = flatFileConfig(options, filePart, located.configPath, result);
    if (reason !== undefined) return unsupported(reason);
  } else if (isExcel) excelConfig(options, located.configPath, sheet, result);
  else if (extension === '.parquet') Object.assign(result.config, { path: located.configPath, format: 'parquet' });
  else delimitedConfig(options, located.configPath, foundAt, tool, result, fileName?.field);
  if (fileName) Object.assign(result.config, { fileNameField: fileName.field, fileNameValue: fileName.value });

  const limit = Number(file?.attr('RecordLimit') ?? '');
  if (file?.attr('RecordLimit')?.trim() && Number.isInteger(limit) && limit >= 0) {
    result.helpers = [{ suffix: 'limit', plugin: 'weft/sample', config: { mode: 'first', n: limit, groupBy: [] }, anchor: 'Output' }, ...(result.helpers ?? [])];
    result.notes.push(`the record limit (${limit}) is a Sample tool after the input`);
  }
  return result;
}
