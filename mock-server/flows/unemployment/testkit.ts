/**
 * Front-door test helpers shared by the health-insurance, unemployment, unemployment-situation and self-employed
 * flows: scenario persons, registration through ManageAccess, the JSON and SOAP faces, and the example runner
 * (`examples/*.json` in the format of the contract suite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person, Role, User, World } from '../../../scenarios/engine/model.ts';
import { basic, testServer } from '../../../test/support/server.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { parseSoaRequest } from '../../src/ksz/soa/parse-request.ts';
import type { Server } from '../../src/server.ts';

export interface Example {
  description: string;
  operation: string;
  user: Role;
  person?: { scenario: string; role: string };
  register: { purpose: string; from: string; to: string | null } | null;
  clock?: string;
  legalContext: string;
  request: Record<string, unknown>;
  expect: { code: string; http: number };
}

export function worldOf(server: Server, tenant = 'default'): World {
  const world = server.tenants.get(tenant)?.world;
  if (!world) throw new Error(`no tenant ${tenant}`);
  return world;
}

export function scenarioPerson(server: Server, scenario: string, role = 'main', tenant = 'default'): Person {
  const p = worldOf(server, tenant).persons.find((x) => x.origin === scenario && x.originRole === role);
  if (!p) throw new Error(`scenario ${scenario} has no person with role ${role}`);
  return p;
}

/** The Gent user of a role (small and default presets). */
export function userFor(server: Server, role: Role, tenant = 'default'): User {
  const u = worldOf(server, tenant).users.find((x) => x.role === role && x.username.endsWith('.gent'));
  if (!u) throw new Error(`no Gent user with role ${role}`);
  return u;
}

export function cbeOf(server: Server, user: User, tenant = 'default'): string {
  const org = worldOf(server, tenant).organisations.find((o) => o.id === user.organisation);
  if (!org) throw new Error(`user ${user.username} has no organisation`);
  return org.kbo;
}

const prefix = (tenant: string) => (tenant === 'default' ? '' : `/t/${tenant}`);

export async function postJson(
  server: Server,
  path: string,
  body: unknown,
  role: Role = 'social-worker',
  tenant = 'default',
): Promise<{ http: number; json: Record<string, unknown> & { status: { value: string; code: string } } }> {
  const u = userFor(server, role, tenant);
  const res = await server.app.request(`${prefix(tenant)}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic(u.username, u.password) },
    body: JSON.stringify(body),
  });
  return { http: res.status, json: (await res.json()) as never };
}

/** Registers the person for the Gent OCMW (REGISTER with the person's name and birth date as proof). */
export async function register(
  server: Server,
  p: Person,
  opts: { purpose?: string; from: string; to?: string | null },
  tenant = 'default',
): Promise<void> {
  const r = await postJson(
    server,
    '/ksz/json/manage-access/manageAccess',
    {
      ssin: p.insz,
      action: 'REGISTER',
      purpose: opts.purpose ?? '2',
      period: { startDate: opts.from, ...(opts.to ? { endDate: opts.to } : {}) },
      proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
    },
    'social-worker',
    tenant,
  );
  if (r.json.status.code !== 'MSG00000') throw new Error(`REGISTER failed: ${JSON.stringify(r.json.status)}`);
}

/** A SOAP 1.1 request of a new-style service: CommonV3 header part, then the service's own XML. */
export function soapEnvelope(wire: SoaOperation, cbeNumber: string, legalContext: string, serviceXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="${wire.ns}">
 <soapenv:Body>
  <x:${wire.request}>
   <informationCustomer><ticket>test-1</ticket><timestampSent>2025-06-30T10:15:00.000+02:00</timestampSent>
    <customerIdentification><cbeNumber>${cbeNumber}</cbeNumber></customerIdentification></informationCustomer>
   <legalContext>${legalContext}</legalContext>
   ${serviceXml}
  </x:${wire.request}>
 </soapenv:Body>
</soapenv:Envelope>`;
}

export async function postSoap(
  server: Server,
  path: string,
  xml: string,
  role: Role = 'social-worker',
): Promise<{ http: number; text: string }> {
  const u = userFor(server, role);
  const res = await server.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Authorization: basic(u.username, u.password) },
    body: xml,
  });
  return { http: res.status, text: await res.text() };
}

/** The text of the first `<name>` element of an XML string. */
export function xmlValue(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

export function loadExamples(dir: URL): { file: string; example: Example }[] {
  const path = dir.pathname;
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, example: JSON.parse(readFileSync(join(path, file), 'utf8')) as Example }));
}

let tenants = 0;

/** Runs one example in a tenant of its own (so registrations of other examples cannot leak into it). */
export async function runExample(server: Server, flowId: string, ex: Example) {
  const tenant = `example-${++tenants}`;
  server.tenants.create({ id: tenant, preset: 'small', seed: 1, clock: ex.clock ?? '2025-06-30' });
  const person = ex.person ? scenarioPerson(server, ex.person.scenario, ex.person.role, tenant) : undefined;
  if (ex.register && person) await register(server, person, ex.register, tenant);
  const body = JSON.parse(
    JSON.stringify({ legalContext: ex.legalContext, ...ex.request }).replaceAll('$insz', person?.insz ?? ''),
  );
  return { person, ...(await postJson(server, `/ksz/json/${flowId}/${ex.operation}`, body, ex.user, tenant)) };
}

/** Every example of a flow through the JSON face, each in a tenant of its own: the code and HTTP status it promises. */
export function describeExamples(flowId: string, dir: URL): void {
  describe(`${flowId} examples`, () => {
    let server: Server;
    beforeAll(async () => {
      server = await testServer();
    });
    for (const { file, example } of loadExamples(dir))
      it(`${file}: ${example.expect.code}`, async () => {
        const r = await runExample(server, flowId, example);
        expect(r.http).toBe(example.expect.http);
        expect(r.json.status.code).toBe(example.expect.code);
      });
  });
}

/** The operation element of a request whose service part is `serviceXml`, as the SOAP face gives it to fromXml. */
export function opElement(wire: SoaOperation, serviceXml: string): Element {
  const r = parseSoaRequest(soapEnvelope(wire, '0200000097', 'test', serviceXml), {
    ns: wire.ns,
    element: wire.request,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.request.request;
}

export function requestError(f: () => unknown): RequestError {
  try {
    f();
  } catch (e) {
    if (e instanceof RequestError) return e;
    throw e;
  }
  throw new Error('expected a RequestError');
}
