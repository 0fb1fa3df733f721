import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import { SCHEMA_VERSION } from './sqlite-schema.ts';
import type { FaultRule, JournalInput, Registration, Store, TenantRecord } from './types.ts';

const tenant = (id: string, over: Partial<TenantRecord> = {}): TenantRecord => ({
  id,
  preset: 'small',
  seed: 1,
  clock: null,
  tokenHash: 'a'.repeat(64),
  createdAt: '2025-06-30T08:00:00.000Z',
  settings: {},
  ...over,
});

const registration = (t: string, over: Partial<Registration> = {}): Omit<Registration, 'id'> => ({
  tenant: t,
  organisation: '0212344876',
  insz: '85031412302',
  qualityCode: '1',
  from: '2025-01-01',
  to: null,
  registeredBy: 'mw.gent',
  registeredAt: '2025-01-02T09:00:00.000Z',
  unregisteredAt: null,
  ...over,
});

const entry = (t: string, over: Partial<JournalInput> = {}): JournalInput => ({
  tenant: t,
  at: '2025-06-30T08:00:00.000Z',
  asOf: '2025-06-30',
  organisation: '0212344876',
  userId: '85073100135',
  username: 'mw.gent',
  role: 'social-worker',
  flow: 'retrieve-ti-groups',
  operation: 'retrieveTI',
  face: 'soa',
  insz: '85031412302',
  legalContext: null,
  registrationId: null,
  outcome: 'MSG00000',
  ok: true,
  latencyMs: 3,
  request: '<soapenv:Envelope/>',
  ...over,
});

const fault = (t: string, id: string, over: Partial<FaultRule> = {}): FaultRule => ({
  id,
  tenant: t,
  kind: 'latency',
  flow: null,
  insz: null,
  probability: 0.5,
  latencyMs: [100, 250],
  code: null,
  seed: 7,
  createdAt: '2025-06-30T08:00:00.000Z',
  ...over,
});

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

describe('tenants', () => {
  it('puts, gets, lists, updates and deletes records, settings as JSON', () => {
    store.tenants.put(tenant('b', { createdAt: '2025-06-30T09:00:00.000Z' }));
    store.tenants.put(tenant('a', { clock: '2025-06-30', settings: { esvDelayMinutes: 5, nested: { x: [1] } } }));
    expect(store.tenants.list().map((t) => t.id)).toEqual(['a', 'b']);
    expect(store.tenants.get('a')).toEqual(
      tenant('a', { clock: '2025-06-30', settings: { esvDelayMinutes: 5, nested: { x: [1] } } }),
    );
    store.tenants.put(tenant('a', { seed: 9, clock: null }));
    expect(store.tenants.get('a')?.seed).toBe(9);
    expect(store.tenants.get('a')?.clock).toBeNull();
    store.tenants.delete('a');
    expect(store.tenants.get('a')).toBeUndefined();
    expect(store.tenants.list()).toHaveLength(1);
  });

  it('deleting a tenant removes its registrations, journal and faults, and only its own', () => {
    for (const t of ['a', 'b']) {
      store.tenants.put(tenant(t));
      store.registrations.add(registration(t));
      store.journal.append(entry(t));
      store.faults.put(fault(t, 'f1'));
    }
    store.tenants.delete('a');
    expect(store.registrations.list('a')).toEqual([]);
    expect(store.journal.query('a')).toEqual([]);
    expect(store.faults.list('a')).toEqual([]);
    expect(store.registrations.list('b')).toHaveLength(1);
    expect(store.journal.query('b')).toHaveLength(1);
    expect(store.faults.list('b')).toHaveLength(1);
  });
});

