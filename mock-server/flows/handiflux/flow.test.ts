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
import flow, { HANDIFLUX_V1, LEGAL_CONTEXT } from './flow.ts';
import { fromJson, fromXml } from './request.ts';
import type { HandiFluxFile } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/HandiFluxService/v1/consultFile';

let server: Server;
let man: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  man = personOf(server, { scenario: 'handicap-allowances', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const fileOf = async (name: string) =>
  (await runExample(server, 'handiflux', example(name))).body.file as HandiFluxFile;

describe('HandiFlux examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'handiflux', () => server);

  it('shows both decisions, the 15-point recognition, IVT and IT, the tariff and 24 months of payments', async () => {
    const f = await fileOf('MSG00000-recognition-rights-and-payments.json');
    const at = f.informationAtReferenceDate;
    expect(at?.evolutionOfRequest).toEqual([
      { decisionDate: '2012-05-01', kind: 'FIRST_RECOGNITION', points: 12 },
      { decisionDate: '2024-09-01', kind: 'REVISION', points: 15 },
    ]);
    expect(at?.handicapRecognition).toEqual({ points: 15, validFrom: '2024-09-01', validUntil: null });
    expect(at?.rights?.map((a) => [a.allowance, a.monthlyAmount])).toEqual([
      ['IVT', 115090],
      ['IT', 72033],
    ]);
    expect(at?.socialCards).toEqual([{ kind: 'SOCIAL_ENERGY_TARIFF', validFrom: '2024-09-01', validUntil: null }]);
    const payments = f.paymentsAtPeriod?.payments ?? [];
    expect(payments).toHaveLength(48);
    expect(payments[0]).toEqual({ allowance: 'IVT', month: '2023-07', paymentDate: '2023-07-31', amount: 102040 });
    expect(payments.at(-1)).toEqual({ allowance: 'IT', month: '2025-06', paymentDate: '2025-06-30', amount: 72033 });
  });

  it('shows the recognition in force on an earlier reference date, with its end now known', async () => {
    const at = (await fileOf('MSG00000-before-the-revision.json')).informationAtReferenceDate;
    expect(at?.handicapRecognition).toEqual({ points: 12, validFrom: '2012-05-01', validUntil: '2024-08-31' });
    expect(at?.evolutionOfRequest).toHaveLength(1);
    expect(at?.rights?.map((a) => a.monthlyAmount)).toEqual([102040, 45562]);
  });

  it('gives the financial manager rights and payments, labelled in JSON', async () => {
    const f = await fileOf('MSG00000-financial-manager-rights-and-payments.json');
    expect(f.informationAtReferenceDate?.referenceDate).toBe('2025-06-30');
    expect(f.informationAtReferenceDate?.handicapRecognition).toBeUndefined();
    expect(f.informationAtReferenceDate?.rights?.[0]).toMatchObject({
      allowance: 'IVT',
      label: { nl: 'Inkomensvervangende tegemoetkoming' },
    });
    expect(f.paymentsAtPeriod?.payments).toHaveLength(24);
  });

  it('journals the HAN00011 refusal of the financial manager', async () => {
    await runExample(server, 'handiflux', example('HAN00011-financial-manager-recognition.json'));
    expect(server.store.journal.query('default', { flow: 'handiflux' }).at(-1)).toMatchObject({
      role: 'financial-manager',
      insz: man.insz,
      outcome: 'HAN00011',
      ok: false,
    });
  });
});

describe('HandiFlux through the SOAP face', () => {
  const envelope = (body: string, legalContext = LEGAL_CONTEXT) =>
    soapEnvelope(HANDIFLUX_V1, {
      cbeNumber: gentKbo(server),
      legalContext,
      body,
    });
  const wanted = (ssin: string) =>
    `<wantedInformation><ssin>${ssin}</ssin><informationAtReferenceDate><referenceDate>2025-06-30</referenceDate><evolutionOfRequest>true</evolutionOfRequest><handicapRecognition>true</handicapRecognition><rights>true</rights><socialCards>false</socialCards></informationAtReferenceDate><paymentsAtPeriod><startDate>2025-01-01</startDate><endDate>2025-06-30</endDate></paymentsAtPeriod></wantedInformation>`;

  beforeAll(async () => {
    freshTenant(server);
    await register(server, man, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the file after status', async () => {
    const r = await postSoap(server, PATH, HANDIFLUX_V1, 'social-worker', envelope(wanted(man.insz)));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'file/ssin')).toBe(man.insz);
    expect(pathText(r.response, 'file/informationAtReferenceDate/handicapRecognition/points')).toBe('15');
    expect(r.body.match(/<payment>/g)).toHaveLength(12);
    expect(r.body).not.toContain('<socialCards>');
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<file>'));
  });

  it('answers HAN00020 for a payment period over two years, and MSG00013 for another legal context', async () => {
    const long = wanted(man.insz).replace('<startDate>2025-01-01', '<startDate>2023-01-01');
    const r = await postSoap(server, PATH, HANDIFLUX_V1, 'social-worker', envelope(long));
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'HAN00020']);
    expect(r.body).not.toContain('<file>');
    const ctx = await postSoap(
      server,
      PATH,
      HANDIFLUX_V1,
      'social-worker',
      envelope(wanted(man.insz), 'PCSA:SOCIAL_INQUIRY'),
    );
    expect([ctx.value, ctx.code]).toEqual(['NO_RESULT', 'MSG00013']);
  });
});

