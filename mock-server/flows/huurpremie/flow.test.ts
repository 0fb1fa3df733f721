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
import flow, { fromJson, fromXml, RENT_PREMIUM_V1 } from './flow.ts';
import type { PremiumView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/RentPremiumService/v1/consultRentPremium';

let server: Server;
let mother: Person;
let man: Person;
beforeAll(async () => {
  server = await testServer();
  mother = personOf(server, { scenario: 'social-tenant-waitlist-huurpremie', role: 'main' });
  man = personOf(server, { scenario: 'huurpremie-refused-short-wait', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const fileOf = async (name: string) =>
  (await runExample(server, 'huurpremie', example(name))).body.rentPremiumFile as PremiumView;

describe('huurpremie examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'huurpremie', () => server);

  it('shows an entitled candidate with the last payment on or before today', async () => {
    const file = await fileOf('MSG00000-entitled-and-paid.json');
    expect(file).toMatchObject({
      candidate: { ssin: mother.insz, lastName: mother.familyName },
      housingCompany: { name: 'WoonAnker Leie' },
      waitingList: { registrationDate: '2020-05-12', deregistrationDate: null },
      huurpremie: {
        potentiallyEntitled: true,
        refusalReason: null,
        lastPayment: { date: '2025-06-01', amountCents: 16873 },
      },
    });
    expect(file.housingCompany.cbeNumber).toMatch(/^\d{10}$/);
  });

  it('shows no decision before the first payment', async () => {
    const file = await fileOf('MSG00000-waiting-no-decision-yet.json');
    expect(file.asOf).toBe('2023-06-01');
    expect(file.huurpremie).toBeNull();
  });

  it('shows a refusal with its reason, and the deregistration once it has happened', async () => {
    const refused = await fileOf('MSG00000-refused-short-wait.json');
    expect(refused.huurpremie).toEqual({
      potentiallyEntitled: false,
      refusalReason: 'nog geen vier jaar ingeschreven op de wachtlijst',
      lastPayment: null,
    });
    expect(refused.waitingList.deregistrationDate).toBeNull();
    const later = await fileOf('MSG00000-deregistered.json');
    expect(later.waitingList).toMatchObject({ registrationDate: '2023-02-01', deregistrationDate: '2026-05-31' });
  });

  it.each([
    ['financial-manager', 'MSG00013-financial-manager.json'],
    ['secretary', 'MSG00013-secretary.json'],
  ] as const)('refuses the %s (MSG00013) and journals the refusal', async (role, file) => {
    await runExample(server, 'huurpremie', example(file));
    const rows = server.store.journal.query('default', { flow: 'huurpremie' });
    expect(rows.at(-1)).toMatchObject({ role, insz: mother.insz, outcome: 'MSG00013', ok: false });
  });
});

describe('huurpremie through the SOAP face', () => {
  const envelope = (ssin: string) =>
    soapEnvelope(RENT_PREMIUM_V1, {
      cbeNumber: gentKbo(server),
      body: `<searchCriteria><ssin>${ssin}</ssin></searchCriteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, man, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the waiting list and the refusal after status', async () => {
    const r = await postSoap(server, PATH, RENT_PREMIUM_V1, 'social-worker', envelope(man.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'rentPremiumFile/candidate/ssin')).toBe(man.insz);
    expect(pathText(r.response, 'rentPremiumFile/housingCompany/name')).toBe('Woonpunt Schelde-Rupel');
    expect(pathText(r.response, 'rentPremiumFile/waitingList/registrationDate')).toBe('2023-02-01');
    expect(pathText(r.response, 'rentPremiumFile/rentPremium/potentiallyEntitled')).toBe('false');
    expect(pathText(r.response, 'rentPremiumFile/rentPremium/refusalReason')).toMatch(/vier jaar/);
  });

  it('refuses the financial manager with MSG00013 and no data', async () => {
    const r = await postSoap(server, PATH, RENT_PREMIUM_V1, 'financial-manager', envelope(man.insz));
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'MSG00013']);
    expect(r.body).not.toContain('rentPremiumFile');
  });
});

describe('reading the request', () => {
  it('reads ssin and the optional date', () => {
    const el = operationElement(RENT_PREMIUM_V1, '<searchCriteria><ssin>76062900485</ssin></searchCriteria>');
    expect(fromXml(el)).toEqual({ ssin: '76062900485', date: null });
    expect(fromJson({ ssin: '76062900485', date: '2024-06-30' })).toEqual({ ssin: '76062900485', date: '2024-06-30' });
  });

  it.each([
    ['<searchCriteria/>', 'ssin'],
    ['<searchCriteria><ssin>76062900485</ssin><date>2024-06-31</date></searchCriteria>', 'date'],
    ['<searchCriteria><ssin>76062900485</ssin><date/><date/></searchCriteria>', 'date'],
    ['<criteria><ssin>76062900485</ssin></criteria>', 'criteria'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(RENT_PREMIUM_V1, body))).field).toBe(field);
  });

  it.each([
    [{ ssin: '7606290048' }, 'ssin'],
    [{ ssin: '76062900485', date: true }, 'date'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a simulated, social-worker-only flow', () => {
    expect(flow).toMatchObject({ id: 'huurpremie', fidelity: 'simulated', roles: ['social-worker'] });
  });
});
