import { SOAP11_CONTENT_TYPE, type SoapHttpResponse, soap11Envelope } from '../xml/soap.ts';
import { XmlWriter } from '../xml/writer.ts';
import {
  clip,
  type SoaInformation,
  type SoaInformationCbss,
  writeInformation,
  writeInformationCbss,
  writeInformationCustomer,
} from './common-writer.ts';
import type { SoaOperation } from './namespaces.ts';
import type { SoaInformationCustomer } from './parse-request.ts';
import { type SoaStatusValue, soaStatusRow } from './status-codes.ts';

/** CommonV3 StatusType. */
export interface SoaStatus {
  value: SoaStatusValue;
  code: string;
  description?: string;
  information?: readonly SoaInformation[];
}

export interface SoaResponseInput {
  operation: Pick<SoaOperation, 'ns' | 'response' | 'prefix'>;
  /** Echo of the request's informationCustomer. */
  informationCustomer: SoaInformationCustomer;
  informationCBSS: SoaInformationCbss;
  legalContext: string;
  /**
   * Service content that comes before `status`, already serialised with unqualified elements
   * (RetrieveTIGroups v2: the echoed `searchInformation`).
   */
  beforeStatusXml?: string;
  status: SoaStatus;
  /** Service content after `status` (RetrieveTIGroups v2: `rrn_it_implicit` when data were found). */
  afterStatusXml?: string;
}

/**
 * Builds the SOAP 1.1 response of a CBSS new-style consultation (HTTP 200): the operation's response element with
 * informationCustomer (echoed), informationCBSS, legalContext, the service's content, and status.
 *
 * @example
 * buildSoaResponse({
 *   operation: RETRIEVE_TI_GROUPS_V2,
 *   informationCustomer: request.informationCustomer,
 *   informationCBSS: { ticketCBSS: generateTicketCbss(bytes), timestampReceive: now, timestampReply: now },
 *   legalContext: request.legalContext,
 *   beforeStatusXml: '<searchInformation><ssin>92070624603</ssin><language>nl</language></searchInformation>',
 *   status: soaStatus('MSG00000'),
 * }).status; // 200
 */
export function buildSoaResponse(input: SoaResponseInput): SoapHttpResponse {
  const { operation } = input;
  const qname = `${operation.prefix}:${operation.response}`;
  const w = new XmlWriter();
  w.open(qname, { [`xmlns:${operation.prefix}`]: operation.ns });
  writeInformationCustomer(w, input.informationCustomer);
  writeInformationCbss(w, input.informationCBSS);
  w.leaf('legalContext', input.legalContext);
  if (input.beforeStatusXml !== undefined) w.raw(input.beforeStatusXml);
  w.open('status')
    .leaf('value', input.status.value)
    .leaf('code', input.status.code)
    .optionalLeaf(
      'description',
      input.status.description === undefined ? undefined : clip(input.status.description, 256),
    );
  writeInformation(w, input.status.information);
  w.close();
  if (input.afterStatusXml !== undefined) w.raw(input.afterStatusXml);
  w.close();
  return { status: 200, contentType: SOAP11_CONTENT_TYPE, body: soap11Envelope(w.toString()) };
}

/**
 * The status for a code of the central status table, with its description.
 *
 * @example
 * soaStatus('MSG00012', [{ fieldName: 'ssin', fieldValue: '92070624603' }]);
 * // { value: 'NO_RESULT', code: 'MSG00012', description: 'The SSIN is not sufficiently integrated …', information: [...] }
 */
export function soaStatus(code: string, information?: readonly SoaInformation[]): SoaStatus {
  const row = soaStatusRow(code);
  if (row.value === null || row.value === 'INCOMPLETE_DATA') {
    throw new Error(`${code} cannot be sent as a CommonV3 status (${row.value ?? 'it is a SOAP fault'})`);
  }
  const status: SoaStatus = { value: row.value, code: row.code, description: row.description };
  if (information && information.length > 0) status.information = information;
  return status;
}
