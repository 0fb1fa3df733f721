import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../mock-server/src/ksz/flows/catalogue.ts';
import { flowTable, TABLE_END, TABLE_START } from '../mock-server/src/ksz/flows/table.ts';
import type { Server } from '../mock-server/src/server.ts';
import { testServer } from './support/server.ts';

let server: Server;
let catalogue: CatalogueEntry[];
beforeAll(async () => {
  server = await testServer();
  catalogue = (await (await server.app.request('/ksz/flows')).json()) as CatalogueEntry[];
});

describe('the public catalogue', () => {
  it('lists every flow folder with the fields of CONTRACT.md', () => {
    expect(catalogue.map((e) => e.id)).toEqual(server.flows.map((f) => f.id));
    for (const e of catalogue) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining([
          'id',
          'names',
          'institution',
          'formats',
          'serviceId',
          'version',
          'operations',
          'legalContexts',
          'roles',
          'fidelity',
          'basis',
        ]),
      );
      expect(['real', 'partial', 'simulated']).toContain(e.fidelity);
      expect(e.names.nl && e.names.fr && e.names.en).toBeTruthy();
      expect(e.basis.length).toBeGreaterThan(20);
      expect(readFileSync(new URL(`../${e.docs}`, import.meta.url), 'utf8').length).toBeGreaterThan(200);
    }
  });

  it('is the source of the README flow table (run npm run docs:flows when this fails)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + TABLE_END.length)).toBe(flowTable(catalogue));
  });

  it('lists the WSDLs with absolute URLs on this server, per tenant', async () => {
    const list = (await (await server.app.request('http://localhost:8080/ksz/wsdl')).json()) as {
      service: string;
      wsdl: string;
    }[];
    expect(
      list.some((w) => w.wsdl === 'http://localhost:8080/connectors/webservice/KSZBCSSWebServiceConnectorPort?wsdl'),
    ).toBe(true);
    const tenantList = (await (await server.app.request('http://localhost:8080/t/default/ksz/wsdl')).json()) as {
      wsdl: string;
    }[];
    expect(tenantList.every((w) => w.wsdl.startsWith('http://localhost:8080/t/default/'))).toBe(true);
    for (const w of list) {
      const res = await server.app.request(w.wsdl);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('wsdl:definitions');
      expect(text).toContain(`location="${w.wsdl.replace('?wsdl', '')}"`);
    }
  });

  it('describes the JSON face in OpenAPI 3.1, one path per operation', async () => {
    const doc = (await (await server.app.request('/ksz/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const expected = catalogue.flatMap((e) => e.operations.map((o) => `/ksz/json/${e.id}/${o}`));
    expect(Object.keys(doc.paths).sort()).toEqual(expected.sort());
  });
});
