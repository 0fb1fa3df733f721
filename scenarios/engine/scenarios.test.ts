import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS } from './events/index.ts';
import { DataFileError, LIBRARY_DIR, loadLibrary, parseScenario } from './library.ts';
import type { Person, World } from './model.ts';
import type { Scenario, ScenarioPromise } from './scenario-types.ts';
import { buildWorld } from './world.ts';

/** The flow ids a scenario may name; every one must be covered by at least one scenario. */
const FLOWS = [
  'identity',
  'household',
  'manage-access',
  'health-insurance',
  'unemployment',
  'self-employed',
  'esv',
  'mediprima',
  'knipperlichten',
  'kbi',
  'huursubsidie',
  'huurpremie',
  'led',
  'living-wages',
  'dolsis',
  'pension',
  'handicap',
  'child-benefits',
  'tax',
  'cadnet',
  'heating-allowance',
  'social-tariff',
  'other-sectors',
  'mutations',
] as const;

const library = loadLibrary();
const files = readdirSync(LIBRARY_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();

/** The value at a dotted path of a person (`housing.huurpremie.payments`), or undefined. */
function valueAt(person: Person, path: string): unknown {
  let value: unknown = person;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Why a promise does not hold for this person, or null when it holds. */
function brokenPromise(person: Person, promise: ScenarioPromise): string | null {
  const value = valueAt(person, promise.fact);
  if ('equals' in promise) {
    return isDeepStrictEqual(value, promise.equals)
      ? null
      : `${promise.fact} is ${JSON.stringify(value)}, expected ${JSON.stringify(promise.equals)}`;
  }
  // A single object (e.g. `kbi.trajectory`) is matched as a list of one.
  const items = Array.isArray(value) ? value : value !== undefined && value !== null ? [value] : [];
  if (value === undefined || value === null) return `${promise.fact} is ${String(value)}`;
  const match = promise.match ?? {};
  const matching = items.filter(
    (item) =>
      item !== null &&
      typeof item === 'object' &&
      Object.entries(match).every(([k, v]) => isDeepStrictEqual((item as Record<string, unknown>)[k], v)),
  );
  const min = promise.min ?? 1;
  return matching.length >= min
    ? null
    : `${promise.fact}: ${matching.length} of ${items.length} items match ${JSON.stringify(match)}, expected at least ${min}`;
}

/** The living record of a scenario role (not the slim record left under a replaced number). */
function personOf(world: World, scenario: string, role: string): Person | undefined {
  return world.persons.find((p) => p.origin === scenario && p.originRole === role && !p.replacedBy);
}

describe('scenario library', () => {
  it('has at least 25 scenarios, each file parsing and validating', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(library.length).toBe(files.length);
    for (const f of files) {
      const s = parseScenario(readFileSync(join(LIBRARY_DIR, f), 'utf8'), join(LIBRARY_DIR, f));
      expect(`${s.id}.json`).toBe(f);
    }
  });

  it('has unique ids equal to the file names', () => {
    const ids = library.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((id) => `${id}.json`).sort()).toEqual(files);
  });

  it('resolves every role and step reference', () => {
    for (const s of library) {
      const roles = new Set(s.persons.map((p) => p.role));
      const steps = new Set(s.timeline.flatMap((t) => (t.id ? [t.id] : [])));
      const ref = (name: string) => (name.startsWith('born:') ? roles.has(name.slice(5)) : steps.has(name));
      const refs: string[] = [];
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'after' && typeof x === 'string') refs.push(x);
            else collect(x);
          }
        }
      };
      collect(s.persons.map((p) => p.born));
      collect(s.timeline.map((t) => [t.at, t.params]));
      for (const r of refs) expect(ref(r), `${s.id}: date reference "${r}"`).toBe(true);
      for (const t of s.timeline) {
        expect(roles.has(t.who), `${s.id}: who "${t.who}"`).toBe(true);
        for (const key of ['with', 'from', 'join', 'titular', 'partner'] as const) {
          const v = t.params?.[key];
          if (typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
            expect(roles.has(v), `${s.id}: ${t.event}.${key} "${v}"`).toBe(true);
        }
      }
      for (const p of s.persons)
        for (const r of [...(p.parents ?? []), ...(p.familyNameOf ? [p.familyNameOf] : [])])
          expect(roles.has(r), `${s.id}: person reference "${r}"`).toBe(true);
      for (const p of s.promises) expect(roles.has(p.who), `${s.id}: promise who "${p.who}"`).toBe(true);
    }
  });

  it('uses every event kind of the table at least once', () => {
    const used = new Set(library.flatMap((s) => s.timeline.map((t) => t.event)));
    const unused = Object.keys(EVENT_KINDS).filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });

  it('covers every flow, and names only known flows', () => {
    const covered = new Set(library.flatMap((s) => s.flows));
    expect(FLOWS.filter((f) => !covered.has(f))).toEqual([]);
    for (const s of library) for (const f of s.flows) expect(FLOWS, `${s.id}: flow "${f}"`).toContain(f);
  });

  it('has no two scenarios with the same timeline (ids aside)', () => {
    const seen = new Map<string, string>();
    for (const s of library) {
      const key = JSON.stringify(s.timeline.map(({ id: _id, ...rest }) => rest));
      expect(seen.get(key), `${s.id} repeats the timeline of ${seen.get(key)}`).toBeUndefined();
      seen.set(key, s.id);
    }
  });

  it('gives every scenario both languages, remarks and promises', () => {
    for (const s of library) {
      expect(s.remarks.length, s.id).toBeGreaterThan(0);
      expect(s.promises.length, s.id).toBeGreaterThan(0);
      expect(s.title.nl, s.id).not.toBe(s.title.en);
      expect(s.description.nl, s.id).not.toBe(s.description.en);
    }
  });
});

