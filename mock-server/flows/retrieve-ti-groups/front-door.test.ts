import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithReference, validateWithReference } from '../../../test/reference/validate.ts';
import { basic, testServer } from '../../../test/support/server.ts';
import { child, text } from '../../src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import type { Server } from '../../src/server.ts';

interface Example {
  name: string;
  description: string;
  user: string;
  registered: boolean;
  expect: { value: string; code: string };
  soap: string;
  json: string;
}

const DIR = new URL('./examples/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('examples.json', DIR), 'utf8')) as {
  organisation: { cbeNumber: string };
  examples: Example[];
};
const PASSWORD = 'Oefenen-Gent-2025';
const PATH = '/SOA4520/RetrieveTIGroupsService/v2/retrieveTI';

let server: Server;
beforeAll(async () => {
  server = await testServer();
  const gent = server.tenants.get('default')?.world.organisations.find((o) => o.id === 'ocmw-44021');
  expect(gent?.kbo).toBe(manifest.organisation.cbeNumber);
  for (const ssin of new Set(manifest.examples.filter((e) => e.registered).map((e) => soapSsin(e)))) {
    server.store.registrations.add({
      tenant: 'default',
      organisation: manifest.organisation.cbeNumber,
      insz: ssin,
      qualityCode: '1',
      from: '2025-06-01',
      to: null,
      registeredBy: 'test',
      registeredAt: '2025-06-01T09:00:00.000Z',
      unregisteredAt: null,
    });
  }
});
afterAll(() => server.store.close());

function soapSsin(e: Example): string {
  return /<ssin>(\d+)<\/ssin>/.exec(readFileSync(new URL(e.soap, DIR), 'utf8'))?.[1] ?? '';
}

async function soap(e: Example) {
  const res = await server.app.request(PATH, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '"http://kszbcss.fgov.be/RetrieveTIGroupsService/retrieveTI"',
      Authorization: basic(e.user, PASSWORD),
    },
    body: readFileSync(new URL(e.soap, DIR)),
  });
  const body = await res.text();
  const p = parseXmlSafely(body);
  if (!p.ok) throw new Error(`not XML: ${body.slice(0, 200)}`);
  const envBody = child(p.doc.documentElement!, 'http://schemas.xmlsoap.org/soap/envelope/', 'Body');
  const response =
    envBody && child(envBody, 'http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2', 'retrieveTIGroupsResponse');
  const status = response && child(response, null, 'status');
  return {
    http: res.status,
    body,
    value: text(status && child(status, null, 'value')),
    code: text(status && child(status, null, 'code')),
    hasSearchInformation: Boolean(response && child(response, null, 'searchInformation')),
  };
}

async function json(e: Example) {
  const res = await server.app.request('/ksz/json/retrieve-ti-groups/retrieveTI', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic(e.user, PASSWORD) },
    body: readFileSync(new URL(e.json, DIR), 'utf8'),
  });
  return {
    http: res.status,
    body: (await res.json()) as Record<string, unknown> & { status: { code: string; value: string } },
  };
}

describe('the examples through the front door (default tenant: small, seed 1, 2025-06-30)', () => {
  it('the catalogue lists the flow with its SOAP and JSON faces', async () => {
    const flows = (await (await server.app.request('/ksz/flows')).json()) as { id: string; formats: string[] }[];
    expect(flows.find((f) => f.id === 'retrieve-ti-groups')).toMatchObject({
      formats: ['soap', 'json'],
      serviceId: 'RetrieveTIGroupsService',
      version: 'v2',
      operations: ['retrieveTI'],
      legalContexts: ['PCSA:SOCIAL_INQUIRY'],
      fidelity: 'real',
    });
  });

  it.each(manifest.examples.map((e) => [e.name, e] as const))(
    '%s: SOAP and JSON give the same status',
    async (_n, e) => {
      const s = await soap(e);
      expect(s.http).toBe(200);
      expect([s.value, s.code]).toEqual([e.expect.value, e.expect.code]);
      const j = await json(e);
      expect(j.http).toBe(200);
      expect([j.body.status.value, j.body.status.code]).toEqual([e.expect.value, e.expect.code]);
      if (e.expect.value === 'DATA_FOUND') {
        expect(j.body.person).toMatchObject({ ssin: soapSsin(e) });
        expect(s.body).toContain('<rrn_it_implicit>');
      }
    },
  );

  it('the JSON answer of ok-household lists the household members', async () => {
    const e = manifest.examples.find((x) => x.name === 'ok-household')!;
    const { body } = await json(e);
    const household = body.household as { it: string; role: { code: string }; person: { ssin: string } }[];
    expect(household.map((h) => h.role.code).sort()).toEqual(['02', '03', '03', '03']);
    expect(body.itGroups).toContain('140');
  });

  it('journals each request under the flow', () => {
    const rows = server.store.journal.query('default', { flow: 'retrieve-ti-groups' });
    expect(rows.length).toBeGreaterThanOrEqual(manifest.examples.length * 2);
    expect(rows.some((r) => r.outcome === 'MSG00012' && r.face === 'soa')).toBe(true);
  });
});

describeWithReference('front-door SOAP responses against the KSZ reference schemas', () => {
  const answered = manifest.examples.filter((e) => e.expect.value !== 'NO_RESULT');

  it.each(answered.map((e) => [e.name, e] as const))('%s validates', async (_n, e) => {
    const s = await soap(e);
    expect(validateWithReference(s.body, 'retrieveTI-v2-response')).toEqual({ valid: true, errors: [] });
  });

  // KNOWN GAP (mock-server/src/ksz/faces/soa.ts): for a refusal of the access checks or of the request reader, the
  // face does not call the flow's toXml, so the response lacks the searchInformation echo that the v2 response
  // type requires before status. This test fails on purpose while the gap exists; when the face is fixed, `it.fails`
  // turns red: make it a plain `it`.
  it('a refusal through the SOAP face validates (MSG00012)', async () => {
    const e = manifest.examples.find((x) => x.name === 'refused-not-integrated')!;
    const s = await soap(e);
    expect(s.code).toBe('MSG00012');
    expect(s.hasSearchInformation).toBe(true);
    expect(validateWithReference(s.body, 'retrieveTI-v2-response')).toEqual({ valid: true, errors: [] });
  });
});
