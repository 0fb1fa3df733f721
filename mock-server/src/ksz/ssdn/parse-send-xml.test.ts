import { describe, expect, it } from 'vitest';
import { text } from '../xml/dom.ts';
import { SOAP11_ENV_NS } from '../xml/soap.ts';
import {
  IDENTIFY_PERSON_NS,
  SAMPLE_CITIZEN_SSIN,
  SAMPLE_ORG_UNIT,
  SAMPLE_USER_ID,
  sampleSendXmlEnvelope,
  sampleSsdnRequest,
} from './examples.ts';
import { SSDN_SERVICE_NS, WSC_NS } from './namespaces.ts';
import { parseSendXml, type SendXmlError } from './parse-send-xml.ts';

function refused(body: string | Uint8Array, maxBytes?: number): SendXmlError {
  const r = parseSendXml(body, maxBytes);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const envelope = (inner: string) =>
  `<soapenv:Envelope xmlns:soapenv="${SOAP11_ENV_NS}"><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;

describe('parseSendXml: accepted requests', () => {
  it.each(['escaped', 'cdata'] as const)('reads an IdentifyPerson request sent %s', (mode) => {
    const r = parseSendXml(sampleSendXmlEnvelope(sampleSsdnRequest(), mode));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.authorizedUser).toEqual({
      userId: SAMPLE_USER_ID,
      email: 'maatschappelijk.werker@ocmw-voorbeeld.test',
      orgUnit: SAMPLE_ORG_UNIT,
      matrixId: 17,
      matrixSubId: 1,
    });
    expect(r.request.message).toEqual({ reference: 'IdentifyPersonRequest # 42', timeRequest: '20250630T101500' });
    expect(r.request.serviceRequests).toHaveLength(1);
    const [sr] = r.request.serviceRequests;
    expect(sr?.serviceId).toBe('OCMWCPASIdentifyPerson');
    expect(sr?.version).toBe('20050930');
    expect(sr?.payload.localName).toBe('IdentifyPersonRequest');
    expect(sr?.payload.namespaceURI).toBe(IDENTIFY_PERSON_NS);
    expect(text(sr?.payload)).toBe(SAMPLE_CITIZEN_SSIN);
  });

  it('accepts any prefix, a default namespace, Language in Message and a missing Email', () => {
    const r = parseSendXml(
      sampleSendXmlEnvelope(sampleSsdnRequest({ prefix: '', language: 'fr', withoutEmail: true }), 'cdata'),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.request.message.language).toBe('fr');
      expect(r.request.authorizedUser.email).toBeUndefined();
    }
  });

  it('reads several service requests and escapes in the Reference', () => {
    const one = sampleSsdnRequest({ reference: 'Dossier <7> & co' });
    const two = one.replace(
      '</ssdn:ServiceRequest>',
      '</ssdn:ServiceRequest>\n' + one.slice(one.indexOf('<ssdn:ServiceRequest>'), one.indexOf('</ssdn:SSDNRequest>')),
    );
    const r = parseSendXml(sampleSendXmlEnvelope(two));
    expect(r.ok && r.request.serviceRequests).toHaveLength(2);
    expect(r.ok && r.request.message.reference).toBe('Dossier <7> & co');
  });
});

describe('parseSendXml: refusals at the SOAP layer', () => {
  it.each([
    ['malformed', 'not xml at all <'],
    ['not-soap', `<Envelope><Body/></Envelope>`],
    ['soap-version', `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>`],
    ['wrong-operation', envelope(`<sendXML xmlns="${WSC_NS}"/>`)],
    ['wrong-operation', envelope(`<xmlString xmlns="urn:other">x</xmlString>`)],
    [
      'xmlstring-markup',
      envelope(`<xmlString xmlns="${WSC_NS}"><SSDNRequest xmlns="${SSDN_SERVICE_NS}"/></xmlString>`),
    ],
    ['doctype', `<!DOCTYPE x [<!ENTITY a "b">]>${envelope('<x/>')}`],
  ])('%s', (kind, body) => {
    const e = refused(body);
    expect(e.layer).toBe('soap');
    expect(e.kind).toBe(kind);
  });
});

describe('parseSendXml: raw bytes and size', () => {
  it('reads the request from UTF-8 bytes, as the server receives it', () => {
    const bytes = new TextEncoder().encode(
      sampleSendXmlEnvelope(sampleSsdnRequest({ reference: 'Dossier Müller-Çelik' })),
    );
    const r = parseSendXml(bytes);
    expect(r.ok && r.request.message.reference).toBe('Dossier Müller-Çelik');
  });

  it('refuses Latin-1 bytes (invalid UTF-8) as an encoding error of the envelope', () => {
    const text = sampleSendXmlEnvelope(sampleSsdnRequest({ reference: 'Dossier M#ller' }));
    const bytes = new TextEncoder().encode(text);
    bytes[text.indexOf('#')] = 0xfc; // "ü" in ISO-8859-1
    const e = refused(bytes);
    expect(e).toMatchObject({ layer: 'soap', kind: 'encoding' });
    expect(e.message).toContain('byte offset');
  });

  it('refuses an envelope over 1 MiB', () => {
    const big = sampleSendXmlEnvelope(sampleSsdnRequest({ reference: 'x'.repeat(1_048_576) }));
    expect(refused(big)).toMatchObject({ layer: 'soap', kind: 'too-large' });
  });

  it('honours a smaller limit', () => {
    const body = sampleSendXmlEnvelope(sampleSsdnRequest(), 'cdata');
    expect(parseSendXml(body, body.length).ok).toBe(true);
    expect(refused(body, body.length - 1)).toMatchObject({ layer: 'soap', kind: 'too-large' });
  });
});

describe('parseSendXml: refusals of the SSDNRequest', () => {
  it('refuses an empty xmlString at the SSDN level (the envelope itself is valid)', () => {
    const e = refused(envelope(`<xmlString xmlns="${WSC_NS}">  </xmlString>`));
    expect(e).toMatchObject({ layer: 'ssdn', kind: 'xmlstring-empty' });
  });

  const base = sampleSsdnRequest();
  const cases: [string, string, string, string | undefined][] = [
    ['malformed', base.replace('</ssdn:UserID>', '</ssdn:UserId>'), 'malformed', undefined],
    ['wrong root', `<Foo xmlns="${SSDN_SERVICE_NS}"/>`, 'wrong-root', 'SSDNRequest'],
    [
      'wrong namespace',
      base.replaceAll(SSDN_SERVICE_NS, 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Services'),
      'wrong-namespace',
      'SSDNRequest',
    ],
    [
      'missing Message',
      base.replace(/<ssdn:Message>[\s\S]*<\/ssdn:Message>/, ''),
      'missing-element',
      'SSDNRequest/RequestContext/Message',
    ],
    [
      'missing UserID',
      base.replace(/<ssdn:UserID>.*<\/ssdn:UserID>/, ''),
      'missing-element',
      'SSDNRequest/RequestContext/AuthorizedUser/UserID',
    ],
    [
      'missing ServiceRequest',
      base.replace(/<ssdn:ServiceRequest>[\s\S]*<\/ssdn:ServiceRequest>/, ''),
      'missing-element',
      'SSDNRequest/ServiceRequest',
    ],
    [
      'unqualified MatrixID',
      base.replace(/<ssdn:MatrixID>17<\/ssdn:MatrixID>/, '<MatrixID xmlns="">17</MatrixID>'),
      'wrong-namespace',
      'SSDNRequest/RequestContext/AuthorizedUser/MatrixID',
    ],
    [
      'unknown element',
      base.replace('<ssdn:MatrixSubID>', '<ssdn:Role>x</ssdn:Role><ssdn:MatrixSubID>'),
      'unexpected-element',
      'SSDNRequest/RequestContext/AuthorizedUser/Role',
    ],
    [
      'UserID not 11 digits',
      base.replace(SAMPLE_USER_ID, '8503141230'),
      'invalid-value',
      'SSDNRequest/RequestContext/AuthorizedUser/UserID',
    ],
    [
      'bad TimeRequest',
      base.replace('20250630T101500', '2025-06-30T10:15:00'),
      'invalid-value',
      'SSDNRequest/RequestContext/Message/TimeRequest',
    ],
    ['bad Version', base.replace('20050930', '2005-09'), 'invalid-value', 'SSDNRequest/ServiceRequest/Version'],
    [
      'missing payload',
      base.replace(/<ipr:IdentifyPersonRequest[\s\S]*<\/ipr:IdentifyPersonRequest>/, ''),
      'missing-element',
      'SSDNRequest/ServiceRequest/*',
    ],
    [
      'two payloads',
      base.replace('</ipr:IdentifyPersonRequest>', '</ipr:IdentifyPersonRequest><x:Extra xmlns:x="urn:x"/>'),
      'unexpected-element',
      'SSDNRequest/ServiceRequest/Extra',
    ],
  ];

  it.each(cases)('%s', (_, ssdn, kind, path) => {
    for (const mode of ['escaped', 'cdata'] as const) {
      const e = refused(sampleSendXmlEnvelope(ssdn, mode));
      expect(e.layer).toBe('ssdn');
      expect(e.kind).toBe(kind);
      if (path !== undefined) expect(e.path).toBe(path);
      expect(e.message.length).toBeGreaterThan(10);
    }
  });

  it('names the line and column of a malformed SSDNRequest', () => {
    const e = refused(sampleSendXmlEnvelope(base.replace('</ssdn:UserID>', '</ssdn:UserId>')));
    expect(e.message).toMatch(/^In xmlString: Malformed XML at line 5, column \d+/);
  });

  it('refuses a billion-laughs DOCTYPE hidden in the escaped xmlString', () => {
    const bomb = `<!DOCTYPE SSDNRequest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${base.replace(/<\?xml[^>]*>/, '')}`;
    const e = refused(sampleSendXmlEnvelope(bomb, 'escaped'));
    expect(e).toMatchObject({ layer: 'ssdn', kind: 'doctype' });
  });

  it('keeps the context read before the error for the refusal', () => {
    const e = refused(sampleSendXmlEnvelope(base.replace('20050930', 'x')));
    expect(e.partial?.message?.reference).toBe('IdentifyPersonRequest # 42');
    expect(e.partial?.authorizedUser?.userId).toBe(SAMPLE_USER_ID);
  });
});
