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
import flow, { fromJson, fromXml, LEGAL_CONTEXT, SOCIAL_RATE_V1 } from './flow.ts';
import type { SocialRateView } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/SocialRateInvestigationService/v1/consultExchangedData';

let server: Server;
let student: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  student = personOf(server, { scenario: 'led-diplomas', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const resultOf = async (file: string) =>
  (await runExample(server, 'social-rate-investigation', example(file))).body.result as SocialRateView[];

describe('social tariff examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'social-rate-investigation', () => server);

  it('shows a running tariff resting on the leefloon of OCMW Gent', async () => {
    const [r, ...rest] = await resultOf('MSG00000-leefloon-gent.json');
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      ssin: student.insz,
      socialRate: { beginDate: '2025-01-06', endDate: null },
      rights: [
        {
          category: 'RIS',
          institution: { cbeNumber: gentKbo(server), pcsaName: 'OCMW Gent' },
          beginDate: '2025-01-06',
          endDate: null,
        },
      ],
    });
  });

  it('merges indexation pieces and recognitions into one right per basis', async () => {
    const [handicap] = await resultOf('MSG00000-handicap-allowance.json');
    expect(handicap?.socialRate).toEqual({ beginDate: '2012-05-01', endDate: null });
    expect(handicap?.rights.map((x) => [x.category, x.beginDate, x.endDate, x.institution.cbeNumber])).toEqual([
      ['HANDICAP', '2012-05-01', null, null],
    ]);
    const periods = await resultOf('MSG00000-two-periods.json');
    expect(periods.map((p) => [p.socialRate.beginDate, p.socialRate.endDate, p.rights.length])).toEqual([
      ['2020-02-01', '2023-02-28', 1],
      ['2023-11-06', null, 1],
    ]);
    expect(periods[1]?.rights[0]?.institution.pcsaName).toBe('OCMW Antwerpen');
  });

  it('shows an end only once it has happened (as of the tenant clock)', async () => {
    const [ended] = await resultOf('MSG00000-ended-yesterday.json');
    expect(ended?.socialRate).toEqual({ beginDate: '2025-05-05', endDate: '2025-06-29' });
    expect(await resultOf('MSG00100-not-yet.json')).toEqual([]);
  });

  it('journals the refusal of the financial manager', async () => {
    await runExample(server, 'social-rate-investigation', example('MSG00013-financial-manager.json'));
    const rows = server.store.journal.query('default', { flow: 'social-rate-investigation' });
    expect(rows.at(-1)).toMatchObject({
      role: 'financial-manager',
      insz: student.insz,
      outcome: 'MSG00013',
      ok: false,
      legalContext: LEGAL_CONTEXT,
    });
  });
});

describe('social tariff through the SOAP face', () => {
  const envelope = (ssin: string, legalContext = LEGAL_CONTEXT) =>
    soapEnvelope(SOCIAL_RATE_V1, {
      cbeNumber: gentKbo(server),
      legalContext,
      body: `<criterion><ssin>${ssin}</ssin></criterion>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, student, { purpose: '2', from: '2025-01-01', to: null });
  });

  it('answers the tariff period and its right in `result` after status', async () => {
    const r = await postSoap(server, PATH, SOCIAL_RATE_V1, 'social-worker', envelope(student.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(pathText(r.response, 'result/ssin')).toBe(student.insz);
    expect(pathText(r.response, 'result/socialRate/beginDate')).toBe('2025-01-06');
    expect(pathText(r.response, 'result/right/category')).toBe('RIS');
    expect(pathText(r.response, 'result/right/institution/cbeNumber')).toBe(gentKbo(server));
    expect(r.body.indexOf('<status>')).toBeLessThan(r.body.indexOf('<result>'));
  });

  it('refuses another legal context with MSG00013 and no data', async () => {
    const r = await postSoap(
      server,
      PATH,
      SOCIAL_RATE_V1,
      'social-worker',
      envelope(student.insz, 'PCSA:SOCIAL_INQUIRY'),
    );
    expect([r.value, r.code]).toEqual(['NO_RESULT', 'MSG00013']);
    expect(r.body).not.toContain('<result>');
  });
});

describe('reading the request', () => {
  it('reads criterion/ssin from XML and JSON (also the flat shorthand)', () => {
    expect(fromXml(operationElement(SOCIAL_RATE_V1, '<criterion><ssin>76062900485</ssin></criterion>'))).toEqual({
      ssin: '76062900485',
    });
    expect(fromJson({ criterion: { ssin: '76062900485' } })).toEqual({ ssin: '76062900485' });
    expect(fromJson({ ssin: '76062900485' })).toEqual({ ssin: '76062900485' });
  });

  it.each([
    ['<criterion/>', 'ssin'],
    ['<criterion><ssin>7606290048</ssin></criterion>', 'ssin'],
    ['<criterion><ssin>76062900485</ssin><date>2025-01-01</date></criterion>', 'date'],
    ['<search><ssin>76062900485</ssin></search>', 'search'],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(SOCIAL_RATE_V1, body))).field).toBe(field);
  });

  it.each([
    [{}, 'ssin'],
    [{ criterion: 'x' }, 'criterion'],
    [{ criterion: { ssin: 76062900485 } }, 'ssin'],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a partial, social-worker-only flow', () => {
    expect(flow).toMatchObject({
      id: 'social-rate-investigation',
      fidelity: 'partial',
      roles: ['social-worker'],
      legalContexts: [LEGAL_CONTEXT],
    });
  });
});
