import { beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../mock-server/src/server.ts';
import { basic, testServer } from '../support/server.ts';
import { manageAccessPayload, SSDN_URL, sendSsdn, ssdnEnvelope, userOf } from '../support/ssdn.ts';

let server: Server;
let envelope: (payload?: string) => string;
beforeAll(async () => {
  server = await testServer();
  const { user, kbo } = userOf(server, 'social-worker');
  envelope = (payload = manageAccessPayload({ ssin: '85031412302', action: 'LIST', start: '2025-01-01' })) =>
    ssdnEnvelope({
      userId: user.userId,
      orgUnit: kbo,
      serviceId: 'OCMWCPASManageAccess',
      version: '20050930',
      payload,
    });
});

const post = (
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' },
) => server.app.request(path, { method: 'POST', headers, body });

function expectSoapFault(status: number, text: string, pattern: RegExp): void {
  expect(status).toBe(500);
  expect(text).toContain('Fault');
  expect(text).toMatch(pattern);
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('bad input on the SSDN face gets a well-formed answer in SSDN or SOAP form', () => {
  it('malformed XML → SOAP Client fault naming the position', async () => {
    const res = await post(
      SSDN_URL,
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>',
    );
    expectSoapFault(res.status, await res.text(), /line|column|malformed|not well-formed/i);
  });

  it('a DOCTYPE with an entity bomb is refused, never expanded', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>&lol3;</soapenv:Body></soapenv:Envelope>`;
    const started = performance.now();
    const res = await post(SSDN_URL, bomb);
    expectSoapFault(res.status, await res.text(), /DOCTYPE/i);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('an external entity inside the escaped SSDN document is refused in SSDN form', async () => {
    const xxe = envelope().replace(
      '&lt;?xml version="1.0" encoding="UTF-8"?&gt;',
      '&lt;!DOCTYPE x [&lt;!ENTITY e SYSTEM "file:///etc/passwd"&gt;]&gt;',
    );
    const r = await sendSsdn(server.app, xxe);
    expect(r.returnCode).toBe(10000);
    expect(r.reasonCodes).toEqual(['39990001']);
    expect(r.reply).not.toContain('root:');
  });

  it('invalid UTF-8 → SOAP Client fault', async () => {
    const bytes = new TextEncoder().encode(envelope());
    const broken = new Uint8Array(bytes.length + 2);
    broken.set(bytes.slice(0, 100));
    broken.set([0xc3, 0x28], 100);
    broken.set(bytes.slice(100), 102);
    const res = await post(SSDN_URL, broken);
    expectSoapFault(res.status, await res.text(), /UTF-8/i);
  });

  it('a body over 1 MB → SOAP Client fault, without reading it all', async () => {
    const res = await post(SSDN_URL, `<x>${'a'.repeat(1_100_000)}</x>`);
    expectSoapFault(res.status, await res.text(), /larger than 1048576 bytes/);
  });

  it('a wrong content type → SOAP Client fault naming what was expected', async () => {
    const res = await post(SSDN_URL, envelope(), { 'Content-Type': 'application/json' });
    expectSoapFault(res.status, await res.text(), /text\/xml/);
  });

  it('a wrong namespace for the SSDN document → SSDN refusal naming the path', async () => {
    const r = await sendSsdn(
      server.app,
      envelope().replaceAll('http://www.ksz-bcss.fgov.be/XSD/SSDN/Service', 'urn:wrong'),
    );
    expect(r.returnCode).toBe(10000);
    expect(r.reasonCodes).toEqual(['39990002']);
  });

  it('a missing required field in the service request → invalid data naming the field', async () => {
    const payload = manageAccessPayload({ ssin: '85031412302', action: 'LIST', start: '2025-01-01' }).replace(
      /<mar:Action>.*<\/mar:Action>/,
      '',
    );
    const r = await sendSsdn(server.app, envelope(payload));
    expect(r.services[0]?.reasonCodes).toEqual(['39980008']);
    expect(r.reply).toContain('Action');
  });

  it('an absurd date → invalid data', async () => {
    const r = await sendSsdn(
      server.app,
      envelope(manageAccessPayload({ ssin: '85031412302', action: 'LIST', start: '9999-99-99' })),
    );
    expect(r.services[0]?.reasonCodes).toEqual(['39980008']);
  });

  it('journals every attempt, also unreadable ones', async () => {
    const before = server.store.journal.query('default').length;
    await post(SSDN_URL, envelope().replace('xmlString', 'xmlStrin'));
    await sendSsdn(server.app, envelope().replaceAll('http://www.ksz-bcss.fgov.be/XSD/SSDN/Service', 'urn:wrong'));
    expect(server.store.journal.query('default').length).toBeGreaterThanOrEqual(before + 1);
  });
});

describe('bad input on the JSON face gets a 4xx with a message', () => {
  const { user } = { user: { username: 'mw.gent', password: 'Oefenen-Gent-2025' } };
  const json = (body: string, headers: Record<string, string> = {}) =>
    server.app.request('/ksz/json/manage-access/manageAccess', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(user.username, user.password), ...headers },
      body,
    });

  it.each([
    ['not JSON', '{"ssin":', 400, /not valid UTF-8 JSON/],
    ['an array', '[1,2]', 400, /JSON object/],
  ])('%s → %i', async (_label, body, status, message) => {
    const res = await json(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { status: { description: string } }).status.description).toMatch(message);
  });

  it('no credentials → 401 with WWW-Authenticate', async () => {
    const res = await server.app.request('/ksz/json/manage-access/manageAccess', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/Basic/);
  });

  it('wrong content type → 415', async () => {
    expect((await json('{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('unknown flow or operation → 404 that says where to look', async () => {
    const res = await server.app.request('/ksz/json/no-such-flow/x', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('/ksz/flows');
  });

  it('missing fields → KSZ status MSG00008 naming the field', async () => {
    const res = await json('{"action":"LIST"}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: { code: string; information: { fieldName: string }[] } };
    expect(body.status.code).toBe('MSG00008');
    expect(body.status.information[0]?.fieldName).toBe('ssin');
  });

  it('a wrong password → MSG00013', async () => {
    const res = await server.app.request('/ksz/json/manage-access/manageAccess', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic('mw.gent', 'wrong') },
      body: '{"ssin":"85031412302","action":"LIST","period":{"startDate":"2025-01-01"}}',
    });
    expect(((await res.json()) as { status: { code: string } }).status.code).toBe('MSG00013');
  });
});
