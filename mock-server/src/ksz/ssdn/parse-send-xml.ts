import type { Document, Element } from '@xmldom/xmldom';
import { describeElement, elementChildren, text } from '../xml/dom.ts';
import { MAX_XML_BYTES, parseXmlSafely } from '../xml/parse.ts';
import { readSequence, type StructureErrorKind } from '../xml/sequence.ts';
import { parseSoap11Envelope, type SoapEnvelopeErrorKind } from '../xml/soap.ts';
import { SSDN_SERVICE_NS, WSC_NS } from './namespaces.ts';
import { isSsdnTimestamp } from './timestamp.ts';

/** `RequestContext/AuthorizedUser`: who asks (the social worker, the OCMW's KBO number, sector 17 / 1). */
export interface SsdnAuthorizedUser {
  userId: string;
  /** Required by the KSZ schema; accepted when missing (the reply then omits AuthorizedUser, see buildSsdnReply). */
  email?: string;
  orgUnit: string;
  matrixId: number;
  matrixSubId: number;
}

/** `RequestContext/Message`. */
export interface SsdnRequestMessage {
  reference: string;
  /** `yyyyMMddThhmmss`, as sent. */
  timeRequest: string;
  /** Not in the KSZ schema, but sent by at least one PHP CPAS client; accepted and kept. */
  language?: string;
}

/** One `ServiceRequest`: which service, which version, and its payload element (any namespace). */
export interface SsdnServiceRequest {
  serviceId: string;
  version: string;
  payload: Element;
}

export interface SsdnRequest {
  authorizedUser: SsdnAuthorizedUser;
  message: SsdnRequestMessage;
  serviceRequests: SsdnServiceRequest[];
  /** The parsed SSDNRequest document (payload elements belong to it). */
  document: Document;
}

export type SendXmlErrorKind =
  | SoapEnvelopeErrorKind
  | StructureErrorKind
  | 'wrong-operation'
  | 'xmlstring-empty'
  | 'xmlstring-markup'
  | 'wrong-root'
  | 'invalid-value';

/**
 * Why a `sendXML` call could not be read. `layer: 'soap'` means the SOAP envelope itself was unusable (answer with a
 * SOAP Fault); `layer: 'ssdn'` means the envelope was fine but the SSDNRequest inside `xmlString` was not (answer
 * with an SSDN refusal, ReturnCode 10000).
 */
export interface SendXmlError {
  layer: 'soap' | 'ssdn';
  kind: SendXmlErrorKind;
  message: string;
  /** Element path inside the SSDNRequest, when the problem is located there. */
  path?: string;
  /** The offending value, for `invalid-value`. */
  value?: string;
  line?: number;
  column?: number;
  /** Context read before the error, so a refusal can still echo it. */
  partial?: { authorizedUser?: SsdnAuthorizedUser; message?: SsdnRequestMessage };
}

export type ParseSendXmlResult = { ok: true; request: SsdnRequest } | { ok: false; error: SendXmlError };

/**
 * Reads a SOAP 1.1 `sendXML` call of the KSZ WebServiceConnector: takes the text of the Body's `xmlString`
 * (escaped text or CDATA, any prefix), parses it safely and reads it as an SSDNRequest. Give the raw HTTP body as
 * bytes so that invalid UTF-8 is refused rather than silently replaced.
 *
 * Tolerated, because real clients do it: any namespace prefixes, whitespace around the CDATA section, an extra
 * `Language` in `Message`, a missing `Email`. Refused, with a message that names the problem: anything not
 * SOAP 1.1, a Body that is not `xmlString`, an empty `xmlString`, raw (unescaped) markup in `xmlString`, another
 * root or namespace than SSDNRequest, missing or unexpected elements, and values outside their SSDN types.
 *
 * @example
 * const r = parseSendXml(httpBody);
 * if (r.ok) r.request.serviceRequests[0]?.serviceId; // 'OCMWCPASIdentifyPerson'
 * else if (r.error.layer === 'soap') buildSoapFault({ code: 'Client', message: r.error.message });
 */
