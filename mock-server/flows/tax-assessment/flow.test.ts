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
import type { Server } from '../../src/server.ts';
import flow, { TAX_ASSESSMENT_V2 } from './flow.ts';
import { fromJson, fromXml } from './request.ts';
import type { TaxAssessmentView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/TaxAssessmentDataService/v2/consultTaxAssessmentData';

let server: Server;
let pensioner: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  pensioner = personOf(server, { scenario: 'pensioner-igo', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const dataOf = async (name: string) =>
  (await runExample(server, 'tax-assessment', example(name))).body.taxAssessmentData as TaxAssessmentView;

describe('TaxAssessmentData examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'tax-assessment', () => server);

  it('derives the most recent income year assessed by today', async () => {
    const d = await dataOf('MSG00000-most-recent.json');
    expect(d).toEqual({
      taxpayer: { ssin: pensioner.insz, lastName: pensioner.familyName, firstName: pensioner.givenName },
      incomeYear: 2023,
      assessmentYear: 2024,
      assessmentDate: '2024-10-18',
      globalTaxableIncome: pensioner.taxes.find((t) => t.incomeYear === 2023)?.taxableIncomeCents,
    });
    const later = await dataOf('MSG00000-after-the-assessment.json');
    expect([later.incomeYear, later.assessmentDate]).toEqual([2024, '2025-07-26']);
  });

  it('counts the children at home and joins the spouse’s income for the fiscal family', async () => {
    const d = await dataOf('MSG00000-children-and-fiscal-family.json');
    const mother = personOf(server, { scenario: 'family-child-benefits', role: 'mother' });
    const own = d.globalTaxableIncome ?? 0;
    const hers = mother.taxes.find((t) => t.incomeYear === 2022)?.taxableIncomeCents ?? 0;
    expect(d.dependentChildren).toEqual({ total: 3, withHandicap: 0 });
    expect(d.fiscalFamily).toEqual({
      partner: { ssin: mother.insz, lastName: mother.familyName, firstName: mother.givenName },
      partnerGlobalTaxableIncome: hers,
      globalTaxableIncome: own + hers,
    });
  });

  it('answers TAXA0007 as a non-error with the asked year', async () => {
    const r = await runExample(server, 'tax-assessment', example('TAXA0007-not-assessed-yet.json'));
    expect(r.body.status).toMatchObject({
      value: 'NO_DATA_FOUND',
      code: 'TAXA0007',
      information: [{ fieldName: 'referenceYear', fieldValue: '2024' }],
    });
    expect(r.body.taxAssessmentData).toBeUndefined();
  });
});

describe('TaxAssessmentData through the SOAP face', () => {
  const envelope = (referenceYear: string, legalContext = 'SOCIAL_INVESTIGATION_OF_PCSA') =>
    soapEnvelope(TAX_ASSESSMENT_V2, {
      cbeNumber: gentKbo(server),
      legalContext,
      body: `<criteria><ssin>${pensioner.insz}</ssin><referenceYear>${referenceYear}</referenceYear><fiscalDataSelection><elements><element>GLOBAL_TAXABLE_INCOME</element></elements></fiscalDataSelection></criteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, pensioner, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers taxAssessmentData after status', async () => {
    const r = await postSoap(server, PATH, TAX_ASSESSMENT_V2, 'social-worker', envelope('<year>2022</year>'));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'taxAssessmentData/taxpayer/ssin')).toBe(pensioner.insz);
    expect(pathText(r.response, 'taxAssessmentData/incomeYear')).toBe('2022');
    expect(pathText(r.response, 'taxAssessmentData/assessmentYear')).toBe('2023');
    expect(pathText(r.response, 'taxAssessmentData/globalTaxableIncome')).toBe(
      String(pensioner.taxes.find((t) => t.incomeYear === 2022)?.taxableIncomeCents),
    );
  });

  it('answers TAXA0007 for a year not assessed yet, and MSG00013 for another legal context', async () => {
    const r = await postSoap(server, PATH, TAX_ASSESSMENT_V2, 'social-worker', envelope('<year>2024</year>'));
    expect([r.value, r.code]).toEqual(['NO_DATA_FOUND', 'TAXA0007']);
    expect(r.body).not.toContain('<taxAssessmentData>');
    const ctx = await postSoap(
      server,
      PATH,
      TAX_ASSESSMENT_V2,
      'social-worker',
      envelope('<derivedYear>MOST_RECENT</derivedYear>', 'social inquiry'),
    );
    expect([ctx.value, ctx.code]).toEqual(['NO_RESULT', 'MSG00013']);
  });
});

describe('reading the request', () => {
  it('reads the criteria from XML and JSON alike', () => {
    const el = operationElement(
      TAX_ASSESSMENT_V2,
      '<criteria><ssin>49122107223</ssin><referenceYear><derivedYear>MOST_RECENT</derivedYear></referenceYear><fiscalDataSelection><groups><group>CHILDREN_DEPENDENT</group><group>TAXABLE_INCOME</group></groups></fiscalDataSelection></criteria>',
    );
    const expected = {
      ssin: '49122107223',
      referenceYear: { derivedYear: 'MOST_RECENT' },
      elements: [],
      groups: ['CHILDREN_DEPENDENT', 'TAXABLE_INCOME'],
    };
    expect(fromXml(el)).toEqual(expected);
    expect(
      fromJson({
        ssin: '49122107223',
        referenceYear: { derivedYear: 'MOST_RECENT' },
        fiscalDataSelection: { groups: ['CHILDREN_DEPENDENT', 'TAXABLE_INCOME'] },
      }),
    ).toEqual(expected);
    expect(fromJson({ ssin: '49122107223', referenceYear: { year: '2023' } }).referenceYear).toEqual({ year: 2023 });
  });

  const criteria = (year: string, selection = '') =>
    `<criteria><ssin>49122107223</ssin><referenceYear>${year}</referenceYear>${selection}</criteria>`;
  it.each([
    ['<criteria><ssin>49122107223</ssin></criteria>', 'referenceYear'],
    [criteria(''), 'referenceYear'],
    [criteria('<year>2023</year><derivedYear>MOST_RECENT</derivedYear>'), 'referenceYear'],
    [criteria('<year>23</year>'), 'referenceYear/year'],
    [criteria('<derivedYear>LATEST</derivedYear>'), 'referenceYear/derivedYear'],
    [
      criteria(
        '<year>2023</year>',
        '<fiscalDataSelection><elements><element>NET_INCOME</element></elements></fiscalDataSelection>',
      ),
      'fiscalDataSelection/elements/element',
    ],
    [
      criteria(
        '<year>2023</year>',
        '<fiscalDataSelection><groups><element>TAXABLE_INCOME</element></groups></fiscalDataSelection>',
      ),
      'fiscalDataSelection/groups/element',
    ],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(TAX_ASSESSMENT_V2, body))).field).toBe(field);
  });

  it.each([
    [{ ssin: '4912210722', referenceYear: { year: 2023 } }, 'ssin'],
    [{ ssin: '49122107223' }, 'referenceYear'],
    [{ ssin: '49122107223', referenceYear: { year: 'last' } }, 'referenceYear.year'],
    [
      { ssin: '49122107223', referenceYear: { year: 2023 }, fiscalDataSelection: { groups: 'CHILDREN_DEPENDENT' } },
      'fiscalDataSelection.groups',
    ],
    [
      { ssin: '49122107223', referenceYear: { year: 2023 }, fiscalDataSelection: { elements: ['X'] } },
      'fiscalDataSelection.elements',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});
