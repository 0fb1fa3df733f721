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
import { child } from '../../src/ksz/xml/dom.ts';
import type { Server } from '../../src/server.ts';
import { entryDate, mergePeriods, networkLagDays } from './attestations.ts';
import flow, { fromJson, fromXml, livingWagesWire } from './flow.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let twoOcmws: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  twoOcmws = personOf(server, { scenario: 'leefloon-two-ocmws', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const bodyOf = async (file: string) => (await runExample(server, 'living-wages', example(file))).body;

describe('living wages through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'living-wages', () => server);

  it('regroups by OCMW, type of aid and category', async () => {
    const body = await bodyOf('MSG00000-living-wages-two-ocmws.json');
    expect(body.livingWages).toEqual([
      {
        pcsa: { cbeNumber: '0288097225', nisCode: '24062', name: { nl: 'OCMW Leuven', fr: 'CPAS de Louvain' } },
        typeOfAid: 'LIVING_WAGE',
        category: { code: 2, nl: 'alleenstaande', fr: 'isolé' },
        periods: [{ beginDate: '2023-01-02', endDate: '2025-08-31' }],
      },
      {
        pcsa: { cbeNumber: '0286549678', nisCode: '12025', name: { nl: 'OCMW Mechelen', fr: 'CPAS de Malines' } },
        typeOfAid: 'LIVING_WAGE',
        category: { code: 2, nl: 'alleenstaande', fr: 'isolé' },
        periods: [{ beginDate: '2025-04-01', endDate: null }],
      },
    ]);
  });

  it('merges revisions into uninterrupted periods and leaves a period open while its end is not known', async () => {
    const body = await bodyOf('MSG00000-periods-with-a-gap.json');
    expect(body.livingWagePeriods).toEqual([
      { beginDate: '2020-02-01', endDate: '2023-02-28' },
      { beginDate: '2023-11-06', endDate: null },
    ]);
  });

  it('splits the groups by category and keeps only periods overlapping the search period', async () => {
    const body = (await bodyOf('MSG00000-search-period-2022.json')) as unknown as {
      livingWages: { category: { code: number }; periods: unknown[] }[];
    };
    expect(body.livingWages.map((g) => [g.category.code, g.periods])).toEqual([
      [3, [{ beginDate: '2020-02-01', endDate: '2022-08-31' }]],
      [2, [{ beginDate: '2022-09-01', endDate: '2023-02-28' }]],
    ]);
  });

  it('shows a decision only once its attestation is in the network', async () => {
    const body = (await bodyOf('MSG00000-not-yet-in-the-network.json')) as unknown as {
      pcsaLivingWagePeriods: { pcsa: { cbeNumber: string } }[];
    };
    expect(body.pcsaLivingWagePeriods.map((g) => g.pcsa.cbeNumber)).toEqual(['0288097225']);
  });

  it('answers the equivalent leefloon as its own type of aid', async () => {
    const body = (await bodyOf('MSG00000-equivalent-leefloon.json')) as unknown as {
      livingWages: { typeOfAid: string }[];
    };
    expect(body.livingWages.map((g) => g.typeOfAid)).toEqual(['EQUIVALENT_LIVING_WAGE']);
  });

  it('names the new INSZ of a replaced one', async () => {
    const body = await bodyOf('MSG00006-replaced-ssin.json');
    const person = personOf(server, { scenario: 'insz-replaced-birthdate-corrected', role: 'main' });
    expect((body.status as { information?: unknown[] }).information).toContainEqual({
      fieldName: 'newSSIN',
      fieldValue: person.insz,
    });
  });
});

