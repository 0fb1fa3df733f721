import { describe, expect, it } from 'vitest';
import { SAMPLE_CITIZEN_SSIN, SAMPLE_ORG_UNIT } from '../ssdn/examples.ts';
import { text } from '../xml/dom.ts';
import { SOAP11_ENV_NS } from '../xml/soap.ts';
import { sampleRetrieveTiRequest } from './examples.ts';
import { faultForSoaRequestError } from './fault.ts';
import { RETRIEVE_TI_GROUPS_V2 } from './namespaces.ts';
import { parseSoaRequest, type SoaRequestError } from './parse-request.ts';

const EXPECTED = { ns: RETRIEVE_TI_GROUPS_V2.ns, element: RETRIEVE_TI_GROUPS_V2.request };

function refused(body: string): SoaRequestError {
  const r = parseSoaRequest(body, EXPECTED);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('parseSoaRequest', () => {
  it('reads a RetrieveTIGroups v2 request', () => {
    const r = parseSoaRequest(sampleRetrieveTiRequest(), EXPECTED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.informationCustomer).toEqual({
      ticket: 'dossier-2025-0042',
      timestampSent: '2025-06-30T10:15:00.250+02:00',
      customerIdentification: { cbeNumber: SAMPLE_ORG_UNIT },
    });
    expect(r.request.legalContext).toBe('PCSA:SOCIAL_INQUIRY');
    expect(r.request.request.localName).toBe('retrieveTIGroupsRequest');
    expect(r.request.body.map((e) => e.localName)).toEqual(['searchInformation']);
    expect(text(r.request.body[0]?.getElementsByTagName('ssin')[0])).toBe(SAMPLE_CITIZEN_SSIN);
  });

  it('accepts sector + institution instead of a KBO number, and no ticket or timestamp', () => {
    const xml = sampleRetrieveTiRequest({
      customerIdentificationXml: '<sector>17</sector><institution>1</institution>',
    })
      .replace(/<ticket>.*<\/ticket>/, '')
      .replace(/<timestampSent>.*<\/timestampSent>/, '');
    const r = parseSoaRequest(xml, EXPECTED);
    expect(r.ok && r.request.informationCustomer).toEqual({ customerIdentification: { sector: 17, institution: 1 } });
  });

  it.each([
    ['soap', 'malformed', '<soapenv:Envelope'],
    ['soap', 'not-soap', '<retrieveTIGroupsRequest/>'],
    [
      'soap',
      'wrong-operation',
      sampleRetrieveTiRequest().replaceAll('RetrieveTIGroupsService/v2', 'RetrieveTIGroupsService/v1'),
    ],
    ['soap', 'empty-body', `<e:Envelope xmlns:e="${SOAP11_ENV_NS}"><e:Body/></e:Envelope>`],
    ['request', 'missing-element', sampleRetrieveTiRequest({ legalContext: null })],
    ['request', 'invalid-value', sampleRetrieveTiRequest({ legalContext: 'x'.repeat(65) })],
    ['request', 'invalid-value', sampleRetrieveTiRequest({ ticket: 't'.repeat(37) })],
    ['request', 'invalid-value', sampleRetrieveTiRequest({ timestampSent: '30/06/2025 10:15' })],
    ['request', 'invalid-value', sampleRetrieveTiRequest({ customerIdentificationXml: '<cbeNumber>123</cbeNumber>' })],
    ['request', 'missing-element', sampleRetrieveTiRequest({ customerIdentificationXml: '<sector>17</sector>' })],
    ['request', 'unexpected-element', sampleRetrieveTiRequest({ customerIdentificationXml: '<kbo>0207452118</kbo>' })],
    [
      'request',
      'wrong-namespace',
      sampleRetrieveTiRequest().replace('<legalContext>', `<legalContext xmlns="${RETRIEVE_TI_GROUPS_V2.ns}">`),
    ],
  ])('refuses (%s layer) with %s', (layer, kind, xml) => {
    const e = refused(xml);
    expect(e.layer).toBe(layer);
    expect(e.kind).toBe(kind);
    expect(faultForSoaRequestError(e).status).toBe(500);
  });

  it('names the missing element and its position', () => {
    const e = refused(sampleRetrieveTiRequest({ legalContext: null }));
    expect(e.path).toBe('retrieveTIGroupsRequest/legalContext');
    expect(e.message).toMatch(/missing element legalContext .*line \d+, column \d+/);
  });

  it('keeps informationCustomer for a CBSS fault when a later part is invalid', () => {
    const e = refused(sampleRetrieveTiRequest({ legalContext: 'y'.repeat(70) }));
    expect(e.partial?.informationCustomer?.customerIdentification.cbeNumber).toBe(SAMPLE_ORG_UNIT);
  });

  it('reads UTF-8 bytes and refuses invalid UTF-8', () => {
    const text = sampleRetrieveTiRequest({ ticket: 'dossier-é' });
    const bytes = new TextEncoder().encode(text);
    const ok = parseSoaRequest(bytes, EXPECTED);
    expect(ok.ok && ok.request.informationCustomer.ticket).toBe('dossier-é');
    const latin1 = new TextEncoder().encode(sampleRetrieveTiRequest({ ticket: 'dossier-#' }));
    latin1[latin1.indexOf(0x23)] = 0xe9;
    const r = parseSoaRequest(latin1, EXPECTED);
    expect(!r.ok && r.error).toMatchObject({ layer: 'soap', kind: 'encoding' });
  });

  it('refuses a request over the size limit', () => {
    const r = parseSoaRequest(sampleRetrieveTiRequest({ ticket: 'x'.repeat(1_048_576) }), EXPECTED);
    expect(!r.ok && r.error).toMatchObject({ layer: 'soap', kind: 'too-large' });
  });

  it('answers a SOAP 1.2 client with VersionMismatch', () => {
    const e = refused(`<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>`);
    expect(faultForSoaRequestError(e).body).toContain('soapenv:VersionMismatch');
  });
});
