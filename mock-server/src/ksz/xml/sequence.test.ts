import { describe, expect, it } from 'vitest';
import { child, children, elementChildren, text } from './dom.ts';
import { parseXmlSafely } from './parse.ts';
import { type Particle, readSequence } from './sequence.ts';

const NS = 'urn:test';
const SPEC: Particle[] = [{ name: 'A' }, { name: 'B', min: 0 }, { name: 'C', max: 2 }];

function root(xml: string) {
  const r = parseXmlSafely(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc.documentElement!;
}

function read(inner: string, options: { tolerate?: string[]; rest?: boolean } = {}) {
  return readSequence(root(`<t:R xmlns:t="${NS}" xmlns:o="urn:other">${inner}</t:R>`), NS, SPEC, {
    path: 'R',
    ...options,
  });
}

describe('dom helpers', () => {
  it('match by namespace and local name, never by prefix', () => {
    const r = root(`<x:R xmlns:x="${NS}" xmlns:y="${NS}"><y:A> 1 </y:A><A>no-ns</A><x:B/></x:R>`);
    expect(text(child(r, NS, 'A'))).toBe('1');
    expect(text(child(r, null, 'A'))).toBe('no-ns');
    expect(children(r, NS).map((e) => e.localName)).toEqual(['A', 'B']);
    expect(elementChildren(r)).toHaveLength(3);
    expect(child(r, NS, 'Z')).toBeUndefined();
  });
});

describe('readSequence', () => {
  it('accepts a valid sequence, with or without optional elements', () => {
    const ok = read('<t:A/><t:B/><t:C/><t:C/>');
    expect(ok.ok && ok.found.get('C')).toHaveLength(2);
    expect(read('<t:A/><t:C/>').ok).toBe(true);
  });

  it('names a missing required element', () => {
    const r = read('<t:A/><t:B/>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'missing-element', path: 'R/C' });
    const before = read('<t:B/><t:C/>');
    if (!before.ok) expect(before.error).toMatchObject({ kind: 'missing-element', path: 'R/A' });
  });

  it('names an element in the wrong namespace', () => {
    const r = read('<A/><t:C/>');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('wrong-namespace');
      expect(r.error.message).toContain('no namespace');
    }
  });

  it('refuses unknown, repeated and out-of-order elements', () => {
    const unknown = read('<t:A/><t:X/><t:C/>');
    if (!unknown.ok) expect(unknown.error.kind).toBe('unexpected-element');
    expect(unknown.ok).toBe(false);
    const repeated = read('<t:A/><t:C/><t:C/><t:C/>');
    expect(repeated.ok).toBe(false);
    const order = read('<t:A/><t:C/><t:B/>');
    expect(order.ok).toBe(false);
  });

  it('tolerates listed extra elements', () => {
    expect(read('<t:A/><t:Language>fr</t:Language><t:C/>', { tolerate: ['Language'] }).ok).toBe(true);
  });

  it('returns trailing elements in rest mode', () => {
    const r = read('<t:A/><t:C/><o:P/><o:Q/>', { rest: true });
    expect(r.ok && r.rest.map((e) => e.localName)).toEqual(['P', 'Q']);
  });

  it('refuses text mixed between elements', () => {
    const r = read('<t:A/>oops<t:C/>');
    if (!r.ok) expect(r.error.kind).toBe('unexpected-text');
    expect(r.ok).toBe(false);
  });
});
