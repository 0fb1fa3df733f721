import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  exampleIn,
  freshTenant,
  itAnswersExamples,
  loadExamples,
  personOf,
  register,
  requestError,
  runExample,
  serverWith,
} from '../../../test/support/flows.ts';
import { sendSsdn, ssdnEnvelope, userOf } from '../../../test/support/ssdn.ts';
import type { Server } from '../../src/server.ts';
import flow from './flow.ts';
import { fromJson, fromXml, NS } from './request.ts';
import type { PensionItem } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let pensioner: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  pensioner = personOf(server, { scenario: 'pensioner-igo', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const itemsOf = async (file: string) =>
  (await runExample(server, 'pension-register', example(file))).body.pensionItems as PensionItem[];

describe('PensionRegister examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'pension-register', () => server);

  it('lists the retirement pension and both IGO rights with every monthly payment', async () => {
    const items = await itemsOf('MSG00000-retirement-and-igo.json');
    expect(
      items.map((i) => [i.pensionType.code, i.right.startDate, i.right.endDate, i.right.monthlyGrossAmount]),
    ).toEqual([
      ['RETIREMENT', '2015-01-01', null, 64000],
      ['IGO', '2015-06-01', '2024-04-30', 52000],
      ['IGO', '2024-05-01', null, 61000],
    ]);
    expect(items[0]?.payments).toHaveLength(18);
    expect(items[1]?.payments.map((p) => p.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(items[2]?.payments.at(-1)).toEqual({ month: '2025-06', grossAmount: 61000 });
    expect(items[0]?.institution).toEqual({ code: 'FPD', name: 'Federale Pensioendienst' });
  });

  it('gives the rights only, in French, to the financial manager', async () => {
    const items = await itemsOf('MSG00000-financial-manager-rights-only.json');
    expect(items.every((i) => i.payments.length === 0)).toBe(true);
    expect(items[0]?.pensionType.description).toBe('Pension de retraite');
  });

  it('shows the survivor pension after the death, with the last payment of each right', async () => {
    const items = await itemsOf('MSG00000-survivor-pension.json');
    expect(items.map((i) => [i.pensionType.code, i.right.startDate, i.payments])).toEqual([
      ['RETIREMENT', '2013-03-01', [{ month: '2023-12', grossAmount: 78000 }]],
      ['SURVIVOR', '2023-03-01', [{ month: '2023-12', grossAmount: 124000 }]],
    ]);
  });

  it('journals the secretary refusal', async () => {
    await runExample(server, 'pension-register', example('MSG00013-secretary.json'));
    expect(server.store.journal.query('default', { flow: 'pension-register' }).at(-1)).toMatchObject({
      role: 'secretary',
      insz: pensioner.insz,
      outcome: 'MSG00013',
      ok: false,
    });
  });
});

const payload = (ssin: string, period = ['2024-01-01', '2025-06-30'], info = 'RightsMaximumPayments') =>
  `<ns1:Penskad_OpenPK_ConsultRequest xmlns:ns1="${NS}"><ns1:TargetSSIN>${ssin}</ns1:TargetSSIN><ns1:Period><ns1:StartDate>${period[0]}</ns1:StartDate><ns1:EndDate>${period[1]}</ns1:EndDate></ns1:Period><ns1:RequestedData><ns1:Pillar>FirstOnly</ns1:Pillar><ns1:RequestedInformation>${info}</ns1:RequestedInformation><ns1:Focus>ReferencePeriod</ns1:Focus></ns1:RequestedData><ns1:Language>fr</ns1:Language></ns1:Penskad_OpenPK_ConsultRequest>`;

describe('PensionRegister through the SSDN face', () => {
  const send = (role: Parameters<typeof userOf>[1], body: string) => {
    const { user, kbo } = userOf(server, role);
    return sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: user.userId,
        orgUnit: kbo,
        serviceId: 'OCMWCPASPensionRegisterConsult',
        version: '20090706',
        payload: body,
      }),
    );
  };

  beforeAll(async () => {
    freshTenant(server);
    await register(server, pensioner, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the PensionItems in the reply payload (ns3)', async () => {
    const r = await send('social-worker', payload(pensioner.insz));
    expect([r.http, r.returnCode, r.services[0]?.returnCode]).toEqual([200, 0, 0]);
    const reply = r.services[0]?.payload as Element;
    expect(reply.localName).toBe('Penskad_OpenPK_ConsultReply');
    expect(reply.namespaceURI).toBe(NS);
    expect(reply.getElementsByTagNameNS(NS, 'PensionItem')).toHaveLength(3);
    expect(r.reply).toContain('<ns3:Description>Garantie de revenus aux personnes âgées (GRAPA)</ns3:Description>');
    expect(r.reply).toContain('<ns3:Payment><ns3:Month>2025-06</ns3:Month><ns3:GrossAmount>61000</ns3:GrossAmount>');
  });

  it('warns with 39980100 when there is no right in the period, and refuses a period ending before it starts', async () => {
    const father = personOf(server, { scenario: 'family-child-benefits', role: 'father' });
    await register(server, father, { purpose: '2', from: '2020-01-01', to: null });
    const none = await send('social-worker', payload(father.insz));
    expect([none.returnCode, none.services[0]?.returnCode, none.services[0]?.reasonCodes]).toEqual([
      1,
      1,
      ['39980100'],
    ]);
    expect(none.services[0]?.payload?.getElementsByTagNameNS(NS, 'PensionItem')).toHaveLength(0);
    const backwards = await send('social-worker', payload(pensioner.insz, ['2024-01-01', '2023-12-31']));
    expect(backwards.services[0]?.reasonCodes).toEqual(['39980008']);
  });

  it('refuses the security adviser with 39980013 and an unregistered period with 39980012', async () => {
    expect((await send('security-adviser', payload(pensioner.insz))).services[0]?.reasonCodes).toEqual(['39980013']);
    const early = await send('social-worker', payload(pensioner.insz, ['2019-01-01', '2019-12-31']));
    expect(early.services[0]?.returnCode).toBe(10000);
    expect(early.services[0]?.reasonCodes).toEqual(['39980012']);
  });
});

describe('reading the request', () => {
  const element = (xml: string) =>
    new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;

  it('reads the SSDN payload and the JSON body alike', () => {
    const fromX = fromXml(element(payload('49122107223')));
    expect(fromX).toEqual({
      targetSsin: '49122107223',
      period: { startDate: '2024-01-01', endDate: '2025-06-30' },
      requestedData: { pillar: 'FirstOnly', requestedInformation: 'RightsMaximumPayments', focus: 'ReferencePeriod' },
      language: 'FR',
    });
    expect(
      fromJson({
        targetSsin: '49122107223',
        period: { startDate: '2024-01-01', endDate: '2025-06-30' },
        requestedData: fromX.requestedData,
        language: 'FR',
      }),
    ).toEqual(fromX);
  });

  it.each([
    [payload('4912210722'), 'TargetSSIN'],
    [payload('49122107223', ['2024-02-30', '2025-06-30']), 'Period/StartDate'],
    [payload('49122107223', ['2025-07-01', '2025-06-30']), 'Period/EndDate'],
    [payload('49122107223').replace('RightsMaximumPayments', 'Everything'), 'RequestedData/RequestedInformation'],
    [payload('49122107223').replace(/<ns1:Focus>.*<\/ns1:Focus>/, ''), 'RequestedData/Focus'],
    [payload('49122107223').replace(/<ns1:Period>.*<\/ns1:Period>/, ''), 'Period'],
    [payload('49122107223').replace('<ns1:Language>fr', '<ns1:Language>de'), 'Language'],
  ])('fromXml refuses a bad payload naming the field (%#)', (xml, field) => {
    expect(requestError(() => fromXml(element(xml))).field).toBe(field);
  });

  it.each([
    [{ targetSsin: 49122107223 }, 'period'],
    [{ targetSsin: '49122107223', period: { startDate: '2024-01-01', endDate: '2024-12-31' } }, 'requestedData'],
    [
      {
        targetSsin: '49122107223',
        period: { startDate: '2024-01-01', endDate: 'today' },
        requestedData: { pillar: 'FirstOnly', requestedInformation: 'RightsOnly', focus: 'ReferencePeriod' },
      },
      'period.endDate',
    ],
    [
      {
        targetSsin: '4912210722',
        period: { startDate: '2024-01-01', endDate: '2024-12-31' },
        requestedData: { pillar: 'FirstOnly', requestedInformation: 'RightsOnly', focus: 'ReferencePeriod' },
      },
      'targetSsin',
    ],
    [
      {
        targetSsin: '49122107223',
        period: { startDate: '2024-01-01', endDate: '2024-12-31' },
        requestedData: { pillar: 'FirstOnly', requestedInformation: 'RightsOnly', focus: 'Month' },
      },
      'requestedData.focus',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a partial SSDN flow for the social worker and the financial manager', () => {
    expect(flow).toMatchObject({
      id: 'pension-register',
      fidelity: 'partial',
      legalContexts: [],
      roles: ['social-worker', 'financial-manager'],
      ssdn: { serviceId: 'OCMWCPASPensionRegisterConsult', version: '20090706' },
    });
  });
});
