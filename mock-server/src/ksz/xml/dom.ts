import type { Element, Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

/**
 * A namespace URI to match: a string, or `null` for elements in no namespace (the children of CommonV3-style
 * messages, whose schemas use `elementFormDefault="unqualified"`).
 */
export type Ns = string | null;

/** True when `node` is an element (xmldom has no `instanceof`-friendly globals under Node). */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

/**
 * Element children of `parent`, in document order, whatever their namespace.
 *
 * @example
 * elementChildren(doc.documentElement!).map((e) => e.localName);
 */
export function elementChildren(parent: Node): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n)) out.push(n);
  }
  return out;
}

/**
 * Element children of `parent` in namespace `ns`, optionally with the given local name. Prefixes never matter.
 *
 * @example
 * children(serviceRequestsParent, SSDN_SERVICE_NS, 'ServiceRequest');
 */
export function children(parent: Node, ns: Ns, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && sameNs(n.namespaceURI, ns) && (localName === undefined || n.localName === localName)) {
      out.push(n);
    }
  }
  return out;
}

/**
 * The first element child of `parent` with namespace `ns` and local name `localName`, or undefined.
 *
 * @example
 * const user = child(context, SSDN_SERVICE_NS, 'AuthorizedUser');
 */
export function child(parent: Node, ns: Ns, localName: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && n.localName === localName && sameNs(n.namespaceURI, ns)) return n;
  }
  return undefined;
}

/**
 * Text content of `el` (text and CDATA of all descendants), trimmed: almost every KSZ simple type collapses
 * whitespace, and pretty-printed requests put line breaks around values.
 *
 * @example
 * text(child(user, SSDN_SERVICE_NS, 'UserID')!); // '00123456789'
 */
export function text(el: Node | undefined): string {
  return (el?.textContent ?? '').trim();
}

/** True when `el` has a non-whitespace text or CDATA node as a direct child (mixed content where none belongs). */
export function hasDirectText(el: Node): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/** `{namespace}localName` (or just `localName` in no namespace): how error messages name an element. */
export function describeElement(el: Element): string {
  return el.namespaceURI ? `{${el.namespaceURI}}${el.localName}` : `${el.localName} (no namespace)`;
}

function sameNs(actual: string | null | undefined, expected: Ns): boolean {
  return (actual ?? null) === (expected === '' ? null : expected);
}