describe('registrations', () => {
  it('adds with increasing ids, filters, ends and clears per tenant', () => {
    const r1 = store.registrations.add(registration('a'));
    const r2 = store.registrations.add(registration('a', { insz: '04110224678', organisation: '0207337960' }));
    store.registrations.add(registration('b'));
    expect(r2.id).toBeGreaterThan(r1.id);
    expect(store.registrations.list('a')).toEqual([r1, r2]);
    expect(store.registrations.list('a', { insz: '04110224678' })).toEqual([r2]);
    expect(store.registrations.list('a', { organisation: '0212344876' })).toEqual([r1]);

    store.registrations.end('a', r1.id, '2025-06-30', '2025-06-30T10:00:00.000Z');
    const ended = store.registrations.list('a', { insz: '85031412302' })[0];
    expect(ended).toMatchObject({ to: '2025-06-30', unregisteredAt: '2025-06-30T10:00:00.000Z' });
    expect(store.registrations.list('a', { activeOnly: true })).toEqual([r2]);

    store.registrations.clear('a');
    expect(store.registrations.list('a')).toEqual([]);
    expect(store.registrations.list('b')).toHaveLength(1);
  });

  it('refuses to end a registration of another tenant or an unknown one', () => {
    const r = store.registrations.add(registration('a'));
    expect(() => store.registrations.end('b', r.id, '2025-06-30', 'x')).toThrow(/no registration/);
    expect(() => store.registrations.end('a', r.id + 100, '2025-06-30', 'x')).toThrow(/no registration/);
  });

  it('copies to another tenant in order, with new ids, replacing what the target had', () => {
    store.registrations.add(registration('a', { insz: '85031412302' }));
    store.registrations.add(registration('a', { insz: '04110224678', unregisteredAt: 'x', to: '2025-02-01' }));
    store.registrations.add(registration('b', { insz: '11111111111' }));
    store.registrations.copy('a', 'b');
    const a = store.registrations.list('a');
    const b = store.registrations.list('b');
    expect(b.map(({ id: _, tenant: __, ...rest }) => rest)).toEqual(a.map(({ id: _, tenant: __, ...rest }) => rest));
    expect(b.every((r) => r.tenant === 'b')).toBe(true);
    expect(b.some((r) => a.some((x) => x.id === r.id))).toBe(false);
    expect(() => store.registrations.copy('a', 'a')).toThrow(/both/);
  });
});

describe('journal', () => {
  function fill(): number[] {
    const ids: number[] = [];
    const rows: Partial<JournalInput>[] = [
      { at: '2025-06-29T23:59:59.999Z' },
      { at: '2025-06-30T08:00:00.000Z', flow: 'consult-rr', outcome: 'MSG00012', ok: false },
      { at: '2025-06-30T12:00:00.000Z', insz: '04110224678', userId: '90010100160', username: 'fb.gent' },
      { at: '2025-07-01T00:00:00.000Z', insz: null, outcome: 'MSG00001', ok: false },
      { at: '2025-07-02T10:00:00.000Z' },
    ];
    for (const r of rows) ids.push(store.journal.append(entry('a', r)));
    store.journal.append(entry('b'));
    return ids;
  }

  it('round-trips every field and cuts requests at 64 KB', () => {
    const id = store.journal.append(
      entry('a', { legalContext: 'PCSA:GENERAL', registrationId: 12, face: 'ssdn', latencyMs: 12.5 }),
    );
    const [got] = store.journal.query('a');
    expect(got).toEqual({
      id,
      ...entry('a', { legalContext: 'PCSA:GENERAL', registrationId: 12, face: 'ssdn' }),
      latencyMs: 12.5,
    });
    store.journal.append(entry('a', { request: 'x'.repeat(100_000) }));
    expect(store.journal.query('a', { afterId: id })[0]?.request).toHaveLength(64 * 1024);
  });

  it('filters by user, insz, flow, outcome, ok and time, per tenant', () => {
    const ids = fill();
    const q = (f: Parameters<Store['journal']['query']>[1]) => store.journal.query('a', f).map((e) => e.id);
    expect(q({})).toEqual(ids);
    expect(q({ userId: '90010100160' })).toEqual([ids[2]]);
    expect(q({ username: 'fb.gent' })).toEqual([ids[2]]);
    expect(q({ insz: '04110224678' })).toEqual([ids[2]]);
    expect(q({ flow: 'consult-rr' })).toEqual([ids[1]]);
    expect(q({ outcome: 'MSG00001' })).toEqual([ids[3]]);
    expect(q({ ok: false })).toEqual([ids[1], ids[3]]);
    expect(q({ ok: true, insz: '85031412302' })).toEqual([ids[0], ids[4]]);
    // Bare dates cover whole days, at both ends.
    expect(q({ from: '2025-06-30', to: '2025-06-30' })).toEqual([ids[1], ids[2]]);
    expect(q({ from: '2025-06-30T12:00:00.000Z', to: '2025-07-01T00:00:00.000Z' })).toEqual([ids[2], ids[3]]);
    expect(store.journal.query('b')).toHaveLength(1);
    expect(store.journal.query('nobody')).toEqual([]);
  });

  it('pages: the newest N without a cursor, the oldest N after one, always oldest first', () => {
    const ids = fill();
    expect(store.journal.query('a', { limit: 2 }).map((e) => e.id)).toEqual([ids[3], ids[4]]);
    expect(store.journal.query('a', { limit: 2, afterId: 0 }).map((e) => e.id)).toEqual([ids[0], ids[1]]);
    expect(store.journal.query('a', { limit: 2, afterId: ids[1] }).map((e) => e.id)).toEqual([ids[2], ids[3]]);
    expect(store.journal.query('a', { afterId: ids[3] }).map((e) => e.id)).toEqual([ids[4]]);
  });

  it('never reuses an id after a clear, so a cursor keeps working across a reset', () => {
    const ids = fill();
    store.journal.clear('a');
    expect(store.journal.query('a')).toEqual([]);
    expect(store.journal.query('b')).toHaveLength(1);
    const next = store.journal.append(entry('a'));
    expect(next).toBeGreaterThan(Math.max(...ids));
  });

  it('appends fast enough for the request path', () => {
    const n = 5000;
    const start = performance.now();
    for (let i = 0; i < n; i++) store.journal.append(entry('a'));
    const perRow = ((performance.now() - start) * 1000) / n;
    // Tens of µs on this machine; the bound only catches a gross regression (a per-row prepare or transaction).
    expect(perRow).toBeLessThan(500);
  });
});

