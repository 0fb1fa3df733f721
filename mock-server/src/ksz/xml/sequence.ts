import type { Element } from '@xmldom/xmldom';
import { describeElement, elementChildren, hasDirectText, type Ns } from './dom.ts';

/** One particle of an `xs:sequence`: a local name and its occurrence bounds (default exactly once). */
export interface Particle {
  name: string;
  min?: number;
  max?: number;
}

/** Structural problems, named like the schema concepts a vendor knows. */
export type StructureErrorKind = 'missing-element' | 'unexpected-element' | 'wrong-namespace' | 'unexpected-text';

export interface StructureError {
  kind: StructureErrorKind;
  message: string;
  /** Slash-separated element path from the document root, e.g. `SSDNRequest/RequestContext/AuthorizedUser`. */
  path: string;
  line?: number;
  column?: number;
}

export interface SequenceOptions {
  /** Path of `parent`, for messages. */
  path: string;
  /** Extra local names (in the same namespace) accepted anywhere and ignored: tolerance for known client habits. */
  tolerate?: readonly string[];
  /**
   * When true, elements after the last particle are returned in `rest` instead of being refused (the `xs:any`
   * payload of an SSDN ServiceRequest, or the operation-specific tail of a CommonV3 request).
   */
  rest?: boolean;
}

export type SequenceResult =
  | { ok: true; found: Map<string, Element[]>; rest: Element[] }
  | { ok: false; error: StructureError };

/**
 * Reads the element children of `parent` against an `xs:sequence` and explains the first deviation the way a
 * vendor can act on: which element is missing, unexpected, out of order or in the wrong namespace, with its
 * line and column. Our own XSDs say the same in the contract; this gives better messages than a validator.
 *
 * @example
 * const r = readSequence(user, SSDN_SERVICE_NS, [{ name: 'UserID' }, { name: 'Email', min: 0 }], {
 *   path: 'SSDNRequest/RequestContext/AuthorizedUser',
 * });
 * if (r.ok) r.found.get('UserID'); // [Element]
 */
export function readSequence(
  parent: Element,
  ns: Ns,
  particles: readonly Particle[],
  options: SequenceOptions,
): SequenceResult {
  const { path } = options;
  if (hasDirectText(parent)) {
    return err('unexpected-text', `${path} contains text where only elements are allowed`, path, parent);
  }
  const found = new Map<string, Element[]>();
  const rest: Element[] = [];
  let p = 0;
  for (const el of elementChildren(parent)) {
    if (rest.length > 0) {
      rest.push(el);
      continue;
    }
    const inNs = (el.namespaceURI ?? null) === ns;
    const name = el.localName ?? '';
    if (inNs && options.tolerate?.includes(name)) continue;
    let j = inNs ? indexOfParticle(particles, name, p) : -1;
    if (j < 0) {
      if (!inNs && indexOfParticle(particles, name, p) >= 0) {
        return err(
          'wrong-namespace',
          `${path}/${name} is in ${el.namespaceURI ? `namespace ${el.namespaceURI}` : 'no namespace'}; expected ${ns ? `namespace ${ns}` : 'no namespace'}`,
          `${path}/${name}`,
          el,
        );
      }
      const known = particles.some((x) => x.name === name);
      const missing = firstRequiredMissing(particles, p, particles.length, found);
      if (missing !== undefined && (options.rest || known)) {
        return err(
          'missing-element',
          `${path}: missing element ${missing} (found ${describeElement(el)} instead)`,
          `${path}/${missing}`,
          el,
        );
      }
      if (options.rest) {
        rest.push(el);
        continue;
      }
      const expected = particles
        .slice(p)
        .map((x) => x.name)
        .join(', ');
      return err(
        'unexpected-element',
        known
          ? `${path}: element ${name} is out of order or repeated too often`
          : `${path}: unexpected element ${describeElement(el)}${expected ? ` (expected one of: ${expected})` : ''}`,
        `${path}/${name}`,
        el,
      );
    }
    const missing = firstRequiredMissing(particles, p, j, found);
    if (missing !== undefined) {
      return err('missing-element', `${path}: missing element ${missing} before ${name}`, `${path}/${missing}`, el);
    }
    const particle = particles[j]!;
    const list = found.get(name) ?? [];
    if (list.length >= (particle.max ?? 1)) {
      // Either the next particle has the same name, or this one is repeated too often.
      j = indexOfParticle(particles, name, j + 1);
      if (j < 0) {
        return err(
          'unexpected-element',
          `${path}: element ${name} occurs more than ${particle.max ?? 1} time(s)`,
          `${path}/${name}`,
          el,
        );
      }
    }
    list.push(el);
    found.set(name, list);
    p = j;
  }
  const missing = firstRequiredMissing(particles, p, particles.length, found);
  if (missing !== undefined) {
    return err('missing-element', `${path}: missing element ${missing}`, `${path}/${missing}`, parent);
  }
  return { ok: true, found, rest };
}

function indexOfParticle(particles: readonly Particle[], name: string, from: number): number {
  for (let i = from; i < particles.length; i++) if (particles[i]!.name === name) return i;
  return -1;
}

function firstRequiredMissing(
  particles: readonly Particle[],
  from: number,
  to: number,
  found: Map<string, Element[]>,
): string | undefined {
  for (let i = from; i < to; i++) {
    const x = particles[i]!;
    if ((found.get(x.name)?.length ?? 0) < (x.min ?? 1)) return x.name;
  }
  return undefined;
}

function err(kind: StructureErrorKind, message: string, path: string, at: Element): SequenceResult {
  const error: StructureError = { kind, message, path };
  if (at.lineNumber) error.line = at.lineNumber;
  if (at.columnNumber) error.column = at.columnNumber;
  if (error.line !== undefined) error.message += ` (line ${error.line}, column ${error.column ?? '?'})`;
  return { ok: false, error };
}
