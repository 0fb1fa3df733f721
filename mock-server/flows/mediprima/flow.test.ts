import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import {
  gentKbo,
  operationElement,
  personOf,
  postJson,
  postSoap,
  registration,
  requestError,
  serverWith,
  soapEnvelope,
} from '../../../test/support/flows.ts';
import type { OperationDef } from '../../src/ksz/flows/define.ts';
import type { Server } from '../../src/server.ts';
import flow, { LEGAL_CONTEXT } from './flow.ts';
import { wireOf } from './wire.ts';

const dir = mkdtempSync(join(tmpdir(), 'mediprima-'));
let server: Server;
let gent: string;

/** A server with only the flows used here, on the store `file`; with the `default` tenant unless it is there. */
const start = (file = ':memory:', create = true): Promise<Server> => serverWith(flow, { store: file, tenant: create });

const person = (scenario: string, role = 'main'): Person => personOf(server, { scenario, role });
const undocumented = () => person('undocumented-urgent-medical-aid');

const json = (op: string, body: Record<string, unknown>, user = 'mw.gent', s = server) =>
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON answers
  postJson<any>(s, `/ksz/json/mediprima/${op}`, { legalContext: LEGAL_CONTEXT, ...body }, { username: user });

async function register(p: Person, s = server) {
  expect((await registration(s, p, { purpose: '4', from: '2020-01-01' })).body.status.code).toBe('MSG00000');
}

async function soap(op: string, inner: string): Promise<string> {
  const wire = wireOf(op);
  const envelope = soapEnvelope(wire, { cbeNumber: gent, legalContext: LEGAL_CONTEXT, body: inner });
  const res = await postSoap(server, `/SOA4520/MediprimaService/v2/${op}`, wire, 'social-worker', envelope);
  expect(res.http).toBe(200);
  return res.body;
}

const open = (p: Person, from: string, to: string, extra: Record<string, unknown> = {}) =>
  json('openCarmed', {
    ssin: p.insz,
    period: { startDate: from, endDate: to },
    coverType: 'FULL',
    supportLevel: 'FULL',
    beneficiaryStatus: 'ILLEGAL_STAY',
    ...extra,
  });

