import { SOAP11_CONTENT_TYPE, type SoapHttpResponse, soap11Envelope } from '../xml/soap.ts';
import { escapeText } from '../xml/writer.ts';
import { WSC_NS } from './namespaces.ts';

/**
 * Wraps an SSDNReply document in the SOAP 1.1 `sendXML` response: one `xmlString` element whose text is the
 * reply, escaped (as the real service sends it; xmlString is an xsd:string).
 *
 * @example
 * const http = wrapSendXmlResponse(buildSsdnReply(input));
 * // http.status === 200, http.body = '<?xml ...?><soapenv:Envelope ...><soapenv:Body><xmlString xmlns="…">&lt;?xml …'
 */
export function wrapSendXmlResponse(replyXml: string): SoapHttpResponse {
  return {
    status: 200,
    contentType: SOAP11_CONTENT_TYPE,
    body: soap11Envelope(`<xmlString xmlns="${WSC_NS}">${escapeText(replyXml)}</xmlString>`),
  };
}
