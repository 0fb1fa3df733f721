import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Role } from '../../../scenarios/engine/model.ts';
import {
  freshTenant,
  gentKbo,
  itAnswersExamples,
  loadExamples,
  operationElement,
  personOf,
  postJson,
  postSoap,
  register,
  requestError,
  serverWith,
  soapEnvelope,
} from '../../../test/support/flows.ts';
import { child, children, text } from '../../src/ksz/xml/dom.ts';
import type { Server } from '../../src/server.ts';
import { type Mutation, mutationId } from './derive.ts';
import flow, { LEGAL_CONTEXT, UNKNOWN_MUTATION } from './flow.ts';
import {
  ACKNOWLEDGE_MUTATIONS_V1,
  acknowledgeFromJson,
  acknowledgeFromXml,
  fetchFromJson,
  fetchFromXml,
  GET_MUTATIONS_V1,
} from './wire.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const SOA = '/SOA4520/MutationService/v1';

let server: Server;
let gent: string;
let worker: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  gent = gentKbo(server);
  worker = personOf(server, { scenario: 'leefloon-undeclared-work', role: 'main' });
});
afterAll(() => server.store.close());

const fetch = async (role: Role = 'social-worker', maxResults?: number) => {
  const r = await postJson(
    server,
    '/ksz/json/mutations/getMutations',
    { legalContext: LEGAL_CONTEXT, ...(maxResults ? { maxResults } : {}) },
    role,
  );
  return { code: r.body.status.code, mutations: (r.body.mutations ?? []) as Mutation[], body: r.body };
};
const acknowledge = (ids: string[]) =>
  postJson(server, '/ksz/json/mutations/acknowledgeMutations', { legalContext: LEGAL_CONTEXT, mutationIds: ids });

// As the contract suite runs an example: `$insz` is replaced inside strings too (mutation ids).
describe('mutation examples through the JSON face', () => itAnswersExamples(EXAMPLES, 'mutations', () => server));

describe('mutations follow the world timeline and the integration register', () => {
  it('appears when the clock moves past a change of an integrated person', async () => {
    freshTenant(server, '2025-01-31');
    await register(server, worker, { purpose: '2', from: '2024-01-01', to: null });
    expect((await fetch()).code).toBe('MSG00100');
    server.tenants.setClock('default', '2025-02-03');
    const r = await fetch();
    expect(r.code).toBe('MSG00000');
    expect(r.mutations).toEqual([
      expect.objectContaining({
        mutationId: mutationId(gent, worker.insz, 'EMPLOYMENT_START', '2025-02-03'),
        ssin: worker.insz,
        type: 'EMPLOYMENT_START',
        eventDate: '2025-02-03',
      }),
    ]);
    expect(r.mutations[0]?.details.employerName).toBe(worker.employment.at(-1)?.employerName);
    server.tenants.setClock('default', '2025-08-29');
    expect((await fetch()).mutations.map((m) => m.type)).toEqual(['EMPLOYMENT_START', 'EMPLOYMENT_END']);
  });

  it('never delivers the changes of a person without an integration', async () => {
    freshTenant(server);
    const main = personOf(server, { scenario: 'leefloon-partner-moves-in', role: 'main' });
    const partner = personOf(server, { scenario: 'leefloon-partner-moves-in', role: 'partner' });
    const student = personOf(server, { scenario: 'student-leefloon-job', role: 'student' });
    await register(server, main, { purpose: '2', from: '2020-01-01', to: null });
    for (const clock of ['2025-06-30', '2025-09-30', '2026-12-31']) {
      server.tenants.setClock('default', clock);
      const ssins = new Set((await fetch('social-worker', 500)).mutations.map((m) => m.ssin));
      expect(ssins.has(partner.insz)).toBe(false);
      expect(ssins.has(student.insz)).toBe(false);
      expect(ssins.has(main.insz)).toBe(true);
    }
  });

  it('needs the registration to have started before the change and to run on its date', async () => {
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2025-02-03', to: null });
    expect((await fetch()).code).toBe('MSG00100');
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2025-02-02', to: '2025-02-03' });
    expect((await fetch()).mutations.map((m) => m.eventDate)).toEqual(['2025-02-03']);
  });

  it('forgets a mutation once acknowledged, says so on a second acknowledgement, and refuses a foreign id', async () => {
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2020-01-01', to: null });
    const [m] = (await fetch()).mutations;
    if (!m) throw new Error('no mutation');
    const foreign = mutationId('0205431152', worker.insz, 'EMPLOYMENT_START', '2025-02-03');
    const refused = await acknowledge([m.mutationId, foreign]);
    expect(refused.body.status).toMatchObject({
      code: UNKNOWN_MUTATION,
      information: [{ fieldName: 'mutationId', fieldValue: foreign }],
    });
    expect((await fetch()).mutations).toHaveLength(1);
    const ok = await acknowledge([m.mutationId]);
    expect(ok.body.acknowledgements).toEqual([{ mutationId: m.mutationId, result: 'ACKNOWLEDGED' }]);
    expect((await fetch()).code).toBe('MSG00100');
    const again = await acknowledge([m.mutationId]);
    expect(again.body.acknowledgements).toEqual([{ mutationId: m.mutationId, result: 'ALREADY_ACKNOWLEDGED' }]);
    server.tenants.setClock('default', '2025-08-29');
    expect((await fetch()).mutations.map((x) => x.type)).toEqual(['EMPLOYMENT_END']);
  });

  it('delivers acknowledged mutations again after a reset of the tenant', async () => {
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2020-01-01', to: null });
    const id = mutationId(gent, worker.insz, 'EMPLOYMENT_START', '2025-02-03');
    expect((await acknowledge([id])).body.status.code).toBe('MSG00000');
    expect((await fetch()).code).toBe('MSG00100');
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2020-01-01', to: null });
    expect((await fetch()).mutations.map((m) => m.mutationId)).toEqual([id]);
  });

  it('pages with maxResults, oldest first', async () => {
    freshTenant(server);
    const man = personOf(server, { scenario: 'undocumented-urgent-medical-aid', role: 'main' });
    await register(server, man, { purpose: '4', from: '2024-01-01', to: null });
    const first = await fetch('security-adviser', 2);
    expect(first.body).toMatchObject({ moreAvailable: true, pendingTotal: 3 });
    expect(first.mutations.map((m) => m.eventDate)).toEqual(['2024-11-04', '2025-02-03']);
  });
});

