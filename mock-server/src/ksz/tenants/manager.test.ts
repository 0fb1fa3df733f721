import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../../../../scenarios/engine/model.ts';
import { openSqliteStore } from '../../store/sqlite.ts';
import type { JournalInput, Store } from '../../store/types.ts';
import { createTenantManager, ensureDefaultTenant, onTenantFork, onTenantReset, TENANT_ID } from './manager.ts';
import { TenantError } from './types.ts';

/** A world stand-in: the manager only stores and shares worlds, it never looks inside. */
function fakeBuilder() {
  const built: string[] = [];
  const build = (preset: string, seed: number): World => {
    built.push(`${preset}/${seed}`);
    return {
      preset,
      seed,
      span: { from: '1956-01-01', to: '2030-12-31' },
      organisations: [],
      users: [],
      households: [],
      persons: [],
    };
  };
  return { built, build };
}

const journalRow = (tenant: string): JournalInput => ({
  tenant,
  at: '2025-06-30T08:00:00.000Z',
  asOf: '2025-06-30',
  organisation: null,
  userId: null,
  username: null,
  role: null,
  flow: 'retrieve-ti-groups',
  operation: 'retrieveTI',
  face: 'soa',
  insz: null,
  legalContext: null,
  registrationId: null,
  outcome: 'MSG00000',
  ok: true,
  latencyMs: 1,
  request: '',
});

function addData(store: Store, tenant: string): void {
  store.registrations.add({
    tenant,
    organisation: '0212344876',
    insz: '85031412302',
    qualityCode: '1',
    from: '2025-01-01',
    to: null,
    registeredBy: 'mw.gent',
    registeredAt: '2025-01-01T08:00:00.000Z',
    unregisteredAt: null,
  });
  store.journal.append(journalRow(tenant));
  store.faults.put({
    id: 'f1',
    tenant,
    kind: 'drop',
    flow: null,
    insz: null,
    probability: 0.5,
    latencyMs: null,
    code: null,
    seed: 3,
    createdAt: '2025-06-30T08:00:00.000Z',
  });
}

const counts = (store: Store, tenant: string) => [
  store.registrations.list(tenant).length,
  store.journal.query(tenant).length,
  store.faults.list(tenant).length,
];

function expectTenantError(fn: () => unknown, status: number, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TenantError);
    expect((e as TenantError).status).toBe(status);
    expect((e as TenantError).message).toMatch(message);
    return;
  }
  throw new Error('expected a TenantError');
}

let store: Store;
let clockNow: Date;
let builder: ReturnType<typeof fakeBuilder>;
const make = (extra: { spareWorlds?: number } = {}) =>
  createTenantManager({ store, now: () => clockNow, buildWorld: builder.build, ...extra });

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clockNow = new Date('2025-06-30T10:00:00.000Z');
  builder = fakeBuilder();
});
afterEach(() => store.close());

