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
import flow, { CHILD_BENEFITS_V1 } from './flow.ts';
import { fromJson, fromXml, SOURCES } from './request.ts';
import type { ChildBenefitFile } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
const PATH = '/SOA4520/ChildBenefitsService/v1/consultFilesBySsin';

let server: Server;
let father: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  father = personOf(server, { scenario: 'family-child-benefits', role: 'father' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
const filesOf = async (name: string) =>
  ((await runExample(server, 'child-benefits', example(name))).body.result as { files: ChildBenefitFile[] }).files;
const child = (role: string) => personOf(server, { scenario: 'family-child-benefits', role });

describe('ChildBenefits examples through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'child-benefits', () => server);

  it('gives one Flemish file per child, drawn by the father', async () => {
    const files = await filesOf('MSG00000-three-children-flanders.json');
    expect(
      files.map((f) => [f.beneficiaryChild.ssin, f.period.beginMonth, f.period.endMonth, f.monthlyAmount]),
    ).toEqual([
      [child('child1').insz, '2019-01', null, 9328],
      [child('child2').insz, '2019-01', null, 9328],
      [child('child3').insz, '2019-06', null, 17320],
    ]);
    expect(files.every((f) => f.role === 'ALLOCATED' && f.allocated.ssin === father.insz)).toBe(true);
    expect(files.every((f) => f.authenticSource === 'FLANDERS')).toBe(true);
    expect(files[0]?.beneficiaryChild.birthDate).toBe('2008-10-12');
  });

  it('keeps the federal part of a right until the region took over', async () => {
    const files = await filesOf('MSG00000-federal-before-2019.json');
    expect(files.map((f) => [f.authenticSource, f.period.beginMonth, f.period.endMonth])).toEqual([
      ['FEDERAL', '2008-10', '2018-12'],
      ['FEDERAL', '2012-03', '2018-12'],
    ]);
    const all = await filesOf('MSG00000-financial-manager-all-sources.json');
    expect(all.map((f) => f.authenticSource)).toEqual(['FEDERAL', 'FEDERAL', 'FLANDERS', 'FLANDERS', 'FLANDERS']);
  });

  it('finds the file of a child by the child’s INSZ, and shows when a right ended', async () => {
    const files = await filesOf('MSG00000-asked-about-the-child.json');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ role: 'BENEFICIARY_CHILD', allocated: { ssin: father.insz }, fund: 'MyFamily' });
    const ended = await filesOf('MSG00000-right-ended-at-18.json');
    expect(ended.map((f) => f.period.endMonth)).toEqual(['2024-07']);
  });
});

describe('ChildBenefits through the SOAP face', () => {
  const envelope = (
    ssin: string,
    sources = '<authenticSources><authenticSource>FLANDERS</authenticSource></authenticSources>',
  ) =>
    soapEnvelope(CHILD_BENEFITS_V1, {
      cbeNumber: gentKbo(server),
      body: `<criteria><ssin>${ssin}</ssin><period><beginMonth>2021-01</beginMonth><endMonth>2025-06</endMonth></period>${sources}</criteria>`,
    });

  beforeAll(async () => {
    freshTenant(server);
    await register(server, father, { purpose: '2', from: '2020-01-01', to: null });
  });

  it('answers the files after status', async () => {
    const r = await postSoap(server, PATH, CHILD_BENEFITS_V1, 'financial-manager', envelope(father.insz));
    expect([r.http, r.value, r.code]).toEqual([200, 'DATA_FOUND', 'MSG00000']);
    expect(r.body.match(/<file>/g)).toHaveLength(3);
    expect(pathText(r.response, 'result/file/allocated/ssin')).toBe(father.insz);
    expect(pathText(r.response, 'result/file/authenticSource')).toBe('FLANDERS');
  });

  it('answers MSG00100 at another source and MSG00012 for an unregistered child', async () => {
    const other = '<authenticSources><authenticSource>BRUSSELS</authenticSource></authenticSources>';
    const r = await postSoap(server, PATH, CHILD_BENEFITS_V1, 'social-worker', envelope(father.insz, other));
    expect([r.value, r.code]).toEqual(['NO_DATA_FOUND', 'MSG00100']);
    expect(r.body).not.toContain('<file>');
    const c = await postSoap(server, PATH, CHILD_BENEFITS_V1, 'social-worker', envelope(child('child1').insz));
    expect([c.value, c.code]).toEqual(['NO_RESULT', 'MSG00012']);
  });
});

describe('reading the request', () => {
  it('reads the criteria from XML and JSON alike; no source means all five', () => {
    const el = operationElement(
      CHILD_BENEFITS_V1,
      '<criteria><ssin>82060482345</ssin><period><beginMonth>2020-07</beginMonth><endMonth>2025-06</endMonth></period></criteria>',
    );
    const expected = {
      ssin: '82060482345',
      period: { beginMonth: '2020-07', endMonth: '2025-06' },
      authenticSources: [...SOURCES],
    };
    expect(fromXml(el)).toEqual(expected);
    expect(fromJson({ ssin: '82060482345', period: { beginMonth: '2020-07', endMonth: '2025-06' } })).toEqual(expected);
  });

  const criteria = (inner: string) => `<criteria><ssin>82060482345</ssin>${inner}</criteria>`;
  it.each([
    [
      '<criteria><ssin>8206048234</ssin><period><beginMonth>2020-07</beginMonth><endMonth>2025-06</endMonth></period></criteria>',
      'ssin',
    ],
    [criteria(''), 'period'],
    [criteria('<period><beginMonth>2020-13</beginMonth><endMonth>2025-06</endMonth></period>'), 'period/beginMonth'],
    [criteria('<period><beginMonth>2020-07</beginMonth></period>'), 'period/endMonth'],
    [criteria('<period><beginMonth>2025-07</beginMonth><endMonth>2025-06</endMonth></period>'), 'period/endMonth'],
    [
      criteria(
        '<period><beginMonth>2020-07</beginMonth><endMonth>2025-06</endMonth></period><authenticSources><authenticSource>MARS</authenticSource></authenticSources>',
      ),
      'authenticSources/authenticSource',
    ],
  ])('fromXml refuses %s naming %s', (body, field) => {
    expect(requestError(() => fromXml(operationElement(CHILD_BENEFITS_V1, body))).field).toBe(field);
  });

  it.each([
    [{ ssin: '82060482345' }, 'period'],
    [{ ssin: '82060482345', period: { beginMonth: '2020-7', endMonth: '2025-06' } }, 'period.beginMonth'],
    [
      { ssin: '82060482345', period: { beginMonth: '2020-07', endMonth: '2025-06' }, authenticSources: 'FLANDERS' },
      'authenticSources',
    ],
    [
      { ssin: '82060482345', period: { beginMonth: '2020-07', endMonth: '2025-06' }, authenticSources: ['flanders'] },
      'authenticSources',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});