describe('faults', () => {
  it('puts, lists in insertion order, updates in place, deletes and clears per tenant', () => {
    store.faults.put(fault('a', 'f1'));
    store.faults.put(fault('a', 'f2', { kind: 'unavailable', latencyMs: null, code: 'MSG00002', insz: '85031412302' }));
    store.faults.put(fault('b', 'f1', { kind: 'drop', latencyMs: null }));
    expect(store.faults.list('a')).toEqual([
      fault('a', 'f1'),
      fault('a', 'f2', { kind: 'unavailable', latencyMs: null, code: 'MSG00002', insz: '85031412302' }),
    ]);
    store.faults.put(fault('a', 'f1', { probability: 1, latencyMs: [5, 5] }));
    expect(store.faults.list('a').map((f) => [f.id, f.probability, f.latencyMs])).toEqual([
      ['f1', 1, [5, 5]],
      ['f2', 0.5, null],
    ]);
    expect(store.faults.delete('a', 'f1')).toBe(true);
    expect(store.faults.delete('a', 'f1')).toBe(false);
    store.faults.clear('a');
    expect(store.faults.list('a')).toEqual([]);
    expect(store.faults.list('b')).toHaveLength(1);
  });

  it('copies rules with their ids and seeds, so a fork is hit the same way', () => {
    store.faults.put(fault('a', 'f1'));
    store.faults.put(fault('a', 'f2', { kind: 'drop', latencyMs: null, seed: 3 }));
    store.faults.put(fault('b', 'old'));
    store.faults.copy('a', 'b');
    expect(store.faults.list('b')).toEqual(store.faults.list('a').map((f) => ({ ...f, tenant: 'b' })));
  });
});

describe('meta and schema', () => {
  it('stores small settings', () => {
    expect(store.meta.get('x')).toBeUndefined();
    store.meta.set('x', '1');
    store.meta.set('x', '2');
    expect(store.meta.get('x')).toBe('2');
    expect(store.meta.get('schema_version')).toBe(String(SCHEMA_VERSION));
  });
});

describe('on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ksz-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses WAL, keeps data across reopen, and refuses a newer schema', () => {
    const file = join(dir, 'ksz.sqlite');
    const s1 = openSqliteStore(file);
    s1.tenants.put(tenant('a'));
    s1.journal.append(entry('a'));
    s1.close();
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.prepare("UPDATE meta SET value = '999' WHERE key = 'schema_version'").run();
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/schema version 999/);
    const raw2 = new Database(file);
    raw2.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
    raw2.close();
    const s2 = openSqliteStore(file);
    expect(s2.tenants.get('a')?.id).toBe('a');
    expect(s2.journal.query('a')).toHaveLength(1);
    s2.close();
  });

  it('keeps every acknowledged journal row when the process is killed with SIGKILL', async () => {
    const file = join(dir, 'ksz.sqlite');
    const script = fileURLToPath(new URL('./testing/append-until-killed.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, '300'], {
      // From the project root, where `--import tsx` resolves.
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Kill while it is still writing: well after "written", in the middle of the acknowledged appends.
        if ((out.match(/^ack /gm)?.length ?? 0) >= 200) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited before it was killed: ${err}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const written = Number(/^written (\d+)$/m.exec(out)?.[1]);
    const acked = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
    expect(written).toBe(300);
    expect(acked.length).toBeGreaterThanOrEqual(200);

    const reopened = openSqliteStore(file);
    const ids = new Set(reopened.journal.query('durable').map((e) => e.id));
    reopened.close();
    for (let id = 1; id <= written; id++) expect(ids.has(id)).toBe(true);
    const missing = acked.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });
});