describe('mutations through the SOAP face', () => {
  beforeAll(async () => {
    freshTenant(server);
    await register(server, worker, { purpose: '2', from: '2020-01-01', to: null });
  });
  const envelope = (wire: typeof GET_MUTATIONS_V1, body: string) => soapEnvelope(wire, { cbeNumber: gent, body });

  it('answers the pending mutations after status', async () => {
    const r = await postSoap(
      server,
      `${SOA}/getMutations`,
      GET_MUTATIONS_V1,
      'security-adviser',
      envelope(GET_MUTATIONS_V1, '<maxResults>10</maxResults>'),
    );
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    const mutation = r.response ? child(r.response, null, 'mutation') : undefined;
    expect(text(mutation ? child(mutation, null, 'mutationId') : undefined)).toBe(
      mutationId(gent, worker.insz, 'EMPLOYMENT_START', '2025-02-03'),
    );
    expect(text(mutation ? child(mutation, null, 'type') : undefined)).toBe('EMPLOYMENT_START');
    const names = mutation ? children(mutation, null, 'information').map((i) => text(child(i, null, 'fieldName'))) : [];
    expect(names).toContain('employerKbo');
    expect(text(r.response ? child(r.response, null, 'moreAvailable') : undefined)).toBe('false');
  });

  it('acknowledges, and refuses an unknown id with MUTA0001 and the financial manager with MSG00013', async () => {
    const id = mutationId(gent, worker.insz, 'EMPLOYMENT_START', '2025-02-03');
    const path = `${SOA}/acknowledgeMutations`;
    const unknown = await postSoap(
      server,
      path,
      ACKNOWLEDGE_MUTATIONS_V1,
      'social-worker',
      envelope(ACKNOWLEDGE_MUTATIONS_V1, `<mutationId>${id.replace('20250203', '20250101')}</mutationId>`),
    );
    expect([unknown.value, unknown.code]).toEqual(['NO_RESULT', UNKNOWN_MUTATION]);
    const fm = await postSoap(
      server,
      path,
      ACKNOWLEDGE_MUTATIONS_V1,
      'financial-manager',
      envelope(ACKNOWLEDGE_MUTATIONS_V1, `<mutationId>${id}</mutationId>`),
    );
    expect(fm.code).toBe('MSG00013');
    const ok = await postSoap(
      server,
      path,
      ACKNOWLEDGE_MUTATIONS_V1,
      'social-worker',
      envelope(ACKNOWLEDGE_MUTATIONS_V1, `<mutationId>${id}</mutationId>`),
    );
    expect(ok.code).toBe('MSG00000');
    expect(ok.body).toContain('<result>ACKNOWLEDGED</result>');
  });
});

describe('reading the requests', () => {
  const id = '0251951263.94073172775.EMPLOYMENT_START.20250203';
  it('reads maxResults (default 100) and mutation ids', () => {
    expect(fetchFromXml(operationElement(GET_MUTATIONS_V1, ''))).toEqual({ maxResults: 100 });
    expect(fetchFromJson({ maxResults: 5 })).toEqual({ maxResults: 5 });
    const twice = `<mutationId>${id}</mutationId><mutationId>${id}</mutationId>`;
    expect(acknowledgeFromXml(operationElement(ACKNOWLEDGE_MUTATIONS_V1, twice))).toEqual({ mutationIds: [id] });
    expect(acknowledgeFromJson({ mutationIds: [id] })).toEqual({ mutationIds: [id] });
  });

  it.each([
    [GET_MUTATIONS_V1, '<maxResults>501</maxResults>', 'maxResults'],
    [GET_MUTATIONS_V1, '<ssin>94073172775</ssin>', 'ssin'],
    [ACKNOWLEDGE_MUTATIONS_V1, '', 'mutationId'],
    [ACKNOWLEDGE_MUTATIONS_V1, '<mutationId>M-1</mutationId>', 'mutationId'],
  ])('fromXml refuses a bad request naming the field (%#)', (wire, body, field) => {
    const read = wire === GET_MUTATIONS_V1 ? fetchFromXml : acknowledgeFromXml;
    expect(requestError(() => read(operationElement(wire, body))).field).toBe(field);
  });

  it.each([
    [{ maxResults: 'ten' }, 'maxResults', fetchFromJson],
    [{}, 'mutationIds', acknowledgeFromJson],
    [{ mutationIds: [] }, 'mutationIds', acknowledgeFromJson],
    [{ mutationIds: [42] }, 'mutationIds', acknowledgeFromJson],
  ] as const)('fromJson refuses %j naming %s', (body, field, read) => {
    expect(requestError(() => read(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a simulated flow for the social worker and the security adviser', () => {
    expect(flow).toMatchObject({
      id: 'mutations',
      fidelity: 'simulated',
      roles: ['social-worker', 'security-adviser'],
      legalContexts: [LEGAL_CONTEXT],
    });
    expect(flow.operations.map((o) => [o.name, o.integration])).toEqual([
      ['getMutations', false],
      ['acknowledgeMutations', false],
    ]);
  });
});
