import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWorld } from '../../../../scenarios/engine/world.ts';
import { openSqliteStore } from '../../store/sqlite.ts';
import type { JournalEntry, JournalInput, Store } from '../../store/types.ts';
import { createTenantManager } from '../tenants/manager.ts';
import type { TenantManager } from '../tenants/types.ts';
import { UNAUTHORIZED } from './auth.ts';
import { adminRoutes } from './routes.ts';

const ADMIN = 'admin-token-for-tests-0123456789';
const FLOWS = ['retrieve-ti-groups', 'consult-rr'];
const A = '85031412302';
const B = '04110224678';

let store: Store;
let tenants: TenantManager;
let app: Hono;
const forget = vi.fn();
const now = new Date('2025-06-30T10:00:00.000Z');

beforeAll(() => {
  store = openSqliteStore(':memory:');
  // Real presets with few background households: real users and organisations, quick to build.
  tenants = createTenantManager({
    store,
    now: () => now,
    buildWorld: (preset, seed) => buildWorld({ preset, seed, households: 5 }),
  });
  app = new Hono();
  app.route(
    '/__admin',
    adminRoutes({ store, tenants, faults: { forget }, adminToken: ADMIN, knownFlows: () => FLOWS, now: () => now }),
  );
  app.notFound((c) => c.json({ error: 'no route' }, 404));
});
afterAll(() => store.close());