describe('living wages through the SOAP face', () => {
  const wire = livingWagesWire('getLivingWages');
  const path = '/SOA4520/LivingWagesService/v1/getLivingWages';
  const envelope = (ssin: string, period = '') =>
    soapEnvelope(wire, {
      cbeNumber: gentKbo(server),
      body: `<criteria><ssin>${ssin}</ssin>${period}</criteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, twoOcmws, { purpose: '2', from: '2023-01-01', to: null });
  });

  it('answers the groups after status', async () => {
    const r = await postSoap(server, path, wire, 'social-worker', envelope(twoOcmws.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'result/livingWage/pcsa/cbeNumber')).toBe('0288097225');
    expect(pathText(r.response, 'result/livingWage/typeOfAid')).toBe('LIVING_WAGE');
    expect(pathText(r.response, 'result/livingWage/category/code')).toBe('2');
    expect(pathText(r.response, 'result/livingWage/livingWagePeriod/endDate')).toBe('2025-08-31');
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<result>'));
  });

  it('reads a search period with a time zone', async () => {
    const period = '<period><beginDate>2025-05-01+02:00</beginDate><endDate>2025-05-31</endDate></period>';
    const r = await postSoap(server, path, wire, 'social-worker', envelope(twoOcmws.insz, period));
    expect(r.code).toBe('MSG00000');
  });

  it('refuses the secretary with MSG00013 and no result', async () => {
    const r = await postSoap(server, path, wire, 'secretary', envelope(twoOcmws.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'NO_RESULT', 'MSG00013']);
    expect(r.response && child(r.response, null, 'result')).toBeFalsy();
  });

  it('answers MSG00100 with no result when the Flemish OCMWs know nothing', async () => {
    const w = livingWagesWire('getLivingWagePeriodsFlanders');
    const p = personOf(server, { scenario: 'equivalent-leefloon-medical-stay', role: 'main' });
    await register(server, p, { purpose: '3', from: '2024-01-01', to: null });
    const r = await postSoap(
      server,
      '/SOA4520/LivingWagesService/v1/getLivingWagePeriodsFlanders',
      w,
      'social-worker',
      soapEnvelope(w, { cbeNumber: gentKbo(server), body: `<criteria><ssin>${p.insz}</ssin></criteria>` }),
    );
    expect([r.value, r.code]).toEqual(['NO_DATA_FOUND', 'MSG00100']);
  });
});

describe('reading the request', () => {
  const wire = livingWagesWire('getLivingWages');
  const period = '<period><beginDate>2024-01-01</beginDate><endDate>2024-12-31</endDate></period>';

  it('reads criteria from XML and JSON alike', () => {
    const el = operationElement(wire, `<criteria><ssin>94030395478</ssin>${period}</criteria>`);
    const expected = { ssin: '94030395478', period: { beginDate: '2024-01-01', endDate: '2024-12-31' } };
    expect(fromXml(el)).toEqual(expected);
    expect(fromJson({ ssin: '94030395478', period: { beginDate: '2024-01-01', endDate: '2024-12-31' } })).toEqual(
      expected,
    );
    expect(fromJson({ ssin: '94030395478' })).toEqual({ ssin: '94030395478', period: null });
  });

  it.each([
    ['', 'criteria'],
    ['<criteria/>', 'ssin'],
    ['<criteria><ssin>9403039547</ssin></criteria>', 'ssin'],
    ['<criteria><ssin>94030395478</ssin><period><beginDate>2024-01-01</beginDate></period></criteria>', 'endDate'],
    [
      '<criteria><ssin>94030395478</ssin><period><beginDate>2024-02-30</beginDate><endDate>2024-12-31</endDate></period></criteria>',
      'period/beginDate',
    ],
    [
      '<criteria><ssin>94030395478</ssin><period><beginDate>2024-12-31</beginDate><endDate>2024-01-01</endDate></period></criteria>',
      'period/endDate',
    ],
    ['<criteria><ssin>94030395478</ssin><scope>x</scope></criteria>', 'scope'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(wire, body))).field).toBe(field);
  });

  it.each([
    [{}, 'ssin'],
    [{ ssin: 94030395478 }, 'ssin'],
    [{ ssin: '94030395478', period: '2024' }, 'period'],
    [{ ssin: '94030395478', period: { beginDate: '2024-01-01' } }, 'period/endDate'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});

describe('the attestations the network knows', () => {
  it('enters a decision 0 to 7 days after it was taken, the same day every time', () => {
    const lags = twoOcmws.ocmwDecisions.map((d) => networkLagDays(d.id));
    expect(lags.every((l) => l >= 0 && l <= 7)).toBe(true);
    const d = twoOcmws.ocmwDecisions[0];
    expect(d && entryDate(d)).toBe(d && entryDate(d));
  });

  it('merges periods that follow each other day after day or overlap, and keeps gaps', () => {
    expect(
      mergePeriods([
        { from: '2024-03-01', to: null },
        { from: '2024-01-01', to: '2024-01-31' },
        { from: '2024-02-01', to: '2024-02-10' },
        { from: '2024-02-20', to: '2024-02-25' },
      ]),
    ).toEqual([
      { from: '2024-01-01', to: '2024-02-10' },
      { from: '2024-02-20', to: '2024-02-25' },
      { from: '2024-03-01', to: null },
    ]);
  });

  it('declares a partial flow for social workers and financial managers', () => {
    expect(flow).toMatchObject({ id: 'living-wages', fidelity: 'partial' });
    expect(flow.roles).toEqual(['social-worker', 'financial-manager']);
    expect(flow.operations.map((o) => o.name)).toEqual(Object.keys(flow.soa?.operations ?? {}));
  });
});