beforeAll(async () => {
  server = await start();
  gent = gentKbo(server);
  for (const p of [
    undocumented(),
    person('mediprima-eu-citizen-stopped'),
    person('insz-cancelled-duplicate-bis'),
    person('insz-cancelled-duplicate-bis', 'duplicate'),
    person('deceased-partner-widowed', 'deceased'),
  ])
    await register(p);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('consulting the cards of the world', () => {
  it('shows the card valid today (hospital only), not the closed one nor the one decided later', async () => {
    const p = undocumented();
    const r = await json('consultCarmed', { ssin: p.insz });
    expect(r.body.status.code).toBe('MSG00000');
    expect(r.body.carmeds).toHaveLength(1);
    const card = r.body.carmeds[0];
    expect(card).toMatchObject({
      carmedNumber: p.mediprima[1]!.cardId,
      status: 'OPEN',
      validityPeriod: { startDate: '2025-05-12', endDate: '2025-08-11' },
      pswc: { municipalityIns: '21004' },
      beneficiary: { ssin: p.insz, lastName: p.familyName },
      refundPodmiSppis: { refundCode: '1.00', beneficiaryStatus: 'I', medicalUrgencyInd: true },
    });
    expect(card.medicalCover.map((m: { type: string }) => m.type)).toEqual([
      'hospitalization',
      'ambulatoryHospitalization',
    ]);
    const all = await json('consultCarmed', {
      ssin: p.insz,
      period: { startDate: '2024-01-01', endDate: '2027-12-31' },
    });
    expect(all.body.carmeds.map((c: { status: string }) => c.status)).toEqual(['CLOSED', 'OPEN']);
  });

  it('shows the stopped card of the EU citizen with its personal contribution', async () => {
    const p = person('mediprima-eu-citizen-stopped');
    const r = await json('consultCarmed', { ssin: p.insz, referenceDate: '2025-04-01' });
    expect(r.body.carmeds[0]).toMatchObject({
      status: 'STOPPED',
      versionNumber: 2,
      validityPeriod: { endDate: '2025-04-15' },
      refundPodmiSppis: { refundCode: '0.50', beneficiaryStatus: 'L', affiliatedMutualityInd: false },
    });
    expect(r.body.carmeds[0].medicalCover[0].pswcSupport.patientPart).toBe('NOTHING');
  });

  it('answers the coverage per type, the intervention agreement and the DMH attestation', async () => {
    const p = undocumented();
    const coverage = await json('consultCarmedCoverage', { ssin: p.insz, referenceDate: '2025-06-01' });
    expect(
      coverage.body.coverage.filter((c: { covered: boolean }) => c.covered).map((c: { type: string }) => c.type),
    ).toEqual(['hospitalization', 'ambulatoryHospitalization']);
    const doctor = await json('consultCarmedIntervention', { ssin: p.insz, coverType: 'doctor' });
    expect(doctor.body.status.code).toBe('MSG00100');
    const hospital = await json('consultCarmedIntervention', { ssin: p.insz, coverType: 'hospitalization' });
    expect(hospital.body).toMatchObject({ status: { code: 'MSG00000' }, coverType: 'hospitalization' });
    expect(hospital.body.agreementNumber).toMatch(/^\d{12}$/);
    const again = await json('consultCarmedIntervention', { ssin: p.insz, coverType: 'hospitalization' });
    expect(again.body.agreementNumber).toBe(hospital.body.agreementNumber);
    const dmh = await json('consultUrgentMedicalAidAttestation', { ssin: p.insz });
    expect(dmh.body).toMatchObject({ carmedNumber: p.mediprima[1]!.cardId, issuedOn: '2025-05-12' });
    expect(dmh.body.attestationNumber).toMatch(/^DMH\d{10}$/);
    const eu = await json('consultUrgentMedicalAidAttestation', {
      ssin: person('mediprima-eu-citizen-stopped').insz,
      referenceDate: '2025-04-01',
    });
    expect(eu.body.status.code).toBe('MSG00100');
  });

  it('answers MSG00100 without a card, MSG00007 for the cancelled BIS number', async () => {
    const none = await json('consultCarmed', { ssin: person('insz-cancelled-duplicate-bis').insz });
    expect(none.body.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    const cancelled = await json('consultCarmed', { ssin: person('insz-cancelled-duplicate-bis', 'duplicate').insz });
    expect(cancelled.body.status.code).toBe('MSG00007');
  });
});

describe('managing cards', () => {
  it('opens a card that the consult operations then return, modifies, stops and closes it', async () => {
    const p = undocumented();
    const opened = await open(p, '2025-08-12', '2025-11-11');
    expect(opened.body.status.code).toBe('MSG00000');
    const number = opened.body.carmed.carmedNumber;
    expect(number).toBe(`MP${p.insz}-4`);
    expect(opened.body.carmed).toMatchObject({ versionNumber: 1, status: 'OPEN', pswc: { cbeNumber: gent } });
    const seen = await json('consultCarmed', { ssin: p.insz, referenceDate: '2025-09-01' });
    expect(seen.body.carmeds.map((c: { carmedNumber: string }) => c.carmedNumber)).toEqual([number]);
    const modified = await json('modifyCarmed', {
      ssin: p.insz,
      carmedNumber: number,
      supportLevel: 'PERSONAL_CONTRIBUTION',
    });
    expect(modified.body.carmed).toMatchObject({ versionNumber: 2, refundPodmiSppis: { refundCode: '0.50' } });
    const stopped = await json('stopCarmed', { ssin: p.insz, carmedNumber: number, endDate: '2025-09-30' });
    expect(stopped.body.carmed).toMatchObject({
      versionNumber: 3,
      status: 'STOPPED',
      validityPeriod: { endDate: '2025-09-30' },
    });
    const closed = await json('closeCarmed', { ssin: p.insz, carmedNumber: number });
    expect(closed.body.status).toMatchObject({ code: 'MEDP0004', information: [{ fieldValue: 'STOPPED' }] });
    const history = await json('consultCarmed', { ssin: p.insz, carmedNumber: number });
    expect(history.body.carmeds[0].history.map((h: { action: string }) => h.action)).toEqual([
      'OPEN',
      'MODIFY',
      'STOP',
    ]);
  });

  it('refuses an overlapping card (MEDP0001), an insured person (MEDP0005) and a late or reversed period (MSG00008)', async () => {
    const overlap = await open(undocumented(), '2025-06-01', '2025-08-31');
    expect(overlap.body.status).toMatchObject({ code: 'MEDP0001', information: [{ fieldName: 'carmedNumber' }] });
    const insured = await open(person('mediprima-eu-citizen-stopped'), '2025-06-15', '2025-09-14');
    expect(insured.body.status).toMatchObject({ code: 'MEDP0005', information: [{ fieldValue: '600' }] });
    const late = await open(person('insz-cancelled-duplicate-bis'), '2025-04-01', '2025-06-30');
    expect(late.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'startDate' }] });
    const reversed = await open(undocumented(), '2025-12-01', '2025-11-01');
    expect(reversed.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'endDate' }] });
  });

  it("refuses to stop or close another OCMW's card (MEDP0002) and an unknown card (MEDP0003)", async () => {
    const p = undocumented();
    const theirs = p.mediprima[1]!.cardId;
    const stop = await json('stopCarmed', { ssin: p.insz, carmedNumber: theirs, endDate: '2025-07-01' });
    expect(stop.body.status).toMatchObject({ code: 'MEDP0002', information: [{ fieldName: 'pswc' }] });
    const close = await json('closeCarmed', { ssin: p.insz, carmedNumber: theirs });
    expect(close.body.status.code).toBe('MEDP0002');
    const unknown = await json('stopCarmed', { ssin: p.insz, carmedNumber: 'MP1-1', endDate: '2025-07-01' });
    expect(unknown.body.status.code).toBe('MEDP0003');
  });

  it.each([
    ['sec.gent', { ssin: undocumented }, 'MSG00013'],
    ['fb.gent', { ssin: undocumented }, 'MSG00000'],
    ['mw.gent', { ssin: () => person('leefloon-stay-abroad') }, 'MSG00012'],
    ['mw.gent', { ssin: () => ({ insz: '12345678901' }) }, 'MSG00011'],
  ])('consultCarmed as %s answers %s', async (user, body, code) => {
    const r = await json(
      'consultCarmed',
      { ssin: body.ssin().insz, period: { startDate: '2024-01-01', endDate: '2025-12-31' } },
      user,
    );
    expect(r.body.status.code).toBe(code);
  });

  it.each([
    ['consultCarmedCoverage', { ssin: '01010199768' }, 'MSG00005'],
    [
      'consultUrgentMedicalAidAttestation',
      { ssin: () => person('insz-replaced-birthdate-corrected', 'main-old').insz },
      'MSG00006',
    ],
    [
      'consultCarmedIntervention',
      { ssin: () => person('deceased-partner-widowed', 'deceased').insz, coverType: 'doctor' },
      'MSG00009',
    ],
    ['consultCarmedCoverage', { ssin: () => person('insz-cancelled-duplicate-bis').insz }, 'MSG00100'],
    [
      'modifyCarmed',
      { ssin: () => person('insz-cancelled-duplicate-bis').insz, carmedNumber: 'MP1-1', endDate: '2025-12-31' },
      'MEDP0003',
    ],
    ['closeCarmed', { ssin: () => person('leefloon-stay-abroad').insz, carmedNumber: 'MP1-1' }, 'MSG00012'],
  ])('%s answers %s from the world and the access checks', async (name, body, code) => {
    const ssin = typeof body.ssin === 'function' ? body.ssin() : body.ssin;
    const r = await json(name, { ...body, ssin });
    expect(r.body.status.code).toBe(code);
  });

  it('refuses another legal context (MSG00013) and an extension over another card (MEDP0001)', async () => {
    const p = undocumented();
    const legal = await json('consultCarmed', { ssin: p.insz, legalContext: 'Social Rate Investigation' });
    expect(legal.body.status.code).toBe('MSG00013');
    const opened = await open(p, '2026-03-01', '2026-05-31');
    const number = opened.body.carmed.carmedNumber;
    const before = await json('modifyCarmed', { ssin: p.insz, carmedNumber: number, endDate: '2026-02-01' });
    expect(before.body.status).toMatchObject({ code: 'MSG00008', information: [{ fieldName: 'endDate' }] });
    const next = await open(p, '2026-06-01', '2026-06-30');
    const extended = await json('modifyCarmed', { ssin: p.insz, carmedNumber: number, endDate: '2026-12-31' });
    expect(extended.body.status.code).toBe('MEDP0001');
    expect(extended.body.status.information[0].fieldValue).toBe(next.body.carmed.carmedNumber);
  });

  it('keeps an opened card across a restart of the server', async () => {
    const file = join(dir, 'store.db');
    let s = await start(file);
    const p = person('insz-cancelled-duplicate-bis');
    await register(p, s);
    const opened = await json(
      'openCarmed',
      {
        ssin: p.insz,
        period: { startDate: '2025-07-01', endDate: '2025-09-30' },
        coverType: 'PARTIAL',
        supportLevel: 'FULL',
        beneficiaryStatus: 'OTHER',
      },
      'mw.gent',
      s,
    );
    // She is insured at a mutuality: the world refuses the card.
    expect(opened.body.status.code).toBe('MEDP0005');
    const q = undocumented();
    await register(q, s);
    const ok = await json(
      'openCarmed',
      {
        ssin: q.insz,
        period: { startDate: '2025-09-01', endDate: '2025-10-31' },
        coverType: 'PARTIAL',
        supportLevel: 'FULL',
        beneficiaryStatus: 'ILLEGAL_STAY',
      },
      'mw.gent',
      s,
    );
    expect(ok.body.status.code).toBe('MSG00000');
    s.store.close();
    s = await start(file, false);
    const seen = await json('consultCarmed', { ssin: q.insz, referenceDate: '2025-09-15' }, 'mw.gent', s);
    expect(seen.body.carmeds.map((c: { carmedNumber: string }) => c.carmedNumber)).toEqual([
      ok.body.carmed.carmedNumber,
    ]);
    s.store.close();
  });
});

