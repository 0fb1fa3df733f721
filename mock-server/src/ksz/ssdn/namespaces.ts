/** Namespace of the WebServiceConnector WSDL and its `xmlString` element (the SOAP face of SSDN). */
export const WSC_NS = 'http://ksz-bcss.fgov.be/connectors/WebServiceConnector';
/** SOAPAction of `sendXML`, as declared by the KSZ WSDL. */
export const SEND_XML_SOAP_ACTION = 'http://ksz-bcss.fgov.be/connectors/WebServiceConnector/sendXML';
/** Namespace of SSDNRequest / SSDNReply and their context elements. */
export const SSDN_SERVICE_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Service';
/** Namespace of ResultSummary and the SSDN common simple types. */
export const SSDN_COMMON_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Common';

/**
 * Prefixes of the real SSDN replies (`demo_ipr_*.xml`): `ns1` on the ReplyContext ResultSummary, `ns2` on each
 * ServiceReply ResultSummary, `ns3` for the service payload. At least one PHP client navigates replies by these
 * literal prefixes, so the mock emits exactly them; payload builders should use {@link SSDN_PAYLOAD_PREFIX}.
 */
export const SSDN_REPLY_CONTEXT_PREFIX = 'ns1';
export const SSDN_SERVICE_REPLY_PREFIX = 'ns2';
export const SSDN_PAYLOAD_PREFIX = 'ns3';