export function parseSendXml(body: string | Uint8Array, maxBytes: number = MAX_XML_BYTES): ParseSendXmlResult {
  const soap = parseSoap11Envelope(body, maxBytes);
  if (!soap.ok) return { ok: false, error: { layer: 'soap', ...soap.error } };
  const op = soap.envelope.payload;
  if (op.localName !== 'xmlString' || op.namespaceURI !== WSC_NS) {
    return soapError(
      'wrong-operation',
      `SOAP Body holds ${describeElement(op)}; sendXML expects {${WSC_NS}}xmlString`,
      op,
    );
  }
  const markup = elementChildren(op)[0];
  if (markup) {
    return soapError(
      'xmlstring-markup',
      `xmlString contains the element ${describeElement(markup)} as markup; send the SSDNRequest as escaped text or in a CDATA section (xmlString is xsd:string)`,
      markup,
    );
  }
  // Whitespace around a CDATA section is common in hand-built envelopes and is not part of the document.
  const inner = (op.textContent ?? '').trim();
  if (inner === '') {
    // Valid against the WSDL (an empty xsd:string), so the envelope is fine: an SSDN-level refusal.
    return {
      ok: false,
      error: located(
        { layer: 'ssdn', kind: 'xmlstring-empty', message: 'xmlString is empty: it must carry an SSDNRequest' },
        op,
      ),
    };
  }
  const parsed = parseXmlSafely(inner, maxBytes);
  if (!parsed.ok) {
    return { ok: false, error: { layer: 'ssdn', ...parsed.error, message: `In xmlString: ${parsed.error.message}` } };
  }
  return readSsdnRequest(parsed.doc);
}

function soapError(kind: SendXmlErrorKind, message: string, at: Element): ParseSendXmlResult {
  return { ok: false, error: located({ layer: 'soap', kind, message }, at) };
}

/**
 * Reads an already parsed SSDNRequest document (the content of `xmlString`).
 *
 * @example
 * const p = parseXmlSafely(ssdnRequestText);
 * if (p.ok) readSsdnRequest(p.doc);
 */
export function readSsdnRequest(doc: Document): ParseSendXmlResult {
  const root = doc.documentElement!;
  if (root.localName !== 'SSDNRequest' || root.namespaceURI !== SSDN_SERVICE_NS) {
    const kind = root.localName === 'SSDNRequest' ? 'wrong-namespace' : 'wrong-root';
    return structure(
      kind,
      `xmlString holds ${describeElement(root)}; expected {${SSDN_SERVICE_NS}}SSDNRequest`,
      'SSDNRequest',
      root,
    );
  }
  const top = readSequence(
    root,
    SSDN_SERVICE_NS,
    [{ name: 'RequestContext' }, { name: 'ServiceRequest', max: Number.POSITIVE_INFINITY }],
    {
      path: 'SSDNRequest',
    },
  );
  if (!top.ok) return { ok: false, error: { layer: 'ssdn', ...top.error } };

  const contextPath = 'SSDNRequest/RequestContext';
  const context = readSequence(
    top.found.get('RequestContext')![0]!,
    SSDN_SERVICE_NS,
    [{ name: 'AuthorizedUser' }, { name: 'Message' }],
    { path: contextPath },
  );
  if (!context.ok) return { ok: false, error: { layer: 'ssdn', ...context.error } };

  const user = readAuthorizedUser(context.found.get('AuthorizedUser')![0]!, `${contextPath}/AuthorizedUser`);
  if (!user.ok) return user;
  const message = readMessage(context.found.get('Message')![0]!, `${contextPath}/Message`);
  if (!message.ok) return withPartial(message, { authorizedUser: user.value });

  const partial = { authorizedUser: user.value, message: message.value };
  const serviceRequests: SsdnServiceRequest[] = [];
  const requests = top.found.get('ServiceRequest') ?? [];
  for (const [i, el] of requests.entries()) {
    const path = requests.length > 1 ? `SSDNRequest/ServiceRequest[${i + 1}]` : 'SSDNRequest/ServiceRequest';
    const sr = readServiceRequest(el, path);
    if (!sr.ok) return withPartial(sr, partial);
    serviceRequests.push(sr.value);
  }
  return { ok: true, request: { authorizedUser: user.value, message: message.value, serviceRequests, document: doc } };
}

type Failure = { ok: false; error: SendXmlError };
type Read<T> = { ok: true; value: T } | Failure;

