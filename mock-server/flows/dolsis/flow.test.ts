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
import { child, children } from '../../src/ksz/xml/dom.ts';
import type { Server } from '../../src/server.ts';
import { alertsOf } from '../knipperlichten/alerts.ts';
import flow, { DOLSIS_V1, fromJson, fromXml, LEGAL_CONTEXT } from './flow.ts';
import type { EmploymentView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/DolsisService/v1/findEmployersByWorker';

let server: Server;
let father: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  father = personOf(server, { scenario: 'family-child-benefits', role: 'father' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const employmentsOf = async (file: string) =>
  ((await runExample(server, 'dolsis', example(file))).body.employments ?? []) as EmploymentView[];

describe('Dolsis through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'dolsis', () => server);

  it('shows the active employment with employer, joint committee and worker type', async () => {
    expect(await employmentsOf('MSG00000-active-employment.json')).toEqual([
      {
        employer: { cbeNumber: father.employment[0]?.employerKbo, name: father.employment[0]?.employerName },
        period: { beginDate: '2006-01-02', endDate: null },
        jointCommittee: '200',
        workerType: 'OTH',
        workerCategory: 'WHITE_COLLAR',
        dimonaId: father.employment[0]?.dimonaId,
        lastDimonaAction: 'in',
        mutations: [],
      },
    ]);
  });

  it('lists the Dimona in and out declared in the period', async () => {
    const list = await employmentsOf('MSG00000-mutations.json');
    expect(list.map((e) => e.mutations)).toEqual([
      [
        { action: 'in', date: '2023-03-01' },
        { action: 'out', date: '2023-10-31' },
      ],
    ]);
  });

  it('shows the same employment knipperlichten raises the EMPLOYMENT alert on', async () => {
    const p = personOf(server, { scenario: 'leefloon-undeclared-work', role: 'main' });
    const world = server.tenants.get('default')?.world;
    const households = new Map(world?.households.map((h) => [h.id, h]));
    const alerts = world ? alertsOf(world, p, gentKbo(server), households) : [];
    const dimonaIds = alerts.filter((a) => a.type === 'EMPLOYMENT').map((a) => a.evidence.dimonaId);
    const list = await employmentsOf('MSG00000-work-during-leefloon.json');
    expect(list.map((e) => e.dimonaId)).toEqual([...new Set(dimonaIds)]);
  });

  it('keeps the employment of a BIS number in a partial result (DOLS0004, NO_DATA_FOUND)', async () => {
    const r = await runExample(server, 'dolsis', example('DOLS0004-bis-number.json'));
    expect(r.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'DOLS0004' });
    expect((r.body.employments as EmploymentView[]).map((e) => e.workerCategory)).toEqual(['BLUE_COLLAR']);
  });

  it('answers DOLS0000 without employments when nothing matches', async () => {
    const r = await runExample(server, 'dolsis', example('DOLS0000-no-active-employment.json'));
    expect(r.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'DOLS0000' });
    expect(r.body.employments).toBeUndefined();
  });
});

