import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Element, Node } from '@xmldom/xmldom';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe } from 'vitest';

/** Debian's xmllint (libxml2-utils); `XMLLINT` overrides the path. */
export const XMLLINT = process.env.XMLLINT ?? '/usr/bin/xmllint';
const SOAP11_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const WSC_NS = 'http://ksz-bcss.fgov.be/connectors/WebServiceConnector';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface ValidationResult {
  valid: boolean;
  /** xmllint's messages, one per line, without its final "validates / fails to validate" summary. */
  errors: string[];
}

export function xmllintAvailable(): boolean {
  return existsSync(XMLLINT);
}

/**
 * Validates `xml` against the schema file at `schemaPath` with xmllint, network disabled (every import must
 * resolve to a local file).
 *
 * @example
 * xmllintValidate('/tmp/wrapper.xsd', '<a xmlns="urn:x"/>'); // { valid: false, errors: ['-:1: element a: ...'] }
 */
export function xmllintValidate(schemaPath: string, xml: string): ValidationResult {
  const r = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', schemaPath, '-'], {
    input: xml,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const errors = r.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/ validates$/.test(l) && !/ fails to validate$/.test(l));
  return { valid: r.status === 0 && errors.length === 0, errors };
}

/**
 * Compiles a schema (XSD file) without validating anything, to prove it is a correct schema. xmllint compiles the
 * schema before reading the instance, so an instance that is not valid but well-formed isolates compile errors.
 *
 * @example
 * compileSchema('/work/main/mock-server/src/ksz/contracts/files/CommonV3.xsd'); // { valid: true, errors: [] }
 */
export function compileSchema(schemaPath: string): ValidationResult {
  const r = xmllintValidate(schemaPath, '<compile-check-only xmlns="urn:ksz-sandbox:none"/>');
  const compileErrors = r.errors.filter((l) => !l.startsWith('-:'));
  return { valid: compileErrors.length === 0, errors: compileErrors };
}

/** What to validate in a message: the SSDN document, the SOAP body element, or the fault's detail element. */
export type PayloadPick = 'ssdn' | 'soap-body' | 'fault-detail';

/**
 * Extracts the part of a message that a schema describes, and serialises it with every namespace declaration in
 * scope copied onto it (so QName values keep their prefixes):
 * - `ssdn`: the SSDN document; if `xml` is a `sendXML` SOAP envelope, the text of its xmlString;
 * - `soap-body`: the element inside the SOAP Body (or the document itself when it is no envelope);
 * - `fault-detail`: the element inside `Fault/detail`.
 *
 * @example
 * pickPayload(wrapSendXmlResponse(reply).body, 'ssdn'); // the SSDNReply text
 */
export function pickPayload(xml: string, pick: PayloadPick): string {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) throw new Error('pickPayload: no root element');
  const isEnvelope = root.localName === 'Envelope' && root.namespaceURI === SOAP11_ENV_NS;
  if (!isEnvelope) return xml;
  const body = firstChild(root, SOAP11_ENV_NS, 'Body');
  const inBody = body && firstElement(body);
  if (!inBody) throw new Error('pickPayload: empty SOAP Body');
  if (pick === 'ssdn') {
    if (inBody.localName !== 'xmlString' || inBody.namespaceURI !== WSC_NS)
      throw new Error('pickPayload: no xmlString');
    return (inBody.textContent ?? '').trim();
  }
  if (pick === 'soap-body') return serialiseWithScope(inBody);
  if (inBody.localName !== 'Fault') throw new Error('pickPayload: SOAP Body holds no Fault');
  const detail = firstChild(inBody, null, 'detail');
  const element = detail && firstElement(detail);
  if (!element) throw new Error('pickPayload: Fault has no detail element');
  return serialiseWithScope(element);
}

function firstElement(parent: Node): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return undefined;
}

function firstChild(parent: Node, ns: string | null, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && ((n as Element).namespaceURI ?? null) === ns) {
      return n as Element;
    }
  }
  return undefined;
}

/** Serialises `el` with every namespace declaration in scope copied onto it. */
export function serialiseWithScope(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (let a = el.parentNode; a && a.nodeType === 1; a = a.parentNode) {
    const attrs = (a as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs.item(i);
      if (!attr || (attr.name !== 'xmlns' && !attr.name.startsWith('xmlns:'))) continue;
      if (!clone.hasAttribute(attr.name)) clone.setAttributeNS(XMLNS_NS, attr.name, attr.value);
    }
  }
  return new XMLSerializer().serializeToString(clone);
}

/**
 * `describe` for suites that need xmllint: skipped on a machine without it, but run (and so failing loudly) under
 * `CI=true`, where a missing xmllint is a setup error to fix, not a reason to test less.
 *
 * @example
 * describeWithXmllint('our schemas compile', () => { ... });
 */
export function describeWithXmllint(name: string, body: () => void): void {
  if (xmllintAvailable() || process.env.CI === 'true') describe(name, body);
  else describe.skip(`${name} (skipped: xmllint not found at ${XMLLINT})`, body);
}
