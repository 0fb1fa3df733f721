import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { identityCardNumber, sisCardNumber } from '../../../scenarios/engine/ids/cards.ts';
import { validateWithOurs } from '../../../test/reference/ours.ts';
import { describeWithReference, validateWithReference } from '../../../test/reference/validate.ts';
import { describeWithXmllint } from '../../../test/reference/xmllint.ts';
import { personIn, requestError } from '../../../test/support/flows.ts';
import type { Answer } from '../../src/ksz/flows/define.ts';
import { OK } from '../../src/ksz/flows/status.ts';
import { buildSsdnReply, type SsdnServiceReply, summarizeServiceReplies } from '../../src/ksz/ssdn/reply.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import flow, {
  DEFAULT_MAXIMUM,
  fromJson,
  fromXml,
  type IdentifyPersonRequest,
  type IdentifyPersonResult,
  NS,
} from './flow.ts';
import { phoneticKey } from './phonetic.ts';
import { CIVIL_STATE_CODES } from './rr.ts';
import { flowContext, operationOf, smallWorld, ssdnReplyFor, TODAY } from './testkit.ts';

const op = operationOf<IdentifyPersonRequest, IdentifyPersonResult>(flow);
const world = smallWorld();
const ctx = flowContext(world);
const father = personIn(world, 'family-child-benefits', 'father');
const deceased = personIn(world, 'deceased-partner-widowed', 'deceased');
const widow = personIn(world, 'deceased-partner-widowed', 'widow');
const bis = personIn(world, 'bis-unknown-birthday-and-sex');

function payload(inner: string): Element {
  const r = parseXmlSafely(`<ipr:IdentifyPersonRequest xmlns:ipr="${NS}">${inner}</ipr:IdentifyPersonRequest>`);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc.documentElement as unknown as Element;
}
const bySsin = (ssin: string, extra = '') =>
  payload(`<ipr:SearchCriteria><ipr:SSIN>${ssin}</ipr:SSIN></ipr:SearchCriteria>${extra}`);
const phonetic = (inner: string) =>
  payload(`<ipr:SearchCriteria><ipr:PhoneticCriteria>${inner}</ipr:PhoneticCriteria></ipr:SearchCriteria>`);

