import { beforeAll, describe, expect, it } from 'vitest';
import { asOf } from './as-of.ts';
import type { World } from './model.ts';
import { buildWorld } from './world.ts';

let world: World;
beforeAll(() => {
  world = buildWorld({ preset: 'small', seed: 5, scenario: 'inschakeling-ended-2015', households: 30 });
});

describe('the world as of a date', () => {
  it('shows the inschakelingsuitkering running on its last day and gone the day after, when leefloon starts later', () => {
    const main = world.persons.find((p) => p.origin === 'inschakeling-ended-2015' && p.originRole === 'main');
    expect(main).toBeDefined();
    const insz = main?.insz ?? '';
    const last = asOf(world, '2014-12-31').person(insz);
    expect(last?.unemployment.map((u) => u.kind)).toEqual(['inschakeling']);
    const after = asOf(world, '2015-01-01').person(insz);
    expect(after?.unemployment).toEqual([]);
    expect(after?.ocmwDecisions).toEqual([]);
    const leefloon = asOf(world, '2015-02-01').person(insz);
    expect(leefloon?.ocmwDecisions.map((d) => d.kind)).toEqual(['leefloon']);
    expect(leefloon?.ocmwDecisions[0]?.amountCents).toBe(81_736);
  });

  it('gives every member of a household the same address and lists the members of that day', () => {
    for (const h of world.households.slice(0, 30)) {
      const date = h.members[0]?.from ?? '2020-01-01';
      const view = asOf(world, date);
      const present = h.members.filter((m) => m.from <= date && (m.to === null || date <= m.to));
      const addresses = new Set(
        present.map((m) => JSON.stringify({ ...view.person(m.insz)?.address, from: 0, to: 0 })),
      );
      expect(addresses.size).toBe(1);
      expect(view.person(present[0]?.insz ?? '')?.household?.members.length).toBe(present.length);
    }
  });

  it('answers undefined for an unknown INSZ and "not born" before birth', () => {
    expect(asOf(world, '2020-01-01').person('00000000000')).toBeUndefined();
    const p = world.persons[0];
    expect(p).toBeDefined();
    expect(asOf(world, '1900-01-01').person(p?.insz ?? '')?.born).toBe(false);
  });
});
