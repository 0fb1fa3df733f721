import { beforeAll, describe, expect, it } from 'vitest';
import { realDate } from './builder.ts';
import { validateInsz } from './ids/insz.ts';
import { loadLibrary } from './library.ts';
import type { IsoDate, Period, Person, World } from './model.ts';
import { buildWorld } from './world.ts';

const END = '9999-12-31';

/** Every period of a person, labelled by where it sits. */
function periodsOf(p: Person): [string, Period][] {
  const out: [string, Period][] = [];
  const add = (label: string, list: readonly Period[]) =>
    list.forEach((x, i) => {
      out.push([`${label}[${i}]`, x]);
    });
  add('civilStates', p.civilStates);
  add('addresses', p.addresses);
  add('households', p.households);
  add('employment', p.employment);
  add('unemployment', p.unemployment);
  add('unemploymentSanctions', p.unemploymentSanctions);
  add('selfEmployed', p.selfEmployed?.periods ?? []);
  add('healthInsurance', p.healthInsurance);
  add('gmd', p.gmd);
  add(
    'ocmwDecisions',
    p.ocmwDecisions.map((d) => d.period),
  );
  add('mediprima', p.mediprima);
  if (p.kbi) {
    add('kbi.trajectory', [p.kbi.trajectory]);
    add(
      'kbi.nt2',
      p.kbi.nt2.map((c) => c.period),
    );
  }
  if (p.housing.waitingList) add('housing.waitingList', [p.housing.waitingList]);
  add('pensions', p.pensions);
  add('handicap', p.handicap);
  add(
    'handicap.allowances',
    p.handicap.flatMap((h) => h.allowances.map((a) => a.period)),
  );
  add('sickness', p.sickness);
  add('childBenefits', p.childBenefits);
  add(
    'property',
    p.property.map((x) => x.period),
  );
  add('energy.socialTariff', p.energy.socialTariff);
  add('staysAbroad', p.staysAbroad);
  return out;
}

/** Lists whose periods must follow each other without overlapping. */
function sequences(p: Person): [string, readonly Period[]][] {
  return [
    ['addresses', p.addresses],
    ['households', p.households],
    ['civilStates', p.civilStates],
    ['healthInsurance', p.healthInsurance],
    ['gmd', p.gmd],
    ['selfEmployed', p.selfEmployed?.periods ?? []],
    ['sickness', p.sickness],
    ['handicap', p.handicap],
  ];
}

function overlapsIn(list: readonly Period[]): string | null {
  const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Period;
    const next = sorted[i] as Period;
    if ((prev.to ?? END) >= next.from) return `${JSON.stringify(prev)} overlaps ${JSON.stringify(next)}`;
  }
  return null;
}

/** Dated facts that may not begin or last after the person's death. */
function factsAfterDeath(p: Person, death: IsoDate): string[] {
  const late: string[] = [];
  const check = (label: string, list: readonly Period[]) => {
    list.forEach((x, i) => {
      if (x.from > death || (x.to ?? END) > death) late.push(`${label}[${i}] ${x.from}..${x.to}`);
    });
  };
  check('addresses', p.addresses);
  check('households', p.households);
  check('civilStates', p.civilStates);
  check('employment', p.employment);
  check('unemployment', p.unemployment);
  check('selfEmployed', p.selfEmployed?.periods ?? []);
  check('healthInsurance', p.healthInsurance);
  check('gmd', p.gmd);
  check(
    'ocmwDecisions',
    p.ocmwDecisions.map((d) => d.period),
  );
  check('mediprima', p.mediprima);
  check('pensions', p.pensions);
  check('handicap', p.handicap);
  check('sickness', p.sickness);
  check('childBenefits', p.childBenefits);
  check('energy.socialTariff', p.energy.socialTariff);
  check('staysAbroad', p.staysAbroad);
  const payments = [
    ...(p.housing.huurpremie?.payments ?? []),
    ...(p.housing.huursubsidie?.payments ?? []),
    ...p.energy.heatingAllowances,
  ];
  for (const x of payments) if (x.date > death) late.push(`payment on ${x.date}`);
  return late;
}

