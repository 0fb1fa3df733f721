import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  gentKbo,
  operationElement,
  personOf,
  postJson,
  postSoap,
  registration,
  requestError,
  serverWith,
  soapEnvelope,
} from '../../../test/support/flows.ts';
import type { OperationDef } from '../../src/ksz/flows/define.ts';
import type { Server } from '../../src/server.ts';
import flow, { delayDays, LEGAL_CONTEXT, type StoredRequest } from './flow.ts';
import { wireOf } from './wire.ts';

let server: Server;
let gent: string;
let antwerpen: string;
const person = (scenario: string, role = 'main'): Person => personOf(server, { scenario, role });

const json = (op: string, body: Record<string, unknown>, opts: { user?: string; tenant?: string } = {}) =>
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON answers
  postJson<any>(
    server,
    `/ksz/json/esv/${op}`,
    { legalContext: LEGAL_CONTEXT, ...body },
    { username: opts.user ?? 'mw.gent' },
    opts.tenant,
  );

async function register(p: Person, tenant?: string) {
  expect((await registration(server, p, { from: '2015-01-01' }, tenant)).body.status.code).toBe('MSG00000');
}

async function soap(op: string, inner: string): Promise<string> {
  const wire = wireOf(op);
  const envelope = soapEnvelope(wire, { cbeNumber: gent, legalContext: LEGAL_CONTEXT, body: inner });
  const res = await postSoap(
    server,
    `/SOA4520/ElectronicSocialReportService/v1/${op}`,
    wire,
    'social-worker',
    envelope,
  );
  expect(res.http).toBe(200);
  return res.body;
}

beforeAll(async () => {
  server = await serverWith(flow, { clock: '2025-10-01' });
  const orgs = server.tenants.get('default')!.world.organisations;
  gent = gentKbo(server);
  antwerpen = orgs.find((o) => o.nis === '11002')!.kbo;
  for (const s of ['esv-moved-from-antwerpen', 'leefloon-undeclared-work']) await register(person(s));
  await register(person('deceased-partner-widowed', 'deceased'));
});

