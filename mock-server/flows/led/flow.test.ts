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
import flow, { fromJson, fromXml, LED_V1 } from './flow.ts';
import type { LedView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/LearningAndExperienceEvidenceService/v1/consultEvidence';

let server: Server;
let graduate: Person;
beforeAll(async () => {
  server = await testServer();
  graduate = personOf(server, { scenario: 'led-diplomas', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const evidenceOf = async (name: string) =>
  (await runExample(server, 'led', example(name))).body.learningAndExperienceEvidence as LedView;

describe('LED examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'led', () => server);

  it('lists authentic and self-declared evidence, verified or not, oldest first', async () => {
    const led = await evidenceOf('MSG00000-authentic-and-self-declared.json');
    expect(led.person).toMatchObject({ ssin: graduate.insz, lastName: graduate.familyName });
    expect(led.evidence.map((e) => [e.kind, e.source, e.verified, e.issuedOn])).toEqual([
      ['diploma', 'self-declared', true, '2015-06-30'],
      ['diploma', 'authentic', true, '2016-06-30'],
      ['diploma', 'authentic', true, '2020-07-03'],
      ['certificate', 'authentic', true, '2022-05-20'],
      ['experience', 'self-declared', false, '2023-01-15'],
    ]);
    expect(led.evidence[2]).toMatchObject({ title: 'Professionele bachelor in de verpleegkunde', level: '6' });
    expect(led.evidence[0]?.level).toBeNull();
  });

  it('shows only the evidence issued by the tenant date', async () => {
    const led = await evidenceOf('MSG00000-earlier-date.json');
    expect(led.asOf).toBe('2021-01-01');
    expect(led.evidence.map((e) => e.issuedOn)).toEqual(['2015-06-30', '2016-06-30', '2020-07-03']);
  });

  it.each([
    ['financial-manager', 'MSG00013-financial-manager.json'],
    ['secretary', 'MSG00013-secretary.json'],
  ] as const)('refuses the %s (MSG00013) and journals the refusal', async (role, file) => {
    await runExample(server, 'led', example(file));
    const rows = server.store.journal.query('default', { flow: 'led' });
    expect(rows.at(-1)).toMatchObject({ role, insz: graduate.insz, outcome: 'MSG00013', ok: false });
  });
});

describe('LED through the SOAP face', () => {
  const envelope = (ssin: string, legalContext?: string) =>
    soapEnvelope(LED_V1, {
      cbeNumber: gentKbo(server),
      body: `<searchCriteria><ssin>${ssin}</ssin></searchCriteria>`,
      ...(legalContext ? { legalContext } : {}),
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, graduate, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the evidence after status', async () => {
    const r = await postSoap(server, PATH, LED_V1, 'social-worker', envelope(graduate.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'learningAndExperienceEvidence/person/ssin')).toBe(graduate.insz);
    expect(r.body.match(/<evidence>/g)).toHaveLength(5);
    expect(pathText(r.response, 'learningAndExperienceEvidence/evidence/source')).toBe('self-declared');
    expect(r.body).toContain('<verified>false</verified>');
  });

  it('refuses another legal context with MSG00013', async () => {
    const r = await postSoap(server, PATH, LED_V1, 'social-worker', envelope(graduate.insz, 'social inquiry'));
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'MSG00013']);
    expect(r.body).not.toContain('<evidence>');
  });
});

describe('reading the request', () => {
  it('reads searchCriteria/ssin from XML and ssin from JSON', () => {
    const el = operationElement(LED_V1, '<searchCriteria><ssin>97102456843</ssin></searchCriteria>');
    expect(fromXml(el)).toEqual({ ssin: '97102456843' });
    expect(fromJson({ ssin: '97102456843' })).toEqual({ ssin: '97102456843' });
  });

  it.each([
    ['<searchCriteria><ssin></ssin></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>97102456843</ssin><ssin>97102456843</ssin></searchCriteria>', 'ssin'],
    ['<searchCriteria>97102456843</searchCriteria>', 'searchCriteria'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(LED_V1, body))).field).toBe(field);
  });

  it.each([[{ ssin: null }], [{ ssin: '97.10.24-568.43' }]])('fromJson refuses %j naming ssin', (body) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe('ssin');
  });

  it('declares a simulated, social-worker-only flow', () => {
    expect(flow).toMatchObject({ id: 'led', fidelity: 'simulated', roles: ['social-worker'] });
  });
});
