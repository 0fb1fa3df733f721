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
import flow, { CIVIC_INTEGRATION_V1, fromJson, fromXml } from './flow.ts';
import type { KbiView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/CivicIntegrationService/v1/consultCivicIntegrationFile';

let server: Server;
let newcomer: Person;
beforeAll(async () => {
  server = await testServer();
  newcomer = personOf(server, { scenario: 'newcomer-inburgering', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const fileOf = async (name: string) =>
  (await runExample(server, 'kbi', example(name))).body.civicIntegrationFile as KbiView;

describe('KBI examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'kbi', () => server);

  it('shows a running trajectory on 2025-06-30: contract signed, A1 and A2 obtained, no certificate yet', async () => {
    const file = await fileOf('MSG00000-trajectory-running.json');
    expect(file.person).toMatchObject({ ssin: newcomer.insz, lastName: newcomer.familyName, sex: 'F' });
    expect(file.person.uniqueNumber).toMatch(/^[A-Z]\d{7}$/);
    expect(file.registeredBy).toEqual({ cbeNumber: '0543307391', name: 'Agentschap Integratie en Inburgering' });
    expect(file.trajectory).toEqual({ kind: 'verplicht', status: 'lopend', from: '2024-03-04', to: null });
    expect(file.contract).toEqual({ signed: true, signedOn: '2024-03-18' });
    expect(file.certificate).toEqual({ obtained: false, issuedOn: null });
    expect(file.nt2Courses.map((c) => [c.level, c.status])).toEqual([
      ['A1', 'behaald'],
      ['A2', 'behaald'],
    ]);
  });

  it('shows the finished trajectory with its certificate on 2026-01-05, the B1 course still running', async () => {
    const file = await fileOf('MSG00000-certificate-obtained.json');
    expect(file.trajectory).toMatchObject({ status: 'afgerond', to: '2025-12-12' });
    expect(file.certificate).toEqual({ obtained: true, issuedOn: '2025-12-12' });
    expect(file.nt2Courses.at(-1)).toMatchObject({ level: 'B1', status: 'lopend', to: null });
  });

  it('answers the old BIS number with the new one (MSG00006, newSSIN)', async () => {
    const r = await runExample(server, 'kbi', example('MSG00006-replaced-bis-number.json'));
    const status = r.body.status as { information?: { fieldName: string; fieldValue: string }[] };
    expect(status.information).toContainEqual({ fieldName: 'newSSIN', fieldValue: newcomer.insz });
  });

  it.each([
    ['financial-manager', 'MSG00013-financial-manager.json'],
    ['secretary', 'MSG00013-secretary.json'],
  ] as const)('refuses the %s (MSG00013) and journals the refusal', async (role, file) => {
    await runExample(server, 'kbi', example(file));
    const rows = server.store.journal.query('default', { flow: 'kbi' });
    expect(rows.at(-1)).toMatchObject({
      role,
      flow: 'kbi',
      operation: 'consultCivicIntegrationFile',
      insz: newcomer.insz,
      outcome: 'MSG00013',
      ok: false,
    });
  });
});

describe('KBI through the SOAP face', () => {
  const envelope = (ssin: string) =>
    soapEnvelope(CIVIC_INTEGRATION_V1, {
      cbeNumber: gentKbo(server),
      body: `<searchCriteria><ssin>${ssin}</ssin></searchCriteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, newcomer, { purpose: '2', from: '2024-02-05', to: null });
  });

  it('answers the file after status', async () => {
    const r = await postSoap(server, PATH, CIVIC_INTEGRATION_V1, 'social-worker', envelope(newcomer.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    const file = r.response ? pathText(r.response, 'civicIntegrationFile/person/ssin') : '';
    expect(file).toBe(newcomer.insz);
    expect(pathText(r.response, 'civicIntegrationFile/trajectory/status')).toBe('lopend');
    expect(pathText(r.response, 'civicIntegrationFile/contract/signed')).toBe('true');
    expect(pathText(r.response, 'civicIntegrationFile/certificate/obtained')).toBe('false');
    expect(pathText(r.response, 'civicIntegrationFile/registeredBy/cbeNumber')).toBe('0543307391');
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<civicIntegrationFile>'));
  });

  it('refuses the financial manager with MSG00013 and no file', async () => {
    const r = await postSoap(server, PATH, CIVIC_INTEGRATION_V1, 'financial-manager', envelope(newcomer.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'NO_RESULT', 'MSG00013']);
    expect(r.body).not.toContain('civicIntegrationFile');
  });
});

describe('reading the request', () => {
  it('reads searchCriteria/ssin from XML and ssin from JSON', () => {
    const el = operationElement(CIVIC_INTEGRATION_V1, '<searchCriteria><ssin>94030631248</ssin></searchCriteria>');
    expect(fromXml(el)).toEqual({ ssin: '94030631248' });
    expect(fromJson({ ssin: '94030631248' })).toEqual({ ssin: '94030631248' });
  });

  it.each([
    ['', 'searchCriteria'],
    ['<searchCriteria/>', 'ssin'],
    ['<searchCriteria><ssin>9403063124</ssin></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>94030631248</ssin><date>2025-01-01</date></searchCriteria>', 'date'],
    ['<searchCriteria><ssin>94030631248</ssin></searchCriteria><extra/>', 'extra'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(CIVIC_INTEGRATION_V1, body))).field).toBe(field);
  });

  it.each([[{}], [{ ssin: 94030631248 }], [{ ssin: '940306-312-48' }]])('fromJson refuses %j naming ssin', (body) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe('ssin');
  });

  it('declares a simulated, social-worker-only flow with one legal context', () => {
    expect(flow).toMatchObject({ id: 'kbi', fidelity: 'simulated', roles: ['social-worker'] });
    expect(flow.legalContexts).toEqual(['PCSA:SOCIAL_INQUIRY']);
  });
});