describe.each([1, 2])('promises in the small world, seed %i', (seed) => {
  let world: World;
  beforeAll(() => {
    world = buildWorld({ preset: 'small', seed });
  });

  it.each(library.map((s) => [s.id, s] as const))('%s keeps its promises', (_id, s: Scenario) => {
    const broken: string[] = [];
    for (const [i, promise] of s.promises.entries()) {
      const person = personOf(world, s.id, promise.who);
      if (!person) {
        broken.push(`promise ${i}: no person with role ${promise.who}`);
        continue;
      }
      const why = brokenPromise(person, promise);
      if (why) broken.push(`promise ${i} (${promise.who}): ${why}`);
    }
    expect(broken).toEqual([]);
  });

  it('keeps a slim record under every replaced number, pointing at the living record', () => {
    const byInsz = new Map(world.persons.map((p) => [p.insz, p]));
    const living = world.persons.filter((p) => p.replaces);
    expect(living.length).toBeGreaterThanOrEqual(2);
    for (const p of living) {
      const old = byInsz.get(p.replaces ?? '');
      expect(old?.replacedBy?.insz, p.insz).toBe(p.insz);
      expect(old?.originRole).toBe(`${p.originRole}-old`);
      expect(old?.origin).toBe(p.origin);
      expect(old?.addresses).toEqual([]);
      expect(old?.ocmwDecisions).toEqual([]);
    }
    for (const p of world.persons.filter((x) => x.replacedBy))
      expect(byInsz.get(p.replacedBy?.insz ?? '')?.replaces).toBe(p.insz);
  });
});

describe('malformed scenarios name the file and the JSON path', () => {
  const valid = readFileSync(join(LIBRARY_DIR, 'inschakeling-ended-2015.json'), 'utf8');
  const file = '/tmp/library/broken-example.json';
  const problemsOf = (text: string): DataFileError => {
    try {
      parseScenario(text, file);
    } catch (e) {
      if (e instanceof DataFileError) return e;
      throw e;
    }
    throw new Error('expected a DataFileError');
  };
  const edited = (edit: (s: Record<string, unknown> & { timeline: Record<string, unknown>[] }) => void) => {
    const s = JSON.parse(valid);
    s.id = 'broken-example';
    edit(s);
    return JSON.stringify(s);
  };

  it('bad JSON', () => {
    const e = problemsOf('{ "id": "broken-example", ');
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    expect(e.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('an unknown event kind', () => {
    const e = problemsOf(
      edited((s) => {
        (s.timeline[1] as { event: string }).event = 'lottery-win';
      }),
    );
    expect(e.message).toContain(file);
    expect(e.problems).toContainEqual({ path: '/timeline/1/event', message: 'unknown event kind "lottery-win"' });
  });

  it('bad params: a value outside the enum and an unknown property', () => {
    const e = problemsOf(
      edited((s) => {
        s.timeline[1] = { ...s.timeline[1], params: { kind: 'forever', colour: 'blue' } };
      }),
    );
    const paths = e.problems.map((p) => p.path);
    expect(paths).toContain('/timeline/1/params/kind');
    expect(paths).toContain('/timeline/1/params');
    expect(e.message).toMatch(/\/timeline\/1\/params\/kind: .*allowed values/);
    expect(e.message).toContain('"colour"');
  });

  it('bad params of a new event kind (self-employed assimilated without a reason)', () => {
    const e = problemsOf(
      edited((s) => {
        s.timeline.push({ at: '2016-01-01', event: 'self-employed', who: 'main', params: { kind: 'assimilated' } });
      }),
    );
    expect(e.problems.some((p) => p.path.startsWith('/timeline/3/params'))).toBe(true);
  });

  it('a step for a person after their death fails when the world is built, naming scenario and step', () => {
    const s = parseScenario(
      edited((s) => {
        s.timeline.push({ at: '2016-01-01', event: 'death', who: 'main' });
        s.timeline.push({ at: '2017-01-01', event: 'employment', who: 'main' });
      }),
      file,
    );
    expect(() => buildWorld({ preset: 'small', seed: 1, households: 0 }, [s])).toThrow(
      /scenario broken-example, \/timeline\/4: "main" died on 2016-01-01/,
    );
  });

  it('an unknown role and a file name that differs from the id', () => {
    const e = problemsOf(
      edited((s) => {
        (s.timeline[0] as { who: string }).who = 'ghost';
        s.id = 'another-id';
      }),
    );
    expect(e.problems).toContainEqual(expect.objectContaining({ path: '/timeline/0/who' }));
    expect(e.problems).toContainEqual(expect.objectContaining({ path: '/id' }));
  });
});

describe('promise checking', () => {
  const person = {
    staysAbroad: [{ from: '2025-01-01', to: null, country: 'MA' }],
    kbi: undefined,
  } as unknown as Person;
  it('matches list items, nested values and minimum counts', () => {
    expect(brokenPromise(person, { who: 'x', fact: 'staysAbroad', match: { country: 'MA', to: null } })).toBeNull();
    expect(brokenPromise(person, { who: 'x', fact: 'staysAbroad', match: { country: 'FR' } })).toMatch(/0 of 1/);
    expect(brokenPromise(person, { who: 'x', fact: 'staysAbroad', min: 2 })).toMatch(/at least 2/);
    expect(brokenPromise(person, { who: 'x', fact: 'kbi.nt2', min: 0 })).toMatch(/undefined/);
    expect(brokenPromise(person, { who: 'x', fact: 'kbi', equals: undefined })).toBeNull();
  });
});
