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
import { LEGAL_CONTEXT, HEALTH_CARE_INSURANCE_V1 as WIRE } from './flow.ts';
import { fromJson, fromXml, MODELLED } from './request.ts';

const PATH = '/SOA4520/HealthCareInsuranceService/v1/getInsuranceOrganizationInformations';

describeExamples('health-insurance', new URL('./examples/', import.meta.url));

describe('HealthCareInsurance through the front door', () => {
  let server: Server;
  let changer: Person;
  let undocumented: Person;
  const ask = (body: Record<string, unknown>) =>
    postJson(server, '/ksz/json/health-insurance/getInsuranceOrganizationInformations', {
      legalContext: LEGAL_CONTEXT,
      ...body,
    });
  type Result = {
    insuringOrganization?: { code: string; endDate: string | null };
    increasedIntervention?: { entitled: boolean };
    globalMedicalFile?: { doctor: { nihii: string; name: string }; beginDate: string; endDate: string | null } | null;
  };

  beforeAll(async () => {
    server = await testServer();
    changer = personOf(server, { scenario: 'health-insurance-gmd-change' });
    undocumented = personOf(server, { scenario: 'undocumented-urgent-medical-aid' });
    await register(server, changer, { from: '2010-01-01' });
    await register(server, undocumented, { from: '2024-11-01' });
  });

  it('follows the person over time: mutuality, increased intervention and the GMD holder change on their dates', async () => {
    const at = async (date: string) => (await ask({ ssin: changer.insz, date })).body.result as Result;
    const [gmdFirst, gmdSecond] = changer.gmd;
    const before = await at('2023-12-31');
    expect(before.insuringOrganization).toMatchObject({ code: '100', endDate: '2023-12-31' });
    expect(before.increasedIntervention).toEqual({ entitled: false, beginDate: null, endDate: null });
    const after = await at('2024-01-01');
    expect(after.insuringOrganization?.code).toBe('500');
    expect(after.increasedIntervention?.entitled).toBe(true);
    expect((await at('2025-05-05')).globalMedicalFile?.doctor).toEqual({
      nihii: gmdFirst?.doctorRiziv,
      name: gmdFirst?.doctorName,
    });
    expect((await at('2025-05-06')).globalMedicalFile).toMatchObject({
      doctor: { nihii: gmdSecond?.doctorRiziv },
      beginDate: '2025-05-06',
      endDate: null,
    });
    expect((await at('2011-06-01')).globalMedicalFile).toBeNull(); // before the first GMD (2012)
  });

  it('answers an uninsured person with NO_DATA_FOUND (MSG00100), without a result', async () => {
    const r = await ask({ ssin: undocumented.insz });
    expect(r.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    expect(r.body.result).toBeUndefined();
  });

  it('answers only the flags asked', async () => {
    const r = await ask({ ssin: changer.insz, desiredData: ['increasedIntervention'] });
    expect(Object.keys(r.body.result as object)).toEqual(['date', 'increasedIntervention']);
    const unmodelled = await ask({ ssin: changer.insz, desiredData: ['ct1ct2', 'sfdfL891'] });
    expect(unmodelled.body.status.code).toBe('MSG00000');
    expect(Object.keys(unmodelled.body.result as object)).toEqual(['date']);
  });

  it('answers the SOAP face with the insurer and the GMD doctor after the status', async () => {
    const r = await sendSoap(
      server,
      PATH,
      WIRE,
      `<criterion><ssin>${changer.insz}</ssin><temporalCriteria><today>true</today></temporalCriteria>
       <desiredData><insuringOrganization>true</insuringOrganization><globalMedicalFile>true</globalMedicalFile></desiredData></criterion>`,
      { legalContext: LEGAL_CONTEXT },
    );
    expect(r.http).toBe(200);
    expect(r.body).toContain('getInsuranceOrganizationInformationsResponse');
    expect(xmlValue(r.body, 'code')).toBe('MSG00000');
    expect(r.body.indexOf('</status>')).toBeLessThan(r.body.indexOf('<result>'));
    expect(r.body).toContain('<insuringOrganization><code>500</code>');
    expect(xmlValue(r.body, 'nihii')).toBe(changer.gmd.at(-1)?.doctorRiziv);
    expect(r.body).not.toContain('<increasedIntervention>');
  });

  it('refuses a SOAP request of the secretary (MSG00013) and one with another legal context (MSG00013)', async () => {
    const service = `<criterion><ssin>${changer.insz}</ssin></criterion>`;
    const r1 = await sendSoap(server, PATH, WIRE, service, { role: 'secretary', legalContext: LEGAL_CONTEXT });
    expect(xmlValue(r1.body, 'code')).toBe('MSG00013');
    const r2 = await sendSoap(server, PATH, WIRE, service, { legalContext: 'PCSA:SOCIAL_INQUIRY' });
    expect(xmlValue(r2.body, 'code')).toBe('MSG00013');
  });

  it('checks the integration on the asked date (MSG00012 before it)', async () => {
    const r = await ask({ ssin: undocumented.insz, date: '2024-06-01' });
    expect(r.body.status.code).toBe('MSG00012');
  });
});

describe('reading the request', () => {
  it('reads ssin, a date or today, and the flags', () => {
    const el = operationElement(
      WIRE,
      '<criterion><ssin>31021799335</ssin><temporalCriteria><date>2024-02-29</date></temporalCriteria><desiredData><globalMedicalFile>true</globalMedicalFile><ct1ct2>false</ct1ct2></desiredData></criterion>',
    );
    expect(fromXml(el)).toEqual({ ssin: '31021799335', date: '2024-02-29', desiredData: ['globalMedicalFile'] });
    expect(fromXml(operationElement(WIRE, '<criterion><ssin>31021799335</ssin></criterion>'))).toEqual({
      ssin: '31021799335',
      date: null,
      desiredData: [...MODELLED],
    });
    expect(fromJson({ ssin: '31021799335', desiredData: ['reimbursementRight'] }).desiredData).toEqual([
      'reimbursementRight',
    ]);
  });

  it.each([
    ['<criterion><ssin>310217993</ssin></criterion>', 'ssin'],
    [
      '<criterion><ssin>31021799335</ssin><temporalCriteria><date>2024-02-30</date></temporalCriteria></criterion>',
      'temporalCriteria/date',
    ],
    [
      '<criterion><ssin>31021799335</ssin><temporalCriteria><today>false</today></temporalCriteria></criterion>',
      'temporalCriteria/today',
    ],
    [
      '<criterion><ssin>31021799335</ssin><temporalCriteria><yesterday/></temporalCriteria></criterion>',
      'temporalCriteria',
    ],
    [
      '<criterion><ssin>31021799335</ssin><desiredData><dental>true</dental></desiredData></criterion>',
      'desiredData/dental',
    ],
    [
      '<criterion><ssin>31021799335</ssin><desiredData><ct1ct2>ja</ct1ct2></desiredData></criterion>',
      'desiredData/ct1ct2',
    ],
    ['<searchCriteria><ssin>31021799335</ssin></searchCriteria>', 'searchCriteria'],
  ])('refuses XML %s naming %s', (xml, field) => {
    expect(requestError(() => fromXml(operationElement(WIRE, xml))).field).toBe(field);
  });

  it.each([
    [{ ssin: '31021799335', date: '2024-2-1' }, 'date'],
    [{ ssin: '31021799335', desiredData: 'globalMedicalFile' }, 'desiredData'],
    [{ ssin: '31021799335', desiredData: ['gmd'] }, 'desiredData'],
    [{}, 'ssin'],
  ])('refuses JSON %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body)).field).toBe(field);
  });
});
