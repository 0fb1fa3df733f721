import { beforeAll, describe, expect, it } from 'vitest';
import type { OcmwDecision, Person, World } from '../../../scenarios/engine/model.ts';
import { buildWorld } from '../../../scenarios/engine/world.ts';
import { personIn } from '../../../test/support/flows.ts';
import { type Alert, alertsFor, alertsOf, lastReminderDate, sentBy } from './alerts.ts';

let world: World;
const kboOf = (nis: string) => {
  const o = world.organisations.find((x) => x.kind === 'ocmw' && x.nis === nis);
  if (!o) throw new Error(`no OCMW ${nis}`);
  return o.kbo;
};
const personOf = (scenario: string, role = 'main') => personIn(world, scenario, role);
/** The alerts of a scenario person towards the OCMW of `nis`, over the whole timeline. */
const alertsAbout = (scenario: string, nis: string, role = 'main') =>
  alertsFor(world, kboOf(nis)).filter((a) => a.ssin === personOf(scenario, role).insz);
const summary = (alerts: Alert[]) => alerts.map((a) => [a.type, a.period.from, a.period.to]);

beforeAll(() => {
  world = buildWorld({ preset: 'small', seed: 1 });
});

describe('each knipperlicht scenario yields exactly the alerts its story implies', () => {
  it('leefloon-undeclared-work: the full-time job (DIMONA) during leefloon at Gent', () => {
    const alerts = alertsAbout('leefloon-undeclared-work', '44021');
    expect(summary(alerts)).toEqual([['EMPLOYMENT', '2025-02-03', '2025-08-29']]);
    const job = personOf('leefloon-undeclared-work').employment[0]!;
    expect(alerts[0]!.evidence).toMatchObject({
      source: 'DIMONA',
      employerKbo: job.employerKbo,
      employerName: job.employerName,
      dimonaId: job.dimonaId,
      jointCommittee: job.jointCommittee,
      hoursPerWeek: job.hoursPerWeek,
      employment: { from: job.from, to: job.to },
    });
    expect(alerts[0]!.emittedOn).toBe('2025-03-01');
  });

  it('leefloon-and-unemployment: the RVA benefit during the whole leefloon at Luik', () => {
    const alerts = alertsAbout('leefloon-and-unemployment', '62063');
    expect(summary(alerts)).toEqual([['UNEMPLOYMENT_BENEFIT', '2024-10-14', '2025-07-31']]);
    const right = personOf('leefloon-and-unemployment').unemployment[0]!;
    expect(alerts[0]!.evidence).toMatchObject({ source: 'RVA', rightId: right.id, paymentInstitution: 'ABVV' });
  });

  it('leefloon-stay-abroad: only the six-month stay, from the end of its first month', () => {
    const alerts = alertsAbout('leefloon-stay-abroad', '21004');
    expect(summary(alerts)).toEqual([['STAY_ABROAD', '2026-09-03', '2027-01-29']]);
    expect(alerts[0]!.evidence).toMatchObject({ country: 'MA', stay: { from: '2026-08-03', to: '2027-01-29' } });
  });

  it('leefloon-two-ocmws: each paying OCMW is told about the other', () => {
    const leuven = alertsAbout('leefloon-two-ocmws', '24062');
    const mechelen = alertsAbout('leefloon-two-ocmws', '12025');
    expect(summary(leuven)).toEqual([['OTHER_OCMW', '2025-04-01', '2025-08-31']]);
    expect(summary(mechelen)).toEqual([['OTHER_OCMW', '2025-04-01', '2025-08-31']]);
    expect(leuven[0]!.evidence.otherOcmwKbo).toBe(kboOf('12025'));
    expect(mechelen[0]!.evidence.otherOcmwKbo).toBe(kboOf('24062'));
    expect(leuven[0]!.alertId).not.toBe(mechelen[0]!.alertId);
  });

  it('leefloon-partner-moves-in: the partner joining the household', () => {
    const alerts = alertsAbout('leefloon-partner-moves-in', '31005');
    expect(summary(alerts)).toEqual([['HOUSEHOLD_CHANGE', '2025-04-01', null]]);
    expect(alerts[0]!.evidence).toEqual({
      changeDate: '2025-04-01',
      joined: [{ ssin: personOf('leefloon-partner-moves-in', 'partner').insz, role: 'partner' }],
      left: [],
    });
  });

  it('leefloon-and-sickness: the primary incapacity benefit until the leefloon stops', () => {
    expect(summary(alertsAbout('leefloon-and-sickness', '35013'))).toEqual([
      ['SICKNESS_BENEFIT', '2024-09-02', '2025-06-30'],
    ]);
  });

  it('student-leefloon-job: only the unreported 2026 job; the 2025 job was counted with an exemption', () => {
    const alerts = alertsAbout('student-leefloon-job', '24062', 'student');
    expect(summary(alerts)).toEqual([['EMPLOYMENT', '2026-07-01', '2026-08-31']]);
    expect(alerts[0]!.evidence.dimonaId).toBe(personOf('student-leefloon-job', 'student').employment[1]!.dimonaId);
  });

  it('no alert when the leefloon bridges an unemployment sanction, nor for art. 60 work for the OCMW itself', () => {
    expect(alertsAbout('unemployed-sanction-exclusion', '21001')).toEqual([]);
    expect(alertsAbout('art60-after-leefloon', '52011')).toEqual([]);
  });
});

