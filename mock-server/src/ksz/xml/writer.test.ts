import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from './parse.ts';
import { escapeAttr, escapeText, XmlWriter } from './writer.ts';

describe('escapeText / escapeAttr', () => {
  it('escapes markup characters', () => {
    expect(escapeText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeText(']]>')).toBe(']]&gt;');
    expect(escapeAttr('"x" & <y>')).toBe('&quot;x&quot; &amp; &lt;y&gt;');
  });

  it('keeps whitespace in attributes and CR in text as character references', () => {
    expect(escapeAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('replaces characters XML cannot carry, so output is always well-formed', () => {
    expect(escapeText('a\u0000b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('round-trips any string through a parser', () => {
    const nasty = 'x < y && "q" \'s\' ]]> \t\r\n € 😀 \u0007';
    const w = new XmlWriter();
    w.open('r', { a: nasty }).leaf('t', nasty).close();
    const r = parseXmlSafely(w.toString());
    expect(r.ok).toBe(true);
    if (r.ok) {
      const root = r.doc.documentElement!;
      const expected = nasty.replace('\u0007', '\uFFFD');
      expect(root.getAttribute('a')).toBe(expected);
      expect(root.textContent).toBe(expected);
    }
  });
});

describe('XmlWriter', () => {
  it('writes nested elements, optional leaves and empty elements', () => {
    const w = new XmlWriter();
    w.open('p:r', { 'xmlns:p': 'urn:x', skipped: undefined, n: 3 })
      .leaf('p:a', 'v')
      .leaf('p:e', '')
      .optionalLeaf('p:b', undefined)
      .optionalLeaf('p:c', 0)
      .empty('p:d')
      .raw('<q/>')
      .close();
    expect(w.toString()).toBe('<p:r xmlns:p="urn:x" n="3"><p:a>v</p:a><p:e/><p:c>0</p:c><p:d/><q/></p:r>');
  });

  it('refuses to serialise with open elements or to close what is not open', () => {
    expect(() => new XmlWriter().open('a').toString()).toThrow(/unclosed/);
    expect(() => new XmlWriter().close()).toThrow(/no open element/);
  });
});
