import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  describeExamples,
  operationElement,
  personOf,
  postJson,
  register,
  requestError,
  sendSoap,
  xmlValue,
} from '../../../test/support/flows.ts';
import { testServer } from '../../../test/support/server.ts';
import type { Server } from '../../src/server.ts';
import flow, { LEGAL_CONTEXT } from './flow.ts';

const wire = flow.soa?.operations.consultSituation;
const op = flow.operations[0];
const PATH = '/SOA4520/UnemploymentDataService/v2/consultSituation';

describeExamples('unemployment-situation', new URL('./examples/', import.meta.url));

describe('consultSituation (UnemploymentData v2) through the front door', () => {
  let server: Server;
  let insertion: Person;
  let advance: Person;
  const situation = (ssin: string, date?: string) =>
    postJson(server, '/ksz/json/unemployment-situation/consultSituation', {
      legalContext: LEGAL_CONTEXT,
      ssin,
      ...(date ? { date } : {}),
    });

  beforeAll(async () => {
    server = await testServer();
    insertion = personOf(server, { scenario: 'inschakeling-ended-2015' });
    advance = personOf(server, { scenario: 'leefloon-and-unemployment' });
    await register(server, insertion, { from: '2012-01-01' });
    await register(server, advance, { from: '2020-01-01' });
  });

  it('shows the inschakelingsuitkering up to its last day, then UD000033 from 2015-01-01 on', async () => {
    const last = await situation(insertion.insz, '2014-12-31');
    expect(last.body.status.code).toBe('MSG00000');
    const s = last.body.situation as { rights: { unemployedWorkerStatus: string; theoricRightEndingDate: string }[] };
    expect(s.rights[0]).toMatchObject({
      unemployedWorkerStatus: 'INSERTION_ALLOCATION',
      theoricRightEndingDate: '2014-12-31',
    });
    for (const date of ['2015-01-01', '2016-05-20', '2025-06-30']) {
      const r = await situation(insertion.insz, date);
      expect(r.body.status).toMatchObject({
        value: 'NO_DATA_FOUND',
        code: 'UD000033',
        information: [{ fieldName: 'rightEndDate', fieldValue: '2014-12-31' }],
      });
    }
  });

  it('answers UD000033 only for an inschakelingsuitkering ended by the 36-month limit', async () => {
    // A full unemployment right that ended is a "no right" situation, not UD000033.
    const world = server.tenants.get('default')?.world;
    const ended = world?.persons.find(
      (p) =>
        p.unemployment.length > 0 &&
        p.unemployment.every((u) => u.kind === 'full' && u.to !== null && u.to < '2024-01-01') &&
        !p.deathDate &&
        !p.replacedBy,
    );
    if (!ended) throw new Error('the small world has no person with an ended full unemployment right');
    await register(server, ended, { from: '2024-01-01' });
    const r = await situation(ended.insz, '2025-06-30');
    expect(r.body.status.code).toBe('MSG00000');
    expect((r.body.situation as { noRight: { rightEndDate: string } }).noRight.rightEndDate).toBe(
      ended.unemployment.at(-1)?.to,
    );
  });

  it('gives the right and the payment of the month of the date', async () => {
    const r = await situation(advance.insz, '2025-03-14');
    const s = r.body.situation as { payments: { relatedMonth: string; nbrOfAllowances: number; paidAmount: number }[] };
    expect(s.payments).toEqual([expect.objectContaining({ relatedMonth: '2025-03', nbrOfAllowances: 26 })]);
    expect(s.payments[0]?.paidAmount).toBe(26 * (advance.unemployment[0]?.dailyAmountCents ?? 0));
  });

  it('answers UD000033 on the SOAP face, with the status and no situation', async () => {
    if (!wire) throw new Error('no SOAP face');
    const r = await sendSoap(
      server,
      PATH,
      wire,
      `<searchCriteria><ssin>${insertion.insz}</ssin><date>2015-03-02</date></searchCriteria>`,
      { legalContext: LEGAL_CONTEXT },
    );
    expect(r.http).toBe(200);
    expect(r.body).toContain('consultSituationResponse');
    expect(xmlValue(r.body, 'code')).toBe('UD000033');
    expect(xmlValue(r.body, 'fieldValue')).toBe('2014-12-31');
    expect(r.body).not.toContain('<situation>');
  });

  it('answers the situation on the SOAP face after the status', async () => {
    if (!wire) throw new Error('no SOAP face');
    const r = await sendSoap(
      server,
      PATH,
      wire,
      `<searchCriteria><ssin>${insertion.insz}</ssin><date>2014-06-02</date></searchCriteria>`,
      { legalContext: LEGAL_CONTEXT },
    );
    expect(xmlValue(r.body, 'code')).toBe('MSG00000');
    expect(r.body.indexOf('</status>')).toBeLessThan(r.body.indexOf('<situation>'));
    expect(xmlValue(r.body, 'unemployedWorkerStatus')).toBe('INSERTION_ALLOCATION');
    expect(xmlValue(r.body, 'relatedMonth')).toBe('2014-06');
  });

  it('refuses the v3 legal context over SOAP (MSG00013)', async () => {
    if (!wire) throw new Error('no SOAP face');
    expect(
      xmlValue(
        (
          await sendSoap(server, PATH, wire, `<searchCriteria><ssin>${insertion.insz}</ssin></searchCriteria>`, {
            legalContext: 'PCSA:SOCIAL_INQUIRY',
          })
        ).body,
        'code',
      ),
    ).toBe('MSG00013');
  });
});

describe('reading the request', () => {
  it('reads ssin and an optional date', () => {
    if (!wire || !op?.fromXml) throw new Error('no SOAP face');
    const el = operationElement(
      wire,
      '<searchCriteria><ssin>31021799335</ssin><date>2015-01-02</date></searchCriteria>',
    );
    expect(op.fromXml(el)).toEqual({ ssin: '31021799335', date: '2015-01-02' });
    expect(op.fromJson({ ssin: '31021799335' })).toEqual({ ssin: '31021799335', date: null });
  });

  it.each([
    [{ ssin: '31021799335', date: '02/01/2015' }, 'date'],
    [{ ssin: '3102179933' }, 'ssin'],
  ])('refuses %j naming %s', (body, field) => {
    expect(requestError(() => op?.fromJson(body)).field).toBe(field);
  });

  it('refuses a date element that is not a date', () => {
    if (!wire || !op?.fromXml) throw new Error('no SOAP face');
    const el = operationElement(
      wire,
      '<searchCriteria><ssin>31021799335</ssin><date>2015-13-01</date></searchCriteria>',
    );
    expect(requestError(() => op.fromXml?.(el)).field).toBe('date');
  });
});
