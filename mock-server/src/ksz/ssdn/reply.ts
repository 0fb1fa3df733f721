import { XmlWriter } from '../xml/writer.ts';
import { SSDN_RETURN_CODE, type SsdnReturnCode, type SsdnSeverity, ssdnCode } from './codes.ts';
import { SSDN_COMMON_NS, SSDN_REPLY_CONTEXT_PREFIX, SSDN_SERVICE_NS, SSDN_SERVICE_REPLY_PREFIX } from './namespaces.ts';
import type { SsdnAuthorizedUser } from './parse-send-xml.ts';
import { isSsdnTicket } from './ticket.ts';
import { formatSsdnTimestamp, SSDN_TIME_ZONE } from './timestamp.ts';

/** `Information` of a Detail: which field caused the message, and its value. */
export interface SsdnInformation {
  fieldName?: string;
  fieldValue?: string;
}

/** One `Detail` of a ResultSummary (at most 30 per summary, at most 5 Information each). */
export interface SsdnDetail {
  severity: SsdnSeverity;
  reasonCode?: string;
  diagnostic?: string;
  /** Defaults to `CBSS`, the value in every recorded reply. */
  authorCodeList?: string;
  information?: readonly SsdnInformation[];
}

/** A ResultSummary; the `ok` attribute is derived from the return code (0 YES, 1 WARNING, 10000 NO). */
export interface SsdnResultSummary {
  returnCode: SsdnReturnCode;
  details?: readonly SsdnDetail[];
}

export interface SsdnServiceReply {
  resultSummary: SsdnResultSummary;
  serviceId: string;
  version: string;
  /**
   * The service reply element, already serialised, e.g. `<ns3:IdentifyPersonReply xmlns:ns3="…">…</ns3:IdentifyPersonReply>`.
   * Use the prefix `ns3` (SSDN_PAYLOAD_PREFIX) like the real service. Omitted for error replies.
   */
  payloadXml?: string;
}

export interface SsdnReplyInput {
  resultSummary: SsdnResultSummary;
  /** Echo of the request's AuthorizedUser; left out of the reply when absent or without Email (see below). */
  authorizedUser?: SsdnAuthorizedUser;
  message: {
    reference?: string;
    /** 15 upper-case alphanumerics, from the caller's seeded ticket source. */
    ticket: string;
    /** The request's TimeRequest, echoed as sent. */
    timeRequest?: string;
    timeReceive: Date;
    timeResponse: Date;
  };
  serviceReplies?: readonly SsdnServiceReply[];
  /** Time zone of TimeReceive/TimeResponse; default Belgian time like the real service. */
  timeZone?: string;
}

const OK_ATTRIBUTE: Record<SsdnReturnCode, 'YES' | 'WARNING' | 'NO'> = { 0: 'YES', 1: 'WARNING', 10000: 'NO' };

/**
 * Builds an SSDNReply document (a string, not yet wrapped in SOAP) in the shape of the real replies: default
 * namespace SSDN/Service, `ns1:ResultSummary` in ReplyContext, `ns2:ResultSummary` in each ServiceReply, the payload
 * as given (prefix `ns3` by convention).
 *
 * The KSZ schema requires Email inside an echoed AuthorizedUser but makes AuthorizedUser itself optional, so a user
 * read from a request without Email is not echoed at all: the reply stays valid against the KSZ schemas.
 *
 * @example
 * buildSsdnReply({
 *   resultSummary: { returnCode: 0 },
 *   authorizedUser: request.authorizedUser,
 *   message: { reference: 'REF-1', ticket: 'ABCDEFGHIJ12345', timeRequest: '20250630T101500',
 *              timeReceive: now, timeResponse: now },
 *   serviceReplies: [{ resultSummary: { returnCode: 0 }, serviceId: 'OCMWCPASIdentifyPerson', version: '20050930',
 *                      payloadXml: '<ns3:IdentifyPersonReply xmlns:ns3="…"/>' }],
 * });
 */