describe('the SOAP face', () => {
  it('opens and consults a card with the eHealth Carmed element names', async () => {
    const p = undocumented();
    const opened = await soap(
      'openCarmed',
      `<ssin>${p.insz}</ssin><period><startDate>2025-11-12</startDate><endDate>2026-02-11</endDate></period><coverType>HOSPITAL_ONLY</coverType><supportLevel>FULL</supportLevel><beneficiaryStatus>ILLEGAL_STAY</beneficiaryStatus>`,
    );
    expect(opened).toContain('<code>MSG00000</code>');
    expect(opened).toContain('<Hospitalization>');
    expect(opened).not.toContain('<Doctor>');
    const number = /<CarmedNumber>([^<]+)<\/CarmedNumber>/.exec(opened)?.[1];
    const seen = await soap('consultCarmed', `<ssin>${p.insz}</ssin><carmedNumber>${number}</carmedNumber>`);
    expect(seen).toContain('<mp:consultCarmedResponse');
    expect(seen).toContain(`<CarmedNumber>${number}</CarmedNumber>`);
    expect(seen).toContain('<BeneficiaryStatus>I</BeneficiaryStatus>');
    expect(seen.indexOf('<Carmed>')).toBeGreaterThan(seen.indexOf('</status>'));
  });

  it("refuses to stop another OCMW's card", async () => {
    const p = undocumented();
    const xml = await soap(
      'stopCarmed',
      `<ssin>${p.insz}</ssin><carmedNumber>${p.mediprima[1]!.cardId}</carmedNumber><endDate>2025-07-01</endDate>`,
    );
    expect(xml).toContain('<code>MEDP0002</code>');
    expect(xml).not.toContain('<Carmed>');
  });
});

