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
  soapEnvelope,
} from '../../../test/support/flows.ts';
import { testServer } from '../../../test/support/server.ts';
import type { Server } from '../../src/server.ts';
import flow, { fromJson, fromXml, RENT_SUBSIDY_V1 } from './flow.ts';
import type { SubsidyView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/RentSubsidyService/v1/consultRentSubsidy';

let server: Server;
let applicant: Person;
let partner: Person;
beforeAll(async () => {
  server = await testServer();
  applicant = personOf(server, { scenario: 'huursubsidie-couple', role: 'main' });
  partner = personOf(server, { scenario: 'huursubsidie-couple', role: 'partner' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const fileOf = async (name: string) =>
  (await runExample(server, 'huursubsidie', example(name))).body.rentSubsidyFile as SubsidyView;

describe('huursubsidie examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'huursubsidie', () => server);

  it('shows the granted file with the partner and the last payment before today', async () => {
    const file = await fileOf('MSG00000-granted-with-partner.json');
    const company = server.tenants
      .get('default')
      ?.world.organisations.find((o) => o.name.nl === 'Haspengouwse Huisvesting');
    expect(file).toMatchObject({
      asOf: '2025-06-30',
      applicant: { ssin: applicant.insz, lastName: applicant.familyName },
      partner: { ssin: partner.insz, lastName: partner.familyName },
      housingCompany: { cbeNumber: company?.kbo, name: 'Haspengouwse Huisvesting' },
      fileStatus: 'toegekend',
      refusalReason: null,
      lastPayment: { date: '2025-06-01', amountCents: 18550 },
    });
    expect(file.fileNumber).toMatch(/^2022\/\d{5}$/);
  });

  it('finds the same file through the partner', async () => {
    const file = await fileOf('MSG00000-found-through-the-partner.json');
    expect(file.applicant.ssin).toBe(applicant.insz);
    expect(file.partner?.ssin).toBe(partner.insz);
  });

  it('answers as of an asked date: the last payment on or before it', async () => {
    const file = await fileOf('MSG00000-asked-date.json');
    expect(file).toMatchObject({ asOf: '2023-12-15', lastPayment: { date: '2023-12-01' }, fileStatus: 'toegekend' });
  });

  it('shows the stop and its reason once it has happened', async () => {
    const file = await fileOf('MSG00000-stopped.json');
    expect(file).toMatchObject({
      fileStatus: 'stopgezet',
      refusalReason: 'gezinsinkomen boven de inkomensgrens',
      lastPayment: { date: '2026-08-01', amountCents: 18550 },
    });
  });

  it('names the date when it is in the future', async () => {
    const r = await runExample(server, 'huursubsidie', example('MSG00008-date-in-the-future.json'));
    const info = (r.body.status as { information?: { fieldName: string }[] }).information;
    expect(info?.[0]?.fieldName).toBe('date');
  });

  it.each([
    ['financial-manager', 'MSG00013-financial-manager.json'],
    ['secretary', 'MSG00013-secretary.json'],
  ] as const)('refuses the %s (MSG00013) and journals the refusal', async (role, file) => {
    await runExample(server, 'huursubsidie', example(file));
    const rows = server.store.journal.query('default', { flow: 'huursubsidie' });
    expect(rows.at(-1)).toMatchObject({ role, insz: applicant.insz, outcome: 'MSG00013', ok: false });
  });
});

describe('huursubsidie through the SOAP face', () => {
  const envelope = (criteria: string) =>
    soapEnvelope(RENT_SUBSIDY_V1, {
      cbeNumber: gentKbo(server),
      body: `<searchCriteria>${criteria}</searchCriteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, applicant, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the file as of the asked date after status', async () => {
    const r = await postSoap(
      server,
      PATH,
      RENT_SUBSIDY_V1,
      'social-worker',
      envelope(`<ssin>${applicant.insz}</ssin><date>2024-03-20</date>`),
    );
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'rentSubsidyFile/referenceDate')).toBe('2024-03-20');
    expect(pathText(r.response, 'rentSubsidyFile/partner/ssin')).toBe(partner.insz);
    expect(pathText(r.response, 'rentSubsidyFile/fileStatus')).toBe('toegekend');
    expect(pathText(r.response, 'rentSubsidyFile/lastPayment/date')).toBe('2024-03-01');
    expect(pathText(r.response, 'rentSubsidyFile/lastPayment/amount')).toBe('18550');
  });

  it('refuses a person the OCMW has not registered with MSG00012', async () => {
    const r = await postSoap(server, PATH, RENT_SUBSIDY_V1, 'social-worker', envelope(`<ssin>${partner.insz}</ssin>`));
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'MSG00012']);
    expect(r.body).not.toContain('rentSubsidyFile');
  });

  it('refuses the secretary with MSG00013', async () => {
    const r = await postSoap(server, PATH, RENT_SUBSIDY_V1, 'secretary', envelope(`<ssin>${applicant.insz}</ssin>`));
    expect(r.code).toBe('MSG00013');
  });
});

describe('reading the request', () => {
  it('reads ssin and the optional date from XML and JSON', () => {
    const el = operationElement(
      RENT_SUBSIDY_V1,
      '<searchCriteria><ssin>73022460330</ssin><date>2024-01-31</date></searchCriteria>',
    );
    expect(fromXml(el)).toEqual({ ssin: '73022460330', date: '2024-01-31' });
    expect(fromJson({ ssin: '73022460330' })).toEqual({ ssin: '73022460330', date: null });
  });

  it.each([
    ['', 'searchCriteria'],
    ['<searchCriteria><date>2024-01-31</date></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>7302246033X</ssin></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>73022460330</ssin><date>31/01/2024</date></searchCriteria>', 'date'],
    ['<searchCriteria><date>2024-01-31</date><ssin>73022460330</ssin></searchCriteria>', 'ssin'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(RENT_SUBSIDY_V1, body))).field).toBe(field);
  });

  it.each([
    [{}, 'ssin'],
    [{ ssin: '73022460330', date: 20240131 }, 'date'],
    [{ ssin: '73022460330', date: '2024-13-01' }, 'date'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a simulated, social-worker-only flow', () => {
    expect(flow).toMatchObject({ id: 'huursubsidie', fidelity: 'simulated', roles: ['social-worker'] });
  });
});
