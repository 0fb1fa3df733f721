import { beforeAll, describe, expect, it } from 'vitest';
import type { Person, SelfEmployedCareer } from '../../../scenarios/engine/model.ts';
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
import { LEGAL_CONTEXT, selfEmployedWire } from './flow.ts';
import { attestationRequest, careerRequest } from './request.ts';
import { attestationChange, attestationId } from './rsvz.ts';

describeExamples('self-employed', new URL('./examples/', import.meta.url));

describe('SelfEmployed through the front door', () => {
  let server: Server;
  let baker: Person;
  let joiner: Person;
  let secondary: Person;
  const ask = (op: string, body: Record<string, unknown>) =>
    postJson(server, `/ksz/json/self-employed/${op}`, { legalContext: LEGAL_CONTEXT, ...body });

  beforeAll(async () => {
    server = await testServer();
    baker = personOf(server, { scenario: 'self-employed-career-since-1956' });
    joiner = personOf(server, { scenario: 'self-employed-attestation-before-2003' });
    secondary = personOf(server, { scenario: 'self-employed-secondary-assimilated' });
    for (const p of [baker, joiner, secondary]) await register(server, p, { from: '2025-01-01' });
  });

  it('finds in consultCareer every person the attestations consultation misses (attestation before 2003)', async () => {
    const world = server.tenants.get('default')?.world;
    const selfEmployed = (world?.persons ?? []).filter((p) => p.selfEmployed && !p.deathDate && !p.replacedBy);
    let missing = 0;
    for (const p of selfEmployed) {
      await register(server, p, { from: '2025-06-01' });
      const career = await ask('consultCareer', { ssin: p.insz });
      const l302 = await ask('L302', { ssin: p.insz });
      const changed = attestationChange(p.selfEmployed as SelfEmployedCareer, '2025-06-30');
      if (changed === null) continue; // a career that starts after today
      expect(career.body.status.code).toBe('MSG00000');
      expect(l302.body.status.code).toBe(changed < '2003-01-01' ? 'MSG00100' : 'MSG00000');
      if (changed < '2003-01-01') missing++;
    }
    expect(missing).toBeGreaterThanOrEqual(2);
  });

  it('reaches back to 1956 and filters on the asked period', async () => {
    const all = await ask('consultCareer', { ssin: baker.insz });
    expect((all.body.careerComponents as { beginDate: string }[])[0]?.beginDate).toBe('1956-06-01');
    const seventies = await ask('consultCareer', {
      ssin: baker.insz,
      period: { beginDate: '1979-01-01', endDate: '1979-06-30' },
    });
    expect(seventies.body.careerComponents).toEqual([
      expect.objectContaining({ beginDate: '1956-06-01', endDate: '1979-02-28', statute: 'ACTIVE' }),
      expect.objectContaining({ beginDate: '1979-03-01', statute: 'ASSIMILATED', occupation: 'MAIN' }),
    ]);
    const later = await ask('consultCareer', { ssin: baker.insz, period: { beginDate: '2002-01-01' } });
    expect(later.body.status.code).toBe('MSG00100');
  });

  it('shows the attestation as it stands today: the 2026 change has not happened', async () => {
    const r = await ask('L302', { ssin: secondary.insz });
    expect(r.body.attestation).toMatchObject({
      lastChangeDate: '2024-06-17',
      attestationId: attestationId(secondary.insz, '2024-06-17'),
      affiliation: { beginDate: '2019-04-01', endDate: null },
      currentStatute: { statute: 'ACTIVE', occupation: 'SECONDARY', workTime: 'FULL_TIME', fund: 'Liantis' },
    });
  });

  it('answers consultCareer on the SOAP face with the career components after the status', async () => {
    const r = await sendSoap(
      server,
      '/SOA4520/SelfEmployedService/v2/consultCareer',
      selfEmployedWire('consultCareer'),
      `<criteria><ssin>${baker.insz}</ssin><period><beginDate>1956-01-01</beginDate><endDate>2025-06-30</endDate></period></criteria>`,
      { legalContext: LEGAL_CONTEXT },
    );
    expect(r.http).toBe(200);
    expect(r.body).toContain('consultCareerResponse');
    expect(xmlValue(r.body, 'code')).toBe('MSG00000');
    expect(r.body.indexOf('</status>')).toBeLessThan(r.body.indexOf('<membership>'));
    expect(r.body.match(/<careerComponent>/g)?.length).toBe(3);
    expect(r.body).toContain('<statute>ASSIMILATED</statute>');
  });

  it('answers L302 on the SOAP face with NO_DATA_FOUND for the attestation of 1998', async () => {
    const r = await sendSoap(
      server,
      '/SOA4520/SelfEmployedService/v2/L302',
      selfEmployedWire('L302'),
      `<criteria><ssin>${joiner.insz}</ssin></criteria>`,
      { legalContext: LEGAL_CONTEXT },
    );
    expect(xmlValue(r.body, 'value')).toBe('NO_DATA_FOUND');
    expect(xmlValue(r.body, 'code')).toBe('MSG00100');
    expect(r.body).not.toContain('<attestation>');
  });

  it('refuses the financial manager (MSG00013) on the SOAP face', async () => {
    const r = await sendSoap(
      server,
      '/SOA4520/SelfEmployedService/v2/consultCareer',
      selfEmployedWire('consultCareer'),
      `<criteria><ssin>${baker.insz}</ssin></criteria>`,
      { role: 'financial-manager', legalContext: LEGAL_CONTEXT },
    );
    expect(xmlValue(r.body, 'code')).toBe('MSG00013');
  });
});

