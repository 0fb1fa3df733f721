import { describe, expect, it } from 'vitest';
import { validateWithOurs } from '../../../../test/reference/ours.ts';
import { describeWithReference, validateWithReference } from '../../../../test/reference/validate.ts';
import { describeWithXmllint } from '../../../../test/reference/xmllint.ts';
import { child, children, text } from '../xml/dom.ts';
import { parseXmlSafely } from '../xml/parse.ts';
import { SSDN_CODES, ssdnCodesMarkdown } from './codes.ts';
import { wrapSendXmlResponse } from './envelope.ts';
import { IDENTIFY_PERSON_NS, SAMPLE_CITIZEN_SSIN, sampleSendXmlEnvelope, sampleSsdnRequest } from './examples.ts';
import { SSDN_COMMON_NS, SSDN_SERVICE_NS } from './namespaces.ts';
import { parseSendXml, type SsdnRequest } from './parse-send-xml.ts';
import { answerSendXmlError, buildSsdnRefusal } from './refusal.ts';
import { buildSsdnReply, type SsdnReplyInput, ssdnDetail, summarizeServiceReplies } from './reply.ts';
import { generateSsdnTicket, isSsdnTicket } from './ticket.ts';
import { formatSsdnTimestamp } from './timestamp.ts';

const RECEIVED = new Date('2025-06-30T08:15:01Z');
const ANSWERED = new Date('2025-06-30T08:15:02Z');
const TICKET = 'MOCK7TICKET0001';

function sampleRequest(): SsdnRequest {
  const r = parseSendXml(sampleSendXmlEnvelope(sampleSsdnRequest()));
  if (!r.ok) throw new Error(r.error.message);
  return r.request;
}

/** A synthetic IdentifyPerson result (invented person and street; real NIS codes for Gent). */
const IDENTIFY_PERSON_PAYLOAD = `<ns3:IdentifyPersonReply xmlns:ns3="${IDENTIFY_PERSON_NS}"><ns3:SearchResults><ns3:LimitedLegalData origin="RN_RR"><ns3:Basic><ns3:SocialSecurityUser>${SAMPLE_CITIZEN_SSIN}</ns3:SocialSecurityUser><ns3:LastName>VANDERVELDE</ns3:LastName><ns3:FirstName>LIESBETH</ns3:FirstName><ns3:BirthDate>1992-07-06</ns3:BirthDate><ns3:Gender>2</ns3:Gender><ns3:Address><ns3:CountryCode>150</ns3:CountryCode><ns3:MunicipalityCode>44021</ns3:MunicipalityCode><ns3:Municipality lang="nl">GENT</ns3:Municipality><ns3:PostalCode>9000</ns3:PostalCode><ns3:Street lang="nl">OEFENSTRAAT</ns3:Street><ns3:HouseNumber>12</ns3:HouseNumber></ns3:Address></ns3:Basic><ns3:Extended><ns3:CivilState>10</ns3:CivilState><ns3:NationalityCode>150</ns3:NationalityCode></ns3:Extended></ns3:LimitedLegalData></ns3:SearchResults></ns3:IdentifyPersonReply>`;

function okReply(request = sampleRequest()): string {
  const serviceReplies: SsdnReplyInput['serviceReplies'] = [
    {
      resultSummary: { returnCode: 0 },
      serviceId: 'OCMWCPASIdentifyPerson',
      version: '20050930',
      payloadXml: IDENTIFY_PERSON_PAYLOAD,
    },
  ];
  return buildSsdnReply({
    resultSummary: summarizeServiceReplies(serviceReplies ?? []),
    authorizedUser: request.authorizedUser,
    message: { ...request.message, ticket: TICKET, timeReceive: RECEIVED, timeResponse: ANSWERED },
    serviceReplies,
  });
}

function errorReply(): string {
  const request = sampleRequest();
  const serviceReplies: SsdnReplyInput['serviceReplies'] = [
    {
      resultSummary: {
        returnCode: 10000,
        details: [ssdnDetail('31000007', [{ fieldName: 'Phonetic Criteria: Last Name' }])],
      },
      serviceId: 'OCMWCPASIdentifyPerson',
      version: '20050930',
    },
  ];
  return buildSsdnReply({
    resultSummary: summarizeServiceReplies(serviceReplies ?? []),
    authorizedUser: request.authorizedUser,
    message: { ...request.message, ticket: TICKET, timeReceive: RECEIVED, timeResponse: ANSWERED },
    serviceReplies,
  });
}

function refusal(): string {
  const r = parseSendXml(sampleSendXmlEnvelope(sampleSsdnRequest().replace('20050930', 'x')));
  if (r.ok) throw new Error('expected a refusal');
  return answerSendXmlError(r.error, { ticket: TICKET, timeReceive: RECEIVED, timeResponse: ANSWERED }).body;
}

