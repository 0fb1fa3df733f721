import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { IsoDate, Role, User, World } from '../../../scenarios/engine/model.ts';
import { createRng } from '../../../scenarios/engine/rng.ts';
import { buildWorld } from '../../../scenarios/engine/world.ts';
import { withInsz } from '../../../test/support/flows.ts';
import { basic } from '../../../test/support/server.ts';
import { ssdnDetailFor } from '../../src/ksz/access/ssdn-codes.ts';
import type { Answer, FlowContext, FlowDef, OperationDef, RegisterApi } from '../../src/ksz/flows/define.ts';
import { SSDN_CODES } from '../../src/ksz/ssdn/codes.ts';
import { SSDN_COMMON_NS, SSDN_SERVICE_NS } from '../../src/ksz/ssdn/namespaces.ts';
import {
  buildSsdnReply,
  type SsdnDetail,
  type SsdnServiceReply,
  summarizeServiceReplies,
} from '../../src/ksz/ssdn/reply.ts';
import type { Tenant } from '../../src/ksz/tenants/types.ts';
import { child, children, elementChildren, text } from '../../src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import { escapeText } from '../../src/ksz/xml/writer.ts';
import { createServer } from '../../src/server.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Registration, Store } from '../../src/store/types.ts';

/**
 * Test support for the identity flows (IdentifyPerson, PerformInvestigation): the small world, a hand-made
 * FlowContext, the SSDN reply the real service would build around a payload, and the server in process.
 * Not a flow: discovery only loads `flow.ts`.
 */

export const TODAY: IsoDate = '2025-06-30';

let cached: World | undefined;
/** `buildWorld({ preset: 'small', seed: 1 })`, built once per test file. */
export function smallWorld(): World {
  cached ??= buildWorld({ preset: 'small', seed: 1 });
  return cached;
}

export function userWithRole(world: World, role: Role): User {
  const user = world.users.find((u) => u.role === role);
  if (!user) throw new Error(`no ${role} in the world`);
  return user;
}

function tenantOf(world: World, today: IsoDate): Tenant {
  return {
    record: {
      id: 'test',
      preset: world.preset,
      seed: world.seed,
      clock: today,
      tokenHash: '',
      createdAt: '',
      settings: {},
    },
    world,
    today: () => today,
  };
}

/**
 * A FlowContext as the pipeline would hand it to `handle()` after the access checks, with an in-memory register.
 *
 * @example
 * const ctx = flowContext(smallWorld(), { role: 'social-worker', registered: ['82060482345'] });
 */
export function flowContext(
  world: World,
  opts: { role?: Role; today?: IsoDate; asOf?: IsoDate; registered?: string[] } = {},
): FlowContext {
  const today = opts.today ?? TODAY;
  const user = userWithRole(world, opts.role ?? 'social-worker');
  const organisation = world.organisations.find((o) => o.id === user.organisation)!;
  const rows: Registration[] = (opts.registered ?? []).map((insz, i) => ({
    id: i + 1,
    tenant: 'test',
    organisation: organisation.kbo,
    insz,
    qualityCode: '1',
    from: '2020-01-01',
    to: null,
    registeredBy: user.userId,
    registeredAt: '2020-01-01T00:00:00Z',
    unregisteredAt: null,
  }));
  const register: RegisterApi = {
    list: (f) =>
      rows.filter(
        (r) =>
          (!f?.insz || r.insz === f.insz) &&
          (!f?.activeOn || (r.from <= f.activeOn && (r.to === null || f.activeOn <= r.to))),
      ),
    add: (r) => {
      const row: Registration = { ...rows[0]!, ...r, id: rows.length + 1 };
      rows.push(row);
      return row;
    },
    end: (id, to) => {
      const row = rows.find((r) => r.id === id);
      if (row) row.to = to;
    },
  };
  const rng = createRng('identity-flows-test');
  const state = new Map<string, unknown>();
  return {
    tenant: tenantOf(world, today),
    world,
    today,
    asOf: opts.asOf ?? today,
    user,
    organisation,
    registration: rows[0] ?? null,
    register,
    state: {
      get: <T>(key: string) => state.get(key) as T | undefined,
      put: (key: string, value: unknown) => {
        state.set(key, value);
      },
      list: <T>(prefix = '') =>
        [...state.entries()].filter(([k]) => k.startsWith(prefix)).map(([key, value]) => ({ key, value: value as T })),
    },
    random: () => rng.next(),
  };
}

/** The operation of a flow, typed for calling it directly in tests. */
export function operationOf<Req, Res>(flow: FlowDef): OperationDef<Req, Res> {
  return flow.operations[0] as unknown as OperationDef<Req, Res>;
}

/**
 * The ServiceReply ResultSummary the real service sends for a status: the severity of an SSDN reason code is its
 * first digit (1 information, 2 warning, 3 error), ReturnCode follows the worst severity; MSG codes map to 3998nnnn
 * as the SSDN face does. (The face itself drops warnings today: see the flow READMEs.)
 */
