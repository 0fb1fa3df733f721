import type { Element } from '@xmldom/xmldom';
import { describeElement, text } from '../xml/dom.ts';
import { MAX_XML_BYTES } from '../xml/parse.ts';
import { readSequence, type StructureErrorKind } from '../xml/sequence.ts';
import { parseSoap11Envelope, type SoapEnvelopeErrorKind } from '../xml/soap.ts';
import { isXsdDateTime } from './datetime.ts';

/** CommonV3 OrganizationIdentificationType: a KBO/BCE number, or sector + institution. */
export interface SoaCustomerIdentification {
  cbeNumber?: string;
  sector?: number;
  institution?: number;
}

/** CommonV3 InformationCustomerType, as sent (echoed unchanged in the response and in faults). */
export interface SoaInformationCustomer {
  ticket?: string;
  /** xsd:dateTime as sent. */
  timestampSent?: string;
  customerIdentification: SoaCustomerIdentification;
}

export interface SoaRequest {
  informationCustomer: SoaInformationCustomer;
  legalContext: string;
  /** The operation element (e.g. `retrieveTIGroupsRequest`), for reading its service-specific content. */
  request: Element;
  /** Element children after `legalContext` (e.g. `searchInformation`): the service-specific part. */
  body: Element[];
  /** SOAP Header entries, ignored by the KSZ services (they authenticate with HTTP Basic). */
  headers: Element[];
}

export type SoaRequestErrorKind = SoapEnvelopeErrorKind | StructureErrorKind | 'wrong-operation' | 'invalid-value';

/**
 * Why a new-style request could not be read. `layer: 'soap'`: the envelope or operation was wrong (answer with a
 * plain SOAP Client fault); `layer: 'request'`: the operation element's common part was invalid (the flow may
 * answer with a CBSS fault or a validation status, echoing `partial.informationCustomer` when it was readable).
 */
export interface SoaRequestError {
  layer: 'soap' | 'request';
  kind: SoaRequestErrorKind;
  message: string;
  path?: string;
  value?: string;
  line?: number;
  column?: number;
  partial?: { informationCustomer?: SoaInformationCustomer };
}

export type ParseSoaRequestResult = { ok: true; request: SoaRequest } | { ok: false; error: SoaRequestError };

type Failure = { ok: false; error: SoaRequestError };

/**
 * Reads a document/literal SOAP 1.1 request of a CBSS new-style service: checks that the Body holds
 * `{expected.ns}expected.element`, then reads the CommonV3 base request (informationCustomer, optional
 * informationCBSS, legalContext; children unqualified) and returns the rest for the flow. Give the raw HTTP body as
 * bytes so that invalid UTF-8 is refused.
 *
 * @example
 * const r = parseSoaRequest(body, { ns: RETRIEVE_TI_GROUPS_V2.ns, element: RETRIEVE_TI_GROUPS_V2.request });
 * if (r.ok) r.request.legalContext; // 'PCSA:SOCIAL_INQUIRY'
 */
export function parseSoaRequest(
  body: string | Uint8Array,
  expected: { ns: string; element: string },
  maxBytes: number = MAX_XML_BYTES,
): ParseSoaRequestResult {
  const soap = parseSoap11Envelope(body, maxBytes);
  if (!soap.ok) return { ok: false, error: { layer: 'soap', ...soap.error } };
  const op = soap.envelope.payload;
  if (op.localName !== expected.element || op.namespaceURI !== expected.ns) {
    return fail(
      'soap',
      'wrong-operation',
      `SOAP Body holds ${describeElement(op)}; this endpoint expects {${expected.ns}}${expected.element}`,
      undefined,
      op,
    );
  }
  const path = expected.element;
  const seq = readSequence(
    op,
    null,
    [{ name: 'informationCustomer' }, { name: 'informationCBSS', min: 0 }, { name: 'legalContext' }],
    { path, rest: true },
  );
  if (!seq.ok) return { ok: false, error: { layer: 'request', ...seq.error } };
  const customer = readInformationCustomer(seq.found.get('informationCustomer')![0]!, `${path}/informationCustomer`);
  if (!customer.ok) return customer;
  const legalEl = seq.found.get('legalContext')![0]!;
  const legalContext = text(legalEl);
  if (legalContext.length > 64) {
    const f = fail(
      'request',
      'invalid-value',
      'legalContext is longer than 64 characters',
      `${path}/legalContext`,
      legalEl,
    );
    f.error.value = legalContext;
    f.error.partial = { informationCustomer: customer.value };
    return f;
  }
  return {
    ok: true,
    request: {
      informationCustomer: customer.value,
      legalContext,
      request: op,
      body: seq.rest,
      headers: soap.envelope.headers,
    },
  };
}

