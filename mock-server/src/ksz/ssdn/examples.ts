import { SOAP11_ENV_NS } from '../xml/soap.ts';
import { escapeText } from '../xml/writer.ts';
import { SSDN_SERVICE_NS, WSC_NS } from './namespaces.ts';

/**
 * Synthetic sample SSDN requests, shaped like the recorded Lino requests (`extracted/requests/*.xml`) but with
 * invented numbers: social worker 85031412302, OCMW KBO 0207452118, citizen 92070624603 (all with valid check
 * digits, none taken from a real or published record). For tests and for flow examples.
 */
export const SAMPLE_USER_ID = '85031412302';
export const SAMPLE_ORG_UNIT = '0207452118';
export const SAMPLE_CITIZEN_SSIN = '92070624603';
export const IDENTIFY_PERSON_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/IdentifyPerson';

export interface SampleSsdnRequestOptions {
  /** Prefix for the SSDN elements (`ssdn` like Lino; '' for a default namespace). */
  prefix?: string;
  reference?: string;
  timeRequest?: string;
  /** Adds `<Language>` to Message like the PHP CPAS client. */
  language?: string;
  /** Leaves Email out. */
  withoutEmail?: boolean;
  /** Replaces the IdentifyPerson payload. */
  payloadXml?: string;
}

/**
 * An SSDNRequest for OCMWCPASIdentifyPerson by SSIN.
 *
 * @example
 * parseSendXml(sampleSendXmlEnvelope(sampleSsdnRequest()));
 */
export function sampleSsdnRequest(options: SampleSsdnRequestOptions = {}): string {
  const pre = options.prefix ?? 'ssdn';
  const q = (name: string) => (pre ? `${pre}:${name}` : name);
  const xmlns = pre ? `xmlns:${pre}="${SSDN_SERVICE_NS}"` : `xmlns="${SSDN_SERVICE_NS}"`;
  const payload =
    options.payloadXml ??
    `<ipr:IdentifyPersonRequest xmlns:ipr="${IDENTIFY_PERSON_NS}">
   <ipr:SearchCriteria><ipr:SSIN>${SAMPLE_CITIZEN_SSIN}</ipr:SSIN></ipr:SearchCriteria>
  </ipr:IdentifyPersonRequest>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${q('SSDNRequest')} ${xmlns}>
 <${q('RequestContext')}>
  <${q('AuthorizedUser')}>
   <${q('UserID')}>${SAMPLE_USER_ID}</${q('UserID')}>
   ${options.withoutEmail ? '' : `<${q('Email')}>maatschappelijk.werker@ocmw-voorbeeld.test</${q('Email')}>`}
   <${q('OrgUnit')}>${SAMPLE_ORG_UNIT}</${q('OrgUnit')}>
   <${q('MatrixID')}>17</${q('MatrixID')}>
   <${q('MatrixSubID')}>1</${q('MatrixSubID')}>
  </${q('AuthorizedUser')}>
  <${q('Message')}>
   <${q('Reference')}>${escapeText(options.reference ?? 'IdentifyPersonRequest # 42')}</${q('Reference')}>
   <${q('TimeRequest')}>${options.timeRequest ?? '20250630T101500'}</${q('TimeRequest')}>${
     options.language ? `\n   <${q('Language')}>${options.language}</${q('Language')}>` : ''
   }
  </${q('Message')}>
 </${q('RequestContext')}>
 <${q('ServiceRequest')}>
  <${q('ServiceId')}>OCMWCPASIdentifyPerson</${q('ServiceId')}>
  <${q('Version')}>20050930</${q('Version')}>
  ${payload}
 </${q('ServiceRequest')}>
</${q('SSDNRequest')}>`;
}

/**
 * A SOAP 1.1 `sendXML` envelope carrying `ssdnXml` in `xmlString`, escaped (what WSDL-driven clients send) or
 * in a CDATA section (what early Lino sent).
 *
 * @example
 * sampleSendXmlEnvelope(sampleSsdnRequest(), 'cdata');
 */
export function sampleSendXmlEnvelope(ssdnXml: string, mode: 'escaped' | 'cdata' = 'escaped'): string {
  const content = mode === 'cdata' ? `\n<![CDATA[${ssdnXml}]]>\n` : escapeText(ssdnXml);
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${SOAP11_ENV_NS}">
 <soap:Body>
  <wsc:xmlString xmlns:wsc="${WSC_NS}">${content}</wsc:xmlString>
 </soap:Body>
</soap:Envelope>`;
}
