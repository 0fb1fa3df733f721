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

const examples: { flow: string; file: string; example: Example }[] = [];
for (const flow of readdirSync(FLOWS_DIR).sort()) {
  const dir = join(FLOWS_DIR, flow, 'examples');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort())
    examples.push({ flow, file, example: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Example });
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
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, insz)]));
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
      person = world.persons.find((p) => p.origin === example.person?.scenario && p.originRole === example.person?.role);
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
          period: { startDate: example.register.from, ...(example.register.to ? { endDate: example.register.to } : {}) },
          proofOfAuthentication: { personData: { lastName: person.familyName, birthDate: person.birthDate } },
        }),
      });
      expect(((await res.json()) as { status: { code: string } }).status.code, 'the registration the example needs').toBe('MSG00000');
    }
    const body = substitute({ ...(example.legalContext ? { legalContext: example.legalContext } : {}), ...example.request }, insz);
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
});
