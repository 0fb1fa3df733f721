/**
 * Test support of the flows in `mock-server/flows/<id>/`: a server with only the flows a test needs, the persons
 * and users of the `small` world, registration through ManageAccess, the JSON and new-style SOAP faces, reading
 * requests for unit tests of `fromXml`, and the runner of a flow's `examples/*.json` (the format of
 * `test/contract/examples.test.ts`).
 *
 * @example
 * const server = await serverWith(flow);
 * const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));
 * describe('examples', () => itAnswersExamples(EXAMPLES, 'kbi', () => server));
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import manageAccess from '../../mock-server/flows/manage-access/flow.ts';
import { type FlowDef, RequestError } from '../../mock-server/src/ksz/flows/define.ts';
import type { SoaOperation } from '../../mock-server/src/ksz/soa/namespaces.ts';
import { parseSoaRequest } from '../../mock-server/src/ksz/soa/parse-request.ts';
import { child, text } from '../../mock-server/src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../mock-server/src/ksz/xml/parse.ts';
import { createServer, type Server } from '../../mock-server/src/server.ts';
import { openSqliteStore } from '../../mock-server/src/store/sqlite.ts';
import type { Person, Role, User, World } from '../../scenarios/engine/model.ts';
import { ADMIN_TOKEN, basic, TEST_NOW, testServer } from './server.ts';

/** The clock of the test tenants unless an example or a test says otherwise. */
export const TODAY = '2025-06-30';

// ——— servers and the world ———

/**
 * A server in process with ManageAccess and only the given flows (so that a half-written flow elsewhere cannot
 * break the test), the store in memory unless `store` names a file, the fixed test time, and a `default` tenant on
 * the `small` preset at `clock` (none when `tenant` is false).
 */
export async function serverWith(
  flows: FlowDef | FlowDef[],
  opts: { clock?: string; store?: string; tenant?: boolean } = {},
): Promise<Server> {
  const server = await createServer({
    store: openSqliteStore(opts.store ?? ':memory:'),
    adminToken: ADMIN_TOKEN,
    now: () => TEST_NOW,
    flows: [manageAccess, ...[flows].flat()],
  });
  if (opts.tenant !== false)
    server.tenants.create({ id: 'default', preset: 'small', seed: 1, clock: opts.clock ?? TODAY });
  return server;
}

export function worldOf(server: Server, tenant = 'default'): World {
  const world = server.tenants.get(tenant)?.world;
  if (!world) throw new Error(`no tenant ${tenant}`);
  return world;
}

/** The person of a named scenario in a world: the one of `role` when given, else the scenario's first. */
export function personIn(world: World, scenario: string, role?: string): Person {
  const p = world.persons.find((x) => x.origin === scenario && (role === undefined || x.originRole === role));
  if (!p) throw new Error(`no person ${role ?? '(any role)'} of scenario ${scenario}`);
  return p;
}

/** The person of a named scenario (role `main` unless given) in a tenant's world. */
export const personOf = (server: Server, ref: { scenario: string; role?: string }, tenant = 'default'): Person =>
  personIn(worldOf(server, tenant), ref.scenario, ref.role ?? 'main');

/** The Gent user of a role (small and default presets). */
export function userFor(server: Server, role: Role, tenant = 'default'): User {
  const u = worldOf(server, tenant).users.find((x) => x.role === role && x.username.endsWith('.gent'));
  if (!u) throw new Error(`no Gent user with role ${role}`);
  return u;
}

/** The KBO number of a user's organisation. */
export function cbeOf(server: Server, user: User, tenant = 'default'): string {
  const org = worldOf(server, tenant).organisations.find((o) => o.id === user.organisation);
  if (!org) throw new Error(`user ${user.username} has no organisation`);
  return org.kbo;
}

/** The KBO number of the Gent OCMW of the small preset (the users' organisation). */
export function gentKbo(server: Server): string {
  const kbo = worldOf(server).organisations.find((o) => o.id === 'ocmw-44021')?.kbo;
  if (!kbo) throw new Error('no OCMW Gent in the world');
  return kbo;
}

// ——— the faces ———

/** Who sends a request: the Gent user of a role, or a user of the world by name. */
export type Sender = Role | { username: string };