describe('invariants of the default world (seed 1)', () => {
  let world: World;
  let json: string;
  beforeAll(() => {
    world = buildWorld({ preset: 'default', seed: 1 });
    json = JSON.stringify(world);
  });

  it('has a sizeable population with scenario and background persons', () => {
    expect(world.persons.length).toBeGreaterThan(5_000);
    expect(world.persons.some((p) => p.origin === 'background-1')).toBe(true);
    expect(world.persons.some((p) => p.origin === 'newcomer-inburgering')).toBe(true);
  });

  it('gives every person a valid, unique INSZ whose kind matches the number', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const p of world.persons) {
      const v = validateInsz(p.insz);
      if (!v.valid) problems.push(`${p.insz}: ${v.reason}`);
      else if (v.parts.kind !== p.kind) problems.push(`${p.insz}: kind ${p.kind}, number says ${v.parts.kind}`);
      if (seen.has(p.insz)) problems.push(`${p.insz} is used twice`);
      seen.add(p.insz);
    }
    for (const u of world.users) {
      if (!validateInsz(u.userId).valid) problems.push(`user ${u.username}: ${u.userId}`);
      if (seen.has(u.userId)) problems.push(`user ${u.username} shares INSZ ${u.userId} with a person`);
    }
    expect(problems).toEqual([]);
  });

  it('lets nobody work, marry, move, receive a benefit, a decision or a card after death', () => {
    const dead = world.persons.filter((p) => p.deathDate);
    expect(dead.length).toBeGreaterThan(10);
    const problems = dead.flatMap((p) =>
      factsAfterDeath(p, p.deathDate as string).map((f) => `${p.insz} (${p.origin}) died ${p.deathDate}: ${f}`),
    );
    expect(problems).toEqual([]);
  });

  it('has only well-formed periods (from ≤ to), none starting before birth', () => {
    const problems: string[] = [];
    for (const p of world.persons) {
      const born = realDate(p.birthDate);
      for (const [label, x] of periodsOf(p)) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(x.from)) problems.push(`${p.insz} ${label}: from ${x.from}`);
        if (x.to !== null && x.to < x.from) problems.push(`${p.insz} ${label}: ${x.from} > ${x.to}`);
        if (x.from < born && !label.startsWith('property'))
          problems.push(`${p.insz} ${label}: starts ${x.from} before birth ${born}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps addresses, households, civil states, health insurance (and other sequences) from overlapping', () => {
    const problems: string[] = [];
    for (const p of world.persons)
      for (const [label, list] of sequences(p)) {
        const why = overlapsIn(list);
        if (why) problems.push(`${p.insz} (${p.origin}) ${label}: ${why}`);
      }
    expect(problems).toEqual([]);
  });

  it('gives each person at most one household membership and one address on any day', () => {
    // Checked on every date where something starts: a stronger form of non-overlap, kept explicit.
    for (const p of world.persons) {
      for (const probe of new Set([...p.households, ...p.addresses].map((x) => x.from))) {
        const on = (x: Period) => x.from <= probe && probe <= (x.to ?? END);
        expect(p.households.filter(on).length, `${p.insz} households on ${probe}`).toBeLessThanOrEqual(1);
        expect(p.addresses.filter(on).length, `${p.insz} addresses on ${probe}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('has every OCMW decision, Mediprima card and heating allowance come from an OCMW of the world', () => {
    const ocmws = new Set(world.organisations.filter((o) => o.kind === 'ocmw').map((o) => o.kbo));
    const problems: string[] = [];
    for (const p of world.persons) {
      for (const d of p.ocmwDecisions) if (!ocmws.has(d.ocmwKbo)) problems.push(`${p.insz} decision ${d.id}`);
      for (const c of p.mediprima) if (!ocmws.has(c.ocmwKbo)) problems.push(`${p.insz} card ${c.cardId}`);
      for (const h of p.energy.heatingAllowances)
        if (!ocmws.has(h.ocmwKbo)) problems.push(`${p.insz} heating allowance ${h.date}`);
      for (const e of p.employment)
        if (e.workerType === 'art60' && !ocmws.has(e.employerKbo)) problems.push(`${p.insz} art. 60 employer`);
    }
    expect(problems).toEqual([]);
  });

  it('has no OCMW in Herstappe (NIS 73028), and one in every other municipality', () => {
    const ocmws = world.organisations.filter((o) => o.kind === 'ocmw');
    expect(ocmws.filter((o) => o.nis === '73028')).toEqual([]);
    expect(ocmws.every((o) => o.matrix?.id === 17 && o.matrix.subId === 1)).toBe(true);
    const herstappe = world.persons.filter((p) => p.addresses.some((a) => a.nis === '73028'));
    expect(herstappe.length).toBeGreaterThan(0);
  });

  it('resolves every household member and every reference to another person', () => {
    const byInsz = new Map(world.persons.map((p) => [p.insz, p]));
    const problems: string[] = [];
    for (const h of world.households) {
      expect(h.members.length, h.id).toBeGreaterThan(0);
      for (const m of h.members) {
        const p = byInsz.get(m.insz);
        if (!p) problems.push(`${h.id}: member ${m.insz} is nobody`);
        else if (!p.households.some((x) => x.householdId === h.id && x.from === m.from))
          problems.push(`${h.id}: ${m.insz} has no such membership`);
      }
    }
    for (const p of world.persons) {
      const refs = [
        ...p.civilStates.map((c) => c.partner),
        ...p.healthInsurance.map((x) => x.titular),
        ...p.childBenefits.map((c) => c.child),
        p.housing.huursubsidie?.partner,
        p.replaces,
        p.replacedBy?.insz,
      ];
      for (const r of refs) if (r !== undefined && !byInsz.has(r)) problems.push(`${p.insz} refers to unknown ${r}`);
      for (const c of p.civilStates)
        if (c.partner && byInsz.get(c.partner)?.replacedBy) problems.push(`${p.insz} refers to a replaced number`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps replaced and cancelled numbers as records without facts or with their mark', () => {
    const replaced = world.persons.filter((p) => p.replacedBy);
    expect(replaced.length).toBeGreaterThan(0);
    for (const p of replaced) {
      expect(periodsOf(p)).toEqual([]);
      expect(p.taxes).toEqual([]);
    }
    expect(world.persons.filter((p) => p.cancelled).length).toBeGreaterThan(0);
  });

  it('is deterministic: the same preset and seed give the same bytes', () => {
    expect(JSON.stringify(buildWorld({ preset: 'default', seed: 1 }))).toBe(json);
  });

  it('changes with the seed', () => {
    const other = JSON.stringify(buildWorld({ preset: 'default', seed: 2 }));
    expect(other).not.toBe(json);
  });
});

describe('a world of one scenario (--scenario)', () => {
  const library = loadLibrary();
  const small = buildWorld({ preset: 'small', seed: 1 });

  it.each(library.map((s) => [s.id, s] as const))('%s', (id, s) => {
    const world = buildWorld({ preset: 'small', seed: 1, scenario: id, households: 0 });
    expect(world.persons.every((p) => p.origin === id)).toBe(true);
    const roles = world.persons.filter((p) => !p.replacedBy).map((p) => p.originRole);
    expect(roles.sort()).toEqual(s.persons.map((p) => p.role).sort());
    // The same lives as in the full world: same birth dates and the same number of facts per role.
    for (const p of world.persons) {
      const same = small.persons.find((q) => q.origin === id && q.originRole === p.originRole);
      expect(same?.birthDate, `${id}/${p.originRole}`).toBe(p.birthDate);
      expect(periodsOf(same as Person).length, `${id}/${p.originRole}`).toBe(periodsOf(p).length);
    }
  });

  it('rejects an unknown scenario id', () => {
    expect(() => buildWorld({ preset: 'small', seed: 1, scenario: 'no-such-scenario', households: 0 })).toThrow(
      /unknown scenario "no-such-scenario"/,
    );
  });
});