describe('Dolsis through the SOAP face', () => {
  const envelope = (ssin: string, criteria = '<scope>active</scope>', extra = '') =>
    soapEnvelope(DOLSIS_V1, {
      cbeNumber: gentKbo(server),
      legalContext: LEGAL_CONTEXT,
      body: `${extra}<criteria><ssin>${ssin}</ssin>${criteria}</criteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, father, { purpose: '1', from: '2020-01-01', to: null });
  });

  it('answers result/employment after status', async () => {
    const r = await postSoap(server, PATH, DOLSIS_V1, 'social-worker', envelope(father.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'result/employment/employer/name')).toBe(father.employment[0]?.employerName);
    expect(pathText(r.response, 'result/employment/jointCommittee')).toBe('200');
    expect(pathText(r.response, 'result/employment/workerType')).toBe('OTH');
    expect(pathText(r.response, 'result/employment/period/beginDate')).toBe('2006-01-02');
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<result>'));
  });

  it('accepts the securityContext of the real request and a period for mutations', async () => {
    const security =
      '<securityContext><service>WELFARE</service><legalContext>SOCIAL_INVESTIGATION_OF_PCSA</legalContext><role>Agent</role></securityContext>';
    const r = await postSoap(
      server,
      PATH,
      DOLSIS_V1,
      'social-worker',
      envelope(
        father.insz,
        '<scope>mutations</scope><period><beginDate>2006-01-01</beginDate><endDate>2006-12-31</endDate></period>',
        security,
      ),
    );
    // The registration starts in 2020: the period 2006 is not covered.
    expect(r.code).toBe('MSG00012');
    const r2 = await postSoap(
      server,
      PATH,
      DOLSIS_V1,
      'social-worker',
      envelope(
        father.insz,
        '<scope>activeInPeriod</scope><period><beginDate>2024-01-01</beginDate><endDate>2024-12-31</endDate></period>',
        security,
      ),
    );
    expect([r2.value, r2.code]).toEqual(['DATA_FOUND', 'MSG00000']);
  });

  it('refuses the financial manager with MSG00013 and no result', async () => {
    const r = await postSoap(server, PATH, DOLSIS_V1, 'financial-manager', envelope(father.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'NO_RESULT', 'MSG00013']);
    expect(r.response && child(r.response, null, 'result')).toBeFalsy();
  });

  it('answers DOLS0000 with no result element', async () => {
    const p = personOf(server, { scenario: 'esv-moved-from-antwerpen', role: 'main' });
    await register(server, p, { purpose: '1', from: '2025-01-01', to: null });
    const r = await postSoap(server, PATH, DOLSIS_V1, 'social-worker', envelope(p.insz));
    expect([r.value, r.code]).toEqual(['NO_DATA_FOUND', 'DOLS0000']);
    expect(r.response ? children(r.response, null, 'result') : []).toHaveLength(0);
  });
});

describe('reading the request', () => {
  it('reads criteria from XML and JSON alike', () => {
    const period = '<period><beginDate>2024-01-01</beginDate><endDate>2024-12-31</endDate></period>';
    const el = operationElement(
      DOLSIS_V1,
      `<criteria><ssin>82060482345</ssin><scope>mutations</scope>${period}</criteria>`,
    );
    const expected = {
      ssin: '82060482345',
      scope: 'mutations',
      period: { beginDate: '2024-01-01', endDate: '2024-12-31' },
    };
    expect(fromXml(el)).toEqual(expected);
    expect(
      fromJson({ ssin: '82060482345', scope: 'mutations', period: { beginDate: '2024-01-01', endDate: '2024-12-31' } }),
    ).toEqual(expected);
    expect(fromJson({ ssin: '82060482345', scope: 'active', period: expected.period })).toEqual({
      ssin: '82060482345',
      scope: 'active',
      period: null,
    });
  });

  it.each([
    ['', 'criteria'],
    ['<criteria><ssin>82060482345</ssin></criteria>', 'scope'],
    ['<criteria><ssin>82060482345</ssin><scope>all</scope></criteria>', 'scope'],
    ['<criteria><ssin>8206048234</ssin><scope>active</scope></criteria>', 'ssin'],
    ['<criteria><ssin>82060482345</ssin><scope>activeInPeriod</scope></criteria>', 'period'],
    [
      '<criteria><ssin>82060482345</ssin><scope>mutations</scope><period><beginDate>2024-12-31</beginDate><endDate>2024-01-01</endDate></period></criteria>',
      'period/endDate',
    ],
    ['<criteria><ssin>82060482345</ssin><scope>active</scope></criteria><extra/>', 'extra'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(DOLSIS_V1, body))).field).toBe(field);
  });

  it.each([
    [{ scope: 'active' }, 'ssin'],
    [{ ssin: '82060482345' }, 'scope'],
    [{ ssin: '82060482345', scope: 'mutations' }, 'period'],
    [
      { ssin: '82060482345', scope: 'mutations', period: { beginDate: 'x', endDate: '2024-01-01' } },
      'period/beginDate',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a partial, social-worker-only flow with the Dolsis legal context', () => {
    expect(flow).toMatchObject({ id: 'dolsis', fidelity: 'partial', roles: ['social-worker'] });
    expect(flow.legalContexts).toEqual(['SOCIAL_INVESTIGATION_OF_PCSA']);
  });
});
