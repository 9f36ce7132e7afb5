/**
 * Invalid UTF-8 found in bytes a source reads as text: where the first bad sequence starts and how
 * many U+FFFD characters decoding puts in their place (the WHATWG decoder's count, which Arrow and
 * Node use). The readers warn with both instead of changing the text silently.
 */
import { isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8');

/** true when every byte belongs to a valid UTF-8 sequence (fast: checked natively) */
export function validUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** the offset where the first invalid sequence starts, or -1 when there is none (a sequence cut by the end counts as invalid) */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** how many U+FFFD decoding `bytes` adds for invalid sequences (a U+FFFD spelled in the bytes, EF BF BD, is not counted) */
export function invalidUtf8Count(bytes: Uint8Array, decoded: string = decoder.decode(bytes)): number {
  let genuine = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) genuine++;
  }
  return decoded.split('\uFFFD').length - 1 - genuine;
}
