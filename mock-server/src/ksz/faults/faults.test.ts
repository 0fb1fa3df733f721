import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite.ts';
import type { FaultRule, Store } from '../../store/types.ts';
import { runResetHooks } from '../tenants/hooks.ts';
import {
  createFaultEngine,
  FAULT_KIND_IDS,
  FAULT_KINDS,
  type FaultDecision,
  type FaultEngine,
  nextFaultId,
  toFaultRule,
  validateFaultInput,
} from './index.ts';

const FLOWS = ['retrieve-ti-groups', 'consult-rr', 'register-person'];
const A = '85031412302';
const B = '04110224678';

function rule(over: Partial<FaultRule> & Pick<FaultRule, 'id' | 'kind'>): FaultRule {
  return {
    tenant: 't',
    flow: null,
    insz: null,
    probability: 1,
    latencyMs: null,
    code: FAULT_KINDS[over.kind].codes[0] ?? null,
    seed: 1,
    createdAt: '2025-06-30T08:00:00.000Z',
    ...over,
  };
}

/** A fixed, varied sequence of requests (no randomness needed: a plain counter spreads them). */
const requests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    flow: FLOWS[i % 3] as string,
    insz: i % 5 === 0 ? null : i % 2 === 0 ? A : B,
  }));

let stores: Store[] = [];
let engines: FaultEngine[] = [];
function setup(rules: FaultRule[]): { store: Store; engine: FaultEngine } {
  const store = openSqliteStore(':memory:');
  for (const r of rules) store.faults.put(r);
  const engine = createFaultEngine(store);
  stores.push(store);
  engines.push(engine);
  return { store, engine };
}
beforeEach(() => {
  stores = [];
  engines = [];
});
afterEach(() => {
  for (const e of engines) e.dispose();
  for (const s of stores) s.close();
});

describe('the kinds table', () => {
  it('has a row per kind with the documented codes', () => {
    expect(FAULT_KIND_IDS).toEqual(['latency', 'unavailable', 'internal-error', 'drop']);
    expect(FAULT_KINDS.unavailable.codes).toEqual(['MSG00001', 'MSG00002']);
    expect(FAULT_KINDS['internal-error'].codes).toEqual(['MSG00003']);
    expect(FAULT_KINDS.drop.effect).toBe('drop');
    expect(FAULT_KINDS.latency.effect).toBeNull();
  });
});

