/**
 * Test helpers shared by the kbi, huursubsidie, huurpremie and led flows: run an `examples/*.json` file through the
 * front door (reset, clock, registration via ManageAccess, the JSON face), send a new-style SOAP request, read the
 * response, and catch RequestErrors. Test-only; a candidate for `test/support/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Element } from '@xmldom/xmldom';
import type { Person, Role } from '../../../scenarios/engine/model.ts';
import { basic } from '../../../test/support/server.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { parseSoaRequest } from '../../src/ksz/soa/parse-request.ts';
import { child, text } from '../../src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import type { Server } from '../../src/server.ts';

export const PASSWORD = 'Oefenen-Gent-2025';
export const TODAY = '2025-06-30';
export const USERS: Record<Role, string> = {
  'social-worker': 'mw.gent',
  'financial-manager': 'fb.gent',
  secretary: 'sec.gent',
  'security-adviser': 'ib.gent',
};

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

/** The scenario person of the `default` tenant's world. */
export function personOf(server: Server, ref: { scenario: string; role: string }): Person {
  const p = server.tenants
    .get('default')
    ?.world.persons.find((x) => x.origin === ref.scenario && x.originRole === ref.role);
  if (!p) throw new Error(`no person ${ref.role} of scenario ${ref.scenario}`);
  return p;
}

export async function postJson(server: Server, path: string, role: Role, body: Record<string, unknown>) {
  const res = await server.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic(USERS[role], PASSWORD) },
    body: JSON.stringify(body),
  });
  return { http: res.status, body: (await res.json()) as Record<string, unknown> & { status: { code: string } } };
}

/** REGISTER through the ManageAccess JSON face, as the social worker, with the person's name and birth date. */
export async function register(server: Server, person: Person, r: NonNullable<Example['register']>) {
  const res = await postJson(server, '/ksz/json/manage-access/manageAccess', 'social-worker', {
    ssin: person.insz,
    action: 'REGISTER',
    purpose: r.purpose,
    period: r.to ? { startDate: r.from, endDate: r.to } : { startDate: r.from },
    proofOfAuthentication: { personData: { lastName: person.familyName, birthDate: person.birthDate } },
  });
  if (res.body.status.code !== 'MSG00000') throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
}

const substitute = (value: unknown, insz: string): unknown =>
  value === '$insz'
    ? insz
    : Array.isArray(value)
      ? value.map((v) => substitute(v, insz))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, insz)]))
        : value;

/** Runs one example on a freshly reset `default` tenant at its clock, as the contract suite would. */
export async function runExample(server: Server, flowId: string, ex: Example) {
  server.tenants.reset('default');
  server.tenants.setClock('default', ex.clock ?? TODAY);
  const person = ex.person ? personOf(server, ex.person) : null;
  if (person && ex.register) await register(server, person, ex.register);
  const request = substitute(ex.request, person?.insz ?? '$insz') as Record<string, unknown>;
  return postJson(server, `/ksz/json/${flowId}/${ex.operation}`, ex.user, {
    legalContext: ex.legalContext,
    ...request,
  });
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

/** Posts a SOAP request to `/SOA4520/<service>/v<n>/<operation>` and reads the response element and its status. */
export async function postSoap(server: Server, path: string, wire: SoaOperation, role: Role, envelope: string) {
  const res = await server.app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${wire.soapAction}"`,
      Authorization: basic(USERS[role], PASSWORD),
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

/** The operation element of a request with `body` after legalContext, for unit tests of fromXml. */
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

/** The text of a descendant path of unqualified elements (`person/ssin`), or '' when absent. */
export function pathText(el: Element | undefined, path: string): string {
  let at: Element | undefined = el;
  for (const name of path.split('/')) at = at ? child(at, null, name) : undefined;
  return text(at);
}