export function expectedServiceDetail(answer: Answer<unknown>): { returnCode: 0 | 1 | 10000; details: SsdnDetail[] } {
  const s = answer.status;
  if (s.code === 'MSG00000') return { returnCode: 0, details: [] };
  const row = SSDN_CODES.find((r) => r.kind === 'reason' && r.code === s.code);
  const detail = ssdnDetailFor(s);
  if (row) {
    detail.severity = row.severity;
    detail.diagnostic = row.diagnostic;
  }
  const returnCode = detail.severity === 'ERROR' ? 10000 : detail.severity === 'WARNING' ? 1 : 0;
  return { returnCode, details: [detail] };
}

/** A complete SSDNReply around the flow's payload, as the real service would send it. */
export function ssdnReplyFor<Req, Res>(flow: FlowDef, answer: Answer<Res>, ctx: FlowContext, request: Req): string {
  const op = operationOf<Req, Res>(flow);
  const payload = op.toXml?.(answer, ctx, request) ?? {};
  const { returnCode, details } = expectedServiceDetail(answer as Answer<unknown>);
  const reply: SsdnServiceReply = {
    resultSummary: details.length > 0 ? { returnCode, details } : { returnCode },
    serviceId: flow.ssdn!.serviceId,
    version: flow.ssdn!.version,
  };
  const xml = `${payload.before ?? ''}${payload.after ?? ''}`;
  if (xml) reply.payloadXml = xml;
  return buildSsdnReply({
    resultSummary: summarizeServiceReplies([reply]),
    authorizedUser: {
      userId: ctx.user.userId,
      email: ctx.user.email,
      orgUnit: ctx.organisation.kbo,
      matrixId: 17,
      matrixSubId: 1,
    },
    message: {
      reference: 'TEST-1',
      ticket: 'TESTTICKET00001',
      timeRequest: '20250630T101500',
      timeReceive: new Date('2025-06-30T08:15:01Z'),
      timeResponse: new Date('2025-06-30T08:15:02Z'),
    },
    serviceReplies: [reply],
  });
}

// ——— the front door ———

export interface FrontDoor {
  app: Hono;
  store: Store;
  world: World;
  /** The tenant the requests go to (no `/t/…` prefix): `default`, preset small, seed 1, clock {@link TODAY}. */
  tenant: string;
}

/**
 * The whole server in process (`createServer`: real tenant manager, journal and fault engine) with only the given
 * flows, an in-memory store, a fixed server time, and the tenant `default` = preset small, seed 1, clock TODAY.
 *
 * @example
 * const door = await frontDoor([identifyPerson]);
 * await door.app.request('/connectors/webservice/KSZBCSSWebServiceConnectorPort', { method: 'POST', … });
 */
export async function frontDoor(flows: FlowDef[], today: IsoDate = TODAY): Promise<FrontDoor> {
  const store = openSqliteStore(':memory:');
  const server = await createServer({
    store,
    adminToken: 'identity-flows-test-token',
    now: () => new Date(`${today}T08:15:01Z`),
    ticketSeed: 'identity-flows-front-door',
    flows,
  });
  const { tenant } = server.tenants.create({ id: 'default', preset: 'small', seed: 1, clock: today });
  return { app: server.app, store, world: tenant.world, tenant: tenant.record.id };
}

/** Integrates a person for the OCMW of a user (what ManageAccess REGISTER would have done). */
export function register(
  door: FrontDoor,
  user: User,
  insz: string,
  from = '2020-01-01',
  to: string | null = null,
): void {
  const org = door.world.organisations.find((o) => o.id === user.organisation)!;
  door.store.registrations.add({
    tenant: door.tenant,
    organisation: org.kbo,
    insz,
    qualityCode: '1',
    from,
    to,
    registeredBy: user.userId,
    registeredAt: '2025-06-30T08:00:00Z',
    unregisteredAt: null,
  });
}

export const SSDN_PATH = '/connectors/webservice/KSZBCSSWebServiceConnectorPort';