describe('buildSsdnReply', () => {
  it('reproduces the shape and prefixes of the real replies', () => {
    const xml = okReply();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><SSDNReply xmlns="')).toBe(true);
    expect(xml).toContain(
      `<ns1:ResultSummary xmlns:ns1="${SSDN_COMMON_NS}" ok="YES"><ns1:ReturnCode>0</ns1:ReturnCode>`,
    );
    expect(xml).toContain(`<ns2:ResultSummary xmlns:ns2="${SSDN_COMMON_NS}" ok="YES">`);
    expect(xml).toContain('<ns3:IdentifyPersonReply');
    const p = parseXmlSafely(xml);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const root = p.doc.documentElement!;
    const ctx = child(root, SSDN_SERVICE_NS, 'ReplyContext')!;
    const msg = child(ctx, SSDN_SERVICE_NS, 'Message')!;
    expect(text(child(msg, SSDN_SERVICE_NS, 'Reference'))).toBe('IdentifyPersonRequest # 42');
    expect(text(child(msg, SSDN_SERVICE_NS, 'Ticket'))).toBe(TICKET);
    expect(text(child(msg, SSDN_SERVICE_NS, 'TimeRequest'))).toBe('20250630T101500');
    expect(text(child(msg, SSDN_SERVICE_NS, 'TimeReceive'))).toBe('20250630T101501');
    expect(text(child(msg, SSDN_SERVICE_NS, 'TimeResponse'))).toBe('20250630T101502');
    const user = child(ctx, SSDN_SERVICE_NS, 'AuthorizedUser')!;
    expect(text(child(user, SSDN_SERVICE_NS, 'MatrixID'))).toBe('17');
    expect(children(root, SSDN_SERVICE_NS, 'ServiceReply')).toHaveLength(1);
  });

  it('derives ok from the return code and the envelope summary from the service replies', () => {
    const xml = errorReply();
    expect(xml).toContain('<ns1:ResultSummary');
    expect(xml).toMatch(
      /ok="NO"><ns1:ReturnCode>10000<\/ns1:ReturnCode><ns1:Detail><ns1:Severity>ERROR<\/ns1:Severity><ns1:ReasonCode>30000001/,
    );
    expect(xml).toContain(
      '<ns2:Information><ns2:FieldName>Phonetic Criteria: Last Name</ns2:FieldName></ns2:Information>',
    );
    const warn = summarizeServiceReplies([{ resultSummary: { returnCode: 1 }, serviceId: 'X', version: '20050930' }]);
    expect(warn).toMatchObject({ returnCode: 1, details: [{ reasonCode: '20000001', severity: 'WARNING' }] });
    expect(summarizeServiceReplies([])).toEqual({ returnCode: 0 });
  });

  it('does not echo a user without Email (the KSZ schema would reject it)', () => {
    const r = parseSendXml(sampleSendXmlEnvelope(sampleSsdnRequest({ withoutEmail: true })));
    if (!r.ok) throw new Error(r.error.message);
    expect(okReply(r.request)).not.toContain('<AuthorizedUser>');
  });

  it('refuses a malformed ticket and too many details', () => {
    const base = {
      resultSummary: { returnCode: 0 as const },
      message: { ticket: 'abc', timeReceive: RECEIVED, timeResponse: ANSWERED },
    };
    expect(() => buildSsdnReply(base)).toThrow(/ticket/);
    const details = Array.from({ length: 31 }, () => ssdnDetail('30000001'));
    expect(() =>
      buildSsdnReply({
        ...base,
        resultSummary: { returnCode: 10000, details },
        message: { ...base.message, ticket: TICKET },
      }),
    ).toThrow(/30 Details/);
  });

  it('wraps the reply escaped in a sendXML response', () => {
    const xml = okReply();
    const http = wrapSendXmlResponse(xml);
    expect(http.status).toBe(200);
    expect(http.body).toContain('&lt;ns3:IdentifyPersonReply');
    const p = parseXmlSafely(http.body);
    expect(p.ok && p.doc.documentElement?.textContent).toBe(xml);
  });
});

