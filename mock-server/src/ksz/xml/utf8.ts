/** Result of {@link decodeUtf8Strict}. */
export type Utf8DecodeResult =
  | { ok: true; text: string }
  | { ok: false; error: { kind: 'encoding'; message: string; offset: number } };

// One fatal decoder for the process: TextDecoder is stateless between decode() calls without `stream`.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes raw request bytes as UTF-8 and refuses anything that is not valid UTF-8 (overlong forms,
 * surrogates, truncated sequences, code points above U+10FFFF). A leading byte-order mark is dropped.
 * Decoding leniently would turn bad bytes into U+FFFD and hide a client's encoding bug.
 *
 * @example
 * decodeUtf8Strict(new Uint8Array([0x3c, 0x61, 0x2f, 0x3e])); // { ok: true, text: '<a/>' }
 * decodeUtf8Strict(new Uint8Array([0x3c, 0xe9, 0x3e])).ok; // false: 0xE9 is Latin-1 "é", not UTF-8
 */
export function decodeUtf8Strict(bytes: Uint8Array): Utf8DecodeResult {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).padStart(2, '0').toUpperCase());
    return {
      ok: false,
      error: {
        kind: 'encoding',
        offset,
        message: `Invalid UTF-8 at byte offset ${offset} (bytes ${shown.join(' ')}): the request must be encoded in UTF-8`,
      },
    };
  }
}

/**
 * Returns the offset of the first byte that starts an invalid UTF-8 sequence, or -1 when the bytes are valid.
 * Only used to explain a failure, so clarity wins over speed here.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b0 & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
