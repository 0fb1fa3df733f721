import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  exampleIn,
  freshTenant,
  itAnswersExamples,
  loadExamples,
  personOf,
  postJson,
  register,
  requestError,
  runExample,
  serverWith,
} from '../../../test/support/flows.ts';
import { sendSsdn, ssdnEnvelope, userOf } from '../../../test/support/ssdn.ts';
import { child, text } from '../../src/ksz/xml/dom.ts';
import type { Server } from '../../src/server.ts';
import flow, { HEATING_CODES } from './flow.ts';
import { DATA_TYPES_NS, fromJson, fromXml, REQUEST_NS } from './request.ts';
import type { HeatingView } from './view.ts';
import { REPLY_NS } from './xml.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let herstappe: Person;
let pensioner: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  herstappe = personOf(server, { scenario: 'heating-allowance-herstappe', role: 'main' });
  pensioner = personOf(server, { scenario: 'pensioner-igo', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const viewOf = async (file: string) =>
  (await runExample(server, 'heating-allowance', example(file))).body.heatingAllocation as HeatingView;

/** The recorded request's shape (ksz-flows.md §12.8), with our values. */
function payload(o: { ssin: string; category?: string; amount?: string; date?: string; fuel?: string; kbo?: string }) {
  return `<ns1:AllocationRequest xmlns:ns1="${REQUEST_NS}" xmlns:com="${DATA_TYPES_NS}"><ns1:ComputeAllocation><ns1:PrimaryBeneficiary><ns1:SSIN>${o.ssin}</ns1:SSIN><ns1:Category>${o.category ?? '1'}</ns1:Category></ns1:PrimaryBeneficiary><ns1:Invoice><com:Amount>${o.amount ?? '10500000'}</com:Amount><com:Quantity>1000</com:Quantity><com:HousingNumber>1</com:HousingNumber><com:DeliveryDate>${o.date ?? '2025-06-10'}</com:DeliveryDate><com:UnitFuel>${o.fuel ?? '1'}</com:UnitFuel></ns1:Invoice></ns1:ComputeAllocation>${o.kbo ? `<ns1:OCMW_CPAS><ns1:KboBceNumber>${o.kbo}</ns1:KboBceNumber></ns1:OCMW_CPAS>` : ''}</ns1:AllocationRequest>`;
}
const element = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
const sendAs = (role: Parameters<typeof userOf>[1], body: string) => {
  const { user, kbo } = userOf(server, role);
  return sendSsdn(
    server.app,
    ssdnEnvelope({
      userId: user.userId,
      orgUnit: kbo,
      serviceId: 'OCMWCPASHeatingAllocation',
      version: '20090409',
      payload: body,
    }),
  );
};
const replyText = (el: Element | null, ...path: string[]) => {
  let at: Element | undefined = el ?? undefined;
  for (const name of path) at = at ? child(at, REPLY_NS, name) : undefined;
  return text(at);
};

describe('heating allowance examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'heating-allowance', () => server);

  it('gives a low-income pensioner the full allowance for 1000 litres', async () => {
    const v = await viewOf('MSG00000-low-income-full-allowance.json');
    expect(v.household.map((m) => m.ssin)).toEqual([pensioner.insz]);
    expect(v.income).toMatchObject({ incomeYear: 2023, dependants: 0 });
    expect(v.income.householdTaxableIncomeCents).toBeLessThanOrEqual(v.income.ceilingCents);
    expect(v.categories).toEqual({ '1': false, '2': true, '3': false });
    expect(v.previousAllocations).toEqual([]);
    expect(v.allocation).toMatchObject({ pricePerLitreMilli: 1050, ratePerLitreMilli: 200, litres: 1000 });
    expect(v.allocation?.amountCents).toBe(20_000);
  });

  it('caps the allowance at what is left of the yearly maximum after earlier allowances', async () => {
    const v = await viewOf('MSG00000-increased-reimbursement-capped.json');
    expect(v.household[0]).toMatchObject({ ssin: herstappe.insz, increasedReimbursement: true });
    expect(v.residence).toMatchObject({ nis: '73028', municipality: 'Herstappe' });
    expect(v.previousAllocations.map((a) => [a.date, a.amountCents])).toEqual([['2025-02-10', 21_000]]);
    expect(v.allocation).toMatchObject({ yearlyCeilingCents: 30_000, amountCents: 9_000 });
    const capped = await viewOf('HEAT0002-yearly-maximum-reached.json');
    expect(capped.previousAllocations.map((a) => a.date)).toEqual(['2024-01-15']);
    expect(capped.allocation?.amountCents).toBe(0);
  });

  it('counts a shared tank per housing unit and the pump forfait as a fixed amount', async () => {
    expect((await viewOf('MSG00000-financial-manager.json')).allocation).toMatchObject({
      litres: 750,
      amountCents: 15_000,
    });
    expect((await viewOf('MSG00000-pump-forfait.json')).allocation).toMatchObject({
      forfait: true,
      amountCents: 21_000,
    });
  });

  it('shows the household data when the category is not supported, without an allowance', async () => {
    const v = await viewOf('HEAT0001-category-not-supported.json');
    expect(v.household).toHaveLength(5);
    expect(v.income.dependants).toBe(3);
    expect(v.income.householdTaxableIncomeCents).toBeGreaterThan(v.income.ceilingCents);
    expect(v.categories).toEqual({ '1': false, '2': false, '3': false });
    expect(v.allocation).toBeNull();
  });

  it('supports category 3 when the OCMW holds an integration 17.7 (debt mediation) on the delivery date', async () => {
    freshTenant(server);
    const father = personOf(server, { scenario: 'family-child-benefits', role: 'father' });
    await register(server, father, { purpose: '40', from: '2025-01-01', to: null });
    await register(server, father, { purpose: '7', from: '2025-05-01', to: null });
    const body = {
      primaryBeneficiary: { ssin: father.insz, category: '3' },
      invoice: { amount: 10_500_000, quantity: 1000, deliveryDate: '2025-06-10', unitFuel: '1' },
    };
    const r = await postJson(server, '/ksz/json/heating-allowance/computeAllocation', body);
    expect(r.body.status.code).toBe('MSG00000');
    expect((r.body.heatingAllocation as HeatingView).categories['3']).toBe(true);
  });
});

describe('heating allowance through the SSDN face', () => {
  beforeAll(async () => {
    freshTenant(server);
    await register(server, pensioner, { purpose: '40', from: '2025-01-01', to: null });
  });

  it('answers an AllocationReply with the computed allowance (ReturnCode 0)', async () => {
    const { kbo } = userOf(server, 'social-worker');
    const r = await sendAs('social-worker', payload({ ssin: pensioner.insz, category: '2', kbo }));
    expect([r.http, r.returnCode, r.services[0]?.returnCode]).toEqual([200, 0, 0]);
    const reply = r.services[0]?.payload ?? null;
    expect(reply?.localName).toBe('AllocationReply');
    expect(reply?.namespaceURI).toBe(REPLY_NS);
    expect(replyText(reply, 'Beneficiary', 'SSIN')).toBe(pensioner.insz);
    expect(replyText(reply, 'Income', 'IncomeYear')).toBe('2023');
    expect(replyText(reply, 'ComputedAllocation', 'Amount')).toBe('20000');
  });

  it('states HEAT0001 in the ResultSummary and still sends the data', async () => {
    const r = await sendAs('social-worker', payload({ ssin: pensioner.insz, category: '1' }));
    expect(r.services[0]?.returnCode).toBe(10000);
    expect(r.services[0]?.reasonCodes).toEqual([HEATING_CODES.categoryNotSupported]);
    expect(replyText(r.services[0]?.payload ?? null, 'Beneficiary', 'SSIN')).toBe(pensioner.insz);
    expect(r.reply).not.toContain('ComputedAllocation');
  });

  it('refuses a person without an integration 17.40 (MSG00012) and the secretary (MSG00013)', async () => {
    const r = await sendAs('social-worker', payload({ ssin: herstappe.insz }));
    expect(r.services[0]?.reasonCodes).toEqual(['39980012']);
    expect(r.services[0]?.payload).toBeNull();
    const s = await sendAs('secretary', payload({ ssin: pensioner.insz, category: '2' }));
    expect(s.services[0]?.reasonCodes).toEqual(['39980013']);
  });

  it('refuses another OCMW in OCMW_CPAS and a payload in another namespace (invalid data)', async () => {
    const r = await sendAs('social-worker', payload({ ssin: pensioner.insz, category: '2', kbo: '0203311604' }));
    expect(r.services[0]?.reasonCodes).toEqual(['39980008']);
    const wrongNs = payload({ ssin: pensioner.insz }).replace(REQUEST_NS, 'urn:other');
    expect((await sendAs('social-worker', wrongNs)).services[0]?.reasonCodes).toEqual(['39980008']);
  });
});

describe('reading the request', () => {
  it('reads the recorded request shape', () => {
    const r = fromXml(
      element(payload({ ssin: '77031145973', amount: '8390100', date: '2011-09-19', fuel: '3', kbo: '0251951263' })),
    );
    expect(r).toEqual({
      ssin: '77031145973',
      category: '1',
      invoice: { amount: 8_390_100, quantity: 1000, housingNumber: 1, deliveryDate: '2011-09-19', unitFuel: '3' },
      kboBceNumber: '0251951263',
    });
  });

  it.each([
    [payload({ ssin: '7703114597' }), 'PrimaryBeneficiary/SSIN'],
    [payload({ ssin: '77031145973', category: '0' }), 'PrimaryBeneficiary/Category'],
    [payload({ ssin: '77031145973', amount: '83,90' }), 'Invoice/Amount'],
    [payload({ ssin: '77031145973', date: '2011-02-30' }), 'Invoice/DeliveryDate'],
    [payload({ ssin: '77031145973', fuel: '9' }), 'Invoice/UnitFuel'],
    [payload({ ssin: '77031145973', kbo: '251951263' }), 'OCMW_CPAS/KboBceNumber'],
    [payload({ ssin: '77031145973' }).replaceAll('com:', 'ns1:'), 'Invoice/Amount'],
    [payload({ ssin: '77031145973' }).replace(/<ns1:Invoice>.*<\/ns1:Invoice>/, ''), 'Invoice'],
  ])('fromXml refuses a bad request naming %#', (xml, field) => {
    expect(requestError(() => fromXml(element(xml))).field).toBe(field);
  });

  const good = {
    primaryBeneficiary: { ssin: '77031145973', category: '2' },
    invoice: { amount: 8_390_100, quantity: 1000, deliveryDate: '2011-09-19', unitFuel: '3' },
  };
  it.each([
    [{ ...good, invoice: undefined }, 'invoice'],
    [{ ...good, primaryBeneficiary: { category: '2' } }, 'primaryBeneficiary.ssin'],
    [{ ...good, invoice: { ...good.invoice, quantity: 0 } }, 'invoice.quantity'],
    [{ ...good, invoice: { ...good.invoice, unitFuel: '9' } }, 'invoice.unitFuel'],
    [{ ...good, invoice: { ...good.invoice, deliveryDate: '19/09/2011' } }, 'invoice.deliveryDate'],
    [{ ...good, ocmwCpas: { kboBceNumber: 212344876 } }, 'ocmwCpas.kboBceNumber'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares an SSDN flow opened by quality code 40 only', () => {
    expect(fromJson(good).invoice.housingNumber).toBe(1);
    expect(flow).toMatchObject({
      id: 'heating-allowance',
      fidelity: 'partial',
      qualityCodes: ['40'],
      ssdn: { serviceId: 'OCMWCPASHeatingAllocation', version: '20090409', namespace: REQUEST_NS },
    });
  });
});
