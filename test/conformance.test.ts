import { beforeAll, describe, expect, it } from 'vitest';
import { buildCases } from '../mock-server/src/ksz/conformance/cases.ts';
import { loadExamples } from '../mock-server/src/ksz/conformance/examples.ts';
import {
  type ConformanceReport,
  conformanceReport,
  RETRY_STORM_SECONDS,
} from '../mock-server/src/ksz/conformance/report.ts';
import { createServer, type Server } from '../mock-server/src/server.ts';
import { openSqliteStore } from '../mock-server/src/store/sqlite.ts';
import type { Person } from '../scenarios/engine/model.ts';
import { basic } from './support/server.ts';

/**
 * A vendor's test run, end to end in process: a tenant of its own through the admin API, a mix of good and bad client
 * behaviour on the JSON, new-style SOAP and SSDN faces, and the conformance report, which must list exactly the cases
 * exercised and the rules broken, nothing more.
 */

const ADMIN = 'conformance-admin-token';
const TENANT = 'vendor-run-1';
const HEALTH = 'getInsuranceOrganizationInformations';

let server: Server;
let token: string;
/** The server's clock, moved by the test: retries are judged by the journal's times. */
let clockMs = Date.parse('2025-06-30T08:00:00Z');
const wait = (seconds: number) => {
  clockMs += seconds * 1000;
};

interface UserView {
  username: string;
  password: string;
  role: string;
  organisation: { kbo: string };
}
let users: UserView[];
const user = (username: string) => {
  const u = users.find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  return u;
};
let person: (scenario: string) => Person;

const admin = (path: string, init: RequestInit & { token?: string } = {}) =>
  server.app.request(`/__admin/tenants${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${init.token ?? token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });

async function json(username: string, flow: string, operation: string, body: unknown): Promise<string> {
  const u = user(username);
  const res = await server.app.request(`/t/${TENANT}/ksz/json/${flow}/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic(u.username, u.password) },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { status: { code: string } }).status.code;
}

function register(username: string, p: Person): Promise<string> {
  return json(username, 'manage-access', 'manageAccess', {
    ssin: p.insz,
    action: 'REGISTER',
    purpose: '2',
    period: { startDate: '2020-01-01' },
    proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
  });
}

