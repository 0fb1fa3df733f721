import type { Context } from 'hono';
import type { Face } from '../../store/types.ts';
import { identify } from '../access/identity.ts';
import { ssdnDetailFor } from '../access/ssdn-codes.ts';
import { type FlowDef, RequestError } from '../flows/define.ts';
import { kszStatus } from '../flows/status.ts';
import { invoke, type Outcome } from '../pipeline.ts';
import { wrapSendXmlResponse } from '../ssdn/envelope.ts';
import { parseSendXml } from '../ssdn/parse-send-xml.ts';
import { answerSendXmlError } from '../ssdn/refusal.ts';
import { buildSsdnReply, type SsdnServiceReply, ssdnDetail, summarizeServiceReplies } from '../ssdn/reply.ts';
import { generateSsdnTicket } from '../ssdn/ticket.ts';
import { buildSoapFault, type SoapHttpResponse } from '../xml/soap.ts';
import { decodeUtf8Strict } from '../xml/utf8.ts';
import { dropConnection, type FaceDeps, readBody, tenantOf } from './context.ts';

const FACE: Face = 'ssdn';

function send(c: Context, r: SoapHttpResponse): Response {
  return c.body(r.body, r.status, { 'Content-Type': r.contentType });
}

/**
 * `POST /connectors/webservice/KSZBCSSWebServiceConnectorPort`: the SSDN classic `sendXML`. The user is the
 * envelope's AuthorizedUser (no HTTP authentication); each ServiceRequest goes through the pipeline of its flow.
 */
export async function handleSendXml(c: Context, deps: FaceDeps): Promise<Response> {
  const started = performance.now();
  const timeReceive = deps.now();
  const ticket = generateSsdnTicket((max) => deps.randomBytes(4).reduce((a, b) => a * 256 + b, 0) % max);
  const times = () => ({ ticket, timeReceive, timeResponse: deps.now() });
  const { id, tenant } = tenantOf(c, deps);
  if (!tenant) return send(c, buildSoapFault({ code: 'Client', message: `unknown tenant "${id}"` }));
  const contentType = c.req.header('Content-Type') ?? '';
  if (!/^(text\/xml|application\/soap\+xml|application\/xml)\b/i.test(contentType))
    return send(
      c,
      buildSoapFault({
        code: 'Client',
        message: `Content-Type must be text/xml for SOAP 1.1, got "${contentType || 'none'}"`,
      }),
    );
  const body = await readBody(c);
  if (!body.ok) return send(c, buildSoapFault({ code: 'Client', message: body.message }));
  const text = decodeUtf8Strict(body.bytes);
  if (!text.ok) return send(c, buildSoapFault({ code: 'Client', message: text.error.message }));
  const raw = text.text;
  const parsed = parseSendXml(raw);
  if (!parsed.ok) {
    await journalUnreadable(
      deps,
      tenant.record.id,
      tenant.today(),
      raw,
      parsed.error.message,
      started,
      parsed.error.partial?.authorizedUser,
    );
    return send(c, answerSendXmlError(parsed.error, times()));
  }
  const request = parsed.request;
  const user = request.authorizedUser;
  const caller = {
    kind: 'ssdn' as const,
    userId: user.userId,
    orgUnit: user.orgUnit,
    matrixId: String(user.matrixId),
    matrixSubId: String(user.matrixSubId),
  };
  const who = identify(tenant.world, caller);
  if (!who.ok) {
    const status = kszStatus('MSG00013');
    const flow = deps.flows.find((f) => f.ssdn?.serviceId === request.serviceRequests[0]?.serviceId);
    await deps.journal.append({
      tenant: tenant.record.id,
      at: timeReceive.toISOString(),
      asOf: tenant.today(),
      organisation: user.orgUnit,
      userId: user.userId,
      username: who.user?.username ?? null,
      role: who.user?.role ?? null,
      flow: flow?.id ?? 'unknown',
      operation: flow?.operations[0]?.name ?? 'sendXML',
      face: FACE,
      insz: null,
      legalContext: null,
      registrationId: null,
      outcome: status.code,
      ok: false,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      request: raw.slice(0, 65_536),
    });
    const detail = ssdnDetailFor(status);
    detail.diagnostic = `${detail.diagnostic} (${who.reason})`;
    detail.information = [
      who.step === 'credentials'
        ? { fieldName: 'UserID', fieldValue: user.userId }
        : { fieldName: 'OrgUnit', fieldValue: user.orgUnit },
    ];
    return send(
      c,
      wrapSendXmlResponse(
        buildSsdnReply({
          resultSummary: { returnCode: 10000, details: [detail] },
          authorizedUser: user,
          message: {
            reference: request.message.reference,
            ticket,
            timeRequest: request.message.timeRequest,
            timeReceive,
            timeResponse: deps.now(),
          },
        }),
      ),
    );
  }
  const replies: SsdnServiceReply[] = [];
  for (const sr of request.serviceRequests) {
    const flow: FlowDef | undefined = deps.flows.find((f) => f.ssdn?.serviceId === sr.serviceId);
    if (!flow?.ssdn || flow.ssdn.version !== sr.version) {
      const known = deps.flows.filter((f) => f.ssdn).map((f) => `${f.ssdn?.serviceId} ${f.ssdn?.version}`);
      const detail = ssdnDetail('39990003', [{ fieldName: 'ServiceId', fieldValue: `${sr.serviceId} ${sr.version}` }]);
      detail.diagnostic = `${detail.diagnostic} Known: ${known.join(', ')}.`;
      replies.push({
        resultSummary: { returnCode: 10000, details: [detail] },
        serviceId: sr.serviceId,
        version: sr.version,
      });
      continue;
    }
    const operation = flow.operations[0];
    if (!operation?.fromXml) continue;
    const read = operation.fromXml;
    const outcome = await invoke(deps, {
      tenant,
      flow,
      operation,
      caller,
      legalContext: null,
      face: FACE,
      raw,
      started,
      read: () => {
        if (sr.payload.namespaceURI !== flow.ssdn?.namespace)
          throw new RequestError(
            `the service request must be in namespace ${flow.ssdn?.namespace}, got ${sr.payload.namespaceURI ?? 'none'}`,
            'ServiceRequest',
          );
        return read(sr.payload);
      },
    });
    if (outcome.kind === 'drop') return dropConnection(c);
    if (outcome.kind === 'fault')
      return send(c, buildSoapFault({ code: 'Server', message: 'MSG00003: Unexpected internal error occurred' }));
    replies.push(serviceReply(flow, outcome));
  }
  return send(
    c,
    wrapSendXmlResponse(
      buildSsdnReply({
        resultSummary: summarizeServiceReplies(replies),
        authorizedUser: user,
        message: {
          reference: request.message.reference,
          ticket,
          timeRequest: request.message.timeRequest,
          timeReceive,
          timeResponse: deps.now(),
        },
        serviceReplies: replies,
      }),
    ),
  );
}