function authorization(server: Server, as: Sender, tenant: string): string {
  const u =
    typeof as === 'string'
      ? userFor(server, as, tenant)
      : worldOf(server, tenant).users.find((x) => x.username === as.username);
  if (!u) throw new Error(`no user ${JSON.stringify(as)} in tenant ${tenant}`);
  return basic(u.username, u.password);
}

const prefix = (tenant: string) => (tenant === 'default' ? '' : `/t/${tenant}`);

/** A JSON answer: its status and whatever the operation adds. */
export type JsonBody = Record<string, unknown> & { status: { value: string; code: string } };

/** POSTs a JSON body to `path` (in `tenant`: under `/t/<tenant>`) with the sender's Basic credentials. */
export async function postJson<T = JsonBody>(
  server: Server,
  path: string,
  body: unknown,
  as: Sender = 'social-worker',
  tenant = 'default',
): Promise<{ http: number; body: T }> {
  const res = await server.app.request(`${prefix(tenant)}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization(server, as, tenant) },
    body: JSON.stringify(body),
  });
  return { http: res.status, body: (await res.json()) as T };
}

export interface Registration {
  /** Default `2`. */
  purpose?: string;
  from: string;
  to?: string | null;
}

/** REGISTER through the ManageAccess JSON face as the Gent social worker, with the person's name and birth date. */
export function registration(server: Server, person: Person, r: Registration, tenant = 'default') {
  return postJson(
    server,
    '/ksz/json/manage-access/manageAccess',
    {
      ssin: person.insz,
      action: 'REGISTER',
      purpose: r.purpose ?? '2',
      period: { startDate: r.from, ...(r.to ? { endDate: r.to } : {}) },
      proofOfAuthentication: { personData: { lastName: person.familyName, birthDate: person.birthDate } },
    },
    'social-worker',
    tenant,
  );
}

/** Registers the person for the Gent OCMW ({@link registration}); throws unless MSG00000. */
export async function register(server: Server, person: Person, r: Registration, tenant = 'default'): Promise<void> {
  const res = await registration(server, person, r, tenant);
  if (res.body.status.code !== 'MSG00000') throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
}

/** A new-style SOAP request as a WSDL-driven client sends it: prefixed operation element, unqualified children. */
export function soapEnvelope(wire: SoaOperation, opts: { cbeNumber: string; legalContext?: string; body: string }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:${wire.prefix}="${wire.ns}">
 <soapenv:Body>
  <${wire.prefix}:${wire.request}>
   <informationCustomer><ticket>dossier-2025-0042</ticket><timestampSent>2025-06-30T10:15:00.250+02:00</timestampSent><customerIdentification><cbeNumber>${opts.cbeNumber}</cbeNumber></customerIdentification></informationCustomer>
   <legalContext>${opts.legalContext ?? 'PCSA:SOCIAL_INQUIRY'}</legalContext>
   ${opts.body}
  </${wire.prefix}:${wire.request}>
 </soapenv:Body>
</soapenv:Envelope>`;
}

/**
 * Posts a SOAP request to `/SOA4520/<service>/v<n>/<operation>` and reads the response element and its status;
 * `body` is the whole response text.
 */
export async function postSoap(server: Server, path: string, wire: SoaOperation, as: Sender, envelope: string) {
  const res = await server.app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${wire.soapAction}"`,
      Authorization: authorization(server, as, 'default'),
    },
    body: envelope,
  });
  const body = await res.text();
  const parsed = parseXmlSafely(body);
  if (!parsed.ok) throw new Error(`not XML: ${body.slice(0, 200)}`);
  const envBody = child(parsed.doc.documentElement!, 'http://schemas.xmlsoap.org/soap/envelope/', 'Body');
  const response = envBody ? child(envBody, wire.ns, wire.response) : undefined;
  const status = response ? child(response, null, 'status') : undefined;
  return {
    http: res.status,
    body,
    response,
    value: text(status ? child(status, null, 'value') : undefined),
    code: text(status ? child(status, null, 'code') : undefined),
  };
}

/**
 * Sends the service part `body` over SOAP as the Gent user of a role (default the social worker), with the KBO of
 * the user's OCMW in informationCustomer.
 */
