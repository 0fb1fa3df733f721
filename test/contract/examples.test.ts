import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLOWS_DIR } from '../../mock-server/src/ksz/flows/discover.ts';
import type { Server } from '../../mock-server/src/server.ts';
import type { Person } from '../../scenarios/engine/model.ts';
import { basic, testServer } from '../support/server.ts';

/** One example of a flow's folder (`examples/*.json`): a request and the status it must get. */
interface Example {
  description: string;
  operation: string;
  user: 'social-worker' | 'financial-manager' | 'secretary' | 'security-adviser';
  person?: { scenario: string; role: string };
  register?: { purpose: string; from: string; to: string | null } | null;
  clock?: string;
  legalContext?: string;
  request: Record<string, unknown>;
  expect: { code: string; http?: number };
}

/**
 * A manifest (`examples/examples.json`) lists examples whose request bodies are files of their own and name the
 * INSZ literally: `{ clock, examples: [{ name, description, user: <username>, registered, expect: { code }, json }] }`.
 */
interface Manifest {
  clock?: string;
  examples: {
    name: string;
    description: string;
    user: string;
    registered: boolean;
    expect: { code: string };
    json: string;
    operation?: string;
  }[];
}

const examples: { flow: string; file: string; example: Example }[] = [];
const manifests: {
  flow: string;
  name: string;
  clock: string;
  entry: Manifest['examples'][number];
  body: Record<string, unknown>;
}[] = [];
for (const flow of readdirSync(FLOWS_DIR).sort()) {
  const dir = join(FLOWS_DIR, flow, 'examples');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    if (file === 'examples.json' && Array.isArray(data.examples)) {
      const m = data as unknown as Manifest;
      for (const entry of m.examples)
        manifests.push({
          flow,
          name: entry.name,
          clock: m.clock ?? '2025-06-30',
          entry,
          body: JSON.parse(readFileSync(join(dir, entry.json), 'utf8')) as Record<string, unknown>,
        });
    } else if (typeof data.operation === 'string' && typeof data.expect === 'object') {
      examples.push({ flow, file, example: data as unknown as Example });
    }
  }
}

let server: Server;
let tenantCount = 0;
beforeAll(async () => {
  server = await testServer();
});

function substitute(value: unknown, insz: string): unknown {
  if (value === '$insz') return insz;
  if (typeof value === 'string') return value.replaceAll('$insz', insz);
  if (Array.isArray(value)) return value.map((v) => substitute(v, insz));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, insz)]));
  return value;
}

describe('contract suite: every example of every flow through the front door', () => {
  it('finds examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [`${e.flow}/${e.file}`, e] as const))('%s', async (_name, { flow, example }) => {
    const id = `contract-${++tenantCount}`;
    const tenant = server.tenants.create({ id, preset: 'small', seed: 1, clock: example.clock ?? '2025-06-30' }).tenant;
    const world = tenant.world;
    const user = world.users.find((u) => u.role === example.user);
    expect(user, `the small preset has a ${example.user}`).toBeDefined();
    let person: Person | undefined;
    if (example.person) {
      person = world.persons.find(
        (p) => p.origin === example.person?.scenario && p.originRole === example.person?.role,
      );
      expect(person, `scenario ${example.person.scenario} has a person with role ${example.person.role}`).toBeDefined();
    }
    const insz = person?.insz ?? '';
    if (example.register && person) {
      const sw = world.users.find((u) => u.role === 'social-worker' && u.organisation === user?.organisation);
      const res = await server.app.request(`/t/${id}/ksz/json/manage-access/manageAccess`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: basic(sw?.username ?? '', sw?.password ?? '') },
        body: JSON.stringify({
          ssin: insz,
          action: 'REGISTER',
          purpose: example.register.purpose,
          period: {
            startDate: example.register.from,
            ...(example.register.to ? { endDate: example.register.to } : {}),
          },
          proofOfAuthentication: { personData: { lastName: person.familyName, birthDate: person.birthDate } },
        }),
      });
      expect(
        ((await res.json()) as { status: { code: string } }).status.code,
        'the registration the example needs',
      ).toBe('MSG00000');
    }
    const body = substitute(
      { ...(example.legalContext ? { legalContext: example.legalContext } : {}), ...example.request },
      insz,
    );
    const res = await server.app.request(`/t/${id}/ksz/json/${flow}/${example.operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(user?.username ?? '', user?.password ?? '') },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(example.expect.http ?? 200);
    expect(res.headers.get('X-Synthetic-Data')).toBe('true');
    const answer = (await res.json()) as { status: { code: string } };
    expect(answer.status.code, example.description).toBe(example.expect.code);
    const last = server.store.journal.query(id).at(-1);
    expect(last).toMatchObject({ flow, operation: example.operation, outcome: example.expect.code });
    server.tenants.delete(id);
  });

  it.each(manifests.map((m) => [`${m.flow}/${m.name}`, m] as const))('%s (manifest)', async (_name, m) => {
    const id = `contract-${++tenantCount}`;
    const world = server.tenants.create({ id, preset: 'small', seed: 1, clock: m.clock }).tenant.world;
    const user = world.users.find((u) => u.username === m.entry.user);
    expect(user, `the small preset has user ${m.entry.user}`).toBeDefined();
    const ssin =
      typeof m.body.ssin === 'string'
        ? m.body.ssin
        : ((m.body.searchInformation as { ssin?: string } | undefined)?.ssin ?? '');
    const person = world.persons.find((p) => p.insz === ssin);
    if (m.entry.registered) {
      expect(person, `INSZ ${ssin} is in the world`).toBeDefined();
      const sw = world.users.find((u) => u.role === 'social-worker' && u.organisation === user?.organisation);
      const res = await server.app.request(`/t/${id}/ksz/json/manage-access/manageAccess`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: basic(sw?.username ?? '', sw?.password ?? '') },
        body: JSON.stringify({
          ssin,
          action: 'REGISTER',
          purpose: '1',
          period: { startDate: '1990-01-01' },
          proofOfAuthentication: { personData: { lastName: person?.familyName, birthDate: person?.birthDate } },
        }),
      });
      expect(((await res.json()) as { status: { code: string } }).status.code).toBe('MSG00000');
    }
    const operation = m.entry.operation ?? server.flows.find((f) => f.id === m.flow)?.operations[0]?.name ?? '';
    const res = await server.app.request(`/t/${id}/ksz/json/${m.flow}/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(user?.username ?? '', user?.password ?? '') },
      body: JSON.stringify(m.body),
    });
    const answer = (await res.json()) as { status: { code: string } };
    expect(answer.status.code, m.entry.description).toBe(m.entry.expect.code);
    server.tenants.delete(id);
  });
});