/** A new-style SOAP request as a WSDL-driven client sends it. */
async function soap(
  username: string,
  path: string,
  ns: string,
  element: string,
  legalContext: string,
  content: string,
): Promise<string> {
  const u = user(username);
  const res = await server.app.request(`/t/${TENANT}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Authorization: basic(u.username, u.password) },
    body: `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:s="${ns}">
 <soapenv:Body>
  <s:${element}>
   <informationCustomer><ticket>vendor-run-1</ticket><timestampSent>2025-06-30T10:00:00.000+02:00</timestampSent>
    <customerIdentification><cbeNumber>${u.organisation.kbo}</cbeNumber></customerIdentification></informationCustomer>
   <legalContext>${legalContext}</legalContext>
   ${content}
  </s:${element}>
 </soapenv:Body>
</soapenv:Envelope>`,
  });
  const text = await res.text();
  return /<code>([^<]+)<\/code>/.exec(text)?.[1] ?? `HTTP ${res.status}`;
}

let report: ConformanceReport;
/** Journal row ids of the requests played, by what they were. */
const rows: Record<string, number[]> = {};
const lastRow = () => server.store.journal.query(TENANT, { limit: 1 })[0]?.id ?? 0;
const mark = (what: string) => {
  rows[what] = [...(rows[what] ?? []), lastRow()];
};

beforeAll(async () => {
  server = await createServer({
    store: openSqliteStore(':memory:'),
    adminToken: ADMIN,
    now: () => new Date(clockMs),
    ticketSeed: 'conformance-test',
  });
  // 1. The vendor's test run gets a tenant of its own, with its own token.
  const created = await admin('', {
    method: 'POST',
    token: ADMIN,
    body: JSON.stringify({ id: TENANT, preset: 'small', seed: 1, clock: '2025-06-30' }),
  });
  expect(created.status).toBe(201);
  token = ((await created.json()) as { token: string }).token;
  users = ((await (await admin(`/${TENANT}/users`)).json()) as { users: UserView[] }).users;
  const world = server.tenants.get(TENANT)?.world;
  person = (scenario) => {
    const p = world?.persons.find((x) => x.origin === scenario && x.originRole === 'main');
    if (!p) throw new Error(`no main person in ${scenario}`);
    return p;
  };
  const gmd = person('health-insurance-gmd-change');
  const newcomer = person('newcomer-inburgering');
  const diplomas = person('led-diplomas');
  const HEALTH_V1 = 'http://kszbcss.fgov.be/intf/HealthCareInsuranceService/v1';

  // 2. Good: register, then consult with the flow's legal context (JSON).
  expect(await register('mw.gent', gmd)).toBe('MSG00000');
  mark('register');
  wait(10);
  expect(
    await json('mw.gent', 'health-insurance', HEALTH, {
      legalContext: 'social inquiry and financial help',
      ssin: gmd.insz,
    }),
  ).toBe('MSG00000');
  mark('consulted');
  wait(10);

  // 3. Bad: Tx25 about a person never registered (SOAP).
  expect(
    await soap(
      'mw.gent',
      '/SOA4520/RetrieveTIGroupsService/v2/retrieveTI',
      'http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2',
      'retrieveTIGroupsRequest',
      'PCSA:SOCIAL_INQUIRY',
      `<searchInformation><ssin>${person('inschakeling-ended-2015').insz}</ssin><language>nl</language></searchInformation>`,
    ),
  ).toBe('MSG00012');
  mark('not-integrated');
  wait(10);

  // 4. Bad: another flow's legal context (SOAP).
  expect(
    await soap(
      'mw.gent',
      `/SOA4520/HealthCareInsuranceService/v1/${HEALTH}`,
      HEALTH_V1,
      `${HEALTH}Request`,
      'PCSA:SOCIAL_INQUIRY',
      `<criterion><ssin>${gmd.insz}</ssin></criterion>`,
    ),
  ).toBe('MSG00013');
  mark('legal-context');
  wait(10);

  // 5. Bad: the secretary calls a flow outside her role (JSON).
  expect(
    await json('sec.gent', 'health-insurance', HEALTH, {
      legalContext: 'social inquiry and financial help',
      ssin: gmd.insz,
    }),
  ).toBe('MSG00013');
  mark('role');
  wait(10);

  // 6. Invalid: a flag the service does not have (JSON, MSG00008) and an unreadable SSDN envelope.
  expect(
    await json('mw.gent', 'health-insurance', HEALTH, {
      legalContext: 'social inquiry and financial help',
      ssin: gmd.insz,
      desiredData: ['dentalCare'],
    }),
  ).toBe('MSG00008');
  mark('msg00008');
  wait(10);
  const broken = await server.app.request(`/t/${TENANT}/connectors/webservice/KSZBCSSWebServiceConnectorPort`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><xmlString xmlns="http://ksz-bcss.fgov.be/connectors/WebServiceConnector">not an SSDN request</xmlString></soapenv:Body></soapenv:Envelope>',
  });
  expect(broken.status).toBeLessThan(600);
  mark('unreadable');
  wait(10);

  // 7. Bad: MSG00001 injected on KBI, and the client hammers: two retries one second apart.
  expect(await register('mw.gent', newcomer)).toBe('MSG00000');
  mark('register');
  wait(10);
  const fault = await admin(`/${TENANT}/faults`, {
    method: 'POST',
    body: JSON.stringify({ id: 'kbi-down', kind: 'unavailable', code: 'MSG00001', flow: 'kbi', probability: 1 }),
  });
  expect(fault.status).toBe(201);
  const kbi = { legalContext: 'PCSA:SOCIAL_INQUIRY', ssin: newcomer.insz };
  for (let i = 0; i < 3; i++) {
    expect(await json('mw.gent', 'kbi', 'consultCivicIntegrationFile', kbi)).toBe('MSG00001');
    mark('storm');
    wait(1);
  }
  expect((await admin(`/${TENANT}/faults/kbi-down`, { method: 'DELETE' })).status).toBe(200);
  wait(30);
  expect(await json('mw.gent', 'kbi', 'consultCivicIntegrationFile', kbi)).toBe('MSG00000');
  mark('kbi-ok');
  wait(10);

  // 8. Good: MSG00002 on LED, and the client backs off (retry after 6 s, then after 12 s when it is back).
  expect(await register('mw.gent', diplomas)).toBe('MSG00000');
  mark('register');
  wait(10);
  await admin(`/${TENANT}/faults`, {
    method: 'POST',
    body: JSON.stringify({ id: 'led-down', kind: 'unavailable', code: 'MSG00002', flow: 'led', probability: 1 }),
  });
  const led = { legalContext: 'PCSA:SOCIAL_INQUIRY', ssin: diplomas.insz };
  expect(await json('mw.gent', 'led', 'consultEvidence', led)).toBe('MSG00002');
  mark('led-down');
  wait(RETRY_STORM_SECONDS + 1);
  expect(await json('mw.gent', 'led', 'consultEvidence', led)).toBe('MSG00002');
  mark('led-down');
  await admin(`/${TENANT}/faults/led-down`, { method: 'DELETE' });
  wait(12);
  expect(await json('mw.gent', 'led', 'consultEvidence', led)).toBe('MSG00000');
  mark('led-ok');

  const res = await admin(`/${TENANT}/report`);
  expect(res.status).toBe(200);
  report = (await res.json()) as ConformanceReport;
});

describe('conformance report of a vendor test run', () => {
  it('lists exactly the cases exercised, with how often and through which face', () => {
    expect(report.exercised.map((e) => [e.id, e.count, e.faces])).toEqual([
      [`health-insurance/${HEALTH}/MSG00000`, 1, ['json']],
      [`health-insurance/${HEALTH}/MSG00008`, 1, ['json']],
      [`health-insurance/${HEALTH}/MSG00013-legal-context`, 1, ['soa']],
      [`health-insurance/${HEALTH}/MSG00013-role`, 1, ['json']],
      ['kbi/consultCivicIntegrationFile/MSG00000', 1, ['json']],
      ['kbi/fault/MSG00001', 3, ['json']],
      ['led/consultEvidence/MSG00000', 1, ['json']],
      ['led/fault/MSG00002', 2, ['json']],
      ['manage-access/manageAccess/MSG00000', 3, ['json']],
      ['retrieve-ti-groups/retrieveTI/MSG00012', 1, ['soa']],
    ]);
    expect(report.exercised.find((e) => e.id === 'kbi/fault/MSG00001')?.rows).toEqual(rows.storm);
    expect(report.unclassified).toEqual([]);
  });

  it('lists exactly the rules broken, in journal order', () => {
    expect(report.violations.map((v) => [v.kind, v.rows])).toEqual([
      ['not-integrated', rows['not-integrated']],
      ['wrong-legal-context', rows['legal-context']],
      ['outside-role', rows.role],
      ['retry-storm', rows.storm],
    ]);
    expect(report.violations[2]).toMatchObject({ user: 'sec.gent', role: 'secretary', flow: 'health-insurance' });
    expect(report.violations[3]?.detail).toContain('2 retries');
    expect(report.summary.violations).toEqual({
      'not-integrated': 1,
      'outside-role': 1,
      'wrong-legal-context': 1,
      identity: 0,
      'retry-storm': 1,
    });
  });

  it('lists the invalid requests: the unreadable envelope and the MSG00008', () => {
    expect(report.invalidRequests.map((r) => [r.row, r.outcome, r.face])).toEqual([
      [rows.msg00008?.[0], 'MSG00008', 'json'],
      [rows.unreadable?.[0], 'INVALID_REQUEST', 'ssdn'],
    ]);
  });

  it('scores coverage over the cases of the flows used', () => {
    const flows = server.flows;
    const cases = buildCases(flows, loadExamples(flows));
    const used = ['health-insurance', 'kbi', 'led', 'manage-access', 'retrieve-ti-groups'];
    const total = cases.filter((c) => used.includes(c.flow)).length;
    expect(report.coverage.flows.map((f) => f.flow)).toEqual(used);
    expect(report.coverage).toMatchObject({ cases: total, exercised: 10 });
    expect(report.summary.score).toBe(Math.round((10 / total) * 1000) / 1000);
    expect(report.coverage.all).toMatchObject({ cases: cases.length, exercised: 10 });
    const kbi = report.coverage.flows.find((f) => f.flow === 'kbi');
    expect(kbi?.missing).toContain('kbi/consultCivicIntegrationFile/MSG00012');
    expect(kbi?.missing).not.toContain('kbi/fault/MSG00001');
  });

  it('is a pure function of the journal: the same journal gives the same report', async () => {
    const again = (await (await admin(`/${TENANT}/report`)).json()) as ConformanceReport;
    expect(again).toEqual(report);
    const flows = server.flows;
    expect(
      conformanceReport({
        tenant: TENANT,
        rows: server.store.journal.query(TENANT),
        cases: buildCases(flows, loadExamples(flows)),
        flows,
      }),
    ).toEqual(report);
  });

  it('has a printable HTML page', async () => {
    const res = await admin(`/${TENANT}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const text of [
      'Conformance report',
      TENANT,
      'Retry storm',
      'Consultation without integration',
      '@page',
      'Synthetic data',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('<script');
  });

  it('needs the admin token or this tenant token, like the other admin routes', async () => {
    expect((await server.app.request(`/__admin/tenants/${TENANT}/report`)).status).toBe(401);
    expect((await admin(`/${TENANT}/report`, { token: 'wrong' })).status).toBe(401);
    expect((await admin(`/${TENANT}/report.html`, { token: 'wrong' })).status).toBe(401);
    expect((await admin(`/${TENANT}/report`, { token: ADMIN })).status).toBe(200);
    expect((await admin('/nobody/report', { token: ADMIN })).status).toBe(404);
    const other = await admin('', {
      method: 'POST',
      token: ADMIN,
      body: JSON.stringify({ id: 'vendor-run-2', preset: 'small' }),
    });
    const otherToken = ((await other.json()) as { token: string }).token;
    expect((await admin(`/${TENANT}/report`, { token: otherToken })).status).toBe(401);
    const empty = (await (await admin('/vendor-run-2/report', { token: otherToken })).json()) as ConformanceReport;
    expect(empty).toMatchObject({ tenant: 'vendor-run-2', journal: { rows: 0 }, exercised: [], violations: [] });
  });
});
