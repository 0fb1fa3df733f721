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
import flow, { LEGAL_CONTEXT } from './flow.ts';
import { wireOf } from './view.ts';

let server: Server;
let gent: string;
const person = (scenario: string, role = 'main'): Person => personOf(server, { scenario, role });

const json = (op: string, body: Record<string, unknown>, opts: { user?: string; tenant?: string } = {}) =>
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON answers
  postJson<any>(
    server,
    `/ksz/json/knipperlichten/${op}`,
    { legalContext: LEGAL_CONTEXT, ...body },
    { username: opts.user ?? 'mw.gent' },
    opts.tenant,
  );

async function register(p: Person, tenant?: string) {
  expect((await registration(server, p, { from: '2020-01-01' }, tenant)).body.status.code).toBe('MSG00000');
}

async function soap(op: string, inner: string, user = 'mw.gent'): Promise<string> {
  const wire = wireOf(op);
  const envelope = soapEnvelope(wire, { cbeNumber: gent, legalContext: LEGAL_CONTEXT, body: inner });
  const res = await postSoap(server, `/SOA4520/AlertReactionService/v1/${op}`, wire, { username: user }, envelope);
  expect(res.http).toBe(200);
  return res.body;
}

beforeAll(async () => {
  server = await serverWith(flow);
  gent = gentKbo(server);
  await register(person('leefloon-undeclared-work'));
  await register(person('leefloon-two-ocmws'));
  await register(person('deceased-partner-widowed', 'deceased'));
});

describe('listAlerts', () => {
  it('lists the alerts sent to Gent so far, with the DIMONA evidence, ongoing facts still open', async () => {
    const worker = person('leefloon-undeclared-work');
    const r = await json('listAlerts', {});
    expect(r.body.status.code).toBe('MSG00000');
    const mine = r.body.alerts.filter((a: { ssin: string }) => a.ssin === worker.insz);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: { code: '10', name: 'EMPLOYMENT' },
      person: { lastName: worker.familyName, firstName: worker.givenName },
      period: { from: '2025-02-03', to: null },
      emittedOn: '2025-03-01',
      evidence: {
        employerKbo: worker.employment[0]!.employerKbo,
        dimonaId: worker.employment[0]!.dimonaId,
        employment: { from: '2025-02-03', to: null },
      },
      reaction: null,
    });
  });

  it('filters on one INSZ, which then needs an integration', async () => {
    const worker = person('leefloon-undeclared-work');
    const one = await json('listAlerts', { ssin: worker.insz }, { user: 'fb.gent' });
    expect(one.body.status.code).toBe('MSG00000');
    expect(one.body.alerts.every((a: { ssin: string }) => a.ssin === worker.insz)).toBe(true);
    const notIntegrated = await json('listAlerts', { ssin: person('leefloon-stay-abroad').insz });
    expect(notIntegrated.body.status.code).toBe('MSG00012');
    const notOurs = await json('listAlerts', { ssin: person('leefloon-two-ocmws').insz });
    expect(notOurs.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    expect(notOurs.body.alerts).toEqual([]);
  });

  it('answers MSG00100 before the first alert was sent', async () => {
    server.tenants.create({ id: 'winter', preset: 'small', seed: 1, clock: '2025-02-15' });
    const r = await json('listAlerts', { ssin: null }, { tenant: 'winter' });
    expect(r.body.status.code).toBe('MSG00100');
  });

  it.each([
    ['sec.gent', LEGAL_CONTEXT, {}, 'MSG00013'],
    ['ib.gent', LEGAL_CONTEXT, {}, 'MSG00013'],
    ['mw.gent', 'SOMETHING_ELSE', {}, 'MSG00013'],
    ['mw.gent', LEGAL_CONTEXT, { ssin: '12345678901' }, 'MSG00011'],
    ['mw.gent', LEGAL_CONTEXT, { ssin: 'x' }, 'MSG00008'],
    ['mw.gent', LEGAL_CONTEXT, { ssin: '01010199768' }, 'MSG00005'],
  ])('refuses %s / %s / %j with %s', async (user, legalContext, body, code) => {
    const r = await json('listAlerts', { ...body, legalContext }, { user });
    expect(r.body.status.code).toBe(code);
  });
});

