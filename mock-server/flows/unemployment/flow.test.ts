import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  cbeOf,
  describeExamples,
  operationElement,
  personOf,
  postJson,
  register,
  requestError,
  sendSoap,
  userFor,
  xmlValue,
} from '../../../test/support/flows.ts';
import { testServer } from '../../../test/support/server.ts';
import type { Server } from '../../src/server.ts';
import flow from './flow.ts';
import { datePeriodRequest, dateRequest, monthPeriodRequest } from './read.ts';
import { PAYERS } from './rva.ts';
import { unemploymentWire } from './wire.ts';

const LC = 'PCSA:SOCIAL_INQUIRY';
const wire = (op: string) => unemploymentWire(3, op);

describeExamples('unemployment', new URL('./examples/', import.meta.url));

describe('UnemploymentData v3 through the front door', () => {
  let server: Server;
  let advance: Person;
  let sanctioned: Person;
  let insertion: Person;
  const ask = (op: string, body: Record<string, unknown>) =>
    postJson(server, `/ksz/json/unemployment/${op}`, { legalContext: LC, ...body });

  beforeAll(async () => {
    server = await testServer();
    advance = personOf(server, { scenario: 'leefloon-and-unemployment' });
    sanctioned = personOf(server, { scenario: 'unemployed-sanction-exclusion' });
    insertion = personOf(server, { scenario: 'inschakeling-ended-2015' });
    for (const p of [advance, sanctioned, insertion]) await register(server, p, { from: '2012-01-01' });
  });

  it('declares the five v3 operations at /SOA4520/UnemploymentDataService/v3', () => {
    expect(flow.operations.map((o) => o.name)).toEqual([
      'consultRights',
      'consultPayments',
      'consultPaidSums',
      'consultSanctionHistory',
      'consultActivationPaidSums',
    ]);
    expect(flow.soa?.version).toBe(3);
    expect(flow.legalContexts).toEqual([LC]);
  });

  it('computes each paid sum as daily amount × allowances (Monday–Saturday), in eurocent, paid the next month', async () => {
    const r = await ask('consultPaidSums', {
      ssin: advance.insz,
      period: { startMonth: '2024-09', endMonth: '2025-06' },
    });
    const sums = r.body.paidSums as {
      relatedMonth: string;
      paidMonth: string;
      nbrOfAllowances: number;
      paidAmount: number;
    }[];
    const right = advance.unemployment[0];
    expect(sums.map((s) => s.relatedMonth)).toEqual([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    // March 2025 has 31 days of which five Sundays.
    expect(sums.find((s) => s.relatedMonth === '2025-03')).toMatchObject({ nbrOfAllowances: 26, paidMonth: '2025-04' });
    for (const s of sums) expect(s.paidAmount).toBe(s.nbrOfAllowances * (right?.dailyAmountCents ?? 0));
    expect(r.body.totalPaidAmount).toBe(sums.reduce((t, s) => t + s.paidAmount, 0));
  });

  it('leaves the suspended days out of the month and shows the suspension with the right', async () => {
    const sums = (
      await ask('consultPaidSums', { ssin: sanctioned.insz, period: { startMonth: '2025-05', endMonth: '2025-05' } })
    ).body.paidSums as { nbrOfAllowances: number }[];
    expect(sums).toEqual([expect.objectContaining({ nbrOfAllowances: 3 })]); // 1–3 May, then suspended
    const rights = await ask('consultRights', { ssin: sanctioned.insz, date: '2025-06-02' });
    expect(rights.body.sanctions).toEqual([
      expect.objectContaining({ sanctionType: 'SUSPENSION', nbrOfWeeksSanction: 8 }),
    ]);
  });

  it('never reveals what happens after today: the 2026 exclusion and the end of the right stay unknown', async () => {
    const rights = await ask('consultRights', { ssin: sanctioned.insz });
    expect(rights.body.rights).toEqual([expect.objectContaining({ rightEndingDate: null })]);
    const history = await ask('consultSanctionHistory', {
      ssin: sanctioned.insz,
      period: { beginDate: '2020-01-01', endDate: '2027-12-31' },
    });
    expect((history.body.sanctions as unknown[]).length).toBe(1);
  });

  it('answers the end of the inschakelingsuitkering as "no right", never with UD000033 (only the v2 situation does)', async () => {
    for (const date of ['2015-01-01', '2015-03-02', '2025-06-30']) {
      const r = await ask('consultRights', { ssin: insertion.insz, date });
      expect(r.body.status.code).toBe('MSG00000');
      expect(r.body.noRight).toEqual({ rightEndDate: '2014-12-31', exclusion: null });
    }
    expect((await ask('consultPayments', { ssin: insertion.insz, date: '2015-03-02' })).body.status.code).toBe(
      'UD000011',
    );
  });

  it('gives the financial manager paid sums (role matrix) and journals the consultation', async () => {
    const r = await postJson(
      server,
      '/ksz/json/unemployment/consultPaidSums',
      { legalContext: LC, ssin: advance.insz, period: { startMonth: '2025-01', endMonth: '2025-03' } },
      'financial-manager',
    );
    expect(r.body.status.code).toBe('MSG00000');
    const row = server.store.journal.query('default').at(-1);
    expect(row).toMatchObject({
      flow: 'unemployment',
      operation: 'consultPaidSums',
      role: 'financial-manager',
      ok: true,
    });
  });

  it('answers the SOAP face with the paid sums after the status', async () => {
    const u = userFor(server, 'social-worker');
    const r = await sendSoap(
      server,
      '/SOA4520/UnemploymentDataService/v3/consultPaidSums',
      wire('consultPaidSums'),
      `<searchCriteria><ssin>${advance.insz}</ssin><period><startMonth>2025-01</startMonth><endMonth>2025-02</endMonth></period></searchCriteria>`,
      { legalContext: LC },
    );
    expect(r.http).toBe(200);
    expect(r.body).toContain('consultPaidSumsResponse');
    expect(xmlValue(r.body, 'code')).toBe('MSG00000');
    expect(r.body.indexOf('</status>')).toBeLessThan(r.body.indexOf('<paidSums>'));
    expect(r.body).toContain('<relatedMonth>2025-01</relatedMonth><paidMonth>2025-02</paidMonth>');
    expect(xmlValue(r.body, 'cbeNumber')).toBe(cbeOf(server, u));
    expect(r.body).toContain(`<cbeNumber>${PAYERS.ABVV.cbeNumber}</cbeNumber>`);
  });

  it('answers a SOAP request with a wrong time indication with UD000031 and no result', async () => {
    const r = await sendSoap(
      server,
      '/SOA4520/UnemploymentDataService/v3/consultRights',
      wire('consultRights'),
      `<searchCriteria><ssin>${advance.insz}</ssin><date>2025-07-01</date></searchCriteria>`,
      { legalContext: LC },
    );
    expect(xmlValue(r.body, 'code')).toBe('UD000031');
    expect(xmlValue(r.body, 'value')).toBe('NO_RESULT');
    expect(r.body).not.toContain('<result>');
  });

  it('refuses the secretary over SOAP (MSG00013)', async () => {
    const r = await sendSoap(
      server,
      '/SOA4520/UnemploymentDataService/v3/consultRights',
      wire('consultRights'),
      `<searchCriteria><ssin>${advance.insz}</ssin></searchCriteria>`,
      { role: 'secretary', legalContext: LC },
    );
    expect(xmlValue(r.body, 'code')).toBe('MSG00013');
  });
});

describe('reading the requests', () => {
  it('reads the three criteria shapes from XML and JSON', () => {
    expect(
      dateRequest.fromXml(
        operationElement(wire('consultRights'), '<searchCriteria><ssin>31021799335</ssin></searchCriteria>'),
      ),
    ).toEqual({
      ssin: '31021799335',
      date: null,
    });
    const months = '<period><startMonth>2025-01</startMonth><endMonth>2025-03</endMonth></period>';
    expect(
      monthPeriodRequest.fromXml(
        operationElement(wire('consultPaidSums'), `<searchCriteria><ssin>31021799335</ssin>${months}</searchCriteria>`),
      ),
    ).toEqual({
      ssin: '31021799335',
      period: { startMonth: '2025-01', endMonth: '2025-03' },
    });
    expect(
      datePeriodRequest.fromJson({ ssin: '31021799335', period: { beginDate: '2025-01-01', endDate: '2025-02-01' } }),
    ).toEqual({
      ssin: '31021799335',
      period: { beginDate: '2025-01-01', endDate: '2025-02-01' },
    });
    expect(
      monthPeriodRequest.subject({ ssin: '31021799335', period: { startMonth: '2024-02', endMonth: '2024-02' } }),
    ).toEqual({
      insz: '31021799335',
      period: { from: '2024-02-01', to: '2024-02-29' },
    });
  });

  it.each([
    ['<searchCriteria><ssin>3102179933</ssin></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>31021799335</ssin><date>2025-02-30</date></searchCriteria>', 'date'],
    ['<searchCriteria><date>2025-02-03</date></searchCriteria>', 'ssin'],
    ['<searchCriteria><ssin>31021799335</ssin><extra/></searchCriteria>', 'extra'],
    ['', 'searchCriteria'],
  ])('refuses XML %s naming %s', (xml, field) => {
    expect(requestError(() => dateRequest.fromXml(operationElement(wire('consultRights'), xml))).field).toBe(field);
  });

  it.each([
    [{ ssin: '31021799335', period: { startMonth: '2025-1', endMonth: '2025-03' } }, 'period.startMonth'],
    [{ ssin: '31021799335', period: { startMonth: '2025-01' } }, 'period.endMonth'],
    [{ ssin: '31021799335' }, 'period'],
    [{ ssin: 31021799335, period: { startMonth: '2025-01', endMonth: '2025-03' } }, 'ssin'],
  ])('refuses JSON %j naming %s', (body, field) => {
    expect(requestError(() => monthPeriodRequest.fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('refuses a period element without endMonth, naming it', () => {
    const el = operationElement(
      wire('consultPaidSums'),
      '<searchCriteria><ssin>31021799335</ssin><period><startMonth>2025-01</startMonth></period></searchCriteria>',
    );
    expect(requestError(() => monthPeriodRequest.fromXml(el)).field).toBe('period/endMonth');
  });
});