describe('identify-person: reading the request', () => {
  it('reads an SSIN search with verification data', () => {
    const r = fromXml(
      bySsin(
        father.insz,
        '<ipr:VerificationData><ipr:PersonData><ipr:LastName> de  Ruiter </ipr:LastName><ipr:BirthDate>1982-00-00</ipr:BirthDate></ipr:PersonData></ipr:VerificationData>',
      ),
    );
    expect(r).toEqual({
      ssin: father.insz,
      phonetic: null,
      verification: {
        sisCardNumber: null,
        identityCardNumber: null,
        personData: { lastName: 'de Ruiter', firstName: null, middleName: null, birthDate: '1982-00-00' },
      },
    });
  });

  it('reads phonetic criteria like the recorded Lino request (empty FirstName/MiddleName are absent)', () => {
    const r = fromXml(
      phonetic(
        '<ipr:LastName>MUSTER</ipr:LastName><ipr:FirstName/><ipr:MiddleName/><ipr:BirthDate>1938-06-01</ipr:BirthDate><ipr:Gender>1</ipr:Gender><ipr:Tolerance>2</ipr:Tolerance><ipr:Maximum>5</ipr:Maximum>',
      ),
    );
    expect(r.phonetic).toEqual({
      lastName: 'MUSTER',
      firstName: null,
      middleName: null,
      birthDate: '1938-06-01',
      gender: 1,
      tolerance: 2,
      maximum: 5,
    });
  });

  it.each([
    ['an SSIN of 10 digits', bySsin('8206048234'), 'SearchCriteria/SSIN'],
    [
      'a birth date that is no date',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982/06/04</ipr:BirthDate>'),
      'SearchCriteria/PhoneticCriteria/BirthDate',
    ],
    [
      '30 February',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-02-30</ipr:BirthDate>'),
      'SearchCriteria/PhoneticCriteria/BirthDate',
    ],
    [
      'a day without month',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-00-04</ipr:BirthDate>'),
      'SearchCriteria/PhoneticCriteria/BirthDate',
    ],
    [
      'Gender 3',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:Gender>3</ipr:Gender>'),
      'SearchCriteria/PhoneticCriteria/Gender',
    ],
    [
      'Tolerance -1',
      phonetic(
        '<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:Tolerance>-1</ipr:Tolerance>',
      ),
      'SearchCriteria/PhoneticCriteria/Tolerance',
    ],
    [
      'Tolerance "two"',
      phonetic(
        '<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:Tolerance>two</ipr:Tolerance>',
      ),
      'SearchCriteria/PhoneticCriteria/Tolerance',
    ],
    [
      'Maximum 0',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:Maximum>0</ipr:Maximum>'),
      'SearchCriteria/PhoneticCriteria/Maximum',
    ],
    [
      'Maximum 81',
      phonetic('<ipr:LastName>X</ipr:LastName><ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:Maximum>81</ipr:Maximum>'),
      'SearchCriteria/PhoneticCriteria/Maximum',
    ],
    [
      'a SIS card of 9 digits',
      bySsin(
        '82060482345',
        '<ipr:VerificationData><ipr:SISCardNumber>123456789</ipr:SISCardNumber></ipr:VerificationData>',
      ),
      'VerificationData/SISCardNumber',
    ],
    [
      'an eID card with letters',
      bySsin(
        '82060482345',
        '<ipr:VerificationData><ipr:IdentityCardNumber>59A291662412</ipr:IdentityCardNumber></ipr:VerificationData>',
      ),
      'VerificationData/IdentityCardNumber',
    ],
    [
      'a PersonData birth date of 8 characters',
      bySsin(
        '82060482345',
        '<ipr:VerificationData><ipr:PersonData><ipr:LastName>X</ipr:LastName><ipr:BirthDate>19820604</ipr:BirthDate></ipr:PersonData></ipr:VerificationData>',
      ),
      'VerificationData/PersonData/BirthDate',
    ],
    [
      'elements out of order',
      phonetic('<ipr:BirthDate>1982-06-04</ipr:BirthDate><ipr:LastName>X</ipr:LastName>'),
      'SearchCriteria/PhoneticCriteria/LastName',
    ],
    [
      'an unknown element',
      payload('<ipr:SearchCriteria><ipr:NationalNumber>82060482345</ipr:NationalNumber></ipr:SearchCriteria>'),
      'SearchCriteria/NationalNumber',
    ],
  ])('refuses %s in XML, naming the field', (_what, el, field) => {
    expect(requestError(() => fromXml(el)).field).toBe(field);
  });

  it('refuses a payload that is not an IdentifyPersonRequest', () => {
    const r = parseXmlSafely(`<x:ManageAccessRequest xmlns:x="${NS}"/>`);
    if (!r.ok) throw new Error(r.error.message);
    expect(requestError(() => fromXml(r.doc.documentElement as unknown as Element)).field).toBe(
      'IdentifyPersonRequest',
    );
  });

  it.each([
    ['ssin as a number', { ssin: 82060482345 }, 'ssin'],
    ['ssin of 12 digits', { ssin: '820604823450' }, 'ssin'],
    ['phoneticCriteria as a string', { phoneticCriteria: 'de Ruiter' }, 'phoneticCriteria'],
    [
      'maximum 100',
      { phoneticCriteria: { lastName: 'X', birthDate: '1982-06-04', maximum: 100 } },
      'phoneticCriteria.maximum',
    ],
    [
      'tolerance 1.5',
      { phoneticCriteria: { lastName: 'X', birthDate: '1982-06-04', tolerance: 1.5 } },
      'phoneticCriteria.tolerance',
    ],
    [
      'gender "M"',
      { phoneticCriteria: { lastName: 'X', birthDate: '1982-06-04', gender: 'M' } },
      'phoneticCriteria.gender',
    ],
    [
      'birthDate 1982-13-01',
      { phoneticCriteria: { lastName: 'X', birthDate: '1982-13-01' } },
      'phoneticCriteria.birthDate',
    ],
    [
      'lastName as a number',
      { phoneticCriteria: { lastName: 7, birthDate: '1982-06-04' } },
      'phoneticCriteria.lastName',
    ],
    [
      'sisCardNumber of 11 digits',
      { ssin: '82060482345', verificationData: { sisCardNumber: '12345678901' } },
      'verificationData.sisCardNumber',
    ],
    [
      'personData as an array',
      { ssin: '82060482345', verificationData: { personData: [] } },
      'verificationData.personData',
    ],
  ])('refuses %s in JSON, naming the field', (_what, body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('gives the same request from both faces', () => {
    const xml = fromXml(
      payload(
        `<ipr:SearchCriteria><ipr:SSIN>${father.insz}</ipr:SSIN><ipr:PhoneticCriteria><ipr:LastName>de Ruiter</ipr:LastName><ipr:BirthDate>1982-06-00</ipr:BirthDate><ipr:Tolerance>1</ipr:Tolerance></ipr:PhoneticCriteria></ipr:SearchCriteria><ipr:VerificationData><ipr:SISCardNumber>0123456789</ipr:SISCardNumber></ipr:VerificationData>`,
      ),
    );
    const json = fromJson({
      ssin: father.insz,
      phoneticCriteria: { lastName: 'de Ruiter', birthDate: '1982-06-00', tolerance: 1 },
      verificationData: { sisCardNumber: '0123456789' },
    });
    expect(json).toEqual(xml);
  });

  it('names the subject only for an SSIN search', () => {
    expect(op.subject(fromJson({ ssin: father.insz }))).toEqual({ insz: father.insz });
    expect(op.subject(fromJson({ phoneticCriteria: { lastName: 'X', birthDate: '1982-06-04' } }))).toEqual({
      insz: null,
    });
  });
});

describe('identify-person: answering from the world', () => {
  const answer = (body: Record<string, unknown>, c = ctx) => op.handle(c, fromJson(body));

  it('answers an SSIN search with the legal data of the person on the date', () => {
    const a = answer({ ssin: father.insz });
    expect(a.status.code).toBe('MSG00000');
    const r = a.data!.results;
    expect(r).toHaveLength(1);
    const address = father.addresses.find((x) => x.from <= TODAY && (x.to === null || TODAY <= x.to))!;
    expect(r[0]).toMatchObject({
      origin: 'RN_RR',
      basic: {
        ssin: father.insz,
        lastName: father.familyName.toUpperCase(),
        firstName: father.givenName.toUpperCase(),
        birthDate: father.birthDate,
        gender: 1,
        address: {
          countryCode: 150,
          municipalityCode: address.nis,
          postalCode: address.postcode,
          houseNumber: address.houseNumber,
        },
      },
      extended: {
        civilState: CIVIL_STATE_CODES.married.code,
        birthLocationCode: 150,
        nationalityCode: 150,
        deceaseDate: null,
      },
    });
  });

  it('answers about a deceased person with the date of death, and the last address', () => {
    const a = answer({ ssin: deceased.insz });
    expect(a.status.code).toBe('MSG00000');
    expect(a.data!.results[0]!.extended!.deceaseDate).toBe(deceased.deathDate);
    expect(a.data!.results[0]!.basic.address).not.toBeNull();
  });

  it('gives the civil state as of the date asked: married before the death of the partner, widowed after', () => {
    const before = answer({ ssin: widow.insz }, flowContext(world, { asOf: '2020-01-01' }));
    const after = answer({ ssin: widow.insz });
    expect(before.data!.results[0]!.extended!.civilState).toBe(20);
    expect(after.data!.results[0]!.extended!.civilState).toBe(30);
  });

  it('gives gender 0 and origin BCSS_KSZ for a BIS number assigned without sex', () => {
    const a = answer({ ssin: bis.insz });
    expect(a.data!.results[0]).toMatchObject({ origin: 'BCSS_KSZ', basic: { gender: 0, birthDate: bis.birthDate } });
  });

  it('validates the identity with the SIS card, the eID card or the personal data: 12007001', () => {
    for (const verificationData of [
      { sisCardNumber: sisCardNumber(father.insz) },
      { identityCardNumber: identityCardNumber(father.insz) },
      { personData: { lastName: father.familyName.toUpperCase(), birthDate: `${father.birthDate.slice(0, 4)}-00-00` } },
      { personData: { lastName: father.familyName, firstName: father.givenName, birthDate: father.birthDate } },
    ]) {
      const a = answer({ ssin: father.insz, verificationData });
      expect(a.status).toMatchObject({ value: 'DATA_FOUND', code: '12007001' });
      expect(a.status.information).toEqual([{ fieldName: 'SSIN', fieldValue: father.insz }]);
      expect(a.data!.results[0]!.extended).not.toBeNull();
    }
  });

  it('warns 22007007 when no verification element matches, echoing the PersonData, and leaves Extended empty', () => {
    const a = answer({
      ssin: father.insz,
      verificationData: { personData: { lastName: father.familyName, firstName: 'Jan', birthDate: father.birthDate } },
    });
    expect(a.status).toMatchObject({ value: 'DATA_FOUND', code: '22007007' });
    expect(a.status.information?.map((i) => i.fieldName)).toEqual([
      'Phonetic Information: Birth Date',
      'Phonetic Information: First Name',
      'SSIN',
      'Phonetic Information: Last Name',
      'Phonetic Information: Middle Name',
    ]);
    expect(a.data!.results[0]!.extended).toBeNull();
    expect(answer({ ssin: father.insz, verificationData: { sisCardNumber: '0000000000' } }).status.code).toBe(
      '22007007',
    );
  });

  it('warns 21007001 when both SSIN and phonetic criteria are given, and ignores the criteria', () => {
    const a = answer({ ssin: father.insz, phoneticCriteria: { lastName: 'Nobody', birthDate: '1900-01-01' } });
    expect(a.status).toMatchObject({ value: 'DATA_FOUND', code: '21007001' });
    expect(a.data!.results.map((r) => r.basic.ssin)).toEqual([father.insz]);
  });

  it('keeps 22007007 over 21007001 when both apply (one Detail per answer)', () => {
    const a = answer({
      ssin: father.insz,
      phoneticCriteria: { lastName: 'X', birthDate: '1900-01-01' },
      verificationData: { sisCardNumber: '0000000000' },
    });
    expect(a.status.code).toBe('22007007');
  });

  it('refuses an incomplete phonetic birth date without tolerance: 31009001 with the recorded Information', () => {
    const a = answer({ phoneticCriteria: { lastName: 'de Ruiter', birthDate: '1982-06-00' } });
    expect(a.status).toMatchObject({ value: 'NO_RESULT', code: '31009001' });
    expect(a.status.information).toEqual([
      { fieldName: 'Phonetic Criteria: Birth Date', fieldValue: '1982-06-00' },
      { fieldName: 'Phonetic Criteria: Birth Date Tolerance', fieldValue: '' },
    ]);
    expect(a.data).toBeUndefined();
  });

  it.each([
    [{}, ['Search Criteria: SSIN or Phonetic Criteria']],
    [{ phoneticCriteria: { lastName: '', birthDate: '1982-06-04' } }, ['Phonetic Criteria: Last Name']],
    [{ phoneticCriteria: { lastName: ' ' } }, ['Phonetic Criteria: Last Name', 'Phonetic Criteria: Birth Date']],
    [{ ssin: '82060482345', verificationData: {} }, ['Verification Data']],
    [
      { ssin: '82060482345', verificationData: { personData: { lastName: '', birthDate: '' } } },
      ['Phonetic Information: Last Name', 'Phonetic Information: Birth Date'],
    ],
  ])('refuses missing mandatory arguments with 31000007: %j', (body, fields) => {
    const a = answer(body);
    expect(a.status).toMatchObject({ value: 'NO_RESULT', code: '31000007' });
    expect(a.status.information?.map((i) => i.fieldName)).toEqual(fields);
  });

  it('finds a person phonetically under another spelling, within the tolerance', () => {
    const a = answer({
      phoneticCriteria: { lastName: 'De Ruyter', firstName: 'Siem', birthDate: '1982-06-01', tolerance: 3 },
    });
    expect(a.status.code).toBe('MSG00000');
    expect(a.data!.results.map((r) => r.basic.ssin)).toEqual([father.insz]);
    expect(a.data!.results[0]!.extended).toBeNull();
    const tooFar = answer({ phoneticCriteria: { lastName: 'De Ruyter', birthDate: '1982-06-01', tolerance: 2 } });
    expect(tooFar.status.code).toBe('MSG00100');
  });

  it('reads the tolerance in months for yyyy-MM-00 and in years for yyyy-00-00', () => {
    const months = answer({
      phoneticCriteria: { lastName: 'de Ruiter', firstName: 'Siem', birthDate: '1982-08-00', tolerance: 2 },
    });
    expect(months.data!.results.map((r) => r.basic.ssin)).toEqual([father.insz]);
    expect(
      answer({ phoneticCriteria: { lastName: 'de Ruiter', firstName: 'Siem', birthDate: '1982-08-00', tolerance: 1 } })
        .status.code,
    ).toBe('MSG00100');
    const years = answer({ phoneticCriteria: { lastName: 'Popesco', birthDate: '1993-00-00', tolerance: 1 } });
    expect(years.data!.results.map((r) => r.basic.ssin)).toEqual([bis.insz]);
  });

  it('returns the family sharing a name, closest birth date first, at most Maximum', () => {
    const family = world.persons.filter((p) => phoneticKey(p.familyName) === phoneticKey(father.familyName));
    expect(family.length).toBeGreaterThan(2);
    const all = answer({ phoneticCriteria: { lastName: 'de ruiter', birthDate: '2000-00-00', tolerance: 30 } });
    const ssins = all.data!.results.map((r) => r.basic.ssin);
    expect(new Set(ssins)).toEqual(new Set(family.map((p) => p.insz)));
    const two = answer({
      phoneticCriteria: { lastName: 'de ruiter', birthDate: '2000-00-00', tolerance: 30, maximum: 2 },
    });
    expect(two.data!.results).toHaveLength(2);
    expect(two.data!.results.map((r) => r.basic.ssin)).toEqual(ssins.slice(0, 2));
    const girls = answer({
      phoneticCriteria: { lastName: 'de ruiter', birthDate: '2000-00-00', tolerance: 30, gender: 2 },
    });
    expect(girls.data!.results.every((r) => r.basic.gender !== 1)).toBe(true);
  });

  it('leaves out numbers that were replaced or cancelled, and persons not yet born on the date', () => {
    const replaced = world.persons.find((p) => p.replacedBy)!;
    const a = answer({
      phoneticCriteria: {
        lastName: replaced.familyName,
        birthDate: replaced.birthDate.slice(0, 4) + '-00-00',
        tolerance: 1,
      },
    });
    expect(a.data!.results.map((r) => r.basic.ssin)).not.toContain(replaced.insz);
    expect(a.data!.results.map((r) => r.basic.ssin)).toContain(replaced.replacedBy!.insz);
    const youngest = personIn(world, 'family-child-benefits', 'child3');
    const before = answer(
      { phoneticCriteria: { lastName: youngest.familyName, birthDate: youngest.birthDate, tolerance: 0 } },
      flowContext(world, { asOf: '2019-01-01' }),
    );
    expect(before.status.code).toBe('MSG00100');
    expect(op.handle(flowContext(world, { asOf: '2019-01-01' }), fromJson({ ssin: youngest.insz })).status.code).toBe(
      'MSG00005',
    );
  });

  it(`returns at most ${DEFAULT_MAXIMUM} persons when no Maximum is given`, () => {
    const a = answer({ phoneticCriteria: { lastName: 'Peeters', birthDate: '1950-00-00', tolerance: 200 } });
    expect(a.data!.results.length).toBeLessThanOrEqual(DEFAULT_MAXIMUM);
  });

  it('answers MSG00100 with no SearchResults when nobody matches', () => {
    const a = answer({ phoneticCriteria: { lastName: 'Oefennaam', birthDate: '1950-01-01' } });
    expect(a.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    expect(a.data).toEqual({ results: [] });
    expect(op.toXml!(a, ctx, fromJson({})).after).toBe(
      `<ns3:IdentifyPersonReply xmlns:ns3="${NS}"></ns3:IdentifyPersonReply>`,
    );
    expect(op.toJson(a, ctx, fromJson({}))).toEqual({ searchResults: [] });
  });

  it('puts no payload in a refusal', () => {
    const a = answer({ phoneticCriteria: { lastName: '', birthDate: '1982-06-04' } });
    expect(op.toXml!(a, ctx, fromJson({}))).toEqual({});
    expect(op.toJson(a, ctx, fromJson({}))).toEqual({});
  });

  it('renders the same content in JSON as in XML', () => {
    const a = answer({ ssin: father.insz });
    const json = op.toJson(a, ctx, fromJson({ ssin: father.insz })) as {
      searchResults: {
        basic: { socialSecurityUser: string; address: { municipality: { nl: string } } };
        extended: { civilState: number };
      }[];
    };
    const xml = op.toXml!(a, ctx, fromJson({ ssin: father.insz })).after!;
    const r = json.searchResults[0]!;
    expect(xml).toContain(`<ns3:SocialSecurityUser>${r.basic.socialSecurityUser}</ns3:SocialSecurityUser>`);
    expect(xml).toContain(`<ns3:Municipality lang="nl">${r.basic.address.municipality.nl}</ns3:Municipality>`);
    expect(xml).toContain(`<ns3:CivilState>${r.extended.civilState}</ns3:CivilState>`);
  });
});

/** Replies for the schema checks: OK (SSIN, deceased, BIS, phonetic), each warning, information, no hit, errors. */
function replies(): [string, string][] {
  const cases: [string, Record<string, unknown>][] = [
    ['OK by SSIN', { ssin: father.insz }],
    ['OK deceased', { ssin: deceased.insz }],
    ['OK BIS without sex', { ssin: bis.insz }],
    [
      'OK phonetic, several hits',
      { phoneticCriteria: { lastName: 'de ruiter', birthDate: '2000-00-00', tolerance: 30 } },
    ],
    ['INFORMATION 12007001', { ssin: father.insz, verificationData: { sisCardNumber: sisCardNumber(father.insz) } }],
    ['WARNING 21007001', { ssin: father.insz, phoneticCriteria: { lastName: 'X', birthDate: '1982-06-04' } }],
    [
      'WARNING 22007007',
      { ssin: father.insz, verificationData: { personData: { lastName: 'X', birthDate: '1982-00-00' } } },
    ],
    ['WARNING MSG00100 (no hit)', { phoneticCriteria: { lastName: 'Oefennaam', birthDate: '1950-01-01' } }],
    ['ERROR 31009001', { phoneticCriteria: { lastName: 'X', birthDate: '1982-00-00' } }],
    ['ERROR 31000007', { phoneticCriteria: { lastName: '', birthDate: '' } }],
  ];
  return cases.map(([name, body]) => {
    const req = fromJson(body);
    const a: Answer<IdentifyPersonResult> = op.handle(ctx, req);
    return [name, ssdnReplyFor(flow, a, ctx, req)];
  });
}

describeWithReference('identify-person replies against the KSZ reference schemas', () => {
  it.each(replies())('%s validates (SSDNReply + IdentifyPerson)', (_name, xml) => {
    expect(validateWithReference(xml, 'ssdn-reply', 'IdentifyPerson')).toEqual({ valid: true, errors: [] });
  });

  it('validates every person of the world as an SSIN answer (100 per ServiceReply, the SearchResults maximum)', () => {
    const results = world.persons
      .filter((p) => !p.replacedBy && !p.cancelled && p.birthDate.replace(/-00/g, '-01') <= TODAY)
      .map((p) => op.handle(ctx, fromJson({ ssin: p.insz })).data!.results[0]!);
    const serviceReplies: SsdnServiceReply[] = [];
    for (let i = 0; i < results.length; i += 100)
      serviceReplies.push({
        resultSummary: { returnCode: 0 },
        serviceId: flow.ssdn!.serviceId,
        version: flow.ssdn!.version,
        payloadXml: op.toXml!({ status: OK(), data: { results: results.slice(i, i + 100) } }, ctx, fromJson({})).after!,
      });
    expect(serviceReplies.length).toBeGreaterThan(3);
    const xml = buildSsdnReply({
      resultSummary: summarizeServiceReplies(serviceReplies),
      message: {
        ticket: 'TESTTICKET00003',
        timeReceive: new Date('2025-06-30T08:00:00Z'),
        timeResponse: new Date('2025-06-30T08:00:01Z'),
      },
      serviceReplies,
    });
    expect(validateWithReference(xml, 'ssdn-reply', 'IdentifyPerson')).toEqual({ valid: true, errors: [] });
  });
});

describeWithXmllint('identify-person replies against our own SSDN contract', () => {
  it.each(replies())('%s validates (SsdnService.xsd)', (_name, xml) => {
    expect(validateWithOurs(xml, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
});
