import { beforeAll, describe, expect, it } from 'vitest';
import { leefloonMonthlyCents } from '../../../../scenarios/engine/amounts.ts';
import type { World } from '../../../../scenarios/engine/model.ts';
import { buildWorld } from '../../../../scenarios/engine/world.ts';
import { computeKey } from '../score.ts';
import type { Exercise, FlowFacts, KeyContext } from '../types.ts';
import { personOf } from '../variant.ts';
import { REVISION_TYPES, revisionTypes } from './classify.ts';
import { KeyError } from './define.ts';
import { STOP_REASONS } from './esv-stop.ts';
import { KEYS } from './index.ts';

/**
 * The key functions against the facts the scenarios promise (their timelines fix the dates and the reasons; the
 * seed only changes who the person is). Amounts are compared with the engine's own amount tables.
 */
let world: World;
const GENT = '0251951263';

beforeAll(() => {
  world = buildWorld({ preset: 'small', seed: 1 });
});

function ctx(scenario: string, role: string, today: string, extra: Partial<Exercise> = {}, flows: FlowFacts[] = []) {
  const subject = personOf(world, { scenario, role });
  if (!subject) throw new Error(`no ${scenario}/${role}`);
  const exercise = { id: 'unit', subject: { candidates: [{ scenario, role }] }, ...extra } as Exercise;
  const c: KeyContext = { exercise, world, subject, today, ocmwKbo: GENT, flows };
  return (name: string, params: Record<string, unknown> = {}) => computeKey(c, name, params);
}

describe('the key table', () => {
  it('lists each key function under its own name', () => {
    for (const [name, def] of Object.entries(KEYS)) expect(def.name).toBe(name);
  });
  it('refuses an unknown key', () => {
    expect(() => ctx('esv-moved-from-antwerpen', 'main', '2025-10-01')('no-such-key')).toThrow(KeyError);
  });
});

describe('ESV keys (esv-moved-from-antwerpen, asked by Gent on 2025-10-01)', () => {
  const key = () => ctx('esv-moved-from-antwerpen', 'main', '2025-10-01');
  it('the current decision: single, the 2025 amount, with a PIIS; the run started at the 2023 restart', () => {
    const k = key();
    expect(k('esv-current-decision', { field: 'category' })).toBe('alleenstaande');
    expect(k('esv-current-decision', { field: 'amount' })).toBe(
      leefloonMonthlyCents('alleenstaande', '2025-03-01') / 100,
    );
    expect(k('esv-current-decision', { field: 'piis' })).toBe('yes');
    expect(k('esv-current-decision', { field: 'kind' })).toBe('leefloon');
    expect(k('esv-right-start')).toBe('2023-11-06');
  });
  it('the category change when the child moved to the father, and the part-time exemption', () => {
    const k = key();
    expect(k('esv-category-change', { field: 'date' })).toBe('2022-09-01');
    expect(k('esv-category-change', { field: 'from' })).toBe('gezinslast');
    expect(k('esv-category-change', { field: 'to' })).toBe('alleenstaande');
    expect(k('esv-exemption')).toBe(270);
    expect(k('esv-window', { field: 'from' })).toBe('2020-10-01');
  });
  it('counts revisions by what they changed, not by their wording', () => {
    const k = key();
    expect(k('esv-revision-count', { type: 'category' })).toBe(1);
    expect(k('esv-revision-count', { type: 'stop' })).toBe(1);
    expect(k('esv-revision-count', { type: 'exemption' })).toBe(2);
    expect(k('esv-revision-count', { type: 'indexation' })).toBeGreaterThanOrEqual(4);
  });
  it('the installation premium of June 2024: one month of the family-charge category', () => {
    const k = key();
    expect(k('esv-installation-premium', { field: 'date' })).toBe('2024-06-03');
    expect(k('esv-installation-premium', { field: 'amount' })).toBe(
      leefloonMonthlyCents('gezinslast', '2024-06-03') / 100,
    );
    expect(k('esv-installation-premium', { field: 'ocmw' })).toEqual(['OCMW Antwerpen', "CPAS d'Anvers"]);
  });
  it('the ESV never shows the asking OCMW’s own decisions', () => {
    const k = ctx('leefloon-undeclared-work', 'main', '2025-10-01');
    expect(() => k('esv-current-decision', { field: 'amount' })).toThrow(KeyError);
  });
});