const op = (name: string) => flow.operations.find((o) => o.name === name) as unknown as OperationDef<unknown, unknown>;

const element = (name: string, inner: string) => operationElement(wireOf(name), inner);

describe('reading requests', () => {
  const ssin = '99512185380';
  it('reads a period and the wire codes from XML', () => {
    const r = op('openCarmed').fromXml?.(
      element(
        'openCarmed',
        `<ssin>${ssin}</ssin><period><startDate>2025-07-01</startDate><endDate>2025-09-30</endDate></period><coverType>PARTIAL</coverType><supportLevel>PERSONAL_CONTRIBUTION</supportLevel><beneficiaryStatus>EU_WITHOUT_INSURANCE</beneficiaryStatus>`,
      ),
    );
    expect(r).toEqual({
      ssin,
      startDate: '2025-07-01',
      endDate: '2025-09-30',
      coverType: 'partial',
      supportLevel: 'personal-contribution',
      beneficiaryStatus: 'eu-without-insurance',
    });
  });

  it.each([
    ['openCarmed', { ssin, period: { startDate: '2025-02-30', endDate: '2025-03-01' } }, 'startDate'],
    ['openCarmed', { ssin, period: { startDate: '2025-03-01', endDate: '2025-04-01' }, coverType: 'ALL' }, 'coverType'],
    ['modifyCarmed', { ssin, carmedNumber: 'MP1-1' }, 'request'],
    ['stopCarmed', { ssin, carmedNumber: 'MP1-1' }, 'endDate'],
    ['closeCarmed', { ssin }, 'carmedNumber'],
    ['consultCarmed', { ssin, period: { startDate: '2025-01-01' } }, 'period'],
    [
      'consultCarmed',
      { ssin, referenceDate: '2025-01-01', period: { startDate: '2025-01-01', endDate: '2025-02-01' } },
      'period',
    ],
    ['consultCarmedIntervention', { ssin, coverType: 'dentist' }, 'coverType'],
    ['consultCarmedCoverage', { ssin: '123' }, 'ssin'],
  ])('%s.fromJson refuses %j naming %s', (name, body, field) => {
    expect(requestError(() => op(name).fromJson(body)).field).toBe(field);
  });

  it.each([
    ['stopCarmed', `<ssin>${ssin}</ssin><carmedNumber>MP1-1</carmedNumber>`, 'endDate'],
    ['consultCarmedIntervention', `<ssin>${ssin}</ssin>`, 'coverType'],
    [
      'consultUrgentMedicalAidAttestation',
      `<ssin>${ssin}</ssin><referenceDate>30/06/2025</referenceDate>`,
      'referenceDate',
    ],
  ])('%s.fromXml refuses %s naming %s', (name, inner, field) => {
    expect(requestError(() => op(name).fromXml?.(element(name, inner))).field).toBe(field);
  });
});
