import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import soap from 'soap';
import { afterAll, describe, expect, it } from 'vitest';
import { SSDN_SERVICE_NS } from '../../mock-server/src/ksz/ssdn/namespaces.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { type RunningServer, startRealServer } from '../support/spawn.ts';
import { manageAccessPayload } from '../support/ssdn.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ksz-e2e-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.kill();
});

interface UsersAnswer {
  organisations: { id: string; kbo: string }[];
  users: {
    username: string;
    password: string;
    userId: string;
    role: string;
    organisation: { id: string; kbo: string } | string;
  }[];
}

async function adminGet<T>(base: string, path: string): Promise<T> {
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  const res = await fetch(`${base}/__admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

function ssdnRequest(userId: string, orgUnit: string, payload: string): string {
  return `<ssdn:SSDNRequest xmlns:ssdn="${SSDN_SERVICE_NS}"><ssdn:RequestContext><ssdn:AuthorizedUser><ssdn:UserID>${userId}</ssdn:UserID><ssdn:Email>e2e@ocmw.example</ssdn:Email><ssdn:OrgUnit>${orgUnit}</ssdn:OrgUnit><ssdn:MatrixID>17</ssdn:MatrixID><ssdn:MatrixSubID>1</ssdn:MatrixSubID></ssdn:AuthorizedUser><ssdn:Message><ssdn:Reference>E2E-1</ssdn:Reference><ssdn:TimeRequest>20250630T101500</ssdn:TimeRequest></ssdn:Message></ssdn:RequestContext><ssdn:ServiceRequest><ssdn:ServiceId>OCMWCPASManageAccess</ssdn:ServiceId><ssdn:Version>20050930</ssdn:Version>${payload}</ssdn:ServiceRequest></ssdn:SSDNRequest>`;
}

describe('the real server, a real SOAP client, and kill -9', () => {
  it('serves the WSDL to node-soap, which registers a person through sendXML; journal and registration survive kill -9', async () => {
    server = await startRealServer({ DATA_DIR: dataDir, CLOCK: '2025-06-30', SEED: '1' });
    const base = server.base;
    expect(server.output()).toMatch(/admin token \(generated/);
    const users = await adminGet<UsersAnswer>(base, '/tenants/default/users');
    const sw = users.users.find((u) => u.role === 'social-worker' && u.username === 'mw.gent');
    const orgId = typeof sw?.organisation === 'string' ? sw.organisation : sw?.organisation.id;
    const kbo = users.organisations.find((o) => o.id === orgId)?.kbo ?? '';
    expect(sw && kbo).toBeTruthy();

    const world = (await (await fetch(`${base}/api/world/summary`)).json()) as { persons: number };
    expect(world.persons).toBeGreaterThan(5000);

    const client = await soap.createClientAsync(`${base}/connectors/webservice/KSZBCSSWebServiceConnectorPort?wsdl`);
    // The same world the server built (same preset and seed): a person to register.
    const person = buildWorld({ preset: 'default', seed: 1 }).persons.find(
      (p) => p.origin === 'inschakeling-ended-2015',
    );
    const payload = manageAccessPayload({
      ssin: person?.insz ?? '',
      action: 'REGISTER',
      purpose: '2',
      start: '2025-06-01',
      lastName: person?.familyName ?? '',
      birthDate: person?.birthDate ?? '',
    });
    const [reply] = (await client.sendXMLAsync(ssdnRequest(sw?.userId ?? '', kbo, payload))) as [string];
    expect(reply).toContain('<ns2:ReturnCode>0</ns2:ReturnCode>');
    expect(reply).toContain('<Ticket>');
    expect(reply).toMatch(/<ns1:ResultSummary[^>]*ok="(YES|NO)"/);

    const before = await adminGet<{ entries: { flow: string; outcome: string }[] }>(base, '/tenants/default/journal');
    expect(before.entries.length).toBeGreaterThan(0);
    await server.kill('SIGKILL');

    server = await startRealServer({ DATA_DIR: dataDir, CLOCK: '2025-06-30', SEED: '1' });
    expect(server.output()).not.toMatch(/admin token \(generated/);
    const after = await adminGet<{ entries: { flow: string; outcome: string }[] }>(
      server.base,
      '/tenants/default/journal',
    );
    expect(after.entries).toEqual(before.entries);
    const list = await fetch(`${server.base}/ksz/json/manage-access/manageAccess`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${sw?.username}:${sw?.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ ssin: person?.insz, action: 'LIST', period: { startDate: '2025-06-01' } }),
    });
    const listed = (await list.json()) as { registrations: { purpose: string }[] };
    expect(listed.registrations.map((r) => r.purpose)).toEqual(['2']);
  }, 120_000);

  it('serves the RetrieveTIGroups WSDL to node-soap, which calls retrieveTI with Basic auth and reads the answers', async () => {
    const running = server;
    if (!running) throw new Error('the first test starts the server');
    const users = await adminGet<UsersAnswer>(running.base, '/tenants/default/users');
    const sw = users.users.find((u) => u.username === 'mw.gent');
    const orgId = typeof sw?.organisation === 'string' ? sw.organisation : sw?.organisation.id;
    const kbo = users.organisations.find((o) => o.id === orgId)?.kbo ?? '';
    const world = buildWorld({ preset: 'default', seed: 1 });
    const registered = world.persons.find((p) => p.origin === 'inschakeling-ended-2015');
    const stranger = world.persons.find((p) => p.origin === 'leefloon-undeclared-work');
    const client = await soap.createClientAsync(`${running.base}/SOA4520/RetrieveTIGroupsService/v2/retrieveTI?wsdl`);
    client.setSecurity(new soap.BasicAuthSecurity(sw?.username ?? '', sw?.password ?? ''));
    const ask = async (ssin: string) => {
      const [result] = (await client.retrieveTIAsync({
        informationCustomer: {
          ticket: 'e2e-1',
          timestampSent: '2025-06-30T10:15:00Z',
          customerIdentification: { cbeNumber: kbo },
        },
        legalContext: 'PCSA:SOCIAL_INQUIRY',
        searchInformation: { ssin, language: 'nl', history: false },
      })) as [{ status: { value: string; code: string } }];
      return result.status;
    };
    expect(await ask(registered?.insz ?? '')).toMatchObject({ value: 'DATA_FOUND', code: 'MSG00000' });
    expect(await ask(stranger?.insz ?? '')).toMatchObject({ value: 'NO_RESULT', code: 'MSG00012' });
    client.setSecurity(new soap.BasicAuthSecurity(sw?.username ?? '', 'wrong password'));
    expect(await ask(registered?.insz ?? '')).toMatchObject({ code: 'MSG00013' });
  }, 60_000);
});
