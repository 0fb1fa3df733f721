import { buildSoapFault, type SoapHttpResponse } from '../xml/soap.ts';
import { XmlWriter } from '../xml/writer.ts';
import {
  clip,
  type SoaInformation,
  type SoaInformationCbss,
  writeInformation,
  writeInformationCbss,
  writeInformationCustomer,
} from './common-writer.ts';
import { CBSS_AUTHOR_CODE, type SoaOperation } from './namespaces.ts';
import type { SoaInformationCustomer, SoaRequestError } from './parse-request.ts';

/** One `detail` (CommonV3 MessageType) of a CBSS fault. */
export interface CbssFaultDetail {
  severity: 'INFORMATION' | 'WARNING' | 'FATAL';
  /** At most 16 characters, e.g. MSG00003. */
  reasonCode: string;
  diagnostic: string;
  /** Defaults to the CBSS author code seen in real faults. */
  authorCode?: string;
  information?: readonly SoaInformation[];
}

export interface CbssFaultInput {
  operation: Pick<SoaOperation, 'ns' | 'fault' | 'prefix'>;
  /** `Server` (default) for the CBSS's own failures such as MSG00003; `Client` when the request was at fault. */
  faultcode?: 'Client' | 'Server';
  /** Defaults to the text of the recorded real fault. */
  faultstring?: string;
  /** Echo of the request's informationCustomer, when it could be read. */
  informationCustomer?: SoaInformationCustomer;
  informationCBSS: SoaInformationCbss;
  /** One to 30 details. */
  details: readonly CbssFaultDetail[];
}

/** faultstring of the recorded real CBSS fault. */
export const CBSS_FAULT_STRING = 'An error occurred while servicing your request.';

/**
 * Builds a CBSS SOAP 1.1 fault (HTTP 500): `soapenv:Server`/`Client`, and in `detail` the operation's fault element
 * (CommonV3 CBSSFaultType: informationCustomer?, informationCBSS, detail+).
 *
 * @example
 * buildCbssFault({
 *   operation: RETRIEVE_TI_GROUPS_V2,
 *   informationCustomer: request.informationCustomer,
 *   informationCBSS: { ticketCBSS, timestampReceive: now, timestampReply: now },
 *   details: [{ severity: 'FATAL', reasonCode: 'MSG00003', diagnostic: 'Unexpected internal error occurred' }],
 * }).status; // 500
 */
export function buildCbssFault(input: CbssFaultInput): SoapHttpResponse {
  const { operation, details } = input;
  if (details.length < 1 || details.length > 30) {
    throw new Error(`A CBSS fault holds 1 to 30 details, got ${details.length}`);
  }
  const qname = `${operation.prefix}:${operation.fault}`;
  const w = new XmlWriter();
  w.open(qname, { [`xmlns:${operation.prefix}`]: operation.ns });
  if (input.informationCustomer) writeInformationCustomer(w, input.informationCustomer);
  writeInformationCbss(w, input.informationCBSS);
  for (const d of details) {
    if (d.reasonCode.length > 16) throw new Error(`reasonCode is at most 16 characters: ${d.reasonCode}`);
    w.open('detail')
      .leaf('severity', d.severity)
      .leaf('reasonCode', d.reasonCode)
      .leaf('diagnostic', clip(d.diagnostic, 256))
      .leaf('authorCode', clip(d.authorCode ?? CBSS_AUTHOR_CODE, 64));
    writeInformation(w, d.information);
    w.close();
  }
  w.close();
  return buildSoapFault({
    code: input.faultcode ?? 'Server',
    message: input.faultstring ?? CBSS_FAULT_STRING,
    detailXml: w.toString(),
  });
}

/**
 * The answer to a request {@link parseSoaRequest} refused: a bare SOAP `Client` fault without CBSS detail
 * (VersionMismatch for SOAP 1.2), which is what the real CBSS returned to a request that did not match its schema
 * (a June 2019 exchange recorded in a public developer blog), here with a message that says what was wrong.
 *
 * @example
 * const r = parseSoaRequest(body, { ns, element });
 * if (!r.ok) return faultForSoaRequestError(r.error);
 */
export function faultForSoaRequestError(error: Pick<SoaRequestError, 'kind' | 'message'>): SoapHttpResponse {
  return buildSoapFault({ code: error.kind === 'soap-version' ? 'VersionMismatch' : 'Client', message: error.message });
}
