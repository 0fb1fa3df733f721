import { SAMPLE_CITIZEN_SSIN, SAMPLE_ORG_UNIT } from '../ssdn/examples.ts';
import { SOAP11_ENV_NS } from '../xml/soap.ts';
import { RETRIEVE_TI_GROUPS_V2 } from './namespaces.ts';

export interface SampleRetrieveTiOptions {
  ticket?: string;
  timestampSent?: string;
  /** Replaces `<cbeNumber>…</cbeNumber>` inside customerIdentification. */
  customerIdentificationXml?: string;
  /** undefined = PCSA:SOCIAL_INQUIRY; null = leave legalContext out. */
  legalContext?: string | null;
  ssin?: string;
  language?: 'nl' | 'fr' | 'de';
}

/**
 * A synthetic RetrieveTIGroups v2 request envelope, as a WSDL-driven client sends it (prefix on the operation
 * element only, unqualified children). Organisation and person numbers are the invented samples of ssdn/examples.ts.
 *
 * @example
 * parseSoaRequest(sampleRetrieveTiRequest(), { ns: RETRIEVE_TI_GROUPS_V2.ns, element: 'retrieveTIGroupsRequest' });
 */
export function sampleRetrieveTiRequest(options: SampleRetrieveTiOptions = {}): string {
  const legal =
    options.legalContext === null
      ? ''
      : `<legalContext>${options.legalContext ?? 'PCSA:SOCIAL_INQUIRY'}</legalContext>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="${SOAP11_ENV_NS}" xmlns:v2="${RETRIEVE_TI_GROUPS_V2.ns}">
 <soapenv:Header/>
 <soapenv:Body>
  <v2:retrieveTIGroupsRequest>
   <informationCustomer>
    <ticket>${options.ticket ?? 'dossier-2025-0042'}</ticket>
    <timestampSent>${options.timestampSent ?? '2025-06-30T10:15:00.250+02:00'}</timestampSent>
    <customerIdentification>${options.customerIdentificationXml ?? `<cbeNumber>${SAMPLE_ORG_UNIT}</cbeNumber>`}</customerIdentification>
   </informationCustomer>
   ${legal}
   <searchInformation>
    <ssin>${options.ssin ?? SAMPLE_CITIZEN_SSIN}</ssin>
    <language>${options.language ?? 'nl'}</language>
    <history>false</history>
   </searchInformation>
  </v2:retrieveTIGroupsRequest>
 </soapenv:Body>
</soapenv:Envelope>`;
}