describe('alert identity and timing', () => {
  it('ids (15 digits) and references (12 digits) are numeric without a leading zero and the same for the same facts', () => {
    const again = buildWorld({ preset: 'small', seed: 1 });
    const a = alertsFor(world, kboOf('44021'));
    const b = alertsFor(again, kboOf('44021'));
    expect(b.map((x) => x.alertId)).toEqual(a.map((x) => x.alertId));
    for (const x of a) {
      expect(x.alertId).toMatch(/^[1-9]\d{14}$/);
      expect(x.reference).toMatch(/^[1-9]\d{11}$/);
    }
  });

  it('an alert is sent from its emission date on', () => {
    const gent = alertsFor(world, kboOf('44021'));
    const ssin = personOf('leefloon-undeclared-work').insz;
    expect(sentBy(gent, '2025-02-28').filter((a) => a.ssin === ssin)).toEqual([]);
    expect(sentBy(gent, '2025-03-01').filter((a) => a.ssin === ssin)).toHaveLength(1);
  });

  it('reminder lists are dated 1 March and 1 October', () => {
    expect(lastReminderDate('2025-06-30')).toBe('2025-03-01');
    expect(lastReminderDate('2025-10-01')).toBe('2025-10-01');
    expect(lastReminderDate('2025-02-28')).toBe('2024-10-01');
  });

  it('raises PENSION and DEATH alerts from a hand-made person', () => {
    const decision: OcmwDecision = {
      id: 'DX-1',
      ocmwKbo: '0000000097',
      decisionDate: '2024-01-10',
      kind: 'leefloon',
      category: 'alleenstaande',
      period: { from: '2024-01-01', to: null },
      amountCents: 128846,
      calculation: { baseMonthlyCents: 128846, resources: [], exemptionCents: 0 },
      socialWorker: { name: 'Test', phone: '09 000 00 00', email: 'test@example.invalid' },
      piis: false,
    };
    const p = {
      ...personOf('leefloon-and-sickness'),
      insz: '50010100155',
      sickness: [],
      employment: [],
      households: [],
      deathDate: '2024-09-10',
      pensions: [{ from: '2024-06-01', to: null, kind: 'retirement', monthlyCents: 90000, institution: 'FPD' }],
      ocmwDecisions: [decision],
    } satisfies Person;
    expect(summary(alertsOf(world, p, '0000000097', new Map()))).toEqual([
      ['PENSION', '2024-06-01', null],
      ['DEATH', '2024-09-11', null],
    ]);
  });
});