describe('the access checks on one INSZ', () => {
  it.each([
    ['insz-replaced-birthdate-corrected', 'main-old', 'MSG00006'],
    ['insz-cancelled-duplicate-bis', 'duplicate', 'MSG00007'],
    ['deceased-partner-widowed', 'deceased', 'MSG00009'],
  ])('listAlerts about %s/%s answers %s', async (scenario, role, code) => {
    const r = await json('listAlerts', { ssin: person(scenario, role).insz });
    expect(r.body.status.code).toBe(code);
  });

  it('refuses the secretary on every operation (MSG00013)', async () => {
    for (const [op, body] of [
      ['listReminders', {}],
      ['sendAlertReaction', { alertId: '1', reference: '1', motivation: '1' }],
    ] as const) {
      const r = await json(op, body, { user: 'sec.gent' });
      expect(r.body.status.code).toBe('MSG00013');
    }
  });
});

describe('sendAlertReaction', () => {
  it('keeps one motivated reaction per alert and refuses a second one with MSG00008', async () => {
    const list = await json('listAlerts', { ssin: person('leefloon-undeclared-work').insz });
    const alert = list.body.alerts[0];
    const wrongRef = await json('sendAlertReaction', { alertId: alert.alertId, reference: '1', motivation: '4' });
    expect(wrongRef.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'reference' }] });
    const first = await json('sendAlertReaction', {
      alertId: alert.alertId,
      reference: alert.reference,
      motivation: '8',
      comment: 'Loonfiches opgevraagd',
    });
    expect(first.body.status.code).toBe('MSG00000');
    expect(first.body.reaction).toEqual({
      alertId: alert.alertId,
      reference: alert.reference,
      motivation: '8',
      comment: 'Loonfiches opgevraagd',
      reactedOn: '2025-06-30',
    });
    const again = await json('sendAlertReaction', {
      alertId: alert.alertId,
      reference: alert.reference,
      motivation: '4',
    });
    expect(again.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'alertId' }] });
    const after = await json('listAlerts', { ssin: person('leefloon-undeclared-work').insz });
    expect(after.body.alerts[0].reaction).toMatchObject({ motivation: '8', reactedOn: '2025-06-30' });
  });

  it('answers CLIG0001 for an alert id that was not sent to this OCMW', async () => {
    const r = await json('sendAlertReaction', { alertId: '123456789012345', reference: '1', motivation: '1' });
    expect(r.body.status).toMatchObject({ value: 'NO_RESULT', code: 'CLIG0001' });
  });

  it.each([
    [{ alertId: '1', reference: '1', motivation: '42' }, 'motivation'],
    [{ alertId: '1', reference: '1', motivation: '99' }, 'comment'],
    [{ alertId: 'A1', reference: '1', motivation: '1' }, 'alertId'],
    [{ alertId: '1', reference: '1', motivation: '1', comment: 'x'.repeat(101) }, 'comment'],
  ])('refuses %j with MSG00008 naming %s', async (body, field) => {
    const r = await json('sendAlertReaction', body);
    expect(r.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: field }] });
  });
});

