import { describe, expect, it } from 'vitest';
import { validateWithOurs } from '../../../../test/reference/ours.ts';
import { describeWithReference, validateWithReference } from '../../../../test/reference/validate.ts';
import { describeWithXmllint } from '../../../../test/reference/xmllint.ts';
import { SAMPLE_CITIZEN_SSIN } from '../ssdn/examples.ts';
import { child, text } from '../xml/dom.ts';
import { parseXmlSafely } from '../xml/parse.ts';
import { SOAP11_ENV_NS } from '../xml/soap.ts';
import { isXsdDateTime } from './datetime.ts';
import { sampleRetrieveTiRequest } from './examples.ts';
import { buildCbssFault } from './fault.ts';
import { RETRIEVE_TI_GROUPS_V2, RN25_NS } from './namespaces.ts';
import { parseSoaRequest, type SoaRequest } from './parse-request.ts';
import { buildSoaResponse, soaStatus } from './response.ts';
import { SOA_STATUS_CODES, soaStatusCodesMarkdown } from './status-codes.ts';
import { generateTicketCbss, isUuid, uuidV4FromBytes } from './uuid.ts';

const RECEIVED = new Date('2025-06-30T08:15:00.300Z');
const REPLIED = new Date('2025-06-30T08:15:00.420Z');
const TICKET_CBSS = uuidV4FromBytes(Uint8Array.from({ length: 16 }, (_, i) => i * 17));
const CBSS = { ticketCBSS: TICKET_CBSS, timestampReceive: RECEIVED, timestampReply: REPLIED };

