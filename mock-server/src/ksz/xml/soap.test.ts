import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from './parse.ts';
import { buildSoapFault, faultForEnvelopeError, parseSoap11Envelope, SOAP11_ENV_NS, soap11Envelope } from './soap.ts';

const env = (body: string, ns = SOAP11_ENV_NS) =>
  `<e:Envelope xmlns:e="${ns}"><e:Header><h xmlns="urn:h"/></e:Header><e:Body>${body}</e:Body></e:Envelope>`;

describe('parseSoap11Envelope', () => {
  it('returns the single Body element and the headers', () => {
    const r = parseSoap11Envelope(env('<x:op xmlns:x="urn:x"/>'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.envelope.payload.localName).toBe('op');
      expect(r.envelope.headers.map((h) => h.localName)).toEqual(['h']);
    }
  });

  it.each([
    ['not-soap', '<Envelope><Body/></Envelope>'],
    ['soap-version', env('<x/>', 'http://www.w3.org/2003/05/soap-envelope')],
    ['no-body', `<e:Envelope xmlns:e="${SOAP11_ENV_NS}"/>`],
    ['empty-body', env('')],
    ['extra-body', env('<a/><b/>')],
    ['malformed', env('<a>')],
  ])('reports %s', (kind, xml) => {
    const r = parseSoap11Envelope(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe(kind);
  });
});

describe('buildSoapFault', () => {
  it('builds a well-formed SOAP 1.1 fault with HTTP 500', () => {
    const r = buildSoapFault({ code: 'Client', message: 'bad <thing>', detailXml: '<d xmlns="urn:d"/>' });
    expect(r.status).toBe(500);
    expect(r.contentType).toBe('text/xml; charset=utf-8');
    const p = parseXmlSafely(r.body);
    expect(p.ok).toBe(true);
    expect(r.body).toContain('<faultcode>soapenv:Client</faultcode>');
    expect(r.body).toContain('<faultstring>bad &lt;thing&gt;</faultstring>');
    expect(r.body).toContain('<detail><d xmlns="urn:d"/></detail>');
  });

  it('answers a SOAP 1.2 envelope with VersionMismatch', () => {
    const r = faultForEnvelopeError({ kind: 'soap-version', message: 'SOAP 1.2' });
    expect(r.body).toContain('soapenv:VersionMismatch');
  });

  it('wraps any body in a SOAP 1.1 envelope', () => {
    const r = parseSoap11Envelope(soap11Envelope('<x xmlns="urn:x"/>'));
    expect(r.ok).toBe(true);
  });
});