type Json = Record<string, unknown>;
async function call(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(`/__admin${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as Json };
}

const fresh = (id: string, clock: string | null = '2025-06-30') => {
  if (tenants.get(id)) tenants.delete(id);
  return tenants.create({ id, preset: 'small', seed: 1, clock }).token;
};

/** The tenant `default` cannot be deleted: create it once. */
const haveDefault = () => {
  if (!tenants.get('default')) tenants.create({ id: 'default', preset: 'small', seed: 1, clock: null });
};

const row = (tenant: string, over: Partial<JournalInput> = {}): JournalInput => ({
  tenant,
  at: '2025-06-30T08:00:00.000Z',
  asOf: '2025-06-30',
  organisation: '0212344876',
  userId: '85073100135',
  username: 'mw.gent',
  role: 'social-worker',
  flow: 'retrieve-ti-groups',
  operation: 'retrieveTI',
  face: 'soa',
  insz: A,
  legalContext: null,
  registrationId: null,
  outcome: 'MSG00000',
  ok: true,
  latencyMs: 2,
  request: '<x/>',
  ...over,
});

describe('authentication', () => {
  let alpha: string;
  beforeAll(() => {
    alpha = fresh('alpha');
    fresh('beta');
  });

  it('answers 401 with WWW-Authenticate and the same message without a token, on every route', async () => {
    for (const [method, path] of [
      ['GET', '/tenants'],
      ['POST', '/tenants'],
      ['GET', '/tenants/alpha'],
      ['GET', '/tenants/alpha/journal'],
      ['DELETE', '/tenants/alpha/faults/f1'],
      ['PUT', '/tenants/alpha/clock'],
      ['GET', '/no/such/route'],
    ] as const) {
      const res = await call(method, path, null);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      expect(res.json).toEqual(UNAUTHORIZED);
    }
  });

  it('treats a wrong token, a malformed header and an unknown tenant alike, leaking nothing', async () => {
    const answers = await Promise.all([
      call('GET', '/tenants/alpha/journal', 'wrong'),
      call('GET', '/tenants/ghost/journal', 'wrong'),
      call('GET', '/tenants/ghost/journal', alpha),
      call('GET', '/tenants/beta/journal', alpha),
      call('GET', '/tenants', alpha),
      call('POST', '/tenants', alpha, { preset: 'small' }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.text).toBe(answers[0]?.text);
      expect(a.headers.get('WWW-Authenticate')).toBe(answers[0]?.headers.get('WWW-Authenticate'));
    }
    for (const header of [`Basic ${ADMIN}`, 'Bearer', `Bearer ${ADMIN} extra`, ADMIN]) {
      const res = await app.request('/__admin/tenants', { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });

  it('lets a tenant token manage its own tenant, but not delete or fork it', async () => {
    expect((await call('GET', '/tenants/alpha', alpha)).status).toBe(200);
    expect((await call('GET', '/tenants/alpha/journal', alpha)).status).toBe(200);
    expect((await call('GET', '/tenants/alpha/faults', alpha)).status).toBe(200);
    expect((await call('GET', '/tenants/alpha/users', alpha)).status).toBe(200);
    const del = await call('DELETE', '/tenants/alpha', alpha);
    expect(del.status).toBe(403);
    expect(del.json.error).toMatch(/admin token/);
    expect((await call('POST', '/tenants/alpha/fork', alpha, {})).status).toBe(403);
    expect(tenants.get('alpha')).toBeDefined();
  });

  it('lets the admin token in everywhere; unknown routes are then 404', async () => {
    expect((await call('GET', '/tenants', ADMIN)).status).toBe(200);
    expect((await call('GET', '/tenants/beta/journal', ADMIN)).status).toBe(200);
    expect((await call('GET', '/no/such/route', ADMIN)).status).toBe(404);
    expect((await call('GET', '/tenants/ghost', ADMIN)).json).toEqual({ error: 'no tenant "ghost"' });
  });
});

describe('tenants', () => {
  it('creates a tenant: 201 with its token (once) and its URLs', async () => {
    if (tenants.get('vendor-1')) tenants.delete('vendor-1');
    const res = await call('POST', '/tenants', ADMIN, {
      id: 'vendor-1',
      preset: 'small',
      seed: 3,
      clock: '2025-06-30',
    });
    expect(res.status).toBe(201);
    const token = res.json.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.json.tenant).toEqual({
      id: 'vendor-1',
      preset: 'small',
      seed: 3,
      clock: '2025-06-30',
      today: '2025-06-30',
      createdAt: now.toISOString(),
      settings: {},
    });
    expect(res.json.urls).toEqual({
      base: 'http://localhost/t/vendor-1',
      soap: 'http://localhost/t/vendor-1/connectors/webservice/KSZBCSSWebServiceConnectorPort',
      json: 'http://localhost/t/vendor-1/ksz/json',
      wsdl: 'http://localhost/t/vendor-1/ksz/wsdl',
    });
    expect(res.text).not.toMatch(/tokenHash/);
    expect((await call('GET', '/tenants/vendor-1/clock', token)).json).toEqual({
      clock: '2025-06-30',
      today: '2025-06-30',
    });
    const listed = await call('GET', '/tenants', ADMIN);
    expect((listed.json.tenants as Json[]).map((t) => t.id)).toContain('vendor-1');
    expect(listed.text).not.toMatch(/tokenHash|[0-9a-f]{64}/);
  });

  it('defaults to preset default, seed 1, real time, and a generated id', async () => {
    const res = await call('POST', '/tenants', ADMIN);
    expect(res.status).toBe(201);
    const t = res.json.tenant as Json;
    expect(t).toMatchObject({ preset: 'default', seed: 1, clock: null, today: '2025-06-30' });
    expect(t.id).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    tenants.delete(t.id as string);
  });

  const bad: [string, unknown, number, RegExp][] = [
    ['not JSON', '{preset', 400, /must be JSON/],
    ['an array', [], 400, /JSON object/],
    ['an unknown field', { preset: 'small', colour: 'red' }, 400, /unknown field "colour"/],
    ['a seed as text', { seed: '4' }, 400, /seed must be a number/],
    ['a negative seed', { seed: -4 }, 400, /seed must be a non-negative integer/],
    ['an impossible clock', { clock: '2025-02-30' }, 400, /clock must be null or a calendar date/],
    ['a clock as a number', { clock: 20250630 }, 400, /clock must be a date/],
    ['a bad id', { id: 'Not OK' }, 400, /tenant id must be/],
    ['a taken id', { id: 'default', preset: 'small' }, 409, /already exists/],
    ['an unknown preset', { preset: 'galaxy' }, 400, /unknown preset "galaxy"/],
    ['settings as a list', { settings: [1] }, 400, /settings must be a JSON object/],
  ];
  it.each(bad)('refuses %s with a clear message and no stack', async (_label, body, status, message) => {
    haveDefault();
    const res = await call('POST', '/tenants', ADMIN, body);
    expect(res.status).toBe(status);
    expect(res.json.error).toMatch(message);
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('deletes a tenant (admin); default cannot be deleted', async () => {
    haveDefault();
    fresh('doomed');
    store.journal.append(row('doomed'));
    const res = await call('DELETE', '/tenants/doomed', ADMIN);
    expect(res).toMatchObject({ status: 200, json: { deleted: 'doomed' } });
    expect(forget).toHaveBeenCalledWith('doomed');
    expect((await call('GET', '/tenants/doomed', ADMIN)).status).toBe(404);
    expect(store.journal.query('doomed')).toEqual([]);
    expect((await call('DELETE', '/tenants/doomed', ADMIN)).status).toBe(404);
    const def = await call('DELETE', '/tenants/default', ADMIN);
    expect(def.status).toBe(409);
    expect(def.json.error).toMatch(/cannot be deleted/);
  });

  it('resets what requests added, keeping recipe and clock', async () => {
    const token = fresh('resettable');
    store.journal.append(row('resettable'));
    store.registrations.add({
      tenant: 'resettable',
      organisation: '0212344876',
      insz: A,
      qualityCode: '1',
      from: '2025-01-01',
      to: null,
      registeredBy: 'mw.gent',
      registeredAt: '2025-01-01T00:00:00.000Z',
      unregisteredAt: null,
    });
    await call('POST', '/tenants/resettable/faults', token, { kind: 'drop' });
    const res = await call('POST', '/tenants/resettable/reset', token);
    expect(res.status).toBe(200);
    expect(res.json.tenant).toMatchObject({ id: 'resettable', clock: '2025-06-30' });
    expect(store.journal.query('resettable')).toEqual([]);
    expect(store.registrations.list('resettable')).toEqual([]);
    expect(store.faults.list('resettable')).toEqual([]);
    expect((await call('POST', '/tenants/nobody/reset', ADMIN)).status).toBe(404);
  });

  it('forks with faults but an empty journal, and a token of its own', async () => {
    const sourceToken = fresh('origin');
    if (tenants.get('origin-copy')) tenants.delete('origin-copy');
    await call('POST', '/tenants/origin/faults', sourceToken, { kind: 'unavailable', probability: 0.5 });
    store.journal.append(row('origin'));
    const res = await call('POST', '/tenants/origin/fork', ADMIN, { id: 'origin-copy' });
    expect(res.status).toBe(201);
    expect(res.json.tenant).toMatchObject({ id: 'origin-copy', preset: 'small', clock: '2025-06-30' });
    expect((res.json.urls as Json).soap).toBe(
      'http://localhost/t/origin-copy/connectors/webservice/KSZBCSSWebServiceConnectorPort',
    );
    const copyToken = res.json.token as string;
    expect((await call('GET', '/tenants/origin-copy/faults', copyToken)).json.faults).toHaveLength(1);
    expect((await call('GET', '/tenants/origin-copy/journal', copyToken)).json.entries).toEqual([]);
    expect((await call('GET', '/tenants/origin/journal', copyToken)).status).toBe(401);
    expect((await call('POST', '/tenants/origin/fork', ADMIN, { id: 'origin-copy' })).status).toBe(409);
    expect((await call('POST', '/tenants/origin/fork', ADMIN, { id: 7 })).status).toBe(400);
    const generated = await call('POST', '/tenants/origin/fork', ADMIN);
    expect(generated.status).toBe(201);
    tenants.delete((generated.json.tenant as Json).id as string);
  });
});

describe('clock', () => {
  it('reads, sets and clears the clock, validating the date', async () => {
    const token = fresh('timed', null);
    expect((await call('GET', '/tenants/timed/clock', token)).json).toEqual({ clock: null, today: '2025-06-30' });
    expect((await call('PUT', '/tenants/timed/clock', token, { clock: '2024-02-29' })).json).toEqual({
      clock: '2024-02-29',
      today: '2024-02-29',
    });
    expect((await call('GET', '/tenants/timed', token)).json.tenant).toMatchObject({ clock: '2024-02-29' });
    for (const body of [{ clock: '2023-02-29' }, { clock: 'tomorrow' }, {}, { when: '2025-01-01' }]) {
      const res = await call('PUT', '/tenants/timed/clock', token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toMatch(/clock|unknown field/);
    }
    expect((await call('PUT', '/tenants/timed/clock', token, { clock: null })).json).toEqual({
      clock: null,
      today: '2025-06-30',
    });
  });
});

describe('faults', () => {
  let token: string;
  beforeEach(() => {
    token = fresh('faulty');
    forget.mockClear();
  });

  it('adds rules (201, numbered, tenant seed by default), lists and deletes them', async () => {
    const first = await call('POST', '/tenants/faulty/faults', token, {
      kind: 'unavailable',
      flow: 'consult-rr',
      insz: '85.03.14-123.02',
      probability: 0.3,
    });
    expect(first.status).toBe(201);
    expect(first.json.fault).toEqual({
      id: 'f1',
      tenant: 'faulty',
      kind: 'unavailable',
      flow: 'consult-rr',
      insz: A,
      probability: 0.3,
      latencyMs: null,
      code: 'MSG00001',
      seed: 1,
      createdAt: now.toISOString(),
    });
    expect(forget).toHaveBeenCalledWith('faulty', 'f1');
    const second = await call('POST', '/tenants/faulty/faults', token, {
      kind: 'latency',
      latencyMs: [100, 300],
      seed: 9,
    });
    expect(second.json.fault).toMatchObject({ id: 'f2', latencyMs: [100, 300], seed: 9 });
    const named = await call('POST', '/tenants/faulty/faults', ADMIN, { id: 'down', kind: 'internal-error' });
    expect(named.json.fault).toMatchObject({ id: 'down', code: 'MSG00003' });
    expect((await call('POST', '/tenants/faulty/faults', token, { id: 'down', kind: 'drop' })).status).toBe(409);

    const list = await call('GET', '/tenants/faulty/faults', token);
    expect((list.json.faults as Json[]).map((f) => f.id)).toEqual(['f1', 'f2', 'down']);

    expect((await call('DELETE', '/tenants/faulty/faults/f2', token)).json).toEqual({ deleted: 1 });
    const again = await call('DELETE', '/tenants/faulty/faults/f2', token);
    expect(again.status).toBe(404);
    expect(again.json.error).toMatch(/no fault "f2"/);
    expect((await call('DELETE', '/tenants/faulty/faults', token)).json).toEqual({ deleted: 2 });
    expect((await call('GET', '/tenants/faulty/faults', token)).json.faults).toEqual([]);
    expect(forget).toHaveBeenCalledWith('faulty');
  });

  it('refuses bad rules with every reason listed', async () => {
    const res = await call('POST', '/tenants/faulty/faults', token, {
      kind: 'latency',
      latencyMs: -10,
      probability: 1.2,
      flow: 'teleport',
    });
    expect(res.status).toBe(400);
    const errors = res.json.errors as string[];
    expect(errors).toHaveLength(3);
    expect(res.json.error).toMatch(/unknown flow "teleport"/);
    expect(res.json.error).toMatch(/probability must be a number from 0 to 1/);
    expect(res.json.error).toMatch(/latencyMs must be/);
    for (const body of ['', 'nope', { kind: 'flood' }, { kind: 'latency', latencyMs: 60_001 }]) {
      const r = await call('POST', '/tenants/faulty/faults', token, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect(store.faults.list('faulty')).toEqual([]);
  });
});

describe('journal', () => {
  let token: string;
  let ids: number[];
  beforeAll(() => {
    token = fresh('journaled');
    fresh('neighbour');
    ids = [
      row('journaled', { at: '2025-06-29T22:00:00.000Z' }),
      row('journaled', { at: '2025-06-30T08:00:00.000Z', flow: 'consult-rr', outcome: 'MSG00012', ok: false }),
      row('journaled', { at: '2025-06-30T09:00:00.000Z', insz: B, userId: '90010100160', username: 'fb.gent' }),
      row('journaled', { at: '2025-07-01T07:00:00.000Z', outcome: 'MSG00001', ok: false, insz: null }),
    ].map((r) => store.journal.append(r));
    store.journal.append(row('neighbour'));
  });

  const get = async (query: string) => {
    const res = await call('GET', `/tenants/journaled/journal${query}`, token);
    return { ...res, ids: ((res.json.entries ?? []) as JournalEntry[]).map((e) => e.id) };
  };

  it('returns the tenant own entries, oldest first, with every field', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    expect(res.ids).toEqual(ids);
    expect(res.json.truncated).toBe(false);
    expect((res.json.entries as JournalEntry[])[0]).toEqual({
      id: ids[0],
      ...row('journaled', { at: '2025-06-29T22:00:00.000Z' }),
    });
  });

  it('filters by user, insz, flow, outcome, ok and time', async () => {
    expect((await get('?user=90010100160')).ids).toEqual([ids[2]]);
    expect((await get('?user=fb.gent')).ids).toEqual([ids[2]]);
    expect((await get(`?insz=${encodeURIComponent('041102 246=78')}`)).ids).toEqual([ids[2]]);
    expect((await get('?flow=consult-rr')).ids).toEqual([ids[1]]);
    expect((await get('?outcome=MSG00001')).ids).toEqual([ids[3]]);
    expect((await get('?ok=false')).ids).toEqual([ids[1], ids[3]]);
    expect((await get('?ok=true&insz=85031412302')).ids).toEqual([ids[0]]);
    expect((await get('?from=2025-06-30&to=2025-06-30')).ids).toEqual([ids[1], ids[2]]);
    // Timestamps with an offset are compared in UTC.
    expect((await get(`?from=${encodeURIComponent('2025-06-30T10:30:00+02:00')}`)).ids).toEqual([ids[2], ids[3]]);
  });

  it('pages with limit and after, and says when there is more', async () => {
    const newest = await get('?limit=2');
    expect(newest.ids).toEqual([ids[2], ids[3]]);
    expect(newest.json.truncated).toBe(true);
    const firstPage = await get('?after=0&limit=3');
    expect(firstPage.ids).toEqual([ids[0], ids[1], ids[2]]);
    expect(firstPage.json.truncated).toBe(true);
    const rest = await get(`?after=${ids[2]}&limit=3`);
    expect(rest.ids).toEqual([ids[3]]);
    expect(rest.json.truncated).toBe(false);
  });

  it('defaults to the newest 500 entries', async () => {
    const busy = fresh('busy');
    for (let i = 0; i < 520; i++) store.journal.append(row('busy'));
    const res = await call('GET', '/tenants/busy/journal', busy);
    const entries = res.json.entries as JournalEntry[];
    expect(entries).toHaveLength(500);
    expect(res.json.truncated).toBe(true);
    expect(entries[0]!.id).toBeLessThan(entries[499]!.id);
    expect(entries[499]!.id).toBe(Math.max(...store.journal.query('busy').map((e) => e.id)));
  });

  const bad: [string, RegExp][] = [
    ['?insz=85031412303', /insz is not a valid INSZ: The check digits 03 do not match/],
    ['?insz=abc', /insz is not a valid INSZ/],
    ['?from=2025-02-30', /from must be a date YYYY-MM-DD or an ISO timestamp/],
    ['?to=yesterday', /to must be a date/],
    ['?from=2025-07-01&to=2025-06-30', /from \(2025-07-01\) is after to/],
    ['?limit=0', /limit must be a whole number from 1 to 10000/],
    ['?limit=10001', /limit must be a whole number from 1 to 10000/],
    ['?after=-1', /after must be a whole number/],
    ['?ok=maybe', /ok must be true or false/],
    ['?userid=1', /unknown parameter "userid"/],
  ];
  it.each(bad)('refuses %s', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(message);
  });

  it('accepts the maximum limit', async () => {
    expect((await get('?limit=10000')).status).toBe(200);
  });
});

describe('users', () => {
  it('lists the OCMWs that have users and the users with their synthetic credentials', async () => {
    const token = fresh('staffed');
    const res = await call('GET', '/tenants/staffed/users', token);
    expect(res.status).toBe(200);
    const world = tenants.get('staffed')!.world;
    const users = res.json.users as Json[];
    expect(users).toHaveLength(world.users.length);
    const gent = users.find((u) => u.username === 'mw.gent');
    expect(gent).toMatchObject({
      username: 'mw.gent',
      password: 'Oefenen-Gent-2025',
      role: 'social-worker',
      name: 'Lotte Verbeke',
    });
    expect(gent?.userId).toMatch(/^\d{11}$/);
    expect(gent?.email).toMatch(/@ocmw-gent\.example$/);
    const organisations = res.json.organisations as Json[];
    expect(organisations.length).toBeGreaterThan(0);
    for (const o of organisations) expect(o.kind).toBe('ocmw');
    const org = gent?.organisation as Json;
    expect(organisations.map((o) => o.id)).toContain(org.id);
    expect(org.kbo).toMatch(/^\d{10}$/);
    expect((org.name as Json).nl).toMatch(/Gent/);
    expect(res.json.synthetic).toBe(true);
  });
});

describe('errors', () => {
  it('answers an unexpected failure with 500 and no stack', async () => {
    const failing = new Hono();
    failing.route(
      '/__admin',
      adminRoutes({
        store,
        tenants,
        faults: { forget },
        adminToken: ADMIN,
        knownFlows: () => {
          throw new Error('catalogue exploded at /secret/path.ts:12');
        },
      }),
    );
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    haveDefault();
    const res = await failing.request('/__admin/tenants/default/faults', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ kind: 'drop' }),
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
  });
});
