import { buildSoapFault, type SoapHttpResponse } from '../xml/soap.ts';
import { SSDN_RETURN_CODE } from './codes.ts';
import { wrapSendXmlResponse } from './envelope.ts';
import type { SendXmlError, SsdnAuthorizedUser, SsdnRequestMessage } from './parse-send-xml.ts';
import { buildSsdnReply, type SsdnInformation, ssdnDetail } from './reply.ts';

/** Error kinds meaning "no XML document could be read from xmlString" (reason 39990001, not 39990002). */
const UNREADABLE: ReadonlySet<SendXmlError['kind']> = new Set([
  'xmlstring-empty',
  'malformed',
  'doctype',
  'encoding',
  'too-large',
]);

export interface SsdnRefusalInput {
  /** Reason code of the SSDN code table (e.g. 39990002) and optional Information naming the field. */
  reasonCode: string;
  /** Overrides the table's Diagnostic with a precise explanation. */
  diagnostic?: string;
  information?: readonly SsdnInformation[];
  ticket: string;
  timeReceive: Date;
  timeResponse: Date;
  /** What could be read of the request, echoed when present. */
  authorizedUser?: SsdnAuthorizedUser;
  message?: SsdnRequestMessage;
  timeZone?: string;
}

/**
 * An SSDNReply that refuses the whole request: ReturnCode 10000 with one Detail naming the reason and no
 * ServiceReply. The client still gets a ticket to quote, as with any SSDN answer.
 *
 * @example
 * buildSsdnRefusal({ reasonCode: '39990002', diagnostic: 'SSDNRequest/RequestContext: missing element Message',
 *   ticket: 'ABCDEFGHIJ12345', timeReceive: now, timeResponse: now });
 */
export function buildSsdnRefusal(input: SsdnRefusalInput): string {
  const detail = ssdnDetail(input.reasonCode, input.information);
  if (input.diagnostic !== undefined) detail.diagnostic = input.diagnostic;
  const message: Parameters<typeof buildSsdnReply>[0]['message'] = {
    ticket: input.ticket,
    timeReceive: input.timeReceive,
    timeResponse: input.timeResponse,
  };
  if (input.message) {
    message.reference = input.message.reference;
    message.timeRequest = input.message.timeRequest;
  }
  const reply: Parameters<typeof buildSsdnReply>[0] = {
    resultSummary: { returnCode: SSDN_RETURN_CODE.ERROR, details: [detail] },
    message,
  };
  if (input.authorizedUser) reply.authorizedUser = input.authorizedUser;
  if (input.timeZone) reply.timeZone = input.timeZone;
  return buildSsdnReply(reply);
}

/**
 * The HTTP answer to a `sendXML` call that {@link parseSendXml} refused: a SOAP 1.1 `Client` fault when the
 * envelope itself was unusable, otherwise an SSDN refusal (reason 39990001 for an unreadable document,
 * 39990002 for an invalid SSDNRequest) naming the path and value in `Information`.
 *
 * @example
 * const r = parseSendXml(body);
 * if (!r.ok) return answerSendXmlError(r.error, { ticket, timeReceive: now, timeResponse: now });
 */
export function answerSendXmlError(
  error: SendXmlError,
  context: { ticket: string; timeReceive: Date; timeResponse: Date; timeZone?: string },
): SoapHttpResponse {
  if (error.layer === 'soap') {
    return buildSoapFault({
      code: error.kind === 'soap-version' ? 'VersionMismatch' : 'Client',
      message: error.message,
    });
  }
  const unreadable = UNREADABLE.has(error.kind);

  const information: SsdnInformation[] = [];
  if (error.path !== undefined) {
    const info: SsdnInformation = { fieldName: error.path };
    if (error.value !== undefined) info.fieldValue = error.value;
    information.push(info);
  }
  const input: SsdnRefusalInput = {
    reasonCode: unreadable ? '39990001' : '39990002',
    diagnostic: error.message,
    information,
    ...context,
  };
  if (error.partial?.authorizedUser) input.authorizedUser = error.partial.authorizedUser;
  if (error.partial?.message) input.message = error.partial.message;
  return wrapSendXmlResponse(buildSsdnRefusal(input));
}
