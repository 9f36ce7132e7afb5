/** CSV/TSV through the byte parser (csv/). */
import type { Field } from '../../../shared/sdk/index.js';
import { emptyCsvReport, readCsvBatches, readCsvSchema } from '../csv/csvReader.js';
import type { CsvOptions, CsvReadReport, CsvSchema } from '../csv/csvReader.js';
import type { ValueChange } from '../csv/csvParserTypes.js';
import type { InputOptions, Source } from './source.js';

export class CsvSource implements Source {
  private readonly options: CsvOptions;
  private schema: CsvSchema | null = null;
  private readonly report: CsvReadReport = emptyCsvReport();

  constructor(input: InputOptions) {
    this.options = {
      path: input.path, file: input.file, delimiter: input.format === 'tsv' && input.delimiter === ',' ? '\t' : input.delimiter,
      quote: input.quote, hasHeader: input.hasHeader, encoding: input.encoding, skipRows: input.skipRows,
      fieldTypes: input.fieldTypes, batchRows: input.batchRows,
    };
  }

  fields(): Field[] {
    this.schema ??= readCsvSchema(this.options);
    return this.schema.fields;
  }

  async *batches(onProgress?: (fraction: number) => void) {
    this.fields();
    yield* readCsvBatches(this.options, this.schema!, this.report, (p) => onProgress?.(p.size ? p.bytesRead / p.size : 1));
  }

  warnings(): string[] {
    const out: string[] = [];
    const r = this.report;
    if (r.issueCount > 0) {
      const shown = r.issues.slice(0, 5).map((i) => `line ${i.line}, column ${i.column} ("${i.field}"): ${JSON.stringify(i.value)} is not a ${i.type}`);
      out.push(`${this.options.file}: ${r.issueCount} value(s) did not convert and were set to null: ${shown.join('; ')}${r.issueCount > shown.length ? '; …' : ''}`);
    }
    const { invalidUtf8, integerAsDouble, overflow } = r.changes;
    const first = (c: ValueChange) => `first at line ${c.line}, field "${c.field}": ${JSON.stringify(c.value)}`;
    if (invalidUtf8.count > 0) {
      out.push(`${this.options.file}: ${invalidUtf8.count} byte sequence(s) that are not valid UTF-8 were replaced by U+FFFD (${first(invalidUtf8)}); check the file's encoding`);
    }
    if (integerAsDouble.count > 0) {
      out.push(`${this.options.file}: ${integerAsDouble.count} integer(s) too long for a double were rounded to about 15 significant digits (${first(integerAsDouble)}); set the field's type to v_wstring or fixeddecimal to keep them as written`);
    }
    if (overflow.count > 0) {
      out.push(`${this.options.file}: ${overflow.count} number(s) too large for the field's type were read as Infinity (${first(overflow)}); set the field's type to v_wstring to keep them as written`);
    }
    if (r.shortRows > 0) out.push(`${this.options.file}: ${r.shortRows} row(s) had fewer fields than the header (first at line ${r.firstShortLine}); the missing fields are null`);
    return out;
  }
}