describe('create and tokens', () => {
  it('creates a tenant with a one-time token stored only as its SHA-256', () => {
    const tenants = make();
    const { tenant, token } = tenants.create({ id: 'run-1', preset: 'small', seed: 7, clock: '2025-06-30' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tenant.record).toMatchObject({ id: 'run-1', preset: 'small', seed: 7, clock: '2025-06-30', settings: {} });
    expect(tenant.record.createdAt).toBe('2025-06-30T10:00:00.000Z');
    const stored = store.tenants.get('run-1');
    expect(stored?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(tenants.verifyToken('run-1', token)).toBe(true);
    expect(tenants.verifyToken('run-1', `${token}x`)).toBe(false);
    expect(tenants.verifyToken('run-1', '')).toBe(false);
    expect(tenants.verifyToken('nobody', token)).toBe(false);
    expect(tenant.world.seed).toBe(7);
    expect(tenants.list().map((t) => t.id)).toEqual(['run-1']);
  });

  it('generates valid, distinct ids and tokens', () => {
    const tenants = make();
    const a = tenants.create({ preset: 'small', seed: 1, clock: null });
    const b = tenants.create({ preset: 'small', seed: 1, clock: null });
    expect(a.tenant.record.id).toMatch(TENANT_ID);
    expect(a.tenant.record.id).not.toBe(b.tenant.record.id);
    expect(a.token).not.toBe(b.token);
    expect(tenants.verifyToken(a.tenant.record.id, b.token)).toBe(false);
  });

  it('refuses bad ids, taken ids, unknown presets, bad seeds and impossible dates', () => {
    const tenants = make();
    tenants.create({ id: 'taken', preset: 'small', seed: 1, clock: null });
    for (const id of ['', 'Upper', '-lead', 'a_b', 'a'.repeat(64), 'é']) {
      expectTenantError(() => tenants.create({ id, preset: 'small', seed: 1, clock: null }), 400, /tenant id/);
    }
    expect(() => tenants.create({ id: 'a'.repeat(63), preset: 'small', seed: 1, clock: null })).not.toThrow();
    expectTenantError(() => tenants.create({ id: 'taken', preset: 'small', seed: 1, clock: null }), 409, /exists/);
    expectTenantError(
      () => tenants.create({ preset: 'huge', seed: 1, clock: null }),
      400,
      /unknown preset "huge".*small/,
    );
    expectTenantError(() => tenants.create({ preset: 'small', seed: -1, clock: null }), 400, /seed/);
    expectTenantError(() => tenants.create({ preset: 'small', seed: 1.5, clock: null }), 400, /seed/);
    expectTenantError(() => tenants.create({ preset: 'small', seed: 1, clock: '2025-02-30' }), 400, /clock/);
    expect(tenants.list()).toHaveLength(2);
  });

  it('starts a reused id empty even when a crash left data under it', () => {
    const tenants = make();
    addData(store, 'ghost');
    tenants.create({ id: 'ghost', preset: 'small', seed: 1, clock: null });
    expect(counts(store, 'ghost')).toEqual([0, 0, 0]);
  });
});

describe('clock', () => {
  it('answers the fixed date, or the wall clock as a UTC date', () => {
    const tenants = make();
    tenants.create({ id: 'fixed', preset: 'small', seed: 1, clock: '2024-02-29' });
    tenants.create({ id: 'live', preset: 'small', seed: 1, clock: null });
    expect(tenants.get('fixed')?.today()).toBe('2024-02-29');
    // The date is UTC's: 23:30 Brussels summer time is 21:30 UTC, the same day; 00:30 UTC is the next one.
    clockNow = new Date('2025-06-30T23:30:00.000+02:00');
    expect(tenants.get('live')?.today()).toBe('2025-06-30');
    clockNow = new Date('2025-07-01T00:30:00.000Z');
    expect(tenants.get('live')?.today()).toBe('2025-07-01');
  });

  it('sets and clears the clock, validated and persisted', () => {
    const tenants = make();
    tenants.create({ id: 'a', preset: 'small', seed: 1, clock: null });
    expect(tenants.setClock('a', '2025-01-31').today()).toBe('2025-01-31');
    expect(store.tenants.get('a')?.clock).toBe('2025-01-31');
    expect(tenants.setClock('a', null).record.clock).toBeNull();
    expectTenantError(() => tenants.setClock('a', '2025-13-01'), 400, /clock/);
    expectTenantError(() => tenants.setClock('nobody', null), 404, /no tenant "nobody"/);
  });
});

describe('worlds', () => {
  it('shares one world among tenants with the same recipe and builds it once', () => {
    const tenants = make();
    tenants.create({ id: 'a', preset: 'small', seed: 1, clock: null });
    tenants.create({ id: 'b', preset: 'small', seed: 1, clock: '2025-01-01' });
    tenants.create({ id: 'c', preset: 'small', seed: 2, clock: null });
    expect(tenants.get('a')?.world).toBe(tenants.get('b')?.world);
    expect(tenants.get('a')?.world).not.toBe(tenants.get('c')?.world);
    expect(builder.built).toEqual(['small/1', 'small/2']);
  });

  it('keeps every world in use plus a few spare ones, least recently used out first', () => {
    const tenants = make({ spareWorlds: 2 });
    tenants.create({ id: 'keep', preset: 'small', seed: 100, clock: null });
    for (const seed of [1, 2, 3, 4]) {
      tenants.create({ id: `run-${seed}`, preset: 'small', seed, clock: null });
      tenants.delete(`run-${seed}`);
    }
    // small/1 and small/2 fell out; small/100 is in use, so it stays although it is the oldest.
    expect(tenants.worldKeys()).toEqual(['small/100', 'small/3', 'small/4']);
    tenants.create({ id: 'again', preset: 'small', seed: 4, clock: null });
    tenants.create({ id: 'old', preset: 'small', seed: 1, clock: null });
    expect(builder.built).toEqual(['small/100', 'small/1', 'small/2', 'small/3', 'small/4', 'small/1']);
    expect(tenants.get('keep')?.world.seed).toBe(100);
  });

  it('builds a real world from a preset by default', () => {
    const tenants = createTenantManager({ store, now: () => clockNow });
    const { tenant } = tenants.create({ id: 'real', preset: 'small', seed: 3, clock: '2025-06-30' });
    expect(tenant.world.preset).toBe('small');
    expect(tenant.world.users.length).toBeGreaterThan(0);
    expect(tenant.world.persons.length).toBeGreaterThan(100);
  });
});

describe('reset, fork, delete', () => {
  it('reset clears what requests added to that tenant only, keeps the recipe, and runs reset hooks', () => {
    const tenants = make();
    tenants.create({ id: 'a', preset: 'small', seed: 1, clock: '2025-06-30', settings: { esvDelay: 5 } });
    tenants.create({ id: 'b', preset: 'small', seed: 1, clock: null });
    addData(store, 'a');
    addData(store, 'b');
    const seen: string[] = [];
    const stop = onTenantReset((t) => seen.push(t));
    try {
      tenants.reset('a');
    } finally {
      stop();
    }
    expect(seen).toEqual(['a']);
    expect(counts(store, 'a')).toEqual([0, 0, 0]);
    expect(counts(store, 'b')).toEqual([1, 1, 1]);
    expect(store.tenants.get('a')).toMatchObject({ clock: '2025-06-30', settings: { esvDelay: 5 } });
    expectTenantError(() => tenants.reset('nobody'), 404, /no tenant/);
  });

  it('runs every reset hook even when one throws, then reports the error', () => {
    const tenants = make();
    tenants.create({ id: 'a', preset: 'small', seed: 1, clock: null });
    const seen: string[] = [];
    const stops = [
      onTenantReset(() => {
        throw new Error('flow state broke');
      }),
      onTenantReset((t) => seen.push(t)),
    ];
    try {
      expect(() => tenants.reset('a')).toThrow('flow state broke');
    } finally {
      for (const stop of stops) stop();
    }
    expect(seen).toEqual(['a']);
  });

  it('fork copies world, clock, settings, registrations and faults, not the journal, with its own token', () => {
    const tenants = make();
    const source = tenants.create({
      id: 'a',
      preset: 'small',
      seed: 5,
      clock: '2025-06-30',
      settings: { x: { y: 1 } },
    });
    addData(store, 'a');
    const seen: string[][] = [];
    const stop = onTenantFork((from, to) => {
      seen.push([from, to]);
      // The new tenant is not visible yet while flows copy their state.
      expect(tenants.get(to)).toBeUndefined();
    });
    let fork: ReturnType<typeof tenants.fork>;
    try {
      fork = tenants.fork('a', 'a-copy');
    } finally {
      stop();
    }
    expect(seen).toEqual([['a', 'a-copy']]);
    expect(fork.tenant.record).toMatchObject({
      id: 'a-copy',
      preset: 'small',
      seed: 5,
      clock: '2025-06-30',
      settings: { x: { y: 1 } },
    });
    expect(fork.tenant.world).toBe(source.tenant.world);
    expect(counts(store, 'a-copy')).toEqual([1, 0, 1]);
    expect(store.faults.list('a-copy')[0]).toMatchObject({ id: 'f1', seed: 3, tenant: 'a-copy' });
    expect(tenants.verifyToken('a-copy', fork.token)).toBe(true);
    expect(tenants.verifyToken('a-copy', source.token)).toBe(false);
    expect(tenants.verifyToken('a', fork.token)).toBe(false);
    // Settings are a copy, not shared.
    expect(store.tenants.get('a-copy')?.settings).not.toBe(store.tenants.get('a')?.settings);

    const generated = tenants.fork('a');
    expect(generated.tenant.record.id).toMatch(TENANT_ID);
    expectTenantError(() => tenants.fork('a', 'a-copy'), 409, /exists/);
    expectTenantError(() => tenants.fork('nobody', 'x'), 404, /no tenant/);
    expectTenantError(() => tenants.fork('a', 'Bad Id'), 400, /tenant id/);
  });

  it('deletes a tenant and its data; default cannot be deleted', () => {
    const tenants = make();
    tenants.create({ id: 'default', preset: 'small', seed: 1, clock: null });
    tenants.create({ id: 'a', preset: 'small', seed: 1, clock: null });
    addData(store, 'a');
    const seen: string[] = [];
    const stop = onTenantReset((t) => seen.push(t));
    try {
      tenants.delete('a');
    } finally {
      stop();
    }
    expect(seen).toEqual(['a']);
    expect(tenants.get('a')).toBeUndefined();
    expect(counts(store, 'a')).toEqual([0, 0, 0]);
    expectTenantError(() => tenants.delete('default'), 409, /cannot be deleted/);
    expectTenantError(() => tenants.delete('a'), 404, /no tenant/);
  });
});

describe('persistence and the default tenant', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ksz-tenants-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tenants survive a restart; their worlds are built on first use', () => {
    const file = join(dir, 'ksz.sqlite');
    const s1 = openSqliteStore(file);
    const first = createTenantManager({ store: s1, now: () => clockNow, buildWorld: builder.build });
    const { token } = first.create({ id: 'vendor', preset: 'small', seed: 9, clock: '2025-06-30' });
    s1.close();

    const s2 = openSqliteStore(file);
    const restarted = fakeBuilder();
    const second = createTenantManager({ store: s2, now: () => clockNow, buildWorld: restarted.build });
    const tenant = second.get('vendor');
    expect(tenant?.today()).toBe('2025-06-30');
    expect(second.verifyToken('vendor', token)).toBe(true);
    expect(restarted.built).toEqual([]);
    expect(tenant?.world.seed).toBe(9);
    expect(restarted.built).toEqual(['small/9']);
    s2.close();
  });

  it('ensureDefaultTenant creates default once, then follows SEED and CLOCK', () => {
    const tenants = make();
    const first = ensureDefaultTenant(tenants, { seed: 1, clock: null });
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.tenant.record).toMatchObject({ id: 'default', preset: 'default', seed: 1, clock: null });
    expect(builder.built).toEqual(['default/1']);

    addData(store, 'default');
    const same = ensureDefaultTenant(tenants, { seed: 1, clock: '2025-06-30' });
    expect(same).toMatchObject({ created: false, token: null });
    expect(same.tenant.today()).toBe('2025-06-30');
    expect(counts(store, 'default')).toEqual([1, 1, 1]);

    const reseeded = ensureDefaultTenant(tenants, { seed: 2, clock: '2025-06-30' });
    expect(reseeded.tenant.record.seed).toBe(2);
    expect(reseeded.tenant.world.seed).toBe(2);
    // Another world: what requests added to the old one no longer applies.
    expect(counts(store, 'default')).toEqual([0, 0, 0]);
    expect(tenants.verifyToken('default', first.token ?? '')).toBe(true);
  });
});
