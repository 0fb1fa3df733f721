import type { Document } from '@xmldom/xmldom';
import { DOMParser } from '@xmldom/xmldom';
import { firstForbiddenChar } from './chars.ts';
import { lineColumnAt } from './position.ts';
import { decodeUtf8Strict } from './utf8.ts';

/** Default size limit for one XML document: 1 MiB, far above any real KSZ request. */
export const MAX_XML_BYTES = 1_048_576;

/** Why a text was refused before or during parsing. */
export type XmlErrorKind = 'too-large' | 'doctype' | 'malformed' | 'encoding';

/** A refusal with a message fit to show a vendor (it names the line and column when known). */
export interface XmlParseError {
  kind: XmlErrorKind;
  message: string;
  line?: number;
  column?: number;
}

export type XmlParseResult = { ok: true; doc: Document } | { ok: false; error: XmlParseError };

/**
 * Parses untrusted XML text into a namespace-aware DOM, refusing what a hostile or broken client could send:
 * more than `maxBytes` UTF-8 bytes, any DOCTYPE or ENTITY declaration (no entity is ever expanded and nothing is
 * fetched), characters XML 1.0 forbids, lone surrogates, and anything xmldom reports, even as a warning.
 *
 * @example
 * const r = parseXmlSafely('<a xmlns="urn:x"><b>1</b></a>');
 * if (r.ok) r.doc.documentElement?.localName; // 'a'
 * parseXmlSafely('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'); // { ok: false, error: { kind: 'doctype', ... } }
 */
export function parseXmlSafely(text: string, maxBytes: number = MAX_XML_BYTES): XmlParseResult {
  const size = utf8Length(text, maxBytes);
  if (size > maxBytes) {
    return fail('too-large', `XML document is larger than the limit of ${maxBytes} bytes`);
  }
  const declaration = findDeclaration(text);
  if (declaration !== undefined) {
    const at = lineColumnAt(text, declaration.index);
    return fail(
      'doctype',
      `${declaration.token} declaration at line ${at.line}, column ${at.column}: DTDs and entity declarations are not accepted`,
      at.line,
      at.column,
    );
  }
  const bad = firstForbiddenChar(text);
  if (bad !== undefined) {
    const at = lineColumnAt(text, bad.index);
    const hex = bad.code.toString(16).toUpperCase().padStart(4, '0');
    return bad.surrogate
      ? fail('encoding', `Lone UTF-16 surrogate U+${hex} at line ${at.line}, column ${at.column}`, at.line, at.column)
      : fail(
          'malformed',
          `Character U+${hex} is not allowed in XML 1.0 (line ${at.line}, column ${at.column})`,
          at.line,
          at.column,
        );
  }
  return parseWithXmldom(text);
}

/**
 * Same as {@link parseXmlSafely} for raw bytes: checks the size on the bytes, then decodes strictly as UTF-8.
 *
 * @example
 * parseXmlBytesSafely(new TextEncoder().encode('<a/>')).ok; // true
 */
export function parseXmlBytesSafely(bytes: Uint8Array, maxBytes: number = MAX_XML_BYTES): XmlParseResult {
  if (bytes.length > maxBytes) {
    return fail('too-large', `XML document is ${bytes.length} bytes; the limit is ${maxBytes} bytes`);
  }
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) return fail('encoding', decoded.error.message);
  return parseXmlSafely(decoded.text, maxBytes);
}

function fail(kind: XmlErrorKind, message: string, line?: number, column?: number): XmlParseResult {
  const error: XmlParseError = { kind, message };
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  return { ok: false, error };
}

/** UTF-8 length, computed only when the cheap bounds cannot decide (a UTF-16 unit is 1 to 3 bytes). */
function utf8Length(text: string, maxBytes: number): number {
  if (text.length > maxBytes) return text.length;
  if (text.length * 3 <= maxBytes) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Finds `<!DOCTYPE` or `<!ENTITY` anywhere (also in comments or CDATA: refusing those too costs nothing and keeps
 * the check independent of any parsing). Case-insensitive so that no spelling slips through to the parser.
 */
function findDeclaration(text: string): { index: number; token: 'DOCTYPE' | 'ENTITY' } | undefined {
  let from = 0;
  for (;;) {
    const index = text.indexOf('<!', from);
    if (index < 0) return undefined;
    const word = text.slice(index + 2, index + 9).toUpperCase();
    if (word === 'DOCTYPE') return { index, token: 'DOCTYPE' };
    if (word.startsWith('ENTITY')) return { index, token: 'ENTITY' };
    from = index + 2;
  }
}

interface Reported {
  level: string;
  message: string;
  line?: number;
  column?: number;
}

function parseWithXmldom(text: string): XmlParseResult {
  let reported: Reported | undefined;
  const parser = new DOMParser({
    // Every report stops parsing: xmldom's "warnings" include unquoted attribute values and similar
    // malformations that a strict XML parser rejects. The one exception is its hint about U+FFFD: input was
    // already checked to be valid UTF-8, so a replacement character there is the sender's legitimate text.
    onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) {
      if (level === 'warning' && message.includes('replacement character')) return;
      reported = { level, message };
      const locator = context?.locator;
      if (locator?.lineNumber) reported.line = locator.lineNumber;
      if (locator?.columnNumber) reported.column = locator.columnNumber;
      throw new Error(message);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    const r = reported ?? { level: 'fatalError', message: e instanceof Error ? e.message : String(e) };
    const where =
      r.line !== undefined ? ` at line ${r.line}${r.column !== undefined ? `, column ${r.column}` : ''}` : '';
    return fail('malformed', `Malformed XML${where}: ${r.message}`, r.line, r.column);
  }
  if (!doc.documentElement) return fail('malformed', 'Malformed XML: no root element');
  return { ok: true, doc };
}
