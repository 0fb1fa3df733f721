import type { Context } from 'hono';
import { type FlowDef, type OperationDef, RequestError, type Status } from '../flows/define.ts';
import { invoke } from '../pipeline.ts';
import { buildCbssFault, faultForSoaRequestError } from '../soa/fault.ts';
import type { SoaOperation } from '../soa/namespaces.ts';
import { parseSoaRequest, type SoaInformationCustomer } from '../soa/parse-request.ts';
import { buildSoaResponse } from '../soa/response.ts';
import { generateTicketCbss } from '../soa/uuid.ts';
import { buildSoapFault, type SoapHttpResponse } from '../xml/soap.ts';
import { basicCredentials, dropConnection, type FaceDeps, readBody, tenantOf } from './context.ts';

function send(c: Context, r: SoapHttpResponse, extra?: Record<string, string>): Response {
  return c.body(r.body, r.status, { 'Content-Type': r.contentType, ...extra });
}

/** The new-style SOAP services: `POST /SOA4520/<Service>/v<n>/<operation>` with HTTP Basic authentication. */
export async function handleSoa(
  c: Context,
  deps: FaceDeps,
  flow: FlowDef,
  operation: OperationDef<never, never>,
  wire: SoaOperation,
): Promise<Response> {
  const started = performance.now();
  const timestampReceive = deps.now();
  const { id, tenant } = tenantOf(c, deps);
  if (!tenant) return send(c, buildSoapFault({ code: 'Client', message: `unknown tenant "${id}"` }));
  const credentials = basicCredentials(c);
  if (!credentials)
    return send(
      c,
      buildSoapFault({
        code: 'Client',
        message: 'HTTP Basic authentication is required (username and password of a user of the tenant)',
      }),
      {
        'WWW-Authenticate': 'Basic realm="KSZ sandbox (synthetic data)"',
      },
    );
  const contentType = c.req.header('Content-Type') ?? '';
  if (!/^(text\/xml|application\/xml)\b/i.test(contentType))
    return send(
      c,
      buildSoapFault({
        code: contentType.startsWith('application/soap+xml') ? 'VersionMismatch' : 'Client',
        message: `Content-Type must be text/xml for SOAP 1.1, got "${contentType || 'none'}"`,
      }),
    );
  const body = await readBody(c);
  if (!body.ok) return send(c, buildSoapFault({ code: 'Client', message: body.message }));
  const parsed = parseSoaRequest(body.bytes, { ns: wire.ns, element: wire.request });
  const raw = Buffer.from(body.bytes).toString('utf8');
  if (!parsed.ok && parsed.error.layer === 'soap') return send(c, faultForSoaRequestError(parsed.error));
  const informationCustomer: SoaInformationCustomer = parsed.ok
    ? parsed.request.informationCustomer
    : (parsed.error.partial?.informationCustomer ?? { customerIdentification: {} });
  const informationCBSS = () => ({
    ticketCBSS: generateTicketCbss(deps.randomBytes),
    timestampReceive,
    timestampReply: deps.now(),
  });
  const cbeNumber = informationCustomer.customerIdentification.cbeNumber;
  const outcome = await invoke(deps, {
    tenant,
    flow,
    operation,
    caller: {
      kind: 'basic',
      username: credentials.username,
      password: credentials.password,
      ...(cbeNumber ? { cbeNumber } : {}),
    },
    legalContext: parsed.ok ? parsed.request.legalContext : null,
    face: 'soa',
    raw,
    started,
    read: () => {
      if (!parsed.ok) throw new RequestError(parsed.error.message, parsed.error.path);
      if (!operation.fromXml) throw new RequestError('this operation has no SOAP face');
      return operation.fromXml(parsed.request.request);
    },
  });
  if (outcome.kind === 'drop') return dropConnection(c);
  if (outcome.kind === 'fault')
    return send(
      c,
      buildCbssFault({
        operation: wire,
        ...(parsed.ok ? { informationCustomer } : {}),
        informationCBSS: informationCBSS(),
        details: [{ severity: 'FATAL', reasonCode: 'MSG00003', diagnostic: 'Unexpected internal error occurred' }],
      }),
    );
  const status: Status = outcome.status;
  let payload: { before?: string; after?: string } = {};
  if (outcome.kind === 'answer' && outcome.ctx && operation.toXml)
    payload = operation.toXml(outcome.answer as never, outcome.ctx, outcome.request as never);
  else if (outcome.kind === 'refused' && outcome.request !== undefined && operation.echoBefore)
    payload = { before: operation.echoBefore(outcome.request as never) };
  if (!parsed.ok) {
    // The common part of the request was invalid: a CBSS fault naming the field, as the schema would refuse it.
    return send(
      c,
      buildCbssFault({
        operation: wire,
        faultcode: 'Client',
        informationCBSS: informationCBSS(),
        details: [
          status.code === 'MSG00008'
            ? {
                severity: 'FATAL',
                reasonCode: 'MSG00008',
                diagnostic: parsed.error.message,
                ...(parsed.error.path
                  ? { information: [{ fieldName: parsed.error.path, fieldValue: parsed.error.value ?? '' }] }
                  : {}),
              }
            : { severity: 'FATAL', reasonCode: status.code, diagnostic: status.description },
        ],
      }),
    );
  }
  return send(
    c,
    buildSoaResponse({
      operation: wire,
      informationCustomer,
      informationCBSS: informationCBSS(),
      legalContext: parsed.request.legalContext,
      ...(payload.before ? { beforeStatusXml: payload.before } : {}),
      status: {
        value: status.value,
        code: status.code,
        description: status.description,
        ...(status.information ? { information: status.information } : {}),
      },
      ...(payload.after ? { afterStatusXml: payload.after } : {}),
    }),
  );
}
