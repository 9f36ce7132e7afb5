/** Latin-1 and UTF-16LE bytes turned into the UTF-8 the parser reads. */
import type { CsvEncoding } from './csvReadOptions.js';

/** transcodes latin1 / UTF-16LE chunks to UTF-8 bytes (UTF-8 passes through) */
export class Utf8Transcoder {
  private readonly encoding: CsvEncoding;
  private readonly decoder: TextDecoder | null;

  constructor(encoding: CsvEncoding) {
    this.encoding = encoding;
    this.decoder = encoding === 'utf16le' ? new TextDecoder('utf-16le') : null;
  }

  push(chunk: Uint8Array, last: boolean): Uint8Array {
    if (this.encoding === 'utf8') return chunk;
    if (this.encoding === 'latin1') {
      let high = false;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] >= 0x80) { high = true; break; }
      return high ? Buffer.from(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), 'utf8') : chunk;
    }
    return Buffer.from(this.decoder!.decode(chunk, { stream: !last }), 'utf8');
  }
}