function readAuthorizedUser(el: Element, path: string): Read<SsdnAuthorizedUser> {
  const seq = readSequence(
    el,
    SSDN_SERVICE_NS,
    [{ name: 'UserID' }, { name: 'Email', min: 0 }, { name: 'OrgUnit' }, { name: 'MatrixID' }, { name: 'MatrixSubID' }],
    { path },
  );
  if (!seq.ok) return { ok: false, error: { layer: 'ssdn', ...seq.error } };
  const get = (name: string) => seq.found.get(name)?.[0];
  const userId = text(get('UserID'));
  if (!/^[0-9]{11}$/.test(userId)) {
    return invalid(`${path}/UserID`, userId, 'UserID must be an SSIN of exactly 11 digits', get('UserID'));
  }
  const value: SsdnAuthorizedUser = { userId, orgUnit: text(get('OrgUnit')), matrixId: 0, matrixSubId: 0 };
  const emailEl = get('Email');
  if (emailEl) {
    const email = text(emailEl);
    if (email.length > 100 || !/^.+@.+$/.test(email)) {
      return invalid(
        `${path}/Email`,
        email,
        'Email must look like an e-mail address (at most 100 characters)',
        emailEl,
      );
    }
    value.email = email;
  }
  if (value.orgUnit === '')
    return invalid(`${path}/OrgUnit`, '', 'OrgUnit (the KBO/BCE number) is empty', get('OrgUnit'));
  for (const [name, key] of [
    ['MatrixID', 'matrixId'],
    ['MatrixSubID', 'matrixSubId'],
  ] as const) {
    const raw = text(get(name));
    if (!/^[+-]?[0-9]{1,9}$/.test(raw)) return invalid(`${path}/${name}`, raw, `${name} must be an integer`, get(name));
    value[key] = Number(raw);
  }
  return { ok: true, value };
}

function readMessage(el: Element, path: string): Read<SsdnRequestMessage> {
  const seq = readSequence(el, SSDN_SERVICE_NS, [{ name: 'Reference' }, { name: 'TimeRequest' }], {
    path,
    tolerate: ['Language'],
  });
  if (!seq.ok) return { ok: false, error: { layer: 'ssdn', ...seq.error } };
  const reference = text(seq.found.get('Reference')?.[0]);
  const timeEl = seq.found.get('TimeRequest')?.[0];
  const timeRequest = text(timeEl);
  if (!isSsdnTimestamp(timeRequest)) {
    return invalid(`${path}/TimeRequest`, timeRequest, 'TimeRequest must be yyyyMMddThhmmss', timeEl);
  }
  const value: SsdnRequestMessage = { reference, timeRequest };
  const language = elementChildren(el).find((c) => c.localName === 'Language' && c.namespaceURI === SSDN_SERVICE_NS);
  if (language) value.language = text(language);
  return { ok: true, value };
}

function readServiceRequest(el: Element, path: string): Read<SsdnServiceRequest> {
  const seq = readSequence(el, SSDN_SERVICE_NS, [{ name: 'ServiceId' }, { name: 'Version' }], { path, rest: true });
  if (!seq.ok) return { ok: false, error: { layer: 'ssdn', ...seq.error } };
  const serviceId = text(seq.found.get('ServiceId')?.[0]);
  if (serviceId === '') return invalid(`${path}/ServiceId`, '', 'ServiceId is empty', seq.found.get('ServiceId')?.[0]);
  const versionEl = seq.found.get('Version')?.[0];
  const version = text(versionEl);
  if (version.length !== 8) {
    return invalid(`${path}/Version`, version, 'Version must be 8 characters (a date like 20050930)', versionEl);
  }
  const [payload, extra] = seq.rest;
  if (!payload) {
    return {
      ok: false,
      error: {
        layer: 'ssdn',
        kind: 'missing-element',
        message: `${path}: missing the service payload element after Version`,
        path: `${path}/*`,
      },
    };
  }
  if (payload.namespaceURI === SSDN_SERVICE_NS) {
    return structure('unexpected-element', `${path}: the payload must not be in the SSDN namespace`, path, payload);
  }
  if (extra) {
    return structure(
      'unexpected-element',
      `${path}: more than one payload element (${describeElement(extra)})`,
      `${path}/${extra.localName}`,
      extra,
    );
  }
  return { ok: true, value: { serviceId, version, payload } };
}

function structure(kind: SendXmlErrorKind, message: string, path: string, at: Element): Failure {
  return { ok: false, error: located({ layer: 'ssdn', kind, message, path }, at) };
}

function invalid(path: string, value: string, message: string, at: Element | undefined): Failure {
  return {
    ok: false,
    error: located({ layer: 'ssdn', kind: 'invalid-value', message: `${path}: ${message}`, path, value }, at),
  };
}

/** Adds the element's position to the error and its message (positions are within the SSDNRequest text). */
function located(error: SendXmlError, at: Element | undefined): SendXmlError {
  if (at?.lineNumber) {
    error.line = at.lineNumber;
    if (at.columnNumber) error.column = at.columnNumber;
    error.message += ` (line ${error.line}, column ${error.column ?? '?'})`;
  }
  return error;
}

function withPartial(r: Failure, partial: SendXmlError['partial']): Failure {
  return { ok: false, error: { ...r.error, partial } };
}
