/** CSV/TSV through the byte parser (csv/). */
import type { Field } from '../../../shared/sdk/index.js';
import { readCsvBatches, readCsvSchema } from '../csv/csvReader.js';
import type { CsvOptions, CsvReadReport, CsvSchema } from '../csv/csvReader.js';
import type { InputOptions, Source } from './source.js';

export class CsvSource implements Source {
  private readonly options: CsvOptions;
  private schema: CsvSchema | null = null;
  private readonly report: CsvReadReport = { issueCount: 0, issues: [], shortRows: 0, firstShortLine: 0 };

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
    if (r.shortRows > 0) out.push(`${this.options.file}: ${r.shortRows} row(s) had fewer fields than the header (first at line ${r.firstShortLine}); the missing fields are null`);
    return out;
  }
}
