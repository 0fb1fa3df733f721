import { describe, expect, it } from 'vitest';
import { parseXmlBytesSafely, parseXmlSafely } from './parse.ts';
import { decodeUtf8Strict, firstInvalidUtf8Offset } from './utf8.ts';

const encode = (s: string) => new TextEncoder().encode(s);

function errorOf(r: ReturnType<typeof parseXmlSafely>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('parseXmlSafely', () => {
  it('parses namespaced XML with CDATA and an XML declaration', () => {
    const r = parseXmlSafely(
      '<?xml version="1.0" encoding="UTF-8"?>\n<p:a xmlns:p="urn:x"><p:b><![CDATA[<x>]]></p:b></p:a>',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.documentElement?.namespaceURI).toBe('urn:x');
      expect(r.doc.documentElement?.textContent).toBe('<x>');
    }
  });

  it('refuses a billion-laughs DOCTYPE before parsing', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>`;
    const e = errorOf(parseXmlSafely(bomb));
    expect(e.kind).toBe('doctype');
    expect(e.line).toBe(2);
    expect(e.column).toBe(1);
    expect(e.message).toContain('DOCTYPE');
  });

  it('refuses an external entity (XXE) declaration', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    expect(errorOf(parseXmlSafely(xxe)).kind).toBe('doctype');
  });

  it('refuses a DOCTYPE in any letter case and a stray ENTITY declaration', () => {
    expect(errorOf(parseXmlSafely('<!doctype a><a/>')).kind).toBe('doctype');
    expect(errorOf(parseXmlSafely('<a><!ENTITY x "y"></a>')).kind).toBe('doctype');
  });

  it('refuses a text over the size limit and accepts one at the limit', () => {
    const body = '<a>' + 'x'.repeat(93) + '</a>'; // 100 characters
    expect(parseXmlSafely(body, 100).ok).toBe(true);
    expect(errorOf(parseXmlSafely(body, 99)).kind).toBe('too-large');
    // Multi-byte characters count as bytes, not UTF-16 units.
    const euro = '<a>' + '€'.repeat(40) + '</a>'; // 47 units, 127 bytes
    expect(errorOf(parseXmlSafely(euro, 100)).kind).toBe('too-large');
  });

  it('refuses more than 1 MiB by default', () => {
    const big = '<a>' + 'x'.repeat(1_048_576) + '</a>';
    expect(errorOf(parseXmlSafely(big)).kind).toBe('too-large');
  });

  it('turns malformed XML into a message naming line and column', () => {
    const e = errorOf(parseXmlSafely('<a>\n  <b></a>'));
    expect(e.kind).toBe('malformed');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/line 2, column \d+/);
    expect(e.message).toContain('mismatch');
  });

  it.each([
    ['empty text', ''],
    ['no root element', 'hello'],
    ['two roots', '<a/><b/>'],
    ['unbound prefix', '<p:a/>'],
    ['undeclared entity', '<a>&nbsp;</a>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unquoted attribute (an xmldom warning)', '<a x=1/>'],
    ['forbidden control character', '<a>\u0001</a>'],
  ])('refuses %s as malformed', (_, text) => {
    expect(errorOf(parseXmlSafely(text)).kind).toBe('malformed');
  });

  it('refuses a lone surrogate as an encoding error', () => {
    expect(errorOf(parseXmlSafely('<a>\uD800</a>')).kind).toBe('encoding');
  });

  it('accepts astral characters (surrogate pairs)', () => {
    expect(parseXmlSafely('<a>😀</a>').ok).toBe(true);
  });
});

describe('parseXmlBytesSafely / decodeUtf8Strict', () => {
  it('decodes valid UTF-8 and drops a BOM', () => {
    const r = decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('<a>é</a>')]));
    expect(r).toEqual({ ok: true, text: '<a>é</a>' });
  });

  it('refuses Latin-1 bytes and names the offset', () => {
    const bytes = new Uint8Array([...encode('<a>caf'), 0xe9, ...encode('</a>')]);
    const r = decodeUtf8Strict(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.offset).toBe(6);
      expect(r.error.message).toContain('byte offset 6');
    }
    const p = parseXmlBytesSafely(bytes);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.kind).toBe('encoding');
  });

  it.each([
    ['overlong slash', [0xc0, 0xaf], 0],
    ['encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['truncated sequence', [0x61, 0xe2, 0x82], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['stray continuation byte', [0x61, 0x80], 1],
  ])('finds the first invalid byte: %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
    expect(decodeUtf8Strict(new Uint8Array(bytes)).ok).toBe(false);
  });

  it('refuses oversized byte input before decoding it', () => {
    const p = parseXmlBytesSafely(new Uint8Array(11), 10);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.kind).toBe('too-large');
  });
});