describe('reading the requests', () => {
  const career = (xml: string) => careerRequest.fromXml(operationElement(selfEmployedWire('consultCareer'), xml));

  it('reads criteria with and without a period', () => {
    expect(career('<criteria><ssin>31021799335</ssin></criteria>')).toEqual({
      ssin: '31021799335',
      period: { beginDate: '1956-01-01', endDate: null },
    });
    expect(
      career('<criteria><ssin>31021799335</ssin><period><beginDate>1976-07-01</beginDate></period></criteria>'),
    ).toEqual({ ssin: '31021799335', period: { beginDate: '1976-07-01', endDate: null } });
    expect(attestationRequest.fromJson({ ssin: '31021799335' })).toEqual({ ssin: '31021799335' });
  });

  it.each([
    ['<criteria><ssin>3102179933X</ssin></criteria>', 'ssin'],
    ['<criteria><ssin>31021799335</ssin><period><endDate>2000-01-01</endDate></period></criteria>', 'period/beginDate'],
    [
      '<criteria><ssin>31021799335</ssin><period><beginDate>2001-01-01</beginDate><endDate>2000-01-01</endDate></period></criteria>',
      'period/endDate',
    ],
    [
      '<criteria><ssin>31021799335</ssin><period><beginDate>1999-02-29</beginDate></period></criteria>',
      'period/beginDate',
    ],
  ])('refuses XML %s naming %s', (xml, field) => {
    expect(requestError(() => career(xml)).field).toBe(field);
  });

  it.each([
    [{ ssin: '31021799335', period: { beginDate: '2001-01-01', endDate: '2000-12-31' } }, 'period.endDate'],
    [{ ssin: '31021799335', period: '2001' }, 'period'],
    [{ ssin: '31021799335', period: { endDate: '2000-12-31' } }, 'period.beginDate'],
    [{ ssin: '' }, 'ssin'],
  ])('refuses JSON %j naming %s', (body, field) => {
    expect(requestError(() => careerRequest.fromJson(body)).field).toBe(field);
  });

  it('refuses an L302 request with more than the ssin, naming the element', () => {
    const el = operationElement(selfEmployedWire('L302'), '<criteria><ssin>31021799335</ssin><period/></criteria>');
    expect(requestError(() => attestationRequest.fromXml(el)).field).toBe('period');
  });
});