describe('refusals', () => {
  it('answers an unreadable SSDNRequest with ReturnCode 10000, the reason and the echoed context', () => {
    const body = refusal();
    const p = parseXmlSafely(body);
    expect(p.ok).toBe(true);
    const reply = p.ok ? (p.doc.documentElement?.textContent ?? '') : '';
    expect(reply).toContain('ok="NO"><ns1:ReturnCode>10000</ns1:ReturnCode>');
    expect(reply).toContain('<ns1:ReasonCode>39990002</ns1:ReasonCode>');
    expect(reply).toContain(
      '<ns1:FieldName>SSDNRequest/ServiceRequest/Version</ns1:FieldName><ns1:FieldValue>x</ns1:FieldValue>',
    );
    expect(reply).toContain('<Reference>IdentifyPersonRequest # 42</Reference>');
    expect(reply).not.toContain('<ServiceReply>');
  });

  it('answers a broken envelope with a SOAP Client fault (HTTP 500)', () => {
    const r = parseSendXml('<nope/>');
    if (r.ok) throw new Error('expected a refusal');
    const http = answerSendXmlError(r.error, { ticket: TICKET, timeReceive: RECEIVED, timeResponse: ANSWERED });
    expect(http.status).toBe(500);
    expect(http.body).toContain('<faultcode>soapenv:Client</faultcode>');
  });

  it('builds a refusal with no request context at all', () => {
    const xml = buildSsdnRefusal({
      reasonCode: '39990001',
      ticket: TICKET,
      timeReceive: RECEIVED,
      timeResponse: ANSWERED,
    });
    expect(xml).toContain('<Message><Ticket>MOCK7TICKET0001</Ticket><TimeReceive>');
  });
});

describe('tickets, timestamps and codes', () => {
  it('draws tickets from the given random source only', () => {
    let i = 0;
    const seq = (n: number) => i++ % n;
    const t = generateSsdnTicket(seq);
    expect(t).toBe('ABCDEFGHIJKLMNO');
    expect(isSsdnTicket(t)).toBe(true);
  });

  it('formats timestamps in Belgian time across DST', () => {
    expect(formatSsdnTimestamp(new Date('2025-01-15T23:30:00Z'))).toBe('20250116T003000');
    expect(formatSsdnTimestamp(new Date('2025-06-30T22:00:00Z'))).toBe('20250701T000000');
    expect(formatSsdnTimestamp(new Date('2025-06-30T22:00:00Z'), 'UTC')).toBe('20250630T220000');
  });

  it('keeps the code table consistent and printable', () => {
    const codes = SSDN_CODES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of SSDN_CODES.filter((x) => x.kind === 'reason')) {
      expect(r.code).toMatch(/^[123]\d{7}$/);
      expect({ 1: 'INFORMATION', 2: 'WARNING', 3: 'ERROR' }[r.code[0] as '1' | '2' | '3']).toBe(r.severity);
    }
    expect(ssdnCodesMarkdown().split('\n')).toHaveLength(SSDN_CODES.length + 2);
  });
});

describeWithXmllint('SSDN messages against our own schemas (SsdnService.xsd)', () => {
  it('the sample request validates', () => {
    expect(validateWithOurs(sampleSsdnRequest({ language: 'fr' }), 'ssdn-request')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('an OK IdentifyPerson reply validates', () => {
    expect(validateWithOurs(wrapSendXmlResponse(okReply()).body, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
  it('an error reply without payload validates', () => {
    expect(validateWithOurs(errorReply(), 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
  it('a whole-envelope refusal validates', () => {
    expect(validateWithOurs(refusal(), 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
  it('the sendXML response envelope body validates against the WSDL schema', () => {
    expect(validateWithOurs(wrapSendXmlResponse(okReply()).body, 'sendXML')).toEqual({ valid: true, errors: [] });
  });
  it('a reply with a bad return code does not validate (the schema is not vacuous)', () => {
    const r = validateWithOurs(okReply().replace('<ns1:ReturnCode>0<', '<ns1:ReturnCode>7<'), 'ssdn-reply');
    expect(r.valid).toBe(false);
  });
});

describeWithReference('SSDN messages against the KSZ reference schemas', () => {
  it('an OK IdentifyPerson reply validates (SSDN/Service + OCMW_CPAS/IdentifyPerson)', () => {
    expect(validateWithReference(okReply(), 'ssdn-reply', 'IdentifyPerson')).toEqual({ valid: true, errors: [] });
  });
  it('an error reply without payload validates', () => {
    expect(validateWithReference(errorReply(), 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
  it('a whole-envelope refusal validates', () => {
    expect(validateWithReference(refusal(), 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
  it('the sample request validates, with its IdentifyPerson payload', () => {
    expect(validateWithReference(sampleSsdnRequest(), 'ssdn-request', 'IdentifyPerson')).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('a reply whose payload breaks the IdentifyPerson schema is caught', () => {
    const broken = okReply().replace('<ns3:Gender>2</ns3:Gender>', '<ns3:Gender>X</ns3:Gender>');
    expect(validateWithReference(broken, 'ssdn-reply', 'IdentifyPerson').valid).toBe(false);
  });
});