export function buildSsdnReply(input: SsdnReplyInput): string {
  const { message } = input;
  if (!isSsdnTicket(message.ticket)) {
    throw new Error(`SSDN ticket must be 15 upper-case alphanumerics, got "${message.ticket}"`);
  }
  const tz = input.timeZone ?? SSDN_TIME_ZONE;
  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
  w.open('SSDNReply', { xmlns: SSDN_SERVICE_NS });
  w.open('ReplyContext');
  writeResultSummary(w, SSDN_REPLY_CONTEXT_PREFIX, input.resultSummary);
  const user = input.authorizedUser;
  if (user?.email !== undefined) {
    w.open('AuthorizedUser')
      .leaf('UserID', user.userId)
      .leaf('Email', user.email)
      .leaf('OrgUnit', user.orgUnit)
      .leaf('MatrixID', user.matrixId)
      .leaf('MatrixSubID', user.matrixSubId)
      .close();
  }
  w.open('Message')
    .optionalLeaf('Reference', message.reference)
    .leaf('Ticket', message.ticket)
    .optionalLeaf('TimeRequest', message.timeRequest)
    .leaf('TimeReceive', formatSsdnTimestamp(message.timeReceive, tz))
    .leaf('TimeResponse', formatSsdnTimestamp(message.timeResponse, tz))
    .close();
  w.close(); // ReplyContext
  for (const reply of input.serviceReplies ?? []) {
    w.open('ServiceReply');
    writeResultSummary(w, SSDN_SERVICE_REPLY_PREFIX, reply.resultSummary);
    w.leaf('ServiceId', reply.serviceId).leaf('Version', reply.version);
    if (reply.payloadXml !== undefined) w.raw(reply.payloadXml);
    w.close();
  }
  w.close(); // SSDNReply
  return w.toString();
}

function writeResultSummary(w: XmlWriter, prefix: string, summary: SsdnResultSummary): void {
  const details = summary.details ?? [];
  if (details.length > 30) throw new Error(`An SSDN ResultSummary holds at most 30 Details, got ${details.length}`);
  const p = `${prefix}:`;
  w.open(`${p}ResultSummary`, { [`xmlns:${prefix}`]: SSDN_COMMON_NS, ok: OK_ATTRIBUTE[summary.returnCode] });
  w.leaf(`${p}ReturnCode`, summary.returnCode);
  for (const d of details) {
    const information = d.information ?? [];
    if (information.length > 5)
      throw new Error(`An SSDN Detail holds at most 5 Information, got ${information.length}`);
    w.open(`${p}Detail`)
      .leaf(`${p}Severity`, d.severity)
      .optionalLeaf(`${p}ReasonCode`, d.reasonCode)
      .optionalLeaf(`${p}Diagnostic`, d.diagnostic)
      .leaf(`${p}AuthorCodeList`, d.authorCodeList ?? 'CBSS');
    for (const info of information) {
      w.open(`${p}Information`)
        .optionalLeaf(`${p}FieldName`, info.fieldName)
        .optionalLeaf(`${p}FieldValue`, info.fieldValue)
        .close();
    }
    w.close();
  }
  w.close();
}

/**
 * A Detail for a code of the SSDN code table, with its Diagnostic wording.
 *
 * @example
 * ssdnDetail('31000007', [{ fieldName: 'Phonetic Criteria: Last Name' }]);
 */
export function ssdnDetail(code: string, information?: readonly SsdnInformation[]): SsdnDetail {
  const row = ssdnCode(code);
  const detail: SsdnDetail = { severity: row.severity, reasonCode: row.code, diagnostic: row.diagnostic };
  if (information && information.length > 0) detail.information = information;
  return detail;
}

/**
 * The ReplyContext ResultSummary that the real service derives from its service replies: any error gives
 * ReturnCode 10000 with reason 30000001, else any warning gives 1 with 20000001, else 0 without Detail.
 *
 * @example
 * summarizeServiceReplies([{ resultSummary: { returnCode: 1 }, serviceId: 'X', version: '20050930' }]);
 * // { returnCode: 1, details: [{ severity: 'WARNING', reasonCode: '20000001', ... }] }
 */
export function summarizeServiceReplies(replies: readonly SsdnServiceReply[]): SsdnResultSummary {
  if (replies.some((r) => r.resultSummary.returnCode === SSDN_RETURN_CODE.ERROR)) {
    return { returnCode: SSDN_RETURN_CODE.ERROR, details: [ssdnDetail('30000001')] };
  }
  if (replies.some((r) => r.resultSummary.returnCode === SSDN_RETURN_CODE.WARNING)) {
    return { returnCode: SSDN_RETURN_CODE.WARNING, details: [ssdnDetail('20000001')] };
  }
  return { returnCode: SSDN_RETURN_CODE.OK };
}
