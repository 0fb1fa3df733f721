import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  exampleIn,
  freshTenant,
  gentKbo,
  itAnswersExamples,
  loadExamples,
  operationElement,
  pathText,
  personOf,
  postSoap,
  register,
  requestError,
  runExample,
  serverWith,
  soapEnvelope,
} from '../../../test/support/flows.ts';
import type { Server } from '../../src/server.ts';
import flow, { CADNET_V1 } from './flow.ts';
import { fromJson, fromXml } from './request.ts';
import type { CadnetBusinessData } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/CadnetService/v1/findProperties';

let server: Server;
let owner: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  owner = personOf(server, { scenario: 'property-owner-leefloon', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const dataOf = async (name: string) =>
  (await runExample(server, 'cadnet', example(name))).body.businessData as CadnetBusinessData;

describe('Cadnet examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'cadnet', () => server);

  it('lists the parcels the divorced man owns today, with share, cadastral income and location', async () => {
    const d = await dataOf('PERSON_WITHOUT_PARTNER_WITH_PROPERTIES-divorced-owner.json');
    expect(d.partner).toBeNull();
    expect(d.naturePerson).toEqual({ code: '1', description: 'aanvrager' });
    expect(d.properties.map((p) => [p.description, p.share, p.cadastralIncome, p.period.beginDate])).toEqual([
      ['woonhuis (gezinswoning)', '1/2', 115000, '1998-03-16'],
      ['bouwgrond', '1/1', 3500, '2008-06-10'],
    ]);
    expect(d.properties[0]?.location).toEqual({ nis: '13040', municipality: 'Turnhout', postalCode: '2300' });
    expect(d.properties[0]?.parcelId).toBe(owner.property[0]?.id);
  });

  it('shows the wife before the divorce, and no plot after its sale', async () => {
    const d = await dataOf('PERSON_WITH_PROPERTIES_AND_PARTNER-before-the-divorce.json');
    const ex = personOf(server, { scenario: 'property-owner-leefloon', role: 'ex' });
    expect(d.partner?.ssin).toBe(ex.insz);
    const later = { ...example('PERSON_WITHOUT_PARTNER_WITH_PROPERTIES-divorced-owner.json'), clock: '2025-12-01' };
    const r = await runExample(server, 'cadnet', later);
    expect((r.body.businessData as CadnetBusinessData).properties.map((p) => p.description)).toEqual([
      'woonhuis (gezinswoning)',
    ]);
  });

  it('answers a textual status with its description and information', async () => {
    const r = await runExample(server, 'cadnet', example('INSZ_UNKNOW_IN_LEGAL_CONTEXT_PPSSI-debt-mediation.json'));
    expect(r.body.status).toMatchObject({
      value: 'NO_RESULT',
      code: 'INSZ_UNKNOW_IN_LEGAL_CONTEXT_PPSSI',
      information: [{ fieldName: 'qualityCode', fieldValue: '7' }],
    });
    const fr = await dataOf('PERSON_WITHOUT_PARTNER_WITH_PROPERTIES-maintenance-debtor.json');
    expect(fr.naturePerson).toEqual({ code: '3', description: 'débiteur alimentaire' });
  });
});

describe('Cadnet through the SOAP face', () => {
  const envelope = (ssin: string, nature = '1', legalContext = 'PCSA:SOCIAL_INQUIRY') =>
    soapEnvelope(CADNET_V1, {
      cbeNumber: gentKbo(server),
      legalContext,
      body: `<searchCriterion><naturalPerson><ssin>${ssin}</ssin></naturalPerson><naturePerson>${nature}</naturePerson><language>NL</language></searchCriterion>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, owner, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the businessData after the textual status', async () => {
    const r = await postSoap(server, PATH, CADNET_V1, 'social-worker', envelope(owner.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'PERSON_WITHOUT_PARTNER_WITH_PROPERTIES']);
    expect(pathText(r.response, 'businessData/person/ssin')).toBe(owner.insz);
    expect(r.body.match(/<property>/g)).toHaveLength(2);
    expect(pathText(r.response, 'businessData/property/location/municipality')).toBe('Turnhout');
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<businessData>'));
  });

  it('answers VALIDATION_ERROR for naturePerson 9, and MSG00013 for the security adviser', async () => {
    const r = await postSoap(server, PATH, CADNET_V1, 'social-worker', envelope(owner.insz, '9'));
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'VALIDATION_ERROR']);
    expect(r.body).not.toContain('<businessData>');
    const adviser = await postSoap(server, PATH, CADNET_V1, 'security-adviser', envelope(owner.insz));
    expect([adviser.value, adviser.code]).toEqual(['NO_RESULT', 'MSG00013']);
  });
});

describe('reading the request', () => {
  it('reads the search criterion from XML and JSON alike, keeping the values Cadnet checks itself', () => {
    const el = operationElement(
      CADNET_V1,
      '<searchCriterion><naturalPerson><ssin>63112148195</ssin></naturalPerson><naturePerson>7</naturePerson><language>DE</language></searchCriterion>',
    );
    const expected = { ssin: '63112148195', naturePerson: '7', language: 'DE' };
    expect(fromXml(el)).toEqual(expected);
    expect(fromJson({ ssin: '63112148195', naturePerson: 7, language: 'DE' })).toEqual(expected);
  });

  it.each([
    [
      '<searchCriterion><naturalPerson><ssin>6311214819</ssin></naturalPerson><naturePerson>1</naturePerson><language>NL</language></searchCriterion>',
      'naturalPerson/ssin',
    ],
    [
      '<searchCriterion><naturalPerson/><naturePerson>1</naturePerson><language>NL</language></searchCriterion>',
      'naturalPerson/ssin',
    ],
    [
      '<searchCriterion><naturalPerson><ssin>63112148195</ssin></naturalPerson><language>NL</language></searchCriterion>',
      'naturePerson',
    ],
    [
      '<searchCriterion><naturalPerson><ssin>63112148195</ssin></naturalPerson><naturePerson>1</naturePerson></searchCriterion>',
      'language',
    ],
    ['<criteria><ssin>63112148195</ssin></criteria>', 'criteria'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(CADNET_V1, body))).field).toBe(field);
  });

  it.each([
    [{ ssin: '6311214819', naturePerson: '1', language: 'NL' }, 'ssin'],
    [{ ssin: '63112148195', language: 'NL' }, 'naturePerson'],
    [{ ssin: '63112148195', naturePerson: '1' }, 'language'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});
