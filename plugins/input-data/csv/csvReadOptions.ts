/** What reading a CSV file takes: the options the input tool passes, and the schema read from the head. */
import type { Field } from '../../../shared/sdk/index.js';
import type { FieldType } from '../../../shared/metadata.js';
import type { CsvSample } from './csvSample.js';

/** `windows1252` is Windows code page 1252: Latin-1 with € ‘ ’ “ ” – — … in 0x80–0x9F */
export type CsvEncoding = 'utf8' | 'latin1' | 'windows1252' | 'utf16le';

export interface CsvOptions {
  path: string;
  /** the file as named in messages */
  file: string;
  delimiter: string;
  quote: string;
  hasHeader: boolean;
  encoding: CsvEncoding;
  skipRows: number;
  /** user's type per field name, over the detected ones */
  fieldTypes: Record<string, FieldType>;
  batchRows?: number;
  sampleBytes?: number;
  chunkBytes?: number;
  dictionaryStrings?: boolean;
  /**
   * parse a large UTF-8 file in two threads. Default: only with 4 or more cores, since on 2 cores
   * the downstream tools already use the second core (measured: no gain, +130 MB RSS)
   */
  parallel?: boolean;
  /** bytes per range of the two-thread parse (default: about four packets) */
  rangeBytes?: number;
}

export interface CsvSchema {
  fields: Field[];
  sample: CsvSample;
}