describe('ESV through the JSON face', () => {
  it('answers a ticket, then every Antwerp decision of the five years before the request', async () => {
    const main = person('esv-moved-from-antwerpen');
    const asked = await json('requestSocialReport', { ssin: main.insz });
    expect(asked.body.status.code).toBe('MSG00000');
    expect(asked.body).toMatchObject({ ssin: main.insz, requestDate: '2025-10-01', readyDate: '2025-10-01' });
    expect(asked.body.addressees).toEqual([{ kbo: antwerpen, name: { nl: 'OCMW Antwerpen', fr: expect.any(String) } }]);
    const got = await json('getSocialReport', { ssin: main.insz, ticket: asked.body.ticket });
    expect(got.body.status.code).toBe('MSG00000');
    expect(got.body.window).toEqual({ from: '2020-10-01', to: '2025-10-01' });
    const [antwerp, ...others] = got.body.previousOcmws;
    expect(others).toEqual([]);
    expect(antwerp.ocmw.kbo).toBe(antwerpen);
    const expected = main.ocmwDecisions.filter(
      (d) => d.ocmwKbo === antwerpen && d.decisionDate >= '2020-10-01' && d.decisionDate <= '2025-10-01',
    );
    expect(antwerp.decisions.map((d: { id: string }) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
    // Gent's own decision and the Antwerp stop decided on 2025-10-28 are not in it.
    expect(antwerp.decisions.every((d: { decisionDate: string }) => d.decisionDate <= '2025-10-01')).toBe(true);
    const premium = antwerp.decisions.find((d: { kind: string }) => d.kind === 'installation-premium');
    expect(premium).toMatchObject({ period: { from: '2024-06-03', to: '2024-06-03' }, amountCents: 174129 });
    const revised = antwerp.decisions.find(
      (d: { revisionReason: string | null }) => d.revisionReason === 'kind woont voortaan bij de vader: alleenstaande',
    );
    expect(revised).toMatchObject({ category: 'alleenstaande', revises: expect.any(String) });
    // The last decision was still open on the request date: the stop that ended it came later.
    const last = antwerp.decisions.at(-1);
    expect(last.kind).toBe('leefloon');
    expect(last.period.to).toBeNull();
    expect(last.calculation).toEqual({ baseMonthlyCents: 131400, resources: [], exemptionCents: 0 });
  });

  it('keeps the request in the tenant state with its date and the asking OCMW', async () => {
    const main = person('esv-moved-from-antwerpen');
    const asked = await json('requestSocialReport', { ssin: main.insz });
    const stored = server.store.flowState.get('default', 'esv', `request/${asked.body.ticket}`) as StoredRequest;
    expect(stored).toMatchObject({ ssin: main.insz, ocmwKbo: gent, requestDate: '2025-10-01' });
  });

  it('answers MSG00100 when no other OCMW decided anything in the window', async () => {
    const p = person('leefloon-undeclared-work');
    const asked = await json('requestSocialReport', { ssin: p.insz });
    const got = await json('getSocialReport', { ssin: p.insz, ticket: asked.body.ticket });
    expect(got.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
  });

  it('answers ESV00003 for an unknown ticket and for a ticket of another INSZ', async () => {
    const main = person('esv-moved-from-antwerpen');
    const unknown = await json('getSocialReport', { ssin: main.insz, ticket: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.status.code).toBe('ESV00003');
    const other = await json('requestSocialReport', { ssin: person('leefloon-undeclared-work').insz });
    const mixed = await json('getSocialReport', { ssin: main.insz, ticket: other.body.ticket });
    expect(mixed.body.status.code).toBe('ESV00003');
  });

  it('refuses the ticket of another OCMW with MSG00013', async () => {
    const main = person('esv-moved-from-antwerpen');
    const ticket = '11111111-2222-4333-8444-555555555555';
    const theirs: StoredRequest = {
      ticket,
      ssin: main.insz,
      ocmwKbo: antwerpen,
      userId: '00000000000',
      requestDate: '2025-09-01',
      readyDate: '2025-09-01',
    };
    server.store.flowState.put('default', 'esv', `request/${ticket}`, theirs, '2025-09-01T08:00:00Z');
    const got = await json('getSocialReport', { ssin: main.insz, ticket });
    expect(got.body.status.code).toBe('MSG00013');
    expect(got.body.previousOcmws).toBeUndefined();
  });

  it('answers ESV00002 until the tenant delay has passed (esvDelayMinutes)', async () => {
    server.tenants.create({
      id: 'slow',
      preset: 'small',
      seed: 1,
      clock: '2025-10-01',
      settings: { esvDelayMinutes: 600 },
    });
    const main = person('esv-moved-from-antwerpen');
    await register(main, 'slow');
    const asked = await json('requestSocialReport', { ssin: main.insz }, { tenant: 'slow' });
    expect(asked.body.readyDate).toBe('2025-10-02');
    const early = await json('getSocialReport', { ssin: main.insz, ticket: asked.body.ticket }, { tenant: 'slow' });
    expect(early.body.status).toMatchObject({
      code: 'ESV00002',
      information: [{ fieldName: 'readyDate', fieldValue: '2025-10-02' }],
    });
    server.tenants.setClock('slow', '2025-10-02');
    const later = await json('getSocialReport', { ssin: main.insz, ticket: asked.body.ticket }, { tenant: 'slow' });
    expect(later.body.status.code).toBe('MSG00000');
    // The answer stays as of the request date, not the fetch date.
    expect(later.body.requestDate).toBe('2025-10-01');
  });

  it('answers ESV00001 before 2016-04-01, on both operations', async () => {
    server.tenants.create({ id: 'early', preset: 'small', seed: 1, clock: '2016-03-31' });
    const main = person('esv-moved-from-antwerpen');
    await register(main, 'early');
    const asked = await json('requestSocialReport', { ssin: main.insz }, { tenant: 'early' });
    expect(asked.body.status.code).toBe('ESV00001');
    const got = await json(
      'getSocialReport',
      { ssin: main.insz, ticket: '00000000-0000-4000-8000-000000000000' },
      { tenant: 'early' },
    );
    expect(got.body.status.code).toBe('ESV00001');
  });

  it.each([
    ['MSG00012', () => ({ ssin: person('leefloon-two-ocmws').insz }), 'mw.gent', LEGAL_CONTEXT],
    ['MSG00013', () => ({ ssin: person('esv-moved-from-antwerpen').insz }), 'fb.gent', LEGAL_CONTEXT],
    ['MSG00013', () => ({ ssin: person('esv-moved-from-antwerpen').insz }), 'mw.gent', 'SOCIAL_RATE'],
    ['MSG00011', () => ({ ssin: '12345678901' }), 'mw.gent', LEGAL_CONTEXT],
    ['MSG00008', () => ({ ssin: '1234' }), 'mw.gent', LEGAL_CONTEXT],
    ['MSG00007', () => ({ ssin: person('insz-cancelled-duplicate-bis', 'duplicate').insz }), 'mw.gent', LEGAL_CONTEXT],
    [
      'MSG00006',
      () => ({ ssin: person('insz-replaced-birthdate-corrected', 'main-old').insz }),
      'mw.gent',
      LEGAL_CONTEXT,
    ],
    ['MSG00009', () => ({ ssin: person('deceased-partner-widowed', 'deceased').insz }), 'mw.gent', LEGAL_CONTEXT],
  ])('requestSocialReport answers %s from the access checks', async (code, body, user, legalContext) => {
    const r = await json('requestSocialReport', { ...body(), legalContext }, { user });
    expect(r.http).toBe(200);
    expect(r.body.status.code).toBe(code);
    expect(r.body.ticket).toBeUndefined();
  });

  it('getSocialReport goes through the same checks (MSG00012, MSG00008 for a bad ticket)', async () => {
    const notRegistered = await json('getSocialReport', {
      ssin: person('leefloon-two-ocmws').insz,
      ticket: '00000000-0000-4000-8000-000000000000',
    });
    expect(notRegistered.body.status.code).toBe('MSG00012');
    const badTicket = await json('getSocialReport', { ssin: person('esv-moved-from-antwerpen').insz, ticket: 'x' });
    expect(badTicket.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'ticket' }] });
  });
});

describe('ESV through the SOAP face', () => {
  it('requests and fetches the report', async () => {
    const main = person('esv-moved-from-antwerpen');
    const asked = await soap('requestSocialReport', `<ssin>${main.insz}</ssin>`);
    expect(asked).toContain('<code>MSG00000</code>');
    const ticket = /<reportTicket>([0-9a-f-]{36})<\/reportTicket>/.exec(asked)?.[1];
    expect(ticket).toBeTruthy();
    expect(asked).toContain(`<cbeNumber>${antwerpen}</cbeNumber>`);
    const got = await soap('getSocialReport', `<ssin>${main.insz}</ssin><reportTicket>${ticket}</reportTicket>`);
    expect(got).toContain('<esv:getSocialReportResponse');
    expect(got).toContain('<code>MSG00000</code>');
    expect(got).toContain('<kind>installation-premium</kind>');
    expect(got).toContain('<revisionReason>kind woont voortaan bij de vader: alleenstaande</revisionReason>');
    expect(got.indexOf('<reportTicket>')).toBeLessThan(got.indexOf('<status>'));
    expect(got.indexOf('<socialReport>')).toBeGreaterThan(got.indexOf('</status>'));
  });

  it('refuses a person that is not integrated (MSG00012) and an unknown ticket (ESV00003)', async () => {
    const refused = await soap('requestSocialReport', `<ssin>${person('leefloon-two-ocmws').insz}</ssin>`);
    expect(refused).toContain('<code>MSG00012</code>');
    expect(refused).not.toContain('<reportTicket>');
    const main = person('esv-moved-from-antwerpen');
    const unknown = await soap(
      'getSocialReport',
      `<ssin>${main.insz}</ssin><reportTicket>00000000-0000-4000-8000-000000000000</reportTicket>`,
    );
    expect(unknown).toContain('<code>ESV00003</code>');
    const other = person('leefloon-two-ocmws').insz;
    const refusedFetch = await soap(
      'getSocialReport',
      `<ssin>${other}</ssin><reportTicket>00000000-0000-4000-8000-000000000000</reportTicket>`,
    );
    expect(refusedFetch).toContain('<code>MSG00012</code>');
    expect(refusedFetch.indexOf(`<ssin>${other}</ssin><reportTicket>`)).toBeLessThan(refusedFetch.indexOf('<status>'));
  });
});

const op = (name: string) => flow.operations.find((o) => o.name === name) as unknown as OperationDef<unknown, unknown>;

const element = (opName: string, inner: string) => operationElement(wireOf(opName), inner);

describe('reading requests', () => {
  it('reads both faces', () => {
    expect(op('requestSocialReport').fromJson({ ssin: '88033195482' })).toEqual({ ssin: '88033195482' });
    const t = '11111111-2222-4333-8444-555555555555';
    expect(
      op('getSocialReport').fromXml?.(
        element('getSocialReport', `<ssin>88033195482</ssin><reportTicket>${t}</reportTicket>`),
      ),
    ).toEqual({ ssin: '88033195482', ticket: t });
  });

  it.each([
    ['requestSocialReport', {}, 'ssin'],
    ['requestSocialReport', { ssin: 88033195482 }, 'ssin'],
    ['getSocialReport', { ssin: '88033195482' }, 'ticket'],
    ['getSocialReport', { ssin: '88033195482', ticket: 'ABC' }, 'ticket'],
  ])('%s.fromJson refuses %j naming %s', (name, body, field) => {
    expect(requestError(() => op(name).fromJson(body)).field).toBe(field);
  });

  it.each([
    ['requestSocialReport', '', 'ssin'],
    ['requestSocialReport', '<ssin>8803319548</ssin>', 'ssin'],
    ['getSocialReport', '<ssin>88033195482</ssin>', 'reportTicket'],
    ['getSocialReport', '<ssin>88033195482</ssin><reportTicket>1</reportTicket>', 'reportTicket'],
    ['getSocialReport', '<ssin>88033195482</ssin><reportTicket>1</reportTicket><extra/>', 'extra'],
  ])('%s.fromXml refuses %s naming %s', (name, inner, field) => {
    expect(requestError(() => op(name).fromXml?.(element(name, inner))).field).toBe(field);
  });

  it('rounds the delay up to whole tenant days', () => {
    expect([0, 1, 1440, 1441, -5].map((m) => delayDays({ esvDelayMinutes: m }))).toEqual([0, 1, 1, 2, 0]);
    expect(delayDays({})).toBe(0);
  });
});