function serviceReply(
  flow: FlowDef,
  outcome: Exclude<Outcome, { kind: 'drop' } | { kind: 'fault' }>,
): SsdnServiceReply {
  const base = { serviceId: flow.ssdn?.serviceId ?? '', version: flow.ssdn?.version ?? '' };
  if (outcome.kind === 'refused')
    return { ...base, resultSummary: { returnCode: 10000, details: [ssdnDetailFor(outcome.status)] } };
  // MSG00000 (and found data without a code of its own) is a plain OK; any other code travels as a Detail whose
  // severity sets the ReturnCode: ERROR 10000, WARNING 1, INFORMATION 0 (an OK with a note, e.g. 12007001).
  const plain = outcome.status.code === 'MSG00000';
  const detail = plain ? undefined : ssdnDetailFor(outcome.status);
  const returnCode = !detail || detail.severity === 'INFORMATION' ? 0 : detail.severity === 'WARNING' ? 1 : 10000;
  const payload =
    outcome.ctx && flow.operations[0]?.toXml
      ? flow.operations[0].toXml(outcome.answer as never, outcome.ctx, outcome.request as never)
      : {};
  const reply: SsdnServiceReply = {
    ...base,
    resultSummary: detail ? { returnCode, details: [detail] } : { returnCode: 0 },
  };
  const xml = `${payload.before ?? ''}${payload.after ?? ''}`;
  if (xml) reply.payloadXml = xml;
  return reply;
}

async function journalUnreadable(
  deps: FaceDeps,
  tenant: string,
  asOf: string,
  raw: string,
  message: string,
  started: number,
  user?: { userId: string; orgUnit: string },
): Promise<void> {
  await deps.journal.append({
    tenant,
    at: deps.now().toISOString(),
    asOf,
    organisation: user?.orgUnit ?? null,
    userId: user?.userId ?? null,
    username: null,
    role: null,
    flow: 'unknown',
    operation: 'sendXML',
    face: FACE,
    insz: null,
    legalContext: null,
    registrationId: null,
    outcome: 'INVALID_REQUEST',
    ok: false,
    latencyMs: Math.round((performance.now() - started) * 100) / 100,
    request: `${message}\n${raw.slice(0, 65_000)}`,
  });
}