describe('validateFaultInput', () => {
  it('normalises a good input: INSZ without separators, fixed latency as a range, default code', () => {
    expect(validateFaultInput({ kind: 'latency', latencyMs: 250, insz: '85.03.14-123.02' }, FLOWS)).toEqual({
      ok: true,
      value: { kind: 'latency', flow: null, insz: A, probability: 1, latencyMs: [250, 250], code: null },
    });
    expect(
      validateFaultInput({ kind: 'unavailable', flow: 'consult-rr', probability: 0.3, seed: 4, id: 'slow-rr' }, FLOWS),
    ).toEqual({
      ok: true,
      value: {
        id: 'slow-rr',
        kind: 'unavailable',
        flow: 'consult-rr',
        insz: null,
        probability: 0.3,
        latencyMs: null,
        code: 'MSG00001',
        seed: 4,
      },
    });
    const v = validateFaultInput({ kind: 'unavailable', code: 'MSG00002', latencyMs: null, flow: null });
    expect(v.ok && v.value.code).toBe('MSG00002');
    const r = validateFaultInput({ kind: 'latency', latencyMs: [0, 60_000] });
    expect(r.ok && r.value.latencyMs).toEqual([0, 60_000]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', [], /must be a JSON object/],
    ['no kind', {}, /kind must be one of latency, unavailable, internal-error, drop; got undefined/],
    ['unknown kind', { kind: 'slow' }, /kind must be one of .*; got "slow"/],
    ['probability above 1', { kind: 'drop', probability: 1.5 }, /probability must be a number from 0 to 1.*1\.5/],
    ['negative probability', { kind: 'drop', probability: -0.1 }, /probability must be a number from 0 to 1/],
    ['probability as text', { kind: 'drop', probability: '0.5' }, /probability must be a number/],
    ['missing latency', { kind: 'latency' }, /"latency" fault needs latencyMs/],
    ['negative latency', { kind: 'latency', latencyMs: -5 }, /latencyMs must be .* 0 to 60000.*-5/],
    ['latency too long', { kind: 'latency', latencyMs: [100, 60_001] }, /latencyMs must be .*60001/],
    ['latency range reversed', { kind: 'latency', latencyMs: [500, 100] }, /minimum above its maximum/],
    ['latency of three', { kind: 'latency', latencyMs: [1, 2, 3] }, /latencyMs must be/],
    ['latency on a drop', { kind: 'drop', latencyMs: 100 }, /latencyMs only applies to kind "latency"/],
    ['wrong unavailable code', { kind: 'unavailable', code: 'MSG00003' }, /MSG00001, MSG00002; got "MSG00003"/],
    ['code on a drop', { kind: 'drop', code: 'MSG00001' }, /"drop" fault has no code/],
    [
      'unknown flow',
      { kind: 'drop', flow: 'teleport' },
      /unknown flow "teleport" \(known: retrieve-ti-groups, consult-rr/,
    ],
    ['bad INSZ', { kind: 'drop', insz: '85031412303' }, /insz is not a valid INSZ: The check digits 03 do not match/],
    ['typo in a field', { kind: 'drop', probabilty: 0.5 }, /unknown field "probabilty"/],
    ['bad seed', { kind: 'drop', seed: -1 }, /seed must be a non-negative integer/],
    ['bad id', { kind: 'drop', id: 'No Spaces' }, /id must be 1 to 63 lower-case/],
  ];
  it.each(bad)('refuses %s with a clear message', (_label, body, message) => {
    const v = validateFaultInput(body, FLOWS);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join('\n')).toMatch(message);
  });

  it('reports every problem at once', () => {
    const v = validateFaultInput({ kind: 'latency', latencyMs: -1, probability: 2, flow: 'x' }, FLOWS);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toHaveLength(3);
  });

  it('does not check flows when no list is given', () => {
    expect(validateFaultInput({ kind: 'drop', flow: 'anything' }).ok).toBe(true);
  });

  it('numbers new rules after the highest fN and builds stored rules with the tenant seed as default', () => {
    expect(nextFaultId([])).toBe('f1');
    expect(nextFaultId([{ id: 'f2' }, { id: 'f10' }, { id: 'mine' }])).toBe('f11');
    const v = validateFaultInput({ kind: 'drop' });
    if (!v.ok) throw new Error('expected valid');
    expect(toFaultRule(v.value, { tenant: 't', id: 'f1', defaultSeed: 42, createdAt: 'now' })).toEqual({
      id: 'f1',
      tenant: 't',
      kind: 'drop',
      flow: null,
      insz: null,
      probability: 1,
      latencyMs: null,
      code: null,
      seed: 42,
      createdAt: 'now',
    });
  });
});

describe('decide', () => {
  it('answers no fault when the tenant has no rules', () => {
    const { engine } = setup([]);
    expect(engine.decide('t', { flow: 'consult-rr', insz: A })).toEqual({
      latencyMs: 0,
      fault: null,
      code: null,
      ruleIds: [],
    });
  });

  it('is reproducible: two engines, same rules, same requests, same decisions', () => {
    const rules = [
      rule({ id: 'f1', kind: 'latency', latencyMs: [50, 500], probability: 0.5 }),
      rule({ id: 'f2', kind: 'unavailable', flow: 'consult-rr', probability: 0.3, code: 'MSG00002' }),
      rule({ id: 'f3', kind: 'drop', insz: B, probability: 0.2, seed: 9 }),
      rule({ id: 'f4', kind: 'internal-error', probability: 0.1 }),
    ];
    const one = setup(rules).engine;
    const two = setup(rules).engine;
    const run = (e: FaultEngine) => requests(1000).map((r) => e.decide('t', r));
    const first = run(one);
    expect(run(two)).toEqual(first);
    // Not trivially constant: every kind of outcome occurs.
    expect(new Set(first.map((d) => d.fault))).toEqual(new Set([null, 'unavailable', 'drop', 'internal-error']));
    expect(first.some((d) => d.latencyMs > 0)).toBe(true);
  });

  it('hits about 30 % of 1000 requests with probability 0.3', () => {
    const { engine } = setup([rule({ id: 'f1', kind: 'unavailable', probability: 0.3 })]);
    const hits = requests(1000).filter((r) => engine.decide('t', r).fault === 'unavailable').length;
    expect(hits).toBeGreaterThan(250);
    expect(hits).toBeLessThan(350);
  });

  it('gives each rule its own stream: other rules and other requests do not change its hits', () => {
    const f1 = rule({ id: 'f1', kind: 'unavailable', flow: 'consult-rr', probability: 0.4 });
    const alone = setup([f1]).engine;
    const crowded = setup([rule({ id: 'f0', kind: 'latency', latencyMs: [10, 90], probability: 0.5 }), f1]).engine;
    const onlyRr = Array.from({ length: 300 }, () => ({ flow: 'consult-rr', insz: A }));
    const a = onlyRr.map((r) => alone.decide('t', r).ruleIds.includes('f1'));
    // The crowded engine also sees requests for other flows in between, which f1 does not match.
    const b: boolean[] = [];
    for (const r of onlyRr) {
      crowded.decide('t', { flow: 'retrieve-ti-groups', insz: B });
      b.push(crowded.decide('t', r).ruleIds.includes('f1'));
    }
    expect(b).toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(60);
  });

  it('matches by flow and by INSZ; an INSZ rule never hits a request without one', () => {
    const { engine } = setup([
      rule({ id: 'rr', kind: 'drop', flow: 'consult-rr' }),
      rule({ id: 'person', kind: 'internal-error', insz: A }),
    ]);
    expect(engine.decide('t', { flow: 'consult-rr', insz: B }).ruleIds).toEqual(['rr']);
    expect(engine.decide('t', { flow: 'retrieve-ti-groups', insz: A })).toMatchObject({
      fault: 'internal-error',
      code: 'MSG00003',
      ruleIds: ['person'],
    });
    expect(engine.decide('t', { flow: 'retrieve-ti-groups', insz: null }).fault).toBeNull();
    expect(engine.decide('other-tenant', { flow: 'consult-rr', insz: A }).fault).toBeNull();
  });

  it('lets the first hitting fault rule win and adds up latencies', () => {
    const { engine } = setup([
      rule({ id: 'slow', kind: 'latency', latencyMs: [200, 200] }),
      rule({ id: 'down', kind: 'unavailable', code: 'MSG00002' }),
      rule({ id: 'slower', kind: 'latency', latencyMs: [50, 50] }),
      rule({ id: 'gone', kind: 'drop' }),
    ]);
    expect(engine.decide('t', { flow: 'consult-rr', insz: A })).toEqual<FaultDecision>({
      latencyMs: 250,
      fault: 'unavailable',
      code: 'MSG00002',
      ruleIds: ['slow', 'slower', 'down'],
    });
  });

  it('draws latencies inside the range, spread over it', () => {
    const { engine } = setup([rule({ id: 'f1', kind: 'latency', latencyMs: [100, 199], probability: 0.5 })]);
    const delays = requests(2000)
      .map((r) => engine.decide('t', r).latencyMs)
      .filter((ms) => ms > 0);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(199);
    expect(delays.filter((ms) => ms < 150).length / delays.length).toBeCloseTo(0.5, 1);
  });

  it('never hits with probability 0', () => {
    const { engine } = setup([rule({ id: 'f1', kind: 'drop', probability: 0 })]);
    expect(requests(500).some((r) => engine.decide('t', r).fault !== null)).toBe(false);
  });

  it('starts a rule afresh after a reset, an edit, or an explicit forget', () => {
    const f1 = rule({ id: 'f1', kind: 'drop', probability: 0.5 });
    const { store, engine } = setup([f1]);
    const sample = () => requests(50).map((r) => engine.decide('t', r).fault);
    const first = sample();
    expect(sample()).not.toEqual(first);

    runResetHooks('t');
    expect(sample()).toEqual(first);

    store.faults.put({ ...f1, probability: 0.6 });
    sample();
    store.faults.put(f1);
    expect(sample()).toEqual(first);

    // Deleted and added again between two requests, same creation time: only `forget` can tell.
    store.faults.delete('t', 'f1');
    store.faults.put(f1);
    engine.forget('t', 'f1');
    expect(sample()).toEqual(first);
  });

  it('stops listening to tenant resets once disposed', () => {
    const { engine } = setup([rule({ id: 'f1', kind: 'drop', probability: 0.5 })]);
    const sample = () => requests(50).map((r) => engine.decide('t', r).fault);
    const first = sample();
    engine.dispose();
    runResetHooks('t');
    expect(sample()).not.toEqual(first);
  });
});
