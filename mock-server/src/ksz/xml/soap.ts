import type { Document, Element } from '@xmldom/xmldom';
import { child, describeElement, elementChildren, hasDirectText } from './dom.ts';
import { MAX_XML_BYTES, parseXmlBytesSafely, parseXmlSafely, type XmlErrorKind } from './parse.ts';
import { XML_DECLARATION, XmlWriter } from './writer.ts';

/** SOAP 1.1 envelope namespace: the only SOAP version the KSZ services (and their WSDLs) speak. */
export const SOAP11_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** SOAP 1.2 envelope namespace, recognised only to answer with a precise VersionMismatch fault. */
export const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** Content type of SOAP 1.1 messages (SOAP 1.1 §6.1.1). */
export const SOAP11_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** An HTTP answer carrying a SOAP envelope: what the server writes back as is. */
export interface SoapHttpResponse {
  /** 200 for a reply, 500 for any SOAP Fault (SOAP 1.1 §6.2). */
  status: 200 | 500;
  contentType: string;
  body: string;
}

export type SoapEnvelopeErrorKind =
  | XmlErrorKind
  | 'not-soap'
  | 'soap-version'
  | 'no-body'
  | 'empty-body'
  | 'extra-body';

export interface SoapEnvelopeError {
  kind: SoapEnvelopeErrorKind;
  message: string;
  line?: number;
  column?: number;
}

export interface SoapEnvelope {
  doc: Document;
  /** Element children of `Header` (ignored by the KSZ services, kept for callers who care). */
  headers: Element[];
  /** The single element child of `Body`: the document/literal payload. */
  payload: Element;
}

export type SoapEnvelopeResult = { ok: true; envelope: SoapEnvelope } | { ok: false; error: SoapEnvelopeError };

/**
 * Parses a SOAP 1.1 request safely (see `parseXmlSafely`) and returns the one element inside `Body`.
 * Pass the raw HTTP body as bytes to have it checked as strict UTF-8 first (what the server should do).
 * A SOAP 1.2 envelope is named as such so the caller can answer with a VersionMismatch fault.
 *
 * @example
 * const r = parseSoap11Envelope('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x/></s:Body></s:Envelope>');
 * if (r.ok) r.envelope.payload.localName; // 'x'
 */
export function parseSoap11Envelope(input: string | Uint8Array, maxBytes: number = MAX_XML_BYTES): SoapEnvelopeResult {
  const parsed = typeof input === 'string' ? parseXmlSafely(input, maxBytes) : parseXmlBytesSafely(input, maxBytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const doc = parsed.doc;
  const root = doc.documentElement!;
  if (root.localName !== 'Envelope' || root.namespaceURI !== SOAP11_ENV_NS) {
    if (root.localName === 'Envelope' && root.namespaceURI === SOAP12_ENV_NS) {
      return fail(
        'soap-version',
        `SOAP 1.2 envelope (${SOAP12_ENV_NS}); this service speaks SOAP 1.1 (${SOAP11_ENV_NS})`,
      );
    }
    return fail('not-soap', `Root element is ${describeElement(root)}; expected {${SOAP11_ENV_NS}}Envelope`, root);
  }
  const body = child(root, SOAP11_ENV_NS, 'Body');
  if (!body) return fail('no-body', 'SOAP Envelope has no Body', root);
  const header = child(root, SOAP11_ENV_NS, 'Header');
  const items = elementChildren(body);
  const payload = items[0];
  if (!payload || hasDirectText(body)) {
    return fail(payload ? 'not-soap' : 'empty-body', payload ? 'SOAP Body contains text' : 'SOAP Body is empty', body);
  }
  if (items.length > 1) {
    return fail('extra-body', `SOAP Body holds ${items.length} elements; expected exactly one`, items[1]!);
  }
  return { ok: true, envelope: { doc, headers: header ? elementChildren(header) : [], payload } };
}

function fail(kind: SoapEnvelopeErrorKind, message: string, at?: Element): SoapEnvelopeResult {
  const error: SoapEnvelopeError = { kind, message };
  if (at?.lineNumber) {
    error.line = at.lineNumber;
    if (at.columnNumber) error.column = at.columnNumber;
    error.message += ` (line ${error.line}, column ${error.column ?? '?'})`;
  }
  return { ok: false, error };
}

/**
 * Wraps serialised body content in a SOAP 1.1 envelope with prefix `soapenv` (the prefix of the real CBSS replies).
 *
 * @example
 * soap11Envelope('<x xmlns="urn:x"/>'); // '<?xml ...?><soapenv:Envelope ...><soapenv:Body><x xmlns="urn:x"/></soapenv:Body></soapenv:Envelope>'
 */
export function soap11Envelope(bodyXml: string): string {
  return (
    XML_DECLARATION +
    `<soapenv:Envelope xmlns:soapenv="${SOAP11_ENV_NS}"><soapenv:Body>` +
    bodyXml +
    '</soapenv:Body></soapenv:Envelope>'
  );
}

/** SOAP 1.1 fault codes (§4.4.1) that a mock can sensibly send. */
export type SoapFaultCode = 'VersionMismatch' | 'MustUnderstand' | 'Client' | 'Server';

export interface SoapFaultInput {
  /** `Client`: the message was wrong and resending it unchanged will fail again; `Server`: our side failed. */
  code: SoapFaultCode;
  /** Human-readable explanation (`faultstring`). */
  message: string;
  /** Already-serialised content of `detail` (application-specific fault element), if any. */
  detailXml?: string;
}

/**
 * Builds a SOAP 1.1 Fault response (HTTP 500, as SOAP 1.1 requires for faults).
 *
 * @example
 * const r = buildSoapFault({ code: 'Client', message: 'SOAP Body is empty' });
 * r.status; // 500
 */
export function buildSoapFault(input: SoapFaultInput): SoapHttpResponse {
  const w = new XmlWriter();
  w.open('soapenv:Fault').leaf('faultcode', `soapenv:${input.code}`).leaf('faultstring', input.message);
  if (input.detailXml !== undefined) w.open('detail').raw(input.detailXml).close();
  w.close();
  return { status: 500, contentType: SOAP11_CONTENT_TYPE, body: soap11Envelope(w.toString()) };
}

/**
 * The fault to answer a request whose envelope could not be read: VersionMismatch for SOAP 1.2, Client otherwise
 * (every envelope error is the sender's).
 *
 * @example
 * faultForEnvelopeError({ kind: 'empty-body', message: 'SOAP Body is empty' }).status; // 500
 */
export function faultForEnvelopeError(error: SoapEnvelopeError): SoapHttpResponse {
  return buildSoapFault({ code: error.kind === 'soap-version' ? 'VersionMismatch' : 'Client', message: error.message });
}