describe('reading the request', () => {
  it('reads wantedInformation from XML and JSON alike', () => {
    const el = operationElement(
      HANDIFLUX_V1,
      '<wantedInformation><ssin>82021503785</ssin><informationAtReferenceDate><rights>1</rights></informationAtReferenceDate></wantedInformation>',
    );
    const expected = {
      ssin: '82021503785',
      atReferenceDate: {
        referenceDate: null,
        evolutionOfRequest: false,
        handicapRecognition: false,
        rights: true,
        socialCards: false,
      },
      paymentsAtPeriod: null,
    };
    expect(fromXml(el)).toEqual(expected);
    expect(fromJson({ ssin: '82021503785', informationAtReferenceDate: { rights: true } })).toEqual(expected);
  });

  it.each([
    ['<wantedInformation><ssin>8202150378</ssin></wantedInformation>', 'ssin'],
    ['<wantedInformation/>', 'ssin'],
    [
      '<wantedInformation><ssin>82021503785</ssin><informationAtReferenceDate><rights>yes</rights></informationAtReferenceDate></wantedInformation>',
      'informationAtReferenceDate/rights',
    ],
    [
      '<wantedInformation><ssin>82021503785</ssin><paymentsAtPeriod><startDate>2025-01-01</startDate></paymentsAtPeriod></wantedInformation>',
      'paymentsAtPeriod/endDate',
    ],
    [
      '<wantedInformation><ssin>82021503785</ssin><informationAtReferenceDate><referenceDate>2025-02-30</referenceDate></informationAtReferenceDate></wantedInformation>',
      'informationAtReferenceDate/referenceDate',
    ],
    ['<searchCriteria><ssin>82021503785</ssin></searchCriteria>', 'searchCriteria'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(HANDIFLUX_V1, body))).field).toBe(field);
  });

  it.each([
    [{ ssin: 82021503785 }, 'ssin'],
    [{ ssin: '82021503785', informationAtReferenceDate: 'all' }, 'informationAtReferenceDate'],
    [
      { ssin: '82021503785', informationAtReferenceDate: { socialCards: 'ja' } },
      'informationAtReferenceDate.socialCards',
    ],
    [{ ssin: '82021503785', paymentsAtPeriod: { startDate: '2025-01-01' } }, 'paymentsAtPeriod.endDate'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});
