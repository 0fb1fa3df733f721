import { type Context, Hono } from 'hono';
import { generateWsdl } from './contracts/generate.ts';
import { listContracts, loadContractFile, loadWsdl } from './contracts/load.ts';
import type { FaceDeps } from './faces/context.ts';
import { handleJson } from './faces/json.ts';
import { handleSoa } from './faces/soa.ts';
import { handleSendXml } from './faces/ssdn.ts';
import { catalogueEntry } from './flows/catalogue.ts';
import type { FlowDef } from './flows/define.ts';
import { openApi } from './flows/openapi.ts';

export const SSDN_PATH = '/connectors/webservice/KSZBCSSWebServiceConnectorPort';

/** The origin (+ tenant prefix) a client used, so served WSDLs point back at the same server and tenant. */
function base(c: Context): string {
  const url = new URL(c.req.url);
  const tenant = c.req.param('tenant');
  return `${url.origin}${tenant ? `/t/${tenant}` : ''}`;
}

function wsdlOrXsd(c: Context, wsdlName: string, endpointPath: string, flow?: FlowDef): Response | undefined {
  if (!/^\?wsdl\b/i.test(new URL(c.req.url).search)) return undefined;
  const ours = listContracts().some((x) => x.kind === 'wsdl' && x.name === wsdlName);
  const text =
    ours || !flow?.soa
      ? loadWsdl(wsdlName, `${base(c)}${endpointPath}`)
      : generateWsdl(flow.soa, base(c), `${flow.names.en} (fidelity: ${flow.fidelity})`);
  return c.body(text, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
}

/**
 * The KSZ surface of CONTRACT.md for one tenant: SSDN, new-style SOAP, JSON, WSDLs/XSDs, catalogue, OpenAPI.
 * Mounted at `/` and at `/t/:tenant`.
 */
export function kszRoutes(deps: FaceDeps): Hono {
  const app = new Hono();
  app.post(SSDN_PATH, (c) => handleSendXml(c, deps));
  app.get(
    SSDN_PATH,
    (c) =>
      wsdlOrXsd(c, 'WebServiceConnector', SSDN_PATH) ??
      c.text('POST a SOAP 1.1 sendXML request here; GET ?wsdl for the WSDL.', 405),
  );

  const endpoints: { service: string; version: string; wsdl: string; path: string }[] = [
    { service: 'KSZBCSSWebServiceConnector', version: '1', wsdl: 'WebServiceConnector', path: SSDN_PATH },
  ];
  for (const flow of deps.flows) {
    if (!flow.soa) continue;
    const soa = flow.soa;
    for (const op of flow.operations) {
      const wire = soa.operations[op.name];
      if (!wire) continue;
      const path = `/SOA4520/${soa.service}/v${soa.version}/${op.name}`;
      if (!endpoints.some((e) => e.service === soa.service && e.version === `v${soa.version}`))
        endpoints.push({ service: soa.service, version: `v${soa.version}`, wsdl: soa.wsdl, path });
      app.post(path, (c) => handleSoa(c, deps, flow, op, wire));
      app.get(
        path,
        (c) =>
          wsdlOrXsd(c, soa.wsdl, path, flow) ?? c.text('POST a SOAP 1.1 request here; GET ?wsdl for the WSDL.', 405),
      );
    }
  }
  // The XSDs a WSDL imports are served beside its endpoint.
  app.get('/SOA4520/:service/:version/:file{.+\\.xsd}', (c) => serveXsd(c));
  app.get('/connectors/webservice/:file{.+\\.xsd}', (c) => serveXsd(c));

  app.post('/ksz/json/:flow/:operation', (c) => {
    const flow = deps.flows.find((f) => f.id === c.req.param('flow'));
    if (!flow)
      return c.json(
        {
          status: {
            value: 'NO_RESULT',
            code: 'INVALID_REQUEST',
            description: `unknown flow "${c.req.param('flow')}"; GET /ksz/flows lists them`,
          },
        },
        404,
      );
    const op = flow.operations.find((o) => o.name === c.req.param('operation'));
    if (!op)
      return c.json(
        {
          status: {
            value: 'NO_RESULT',
            code: 'INVALID_REQUEST',
            description: `flow ${flow.id} has no operation "${c.req.param('operation')}" (operations: ${flow.operations.map((o) => o.name).join(', ')})`,
          },
        },
        404,
      );
    return handleJson(c, deps, flow, op);
  });
  app.get('/ksz/flows', (c) => c.json(deps.flows.map(catalogueEntry)));
  app.get('/ksz/wsdl', (c) =>
    c.json(endpoints.map((e) => ({ service: e.service, version: e.version, wsdl: `${base(c)}${e.path}?wsdl` }))),
  );
  app.get('/ksz/openapi.json', (c) => c.json(openApi(deps.flows, base(c))));
  return app;
}

function serveXsd(c: Context): Response {
  const file = c.req.param('file') ?? '';
  const text = loadContractFile(file);
  if (text === undefined) return c.text(`no schema named ${file}`, 404);
  return c.body(text, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
}