export function sendSoap(
  server: Server,
  path: string,
  wire: SoaOperation,
  body: string,
  opts: { role?: Role; legalContext?: string } = {},
) {
  const role = opts.role ?? 'social-worker';
  const cbeNumber = cbeOf(server, userFor(server, role));
  return postSoap(server, path, wire, role, soapEnvelope(wire, { cbeNumber, legalContext: opts.legalContext, body }));
}

/** The text of a descendant path of unqualified elements (`person/ssin`), or '' when absent. */
export function pathText(el: Element | undefined, path: string): string {
  let at: Element | undefined = el;
  for (const name of path.split('/')) at = at ? child(at, null, name) : undefined;
  return text(at);
}

/** The text of the first `<name>` element of an XML string. */
export function xmlValue(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

// ——— reading requests ———

/** The operation element of a request with `body` after legalContext, as the SOAP face gives it to fromXml. */
export function operationElement(wire: SoaOperation, body: string): Element {
  const r = parseSoaRequest(soapEnvelope(wire, { cbeNumber: '0212344876', body }), {
    ns: wire.ns,
    element: wire.request,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.request.request;
}

/** The RequestError `f` throws (fails the test when it throws nothing or something else). */
export function requestError(f: () => unknown): RequestError {
  try {
    f();
  } catch (e) {
    if (e instanceof RequestError) return e;
    throw e;
  }
  throw new Error('expected a RequestError');
}

// ——— the examples of a flow ———

/** An `examples/*.json` file of a flow, as `test/contract/examples.test.ts` reads it. */
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

/** Every `examples/*.json` of a flow folder, by file name. */
export function loadExamples(dir: URL): [string, Example][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Example]);
}

/** The example of `file` (fails the test when there is none). */
export function exampleIn(examples: readonly [string, Example][], file: string): Example {
  const e = examples.find(([f]) => f === file)?.[1];
  if (!e) throw new Error(`no example ${file}`);
  return e;
}

/** Replaces `$insz` in every string of a request. */
export function withInsz(value: unknown, insz: string): unknown {
  if (typeof value === 'string') return value.replaceAll('$insz', insz);
  if (Array.isArray(value)) return value.map((v) => withInsz(v, insz));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withInsz(v, insz)]));
  return value;
}

/** Resets the `default` tenant (registrations, journal, flow state) and sets its clock. */
export function freshTenant(server: Server, clock: string = TODAY): void {
  server.tenants.reset('default');
  server.tenants.setClock('default', clock);
}

/**
 * Runs one example as the contract suite would: the `default` tenant reset to the example's clock, its person
 * registered when it says so, `$insz` replaced by the person's INSZ, the request sent through the JSON face.
 */
export async function runExample(server: Server, flowId: string, ex: Example) {
  freshTenant(server, ex.clock ?? TODAY);
  const person = ex.person ? personOf(server, ex.person) : null;
  if (person && ex.register) await register(server, person, ex.register);
  const request = withInsz(ex.request, person?.insz ?? '') as Record<string, unknown>;
  return postJson(
    server,
    `/ksz/json/${flowId}/${ex.operation}`,
    { legalContext: ex.legalContext, ...request },
    ex.user,
  );
}

async function expectAnswer(server: Server, flowId: string, ex: Example): Promise<void> {
  const r = await runExample(server, flowId, ex);
  expect(r.http).toBe(ex.expect.http);
  expect(r.body.status.code).toBe(ex.expect.code);
}

/** A test per example, in the current describe and named by its file: it answers the HTTP status and code it says. */
export function itAnswersExamples(examples: [string, Example][], flowId: string, server: () => Server): void {
  it.each(examples)('%s', (_file, e) => expectAnswer(server(), flowId, e));
}

/** Every example of a flow through the JSON face, on a server of its own: the code and HTTP status it promises. */
export function describeExamples(flowId: string, dir: URL): void {
  describe(`${flowId} examples`, () => {
    let server: Server;
    beforeAll(async () => {
      server = await testServer();
    });
    for (const [file, example] of loadExamples(dir))
      it(`${file}: ${example.expect.code}`, () => expectAnswer(server, flowId, example));
  });
}