describe('other ESV cases', () => {
  it('stops: art. 60 and a benefit with retroactive effect', () => {
    const art60 = ctx('art60-after-leefloon', 'main', '2025-10-01');
    expect(art60('esv-stop', { field: 'date' })).toBe('2024-03-01');
    expect(art60('esv-stop', { field: 'reason' })).toBe('art60');
    const sick = ctx('leefloon-and-sickness', 'main', '2025-10-01');
    expect(sick('esv-stop', { field: 'date' })).toBe('2025-07-01');
    expect(sick('esv-stop', { field: 'reason' })).toBe('benefit');
    expect(STOP_REASONS.find((r) => r.pattern.test('verhuisd naar Gent'))?.code).toBe('moved');
  });
  it('two OCMW’s: Leuven and Mechelen overlap from April 2025; Mechelen is the latest', () => {
    const k = ctx('leefloon-two-ocmws', 'main', '2025-10-01');
    expect(k('esv-previous-ocmws', { field: 'count' })).toBe('2');
    expect(k('esv-previous-ocmws', { field: 'current' })).toEqual(['OCMW Mechelen', 'CPAS de Malines']);
    expect(k('esv-overlap-start')).toBe('2025-04-01');
  });
  it('the five-year window hides a leefloon that began in 2015', () => {
    const k = ctx('inschakeling-ended-2015', 'main', '2025-10-01');
    expect(k('esv-start-visible')).toBe('no');
    expect(k('esv-window', { field: 'from' })).toBe('2020-10-01');
    expect(ctx('homeless-reference-address', 'main', '2025-10-01')('esv-start-visible')).toBe('yes');
  });
  it('resources: the partner’s income, the sale of land', () => {
    const partner = ctx('leefloon-partner-income', 'main', '2025-10-01');
    expect(partner('esv-current-resources')).toBe(498.1);
    expect(partner('esv-current-revision')).toBe('resources');
    const property = ctx('property-owner-leefloon', 'main', '2025-12-01');
    expect(property('esv-current-decision', { field: 'from' })).toBe('2025-11-03');
    expect(property('esv-current-resources')).toBeCloseTo(201, 2);
  });
  it('classifies a revision by structure', () => {
    const base = {
      kind: 'leefloon' as const,
      category: 'alleenstaande',
      calculation: { baseMonthlyCents: 1, resources: [], exemptionCents: 0 },
    };
    expect(revisionTypes({ ...base, calculation: { ...base.calculation, baseMonthlyCents: 2 } }, base)).toEqual([
      'indexation',
    ]);
    expect(revisionTypes({ ...base, category: 'samenwonende' }, base)).toEqual(['category']);
    expect(revisionTypes({ ...base, kind: 'stop' }, base)).toEqual(['stop']);
    expect(revisionTypes(base, undefined)).toEqual([]);
    expect(REVISION_TYPES).toContain('exemption');
  });
});

describe('knipperlichten keys (the flow’s own alert computation)', () => {
  it('one signal per case, on the dates of the scenarios', () => {
    const work = ctx('leefloon-undeclared-work', 'main', '2025-09-15');
    expect(work('knipperlichten-signals')).toEqual(['EMPLOYMENT']);
    expect(work('knipperlichten-signal-start')).toBe('2025-02-03');
    expect(work('knipperlichten-follow-up')).toEqual(['3', '4']);
    const rva = ctx('leefloon-and-unemployment', 'main', '2025-06-16');
    expect(rva('knipperlichten-signals')).toEqual(['UNEMPLOYMENT_BENEFIT']);
    expect(rva('knipperlichten-follow-up')).toEqual(['5']);
    const moved = ctx('leefloon-partner-moves-in', 'main', '2025-06-16');
    expect(moved('knipperlichten-signals')).toEqual(['HOUSEHOLD_CHANGE']);
    expect(moved('knipperlichten-signal-start', { type: 'HOUSEHOLD_CHANGE' })).toBe('2025-04-01');
  });
  it('only what was emitted by today: the long stay abroad of 2026, not the short one of 2024', () => {
    expect(ctx('leefloon-stay-abroad', 'main', '2025-06-16')('knipperlichten-signals')).toEqual([]);
    const k = ctx('leefloon-stay-abroad', 'main', '2026-11-16');
    expect(k('knipperlichten-signals')).toEqual(['STAY_ABROAD']);
    expect(k('knipperlichten-evidence', { type: 'STAY_ABROAD', field: 'firstMonthEnds' })).toBe('2026-09-02');
  });
  it('the file of the first OCMW, which is no longer competent after the move: stop and recover', () => {
    const k = ctx('leefloon-two-ocmws', 'main', '2025-06-16', { subject: { candidates: [], file: 'first' } });
    expect(k('knipperlichten-signals')).toEqual(['OTHER_OCMW']);
    expect(k('knipperlichten-evidence', { type: 'OTHER_OCMW', field: 'otherOcmw' })).toEqual([
      'OCMW Mechelen',
      'CPAS de Malines',
    ]);
    expect(k('knipperlichten-follow-up')).toEqual(['4']);
    const latest = ctx('leefloon-two-ocmws', 'main', '2025-06-16');
    expect(latest('knipperlichten-follow-up')).toEqual(['2']);
  });
  it('no signal: a counted student job, a leefloon during an RVA sanction', () => {
    const student = ctx('student-leefloon-job', 'student', '2025-10-15');
    expect(student('knipperlichten-signals')).toEqual([]);
    expect(student('knipperlichten-follow-up')).toEqual(['1']);
    expect(ctx('student-leefloon-job', 'student', '2026-09-15')('knipperlichten-follow-up')).toEqual(['3']);
    const sanction = ctx('unemployed-sanction-exclusion', 'main', '2025-07-15');
    expect(sanction('knipperlichten-signals')).toEqual([]);
    expect(sanction('unemployment-sanction', { field: 'weeks' })).toBe(8);
    expect(sanction('unemployment-sanction', { field: 'from' })).toBe('2025-05-05');
  });
});

describe('infosec keys', () => {
  it('the flows a role may use come from the catalogue', () => {
    const flows: FlowFacts[] = [
      { id: 'esv', roles: ['social-worker'], operations: [] },
      { id: 'living-wages', roles: ['social-worker', 'financial-manager'], operations: [] },
    ];
    const k = ctx('leefloon-undeclared-work', 'main', '2025-11-20', {}, flows);
    expect(k('flows-allowed-for-role', { role: 'financial-manager' })).toEqual(['living-wages']);
    expect(k('flows-allowed-for-role', { role: 'social-worker' })).toEqual(['esv', 'living-wages']);
    expect(k('leefloon-amount-on', { date: '2025-06-15' })).toBe(
      leefloonMonthlyCents('alleenstaande', '2025-06-15') / 100,
    );
  });
  it('a Mediprima card valid on a day, or not', () => {
    expect(ctx('undocumented-urgent-medical-aid', 'main', '2025-06-30')('mediprima-card-valid')).toBe('yes');
    expect(ctx('undocumented-urgent-medical-aid', 'main', '2025-08-20')('mediprima-card-valid')).toBe('no');
  });
});