describe('listReminders', () => {
  it('lists the alerts untreated for six months on 1 October, until a reaction is sent', async () => {
    server.tenants.create({ id: 'autumn', preset: 'small', seed: 1, clock: '2025-10-01' });
    const worker = person('leefloon-undeclared-work');
    const r = await json('listReminders', {}, { tenant: 'autumn' });
    expect(r.body.status.code).toBe('MSG00000');
    expect(r.body.issueDate).toBe('2025-10-01');
    const alert = r.body.alerts.find((a: { ssin: string }) => a.ssin === worker.insz);
    expect(alert).toMatchObject({ type: { name: 'EMPLOYMENT' }, period: { from: '2025-02-03', to: '2025-08-29' } });
    await json(
      'sendAlertReaction',
      { alertId: alert.alertId, reference: alert.reference, motivation: '4' },
      { tenant: 'autumn' },
    );
    const after = await json('listReminders', {}, { tenant: 'autumn' });
    expect(after.body.alerts.some((a: { ssin: string }) => a.ssin === worker.insz)).toBe(false);
  });

  it('answers MSG00100 with the issue date when nothing is overdue (March list, 2025-06-30)', async () => {
    const r = await json('listReminders', {});
    expect(r.body.status).toMatchObject({
      code: 'MSG00100',
      information: [{ fieldName: 'issueDate', fieldValue: '2025-03-01' }],
    });
  });
});

describe('the SOAP face', () => {
  it('lists the alerts with their evidence', async () => {
    const worker = person('leefloon-undeclared-work');
    const xml = await soap('listAlerts', `<ssin>${worker.insz}</ssin>`);
    expect(xml).toContain('<alr:listAlertsResponse');
    expect(xml).toContain('<code>MSG00000</code>');
    expect(xml).toContain(`<dimonaId>${worker.employment[0]!.dimonaId}</dimonaId>`);
    expect(xml).toContain('<name>EMPLOYMENT</name>');
    expect(xml.indexOf('<alert>')).toBeGreaterThan(xml.indexOf('</status>'));
  });

  it('refuses an unknown alert (CLIG0001) and the secretary (MSG00013)', async () => {
    const unknown = await soap(
      'sendAlertReaction',
      '<alertId>42</alertId><reference>1</reference><motivation>1</motivation>',
    );
    expect(unknown).toContain('<code>CLIG0001</code>');
    const secretary = await soap('listReminders', '', 'sec.gent');
    expect(secretary).toContain('<code>MSG00013</code>');
  });
});

const op = (name: string) => flow.operations.find((o) => o.name === name) as unknown as OperationDef<unknown, unknown>;

const element = (name: string, inner: string) => operationElement(wireOf(name), inner);

describe('reading requests', () => {
  it('reads the AlertReaction fields from XML and accepts numbers in JSON', () => {
    expect(
      op('sendAlertReaction').fromXml?.(
        element('sendAlertReaction', '<alertId>7</alertId><reference>8</reference><motivation>1</motivation>'),
      ),
    ).toEqual({ alertId: '7', reference: '8', motivation: '1', comment: null });
    expect(op('sendAlertReaction').fromJson({ alertId: 7, reference: 8, motivation: 3 })).toMatchObject({
      alertId: '7',
      motivation: '3',
    });
  });

  it.each([
    ['listAlerts', { ssin: 5 }, 'ssin'],
    ['sendAlertReaction', { reference: '1', motivation: '1' }, 'alertId'],
    ['sendAlertReaction', { alertId: '1', motivation: '1' }, 'reference'],
    ['sendAlertReaction', { alertId: '1', reference: '1' }, 'motivation'],
    ['sendAlertReaction', { alertId: '1', reference: '1', motivation: '1', comment: 3 }, 'comment'],
  ])('%s.fromJson refuses %j naming %s', (name, body, field) => {
    expect(requestError(() => op(name).fromJson(body)).field).toBe(field);
  });

  it.each([
    ['listAlerts', '<ssin>1</ssin>', 'ssin'],
    ['listReminders', '<ssin>85031412302</ssin>', 'ssin'],
    ['sendAlertReaction', '<alertId>1</alertId><motivation>1</motivation>', 'reference'],
    ['sendAlertReaction', '<alertId>1</alertId><reference>2</reference><motivation>x</motivation>', 'motivation'],
  ])('%s.fromXml refuses %s naming %s', (name, inner, field) => {
    expect(requestError(() => op(name).fromXml?.(element(name, inner))).field).toBe(field);
  });
});