function readInformationCustomer(el: Element, path: string): { ok: true; value: SoaInformationCustomer } | Failure {
  const seq = readSequence(
    el,
    null,
    [{ name: 'ticket', min: 0 }, { name: 'timestampSent', min: 0 }, { name: 'customerIdentification' }],
    { path },
  );
  if (!seq.ok) return { ok: false, error: { layer: 'request', ...seq.error } };
  const value: SoaInformationCustomer = { customerIdentification: {} };
  const ticketEl = seq.found.get('ticket')?.[0];
  if (ticketEl) {
    const ticket = text(ticketEl);
    if (ticket.length > 36) return invalid(`${path}/ticket`, ticket, 'ticket is longer than 36 characters', ticketEl);
    value.ticket = ticket;
  }
  const sentEl = seq.found.get('timestampSent')?.[0];
  if (sentEl) {
    const sent = text(sentEl);
    if (!isXsdDateTime(sent))
      return invalid(`${path}/timestampSent`, sent, 'timestampSent is not an xsd:dateTime', sentEl);
    value.timestampSent = sent;
  }
  const idPath = `${path}/customerIdentification`;
  const idEl = seq.found.get('customerIdentification')![0]!;
  const id = readSequence(
    idEl,
    null,
    [
      { name: 'cbeNumber', min: 0 },
      { name: 'sector', min: 0 },
      { name: 'institution', min: 0 },
    ],
    { path: idPath },
  );
  if (!id.ok) return { ok: false, error: { layer: 'request', ...id.error } };
  const cbeEl = id.found.get('cbeNumber')?.[0];
  const sectorEl = id.found.get('sector')?.[0];
  const institutionEl = id.found.get('institution')?.[0];
  // The schema's choice: either cbeNumber alone, or sector and institution together.
  if (cbeEl && !sectorEl && !institutionEl) {
    const cbe = text(cbeEl);
    if (!/^[0-9]{10}$/.test(cbe)) return invalid(`${idPath}/cbeNumber`, cbe, 'cbeNumber must be 10 digits', cbeEl);
    value.customerIdentification.cbeNumber = cbe;
  } else if (!cbeEl && sectorEl && institutionEl) {
    for (const [name, el] of [
      ['sector', sectorEl],
      ['institution', institutionEl],
    ] as const) {
      const raw = text(el);
      if (!/^[0-9]{1,3}$/.test(raw))
        return invalid(`${idPath}/${name}`, raw, `${name} must be a number from 0 to 999`, el);
      value.customerIdentification[name] = Number(raw);
    }
  } else {
    return fail(
      'request',
      'missing-element',
      'customerIdentification needs either cbeNumber, or sector and institution',
      idPath,
      idEl,
    );
  }
  return { ok: true, value };
}

function fail(
  layer: SoaRequestError['layer'],
  kind: SoaRequestErrorKind,
  message: string,
  path: string | undefined,
  at: Element,
): Failure {
  const error: SoaRequestError = { layer, kind, message: path ? `${path}: ${message}` : message };
  if (path !== undefined) error.path = path;
  if (at.lineNumber) {
    error.line = at.lineNumber;
    if (at.columnNumber) error.column = at.columnNumber;
    error.message += ` (line ${error.line}, column ${error.column ?? '?'})`;
  }
  return { ok: false, error };
}

function invalid(path: string, value: string, message: string, at: Element): Failure {
  const f = fail('request', 'invalid-value', message, path, at);
  f.error.value = value;
  return f;
}