function request(): SoaRequest {
  const r = parseSoaRequest(sampleRetrieveTiRequest(), {
    ns: RETRIEVE_TI_GROUPS_V2.ns,
    element: RETRIEVE_TI_GROUPS_V2.request,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.request;
}

const SEARCH = `<searchInformation><ssin>${SAMPLE_CITIZEN_SSIN}</ssin><language>nl</language><history>false</history></searchInformation>`;
/** IT000 of the invented sample citizen (born 1992-07-06, even sequence: female). */
const RRN = `<rrn_it_implicit><r:NationalNumber xmlns:r="${RN25_NS}" Type="000" Structure="A1"><r:NationalNumber><r:NationalNumber>${SAMPLE_CITIZEN_SSIN}</r:NationalNumber><r:Date><r:Century>19</r:Century><r:Year>92</r:Year><r:Month>07</r:Month><r:Day>06</r:Day></r:Date><r:Sex>2</r:Sex></r:NationalNumber></r:NationalNumber></rrn_it_implicit>`;

function okResponse(afterStatusXml?: string) {
  const req = request();
  const input: Parameters<typeof buildSoaResponse>[0] = {
    operation: RETRIEVE_TI_GROUPS_V2,
    informationCustomer: req.informationCustomer,
    informationCBSS: CBSS,
    legalContext: req.legalContext,
    beforeStatusXml: SEARCH,
    status: soaStatus('MSG00000'),
  };
  if (afterStatusXml) input.afterStatusXml = afterStatusXml;
  return buildSoaResponse(input);
}

function notIntegratedResponse() {
  const req = request();
  return buildSoaResponse({
    operation: RETRIEVE_TI_GROUPS_V2,
    informationCustomer: req.informationCustomer,
    informationCBSS: CBSS,
    legalContext: req.legalContext,
    beforeStatusXml: SEARCH,
    status: soaStatus('MSG00012', [
      { fieldName: 'ssin', fieldValue: SAMPLE_CITIZEN_SSIN },
      { fieldName: 'cbeNumber', fieldValue: req.informationCustomer.customerIdentification.cbeNumber ?? '' },
    ]),
  });
}

function internalErrorFault(withCustomer = true) {
  return buildCbssFault({
    operation: RETRIEVE_TI_GROUPS_V2,
    ...(withCustomer ? { informationCustomer: request().informationCustomer } : {}),
    informationCBSS: CBSS,
    details: [{ severity: 'FATAL', reasonCode: 'MSG00003', diagnostic: 'Unexpected internal error occurred' }],
  });
}

describe('buildSoaResponse', () => {
  it('echoes informationCustomer and orders the elements like the WSDL', () => {
    const http = okResponse(RRN);
    expect(http.status).toBe(200);
    const p = parseXmlSafely(http.body);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const body = child(p.doc.documentElement!, SOAP11_ENV_NS, 'Body')!;
    const resp = child(body, RETRIEVE_TI_GROUPS_V2.ns, 'retrieveTIGroupsResponse')!;
    const names: string[] = [];
    for (let n = resp.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) names.push(n.nodeName);
    expect(names).toEqual([
      'informationCustomer',
      'informationCBSS',
      'legalContext',
      'searchInformation',
      'status',
      'rrn_it_implicit',
    ]);
    const ic = child(resp, null, 'informationCustomer')!;
    expect(text(child(ic, null, 'timestampSent'))).toBe('2025-06-30T10:15:00.250+02:00');
    const cbss = child(resp, null, 'informationCBSS')!;
    expect(text(child(cbss, null, 'ticketCBSS'))).toBe(TICKET_CBSS);
    expect(text(child(cbss, null, 'timestampReceive'))).toBe('2025-06-30T08:15:00.300Z');
    expect(text(child(child(resp, null, 'status')!, null, 'code'))).toBe('MSG00000');
  });

  it('refuses a ticketCBSS that is no UUID and a fault status code', () => {
    expect(() =>
      buildSoaResponse({
        ...{
          operation: RETRIEVE_TI_GROUPS_V2,
          informationCustomer: request().informationCustomer,
          legalContext: 'x',
          status: soaStatus('MSG00000'),
        },
        informationCBSS: { ...CBSS, ticketCBSS: 'nope' },
      }),
    ).toThrow(/UUID/);
    expect(() => soaStatus('MSG00003')).toThrow(/SOAP fault/);
  });
});

describe('buildCbssFault', () => {
  it('builds a SOAP 1.1 Server fault with the CBSS detail (HTTP 500)', () => {
    const http = internalErrorFault();
    expect(http.status).toBe(500);
    expect(http.body).toContain('<faultcode>soapenv:Server</faultcode>');
    expect(http.body).toContain('<faultstring>An error occurred while servicing your request.</faultstring>');
    expect(http.body).toContain(
      `<detail><v2:retrieveTIGroupsFault xmlns:v2="${RETRIEVE_TI_GROUPS_V2.ns}"><informationCustomer>`,
    );
    expect(http.body).toContain('<severity>FATAL</severity><reasonCode>MSG00003</reasonCode>');
  });

  it('clips long diagnostics to the schema limit and refuses 0 or 31 details', () => {
    const http = buildCbssFault({
      operation: RETRIEVE_TI_GROUPS_V2,
      informationCBSS: CBSS,
      details: [{ severity: 'WARNING', reasonCode: 'MSG00008', diagnostic: 'd'.repeat(300) }],
    });
    expect(http.body).toContain(`<diagnostic>${'d'.repeat(255)}…</diagnostic>`);
    expect(() => buildCbssFault({ operation: RETRIEVE_TI_GROUPS_V2, informationCBSS: CBSS, details: [] })).toThrow();
  });
});

describe('tickets, timestamps and status table', () => {
  it('makes version-4 UUIDs from the given bytes only', () => {
    expect(uuidV4FromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    const t = generateTicketCbss((n) => new Uint8Array(n).fill(0xff));
    expect(t).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(isUuid(t)).toBe(true);
  });

  it('checks xsd:dateTime lexically', () => {
    expect(isXsdDateTime('2012-06-12T21:25:46.189352+01:00')).toBe(true);
    expect(isXsdDateTime('2012-06-12T19:25:27.5Z')).toBe(true);
    expect(isXsdDateTime('2012-13-12T19:25:27Z')).toBe(false);
    expect(isXsdDateTime('2012-06-12')).toBe(false);
  });

  it('has unique codes, fits CommonV3 limits and prints as Markdown', () => {
    const codes = SOA_STATUS_CODES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of SOA_STATUS_CODES) {
      expect(r.code.length).toBeLessThanOrEqual(16);
      expect(r.description.length).toBeLessThanOrEqual(256);
    }
    expect(soaStatusCodesMarkdown()).toContain('| NO_RESULT | MSG00012 |');
  });
});

describeWithXmllint('RetrieveTIGroups v2 messages against our own schemas (RetrieveTIGroupsV2.wsdl)', () => {
  it('the sample request validates', () => {
    expect(validateWithOurs(sampleRetrieveTiRequest(), 'retrieveTI-v2-request')).toEqual({ valid: true, errors: [] });
  });
  it('a DATA_FOUND response with IT000 validates', () => {
    expect(validateWithOurs(okResponse(RRN).body, 'retrieveTI-v2-response')).toEqual({ valid: true, errors: [] });
  });
  it('a NO_RESULT MSG00012 response validates', () => {
    expect(validateWithOurs(notIntegratedResponse().body, 'retrieveTI-v2-response')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('the MSG00003 fault validates, with and without informationCustomer', () => {
    expect(validateWithOurs(internalErrorFault().body, 'retrieveTI-v2-fault')).toEqual({ valid: true, errors: [] });
    expect(validateWithOurs(internalErrorFault(false).body, 'retrieveTI-v2-fault')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('a response without searchInformation does not validate (the schema is not vacuous)', () => {
    const broken = okResponse().body.replace(SEARCH, '');
    expect(validateWithOurs(broken, 'retrieveTI-v2-response').valid).toBe(false);
  });
});

describeWithReference('RetrieveTIGroups v2 messages against the KSZ reference schemas', () => {
  it('a minimal DATA_FOUND response validates (RetrieveTIGroupsV2.xsd + CommonV3.xsd)', () => {
    expect(validateWithReference(okResponse().body, 'retrieveTI-v2-response')).toEqual({ valid: true, errors: [] });
  });
  it('a DATA_FOUND response with IT000 validates against the National Register xm25 schema', () => {
    expect(validateWithReference(okResponse(RRN).body, 'retrieveTI-v2-response')).toEqual({ valid: true, errors: [] });
  });
  it('a NO_RESULT MSG00012 response validates', () => {
    expect(validateWithReference(notIntegratedResponse().body, 'retrieveTI-v2-response')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('the MSG00003 fault detail validates (CommonV3 CBSSFaultType)', () => {
    expect(validateWithReference(internalErrorFault().body, 'retrieveTI-v2-fault')).toEqual({
      valid: true,
      errors: [],
    });
    expect(validateWithReference(internalErrorFault(false).body, 'retrieveTI-v2-fault')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('an IT000 with a one-digit month is caught, like the garbled reference samples', () => {
    const broken = okResponse(RRN.replace('<r:Month>07</r:Month>', '<r:Month>7</r:Month>')).body;
    expect(validateWithReference(broken, 'retrieveTI-v2-response').valid).toBe(false);
  });
});
