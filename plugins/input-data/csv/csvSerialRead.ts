/** The one-thread read of a CSV file from a row start to its end, through one growing read buffer. */
import { openRegularFile } from '../../common/ioRegularFile.js';
import type { Dictionary, Int32, RecordBatch, Utf8 } from 'apache-arrow';
import { CsvBatchParser, CsvFormatError } from './csvBatchParser.js';
import type { ChunkParserOptions } from './csvChunks.js';
import type { CsvOptions } from './csvReadOptions.js';
import { addCounts, copyCsvReport, type CsvProgress, type CsvReadReport } from './csvReadReport.js';
import { Utf8Transcoder } from './utf8Transcoder.js';

/** parses from `at` to the end of the file, one read chunk after another */
export async function* readSerial(
  options: CsvOptions, parserOptions: ChunkParserOptions, at: { offset: number; line: number },
  report: CsvReadReport, progress?: (p: CsvProgress) => void, dictionaryTypes?: Dictionary<Utf8, Int32>[],
): AsyncGenerator<RecordBatch> {
  const parser = new CsvBatchParser({ ...parserOptions, firstLine: at.line, dictionaryTypes });
  const base = copyCsvReport(report);
  const update = () => {
    Object.assign(report, copyCsvReport(base));
    addCounts(report, parser, 1);
  };
  const transcoder = new Utf8Transcoder(options.encoding);
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const { handle: fh, size } = await openRegularFile(options.path, options.file);
  try {
    // the parallel reader hands over at a byte offset of the file, which is UTF-8 then
    let bytesRead = options.encoding === 'utf8' ? at.offset : 0;
    let toSkip = options.encoding === 'utf8' ? 0 : at.offset;
    // One buffer for the whole file: the unparsed tail of a chunk (a row cut by its end) moves to
    // the front and the next read goes after it. Allocating a chunk per read made the external
    // memory churn that set off most of the parse thread's garbage collections.
    let buf = Buffer.allocUnsafe(chunkBytes);
    const raw = options.encoding === 'utf8' ? null : Buffer.allocUnsafe(chunkBytes);
    let len = 0;
    let pos = 0;
    let eof = false;
    const room = (bytes: number) => {
      if (len + bytes <= buf.length) return;
      let grown = buf.length * 2;
      while (grown < len + bytes) grown *= 2;
      const bigger = Buffer.allocUnsafe(grown);
      bigger.set(buf.subarray(0, len));
      buf = bigger;
    };
    while (!eof) {
      if (pos > 0) {
        buf.copyWithin(0, pos, len);
        len -= pos;
        pos = 0;
      }
      if (raw === null) {
        room(Math.max(1, Math.min(chunkBytes >> 1, size - bytesRead)));
        const { bytesRead: n } = await fh.read(buf, len, buf.length - len, bytesRead);
        bytesRead += n;
        len += n;
        eof = n === 0 || bytesRead >= size;
      } else {
        const { bytesRead: n } = await fh.read(raw, 0, chunkBytes, bytesRead);
        bytesRead += n;
        eof = n === 0 || bytesRead >= size;
        let fresh = transcoder.push(raw.subarray(0, n), eof);
        if (toSkip > 0) {
          const skip = Math.min(toSkip, fresh.length);
          fresh = fresh.subarray(skip);
          toSkip -= skip;
        }
        room(fresh.length);
        buf.set(fresh, len);
        len += fresh.length;
      }
      for (;;) {
        pos = parser.parse(buf, pos, len, eof);
        if (parser.full) {
          update();
          yield parser.finishBatch();
          continue;
        }
        break;
      }
      if (eof && len - pos > 0) throw new CsvFormatError(options.file, parser.line, 1, 'the last row could not be read');
      progress?.({ bytesRead, size });
    }
    update();
    if (parser.rows > 0) yield parser.finishBatch();
  } finally {
    await fh.close();
  }
}