/** A sendXML SOAP envelope around an SSDNRequest for one service request (the shape of the examples). */
export function sendXmlEnvelope(opts: {
  user: User;
  orgUnit: string;
  serviceId: string;
  version: string;
  payload: string;
  reference?: string;
}): string {
  const ssdn = `<?xml version="1.0" encoding="UTF-8"?>
<SSDNRequest xmlns="${SSDN_SERVICE_NS}">
 <RequestContext>
  <AuthorizedUser>
   <UserID>${opts.user.userId}</UserID>
   <Email>${opts.user.email}</Email>
   <OrgUnit>${opts.orgUnit}</OrgUnit>
   <MatrixID>17</MatrixID>
   <MatrixSubID>1</MatrixSubID>
  </AuthorizedUser>
  <Message>
   <Reference>${escapeText(opts.reference ?? `${opts.serviceId} # 1`)}</Reference>
   <TimeRequest>20250630T101500</TimeRequest>
  </Message>
 </RequestContext>
 <ServiceRequest>
  <ServiceId>${opts.serviceId}</ServiceId>
  <Version>${opts.version}</Version>
  ${opts.payload.trim()}
 </ServiceRequest>
</SSDNRequest>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
 <soap:Body>
  <xmlString xmlns="http://ksz-bcss.fgov.be/connectors/WebServiceConnector"><![CDATA[${ssdn}]]></xmlString>
 </soap:Body>
</soap:Envelope>
`;
}

/** POSTs a sendXML envelope and returns the SSDNReply inside the SOAP response. */
export async function postSendXml(app: Hono, envelope: string): Promise<{ status: number; reply: string }> {
  const res = await app.request(SSDN_PATH, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: 'http://ksz-bcss.fgov.be/connectors/WebServiceConnector/sendXML',
    },
    body: envelope,
  });
  const body = await res.text();
  const m = /<xmlString[^>]*>([\s\S]*)<\/xmlString>/.exec(body);
  const reply = m?.[1]
    ? m[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#13;/g, '\r')
        .replace(/&amp;/g, '&')
    : body;
  return { status: res.status, reply };
}

/** POSTs a JSON body to the JSON face with a user's Basic credentials. */
export async function postJson(
  app: Hono,
  flow: string,
  operation: string,
  user: User,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await app.request(`/ksz/json/${flow}/${operation}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: basic(user.username, user.password),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * A JSON example in the project's format (read by `test/contract/examples.test.ts` too): who sends it, about which
 * person of a named scenario (`$insz` in the request stands for that person's INSZ), whether the person is
 * registered for the OCMW first, and the status code expected.
 */
export interface JsonExample {
  description: string;
  operation: string;
  user: Role;
  person?: { scenario: string; role: string };
  register?: { purpose: string; from: string; to: string | null } | null;
  request: Record<string, unknown>;
  expect: { code: string; http?: number };
}

/**
 * An example file of a flow: `<CODE>-<what>.ssdn.xml` (a complete sendXML envelope; the code is the expected SSDN
 * ReasonCode, `OK` for none) or `<CODE>-<what>.json` ({@link JsonExample}).
 */
export interface Example {
  file: string;
  code: string;
  face: 'ssdn' | 'json';
  text: string;
  json?: JsonExample;
}

/** The examples of a flow folder, sorted by file name. */
export function examplesOf(dir: string): Example[] {
  const folder = join(dir, 'examples');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ssdn.xml') || f.endsWith('.json'))
    .sort()
    .map((file): Example => {
      const text = readFileSync(join(folder, file), 'utf8');
      if (!file.endsWith('.json')) return { file, code: file.split('-')[0] ?? '', face: 'ssdn', text };
      const json = JSON.parse(text) as JsonExample;
      return { file, code: json.expect.code, face: 'json', text, json };
    });
}

/** Sends a JSON example as its user, after registering its person when it says so; returns the answer. */
export async function sendJsonExample(
  door: FrontDoor,
  flow: string,
  ex: JsonExample,
): Promise<{ status: number; json: Record<string, unknown>; insz: string }> {
  const person = ex.person
    ? door.world.persons.find((p) => p.origin === ex.person?.scenario && p.originRole === ex.person?.role)
    : undefined;
  if (ex.person && !person) throw new Error(`no person ${ex.person.role} in scenario ${ex.person.scenario}`);
  const insz = person?.insz ?? '';
  if (person && ex.register)
    register(door, userWithRole(door.world, 'social-worker'), insz, ex.register.from, ex.register.to);
  const body = withInsz(ex.request, insz);
  const answer = await postJson(door.app, flow, ex.operation, userWithRole(door.world, ex.user), body);
  return { ...answer, insz };
}

export interface ServiceOutcome {
  returnCode: string;
  severities: string[];
  reasonCodes: string[];
  /** FieldNames of the Information of every Detail. */
  information: string[];
  /** Local name of the service payload, if any. */
  payload: string | undefined;
}

/** The first ServiceReply of an SSDNReply: its ResultSummary and the local name of its payload element. */
export function serviceOutcome(reply: string): ServiceOutcome {
  const r = parseXmlSafely(reply);
  if (!r.ok) throw new Error(`${r.error.message}\n${reply}`);
  const sr = child(r.doc.documentElement!, SSDN_SERVICE_NS, 'ServiceReply');
  if (!sr) throw new Error(`no ServiceReply in\n${reply}`);
  const summary = child(sr, SSDN_COMMON_NS, 'ResultSummary');
  if (!summary) throw new Error(`no ResultSummary in the ServiceReply of\n${reply}`);
  const details = children(summary, SSDN_COMMON_NS, 'Detail');
  const payload = elementChildren(sr).find(
    (e) => e.namespaceURI !== SSDN_SERVICE_NS && e.namespaceURI !== SSDN_COMMON_NS,
  );
  return {
    returnCode: text(child(summary, SSDN_COMMON_NS, 'ReturnCode')),
    severities: details.map((d) => text(child(d, SSDN_COMMON_NS, 'Severity'))),
    reasonCodes: details.map((d) => text(child(d, SSDN_COMMON_NS, 'ReasonCode'))),
    information: details.flatMap((d) =>
      children(d, SSDN_COMMON_NS, 'Information').map((i) => text(child(i, SSDN_COMMON_NS, 'FieldName'))),
    ),
    payload: payload?.localName ?? undefined,
  };
}
