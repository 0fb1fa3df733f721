import { beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../mock-server/src/server.ts';
import { ADMIN_TOKEN, basic, testServer } from '../support/server.ts';

let server: Server;
let vendorToken: string;
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };

beforeAll(async () => {
  server = await testServer();
  const res = await server.app.request('/__admin/tenants', {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ id: 'vendor-a', preset: 'small', seed: 1, clock: '2025-06-30' }),
  });
  expect(res.status).toBe(201);
  vendorToken = ((await res.json()) as { token: string }).token;
});

function person() {
  const p = server.tenants.get('default')?.world.persons.find((x) => x.origin === 'inschakeling-ended-2015');
  if (!p) throw new Error('no person');
  return p;
}

async function manage(prefix: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await server.app.request(`${prefix}/ksz/json/manage-access/manageAccess`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic('mw.gent', 'Oefenen-Gent-2025'), ...headers },
    body: JSON.stringify(body),
  });
  return {
    http: res.status,
    body: (res.status === 503 ? {} : await res.json()) as { status: { code: string }; registrations?: unknown[] },
    dropped: res.headers.get('X-Mock-Dropped'),
  };
}

const register = () => {
  const p = person();
  return {
    ssin: p.insz,
    action: 'REGISTER',
    purpose: '1',
    period: { startDate: '2025-06-01' },
    proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
  };
};
const list = () => ({ ssin: person().insz, action: 'LIST', period: { startDate: '2025-01-01' } });

describe('tenants are isolated', () => {
  it("one tenant's registration does not open another's data", async () => {
    expect((await manage('', register())).body.status.code).toBe('MSG00000');
    expect((await manage('', list())).body.registrations).toHaveLength(1);
    expect((await manage('/t/vendor-a', list())).body.registrations).toHaveLength(0);
    expect((await manage('', list(), { 'X-KSZ-Tenant': 'vendor-a' })).body.registrations).toHaveLength(0);
  });

  it("a tenant token reads its own journal and not another tenant's", async () => {
    await manage('/t/vendor-a', list());
    const own = await server.app.request('/__admin/tenants/vendor-a/journal', {
      headers: { Authorization: `Bearer ${vendorToken}` },
    });
    expect(own.status).toBe(200);
    const entries = ((await own.json()) as { entries: { tenant: string; flow: string }[] }).entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.tenant === 'vendor-a')).toBe(true);
    const other = await server.app.request('/__admin/tenants/default/journal', {
      headers: { Authorization: `Bearer ${vendorToken}` },
    });
    expect(other.status).toBe(401);
    const none = await server.app.request('/__admin/tenants/default/journal');
    expect(none.status).toBe(401);
  });

  it("an unknown tenant is refused in the face's own form", async () => {
    const res = await server.app.request('/t/nope/ksz/json/manage-access/manageAccess', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic('mw.gent', 'x') },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });

  it('reset clears registrations and journal; fork copies registrations but not the journal', async () => {
    await manage('/t/vendor-a', register());
    const fork = await server.app.request('/__admin/tenants/vendor-a/fork', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ id: 'vendor-b' }),
    });
    expect(fork.status).toBe(201);
    expect((await manage('/t/vendor-b', list())).body.registrations).toHaveLength(1);
    expect(server.store.journal.query('vendor-b').map((e) => e.operation)).toEqual(['manageAccess']);
    const reset = await server.app.request('/__admin/tenants/vendor-a/reset', { method: 'POST', headers: admin });
    expect(reset.status).toBe(200);
    expect(server.store.journal.query('vendor-a')).toEqual([]);
    expect((await manage('/t/vendor-a', list())).body.registrations).toHaveLength(0);
  });
});

describe('faults on demand', () => {
  const addFault = (tenant: string, body: Record<string, unknown>) =>
    server.app.request(`/__admin/tenants/${tenant}/faults`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(body),
    });

  it('service unavailable, internal error and dropped connection, each as the face answers it', async () => {
    await server.app.request('/__admin/tenants', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ id: 'faulty', preset: 'small', seed: 1, clock: '2025-06-30' }),
    });
    expect((await addFault('faulty', { kind: 'unavailable', code: 'MSG00002', flow: 'manage-access' })).status).toBe(
      201,
    );
    expect((await manage('/t/faulty', list())).body.status.code).toBe('MSG00002');
    await server.app.request('/__admin/tenants/faulty/faults', { method: 'DELETE', headers: admin });
    await addFault('faulty', { kind: 'internal-error' });
    const fault = await manage('/t/faulty', list());
    expect(fault.http).toBe(500);
    expect(fault.body.status.code).toBe('MSG00003');
    await server.app.request('/__admin/tenants/faulty/faults', { method: 'DELETE', headers: admin });
    await addFault('faulty', { kind: 'drop' });
    expect((await manage('/t/faulty', list())).dropped).toBe('true');
    const journal = server.store.journal.query('faulty').map((e) => e.outcome);
    expect(journal).toEqual(['MSG00002', 'MSG00003', 'DROPPED']);
  });

  it('are reproducible from their seed: the same rules hit the same requests', async () => {
    const outcomes: string[][] = [];
    for (const id of ['rep-1', 'rep-2']) {
      await server.app.request('/__admin/tenants', {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ id, preset: 'small', seed: 1, clock: '2025-06-30' }),
      });
      await addFault(id, { kind: 'unavailable', probability: 0.5, seed: 42 });
      const seen: string[] = [];
      for (let i = 0; i < 20; i++) seen.push((await manage(`/t/${id}`, list())).body.status.code);
      outcomes.push(seen);
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(new Set(outcomes[0])).toEqual(new Set(['MSG00001', 'MSG00000']));
  });

  it('adds latency in the range asked', async () => {
    await server.app.request('/__admin/tenants', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ id: 'slow', preset: 'small', seed: 1, clock: '2025-06-30' }),
    });
    await addFault('slow', { kind: 'latency', latencyMs: [120, 150] });
    const started = performance.now();
    expect((await manage('/t/slow', list())).body.status.code).toBe('MSG00000');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
