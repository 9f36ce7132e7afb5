/** Latin-1, Windows-1252 and UTF-16LE bytes turned into the UTF-8 the parser reads. */
import type { CsvEncoding } from './csvReadOptions.js';

/**
 * Code page 1252's characters for the bytes 0x80–0x9F, where ISO 8859-1 has control characters;
 * the five bytes 1252 leaves undefined stay those controls. Written out because Node's
 * TextDecoder('windows-1252') decodes these bytes as ISO 8859-1.
 */
const WINDOWS_1252_C1 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

/** transcodes latin1 / windows-1252 / UTF-16LE chunks to UTF-8 bytes (UTF-8 passes through) */
export class Utf8Transcoder {
  private readonly encoding: CsvEncoding;
  private readonly decoder: TextDecoder | null;

  constructor(encoding: CsvEncoding) {
    this.encoding = encoding;
    this.decoder = encoding === 'utf16le' ? new TextDecoder('utf-16le') : null;
  }

  push(chunk: Uint8Array, last: boolean): Uint8Array {
    if (this.encoding === 'utf8') return chunk;
    if (this.encoding === 'latin1' || this.encoding === 'windows1252') {
      let high = false;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] >= 0x80) { high = true; break; }
      if (!high) return chunk;
      // single-byte encodings: every chunk decodes on its own
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      return Buffer.from(this.encoding === 'windows1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]) : text, 'utf8');
    }
    return Buffer.from(this.decoder!.decode(chunk, { stream: !last }), 'utf8');
  }
}
