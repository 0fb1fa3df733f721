import { replaceForbiddenChars } from './chars.ts';

/** The XML declaration every reply starts with (the real SSDN replies also say `standalone="yes"`). */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/**
 * Escapes character data for use between tags. `>` is escaped too (so `]]>` can never appear) and CR is kept
 * as a character reference so it survives end-of-line normalisation.
 *
 * @example
 * escapeText('a < b & c'); // 'a &lt; b &amp; c'
 */
export function escapeText(value: string): string {
  // Characters XML cannot carry can only come from data we were handed; replacing them keeps replies well-formed.
  const clean = replaceForbiddenChars(value);
  if (!TEXT_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/**
 * Escapes a value for a double-quoted attribute; whitespace other than space is kept as character references
 * because attribute-value normalisation would otherwise turn it into spaces.
 *
 * @example
 * escapeAttr('say "hi"'); // 'say &quot;hi&quot;'
 */
export function escapeAttr(value: string): string {
  const clean = replaceForbiddenChars(value);
  if (!ATTR_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

/** Attributes in output order; `undefined` values are left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * A minimal streaming XML writer: string concatenation with correct escaping, no DOM. Replies are built on
 * the request hot path, where DOM serialisation would cost an order of magnitude more.
 *
 * Element names are written as given (`prefix:local`); declaring namespaces is the caller's job, through
 * `xmlns`/`xmlns:p` attributes.
 *
 * @example
 * const w = new XmlWriter();
 * w.open('r', { xmlns: 'urn:x' }).leaf('a', 'x & y').optionalLeaf('b', undefined).close();
 * w.toString(); // '<r xmlns="urn:x"><a>x &amp; y</a></r>'
 */
export class XmlWriter {
  private readonly parts: string[] = [];
  private readonly stack: string[] = [];

  /** Opens `<qname attrs>`; close it with {@link close}. */
  open(qname: string, attrs?: Attributes): this {
    this.parts.push('<', qname, attributes(attrs), '>');
    this.stack.push(qname);
    return this;
  }

  /** Closes the most recently opened element. */
  close(): this {
    const qname = this.stack.pop();
    if (qname === undefined) throw new Error('XmlWriter.close(): no open element');
    this.parts.push('</', qname, '>');
    return this;
  }

  /** Writes `<qname attrs>text</qname>` (or `<qname attrs/>` for an empty string). */
  leaf(qname: string, value: string | number, attrs?: Attributes): this {
    const s = typeof value === 'number' ? String(value) : escapeText(value);
    if (s === '') this.parts.push('<', qname, attributes(attrs), '/>');
    else this.parts.push('<', qname, attributes(attrs), '>', s, '</', qname, '>');
    return this;
  }

  /** Like {@link leaf}, but writes nothing when `value` is undefined or null (an optional schema element). */
  optionalLeaf(qname: string, value: string | number | undefined | null, attrs?: Attributes): this {
    if (value !== undefined && value !== null) this.leaf(qname, value, attrs);
    return this;
  }

  /** Writes `<qname attrs/>`. */
  empty(qname: string, attrs?: Attributes): this {
    this.parts.push('<', qname, attributes(attrs), '/>');
    return this;
  }

  /** Appends already-serialised XML (a payload built elsewhere) unchanged. */
  raw(xml: string): this {
    this.parts.push(xml);
    return this;
  }

  /** The document so far; throws when an element is still open, which would be a builder bug. */
  toString(): string {
    if (this.stack.length > 0) throw new Error(`XmlWriter: unclosed element(s) ${this.stack.join(', ')}`);
    return this.parts.join('');
  }
}

function attributes(attrs: Attributes | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? String(value) : escapeAttr(value)}"`;
  }
  return out;
}
