/** CBSS common types, version 3 (informationCustomer, informationCBSS, status, CBSSFaultType, ...). */
export const COMMON_V3_NS = 'http://kszbcss.fgov.be/types/common/v3';
/** National Register Tx25 content (`rrn_it_implicit` children). */
export const RN25_NS = 'http://www.ibz.rrn.fgov.be/XSD/xm25/rn25Schema';

/** How a new-style service's operation is named on the wire: the element names of its WSDL's inline schema. */
export interface SoaOperation {
  /** Namespace of the request/response/fault elements (the WSDL's target namespace). */
  ns: string;
  request: string;
  response: string;
  fault: string;
  soapAction: string;
  /** Prefix used for the response and fault elements in our replies. */
  prefix: string;
}

/**
 * RetrieveTIGroups v2, operation `retrieveTI` (Tx25). The prefix mirrors the `v1:` of the recorded v1 replies.
 */
export const RETRIEVE_TI_GROUPS_V2: SoaOperation = {
  ns: 'http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2',
  request: 'retrieveTIGroupsRequest',
  response: 'retrieveTIGroupsResponse',
  fault: 'retrieveTIGroupsFault',
  soapAction: 'http://kszbcss.fgov.be/RetrieveTIGroupsService/retrieveTI',
  prefix: 'v2',
};

/** `authorCode` of CBSS fault details, as in a recorded real fault (fits the 64-character limit). */
export const CBSS_AUTHOR_CODE = 'http://www.bcss.fgov.be/en/international/home/index.html';
