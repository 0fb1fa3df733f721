import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { FLOWS_DIR } from '../../mock-server/src/ksz/flows/discover.ts';
import { createServer } from '../../mock-server/src/server.ts';
import { openSqliteStore } from '../../mock-server/src/store/sqlite.ts';
import { manageAccessPayload, ssdnEnvelope } from '../support/ssdn.ts';

/**
 * One benchmark server in its own process: `hello` (bare Hono), `fixed` (Hono answering a fixed SOAP reply of
 * the size of a real one) or `mock` (the real server on a file-backed store, with a registered person).
 * Prints one JSON line: `{ port, requests }` where requests are what the load generator sends.
 */
const kind = process.argv[2] ?? 'hello';
type Req = { method: 'POST' | 'GET'; path: string; headers: Record<string, string>; body?: string };
const requests: Record<string, Req> = {};
let fetchHandler: (req: Request) => Response | Promise<Response>;
let mixedRequests: Req[] = [];

if (kind === 'hello') {
  const app = new Hono();
  app.get('/', (c) => c.text('Hello Hono!'));
  fetchHandler = app.fetch;
  requests.hello = { method: 'GET', path: '/', headers: {} };
} else if (kind === 'fixed') {
  const size = Number(process.argv[3] ?? 2600);
  const reply = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><r>${'x'.repeat(Math.max(0, size - 160))}</r></soapenv:Body></soapenv:Envelope>`;
  const app = new Hono();
  app.post('/fixed', (c) => c.body(reply, 200, { 'Content-Type': 'text/xml; charset=utf-8' }));
  fetchHandler = app.fetch;
  requests.fixed = {
    method: 'POST',
    path: '/fixed',
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    body: '<x/>',
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ksz-bench-'));
  const server = await createServer({
    store: openSqliteStore(join(dir, 'bench.sqlite')),
    adminToken: 'bench-admin-token-0000',
  });
  const tenant = server.tenants.create({ id: 'default', preset: 'default', seed: 1, clock: '2025-06-30' }).tenant;
  const world = tenant.world;
  const user = world.users.find((u) => u.username === 'mw.gent');
  const org = world.organisations.find((o) => o.id === user?.organisation);
  const registered = world.persons.find((p) => p.origin === 'inschakeling-ended-2015');
  const stranger = world.persons.find((p) => p.origin === 'leefloon-undeclared-work');
  if (!user || !org || !registered || !stranger) throw new Error('bench world lacks its persons');
  const auth = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  const reg = await server.app.request('/ksz/json/manage-access/manageAccess', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: JSON.stringify({
      ssin: registered.insz,
      action: 'REGISTER',
      purpose: '2',
      period: { startDate: '2020-01-01' },
      proofOfAuthentication: { personData: { lastName: registered.familyName, birthDate: registered.birthDate } },
    }),
  });
  if (!reg.ok) throw new Error('registration failed');
  const xmlHeaders = { 'Content-Type': 'text/xml; charset=utf-8' };
  const flows = new Set(server.flows.map((f) => f.id));
  if (flows.has('identify-person'))
    requests['identify-person (SSDN, OK)'] = {
      method: 'POST',
      path: '/connectors/webservice/KSZBCSSWebServiceConnectorPort',
      headers: xmlHeaders,
      body: ssdnEnvelope({
        userId: user.userId,
        orgUnit: org.kbo,
        serviceId: 'OCMWCPASIdentifyPerson',
        version: '20050930',
        payload: `<ipr:IdentifyPersonRequest xmlns:ipr="http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/IdentifyPerson"><ipr:SearchCriteria><ipr:SSIN>${registered.insz}</ipr:SSIN></ipr:SearchCriteria></ipr:IdentifyPersonRequest>`,
      }),
    };
  const retrieve = (ssin: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><v2:retrieveTIGroupsRequest xmlns:v2="http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2"><informationCustomer><ticket>bench-1</ticket><timestampSent>2025-06-30T10:15:00Z</timestampSent><customerIdentification><cbeNumber>${org.kbo}</cbeNumber></customerIdentification></informationCustomer><legalContext>PCSA:SOCIAL_INQUIRY</legalContext><searchInformation><ssin>${ssin}</ssin><language>nl</language><history>false</history></searchInformation></v2:retrieveTIGroupsRequest></soapenv:Body></soapenv:Envelope>`;
  if (flows.has('retrieve-ti-groups')) {
    requests['retrieve-ti-groups (SOAP, OK)'] = {
      method: 'POST',
      path: '/SOA4520/RetrieveTIGroupsService/v2/retrieveTI',
      headers: { ...xmlHeaders, Authorization: auth },
      body: retrieve(registered.insz),
    };
    requests['retrieve-ti-groups (SOAP, MSG00012 refusal)'] = {
      method: 'POST',
      path: '/SOA4520/RetrieveTIGroupsService/v2/retrieveTI',
      headers: { ...xmlHeaders, Authorization: auth },
      body: retrieve(stranger.insz),
    };
  }
  requests['manage-access LIST (SSDN, OK)'] = {
    method: 'POST',
    path: '/connectors/webservice/KSZBCSSWebServiceConnectorPort',
    headers: xmlHeaders,
    body: ssdnEnvelope({
      userId: user.userId,
      orgUnit: org.kbo,
      serviceId: 'OCMWCPASManageAccess',
      version: '20050930',
      payload: manageAccessPayload({ ssin: registered.insz, action: 'LIST', start: '2025-01-01' }),
    }),
  };
  // A mixed load over the flows: every example of every flow that answers MSG00000 for a social worker,
  // its person registered beforehand, sent through the JSON face in turn.
  const mixed: Req[] = [];
  for (const flow of server.flows) {
    const dir = join(FLOWS_DIR, flow.id, 'examples');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ex = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        operation?: string;
        user?: string;
        person?: { scenario: string; role: string };
        register?: { purpose: string; from: string } | null;
        clock?: string;
        legalContext?: string;
        request?: Record<string, unknown>;
        expect?: { code: string };
      };
      if (
        !ex.operation ||
        ex.expect?.code !== 'MSG00000' ||
        ex.user !== 'social-worker' ||
        (ex.clock && ex.clock !== '2025-06-30')
      )
        continue;
      const person = ex.person
        ? world.persons.find((p) => p.origin === ex.person?.scenario && p.originRole === ex.person?.role)
        : undefined;
      if (ex.person && !person) continue;
      if (person && ex.register) {
        await server.app.request('/ksz/json/manage-access/manageAccess', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: auth },
          body: JSON.stringify({
            ssin: person.insz,
            action: 'REGISTER',
            purpose: ex.register.purpose,
            period: { startDate: ex.register.from },
            proofOfAuthentication: { personData: { lastName: person.familyName, birthDate: person.birthDate } },
          }),
        });
      }
      const body = JSON.stringify({
        ...(ex.legalContext ? { legalContext: ex.legalContext } : {}),
        ...ex.request,
      }).replaceAll('$insz', person?.insz ?? '');
      mixed.push({
        method: 'POST',
        path: `/ksz/json/${flow.id}/${ex.operation}`,
        headers: { 'Content-Type': 'application/json', Authorization: auth },
        body,
      });
    }
  }
  // Keep only requests that answer MSG00000 here (an example may need a state this bench does not build).
  const okMixed: Req[] = [];
  for (const r of mixed) {
    const res = await server.app.request(r.path, { method: 'POST', headers: r.headers, body: r.body ?? '' });
    const answer = (await res.json()) as { status?: { code: string } };
    if (answer.status?.code === 'MSG00000') okMixed.push(r);
  }
  mixedRequests = okMixed;
  fetchHandler = server.app.fetch;
}

serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, requests, mixed: mixedRequests })}\n`);
});

// Exit cleanly on SIGINT so `node --cpu-prof` can write its profile.
process.on('SIGINT', () => process.exit(0));
