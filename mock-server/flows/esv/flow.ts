import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addDays } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import {
  defineFlow,
  defineOperation,
  type FlowContext,
  RequestError,
  type Status,
} from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { checkSsin, readBody } from '../_shared/commonv3.ts';
import { addressees, buildReport, ESV_AVAILABLE_FROM, type EsvReport } from './report.ts';
import { reportXml, ticketFrom, wireOf } from './wire.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** A request for a report, kept in the flow's tenant state under `request/<ticket>`. */
export interface StoredRequest {
  ticket: string;
  ssin: string;
  /** KBO number of the asking OCMW: only it may fetch the answer. */
  ocmwKbo: string;
  userId: string;
  requestDate: IsoDate;
  /** The tenant date from which the previous OCMW's answer is there. */
  readyDate: IsoDate;
}

export interface RequestReportRequest {
  ssin: string;
}
export interface GetReportRequest {
  ssin: string;
  ticket: string;
}

const TICKET = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const notAvailable = (): Status =>
  serviceStatus('NO_RESULT', 'ESV00001', 'The electronic social report (ESV) is available from 2016-04-01.', [
    { fieldName: 'availableFrom', fieldValue: ESV_AVAILABLE_FROM },
  ]);
const notReady = (readyDate: string): Status =>
  serviceStatus('NO_RESULT', 'ESV00002', 'The previous OCMW has not answered yet: ask again later.', [
    { fieldName: 'readyDate', fieldValue: readyDate },
  ]);
const unknownTicket = (ticket: string): Status =>
  serviceStatus('NO_RESULT', 'ESV00003', 'No ESV request with this ticket for this INSZ.', [
    { fieldName: 'ticket', fieldValue: ticket },
  ]);

function checkTicket(ticket: unknown, field = 'ticket'): string {
  if (typeof ticket !== 'string' || !TICKET.test(ticket))
    throw new RequestError(
      `${field} must be the UUID requestSocialReport answered, got ${JSON.stringify(ticket ?? null)}`,
      field,
    );
  return ticket;
}

/** The answer delay of the tenant (setting `esvDelayMinutes`, default 0), in whole days of the tenant clock. */
export function delayDays(settings: Record<string, unknown>): number {
  const minutes = settings.esvDelayMinutes;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.ceil(minutes / 1440);
}

function newTicket(ctx: FlowContext): string {
  // The seeded stream restarts with the server: draw again when a ticket is already taken.
  for (;;) {
    const t = ticketFrom(ctx.random);
    if (ctx.state.get(`request/${t}`) === undefined) return t;
  }
}

interface RequestResult {
  request: StoredRequest;
  addressees: { kbo: string; name: { nl: string; fr: string } }[];
}

const requestSocialReport = defineOperation<RequestReportRequest, RequestResult>({
  name: 'requestSocialReport',
  description:
    'Asks the previous OCMW(s) for the electronic social report (ESV) of a person; answers a ticket to fetch the report with.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: { ssin: { type: 'string', pattern: '^\\d{11}$' } },
  },
  fromJson: (body) => ({ ssin: checkSsin(body.ssin) }),
  fromXml: (op: Element) => ({ ssin: checkSsin(readBody(op, [{ name: 'ssin' }]).get('ssin')) }),
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    if (ctx.today < ESV_AVAILABLE_FROM) return { status: notAvailable() };
    const request: StoredRequest = {
      ticket: newTicket(ctx),
      ssin: r.ssin,
      ocmwKbo: ctx.organisation.kbo,
      userId: ctx.user.userId,
      requestDate: ctx.today,
      readyDate: addDays(ctx.today, delayDays(ctx.tenant.record.settings)),
    };
    ctx.state.put(`request/${request.ticket}`, request);
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const to = person ? addressees(ctx.world, person, ctx.organisation.kbo, ctx.today) : [];
    return { status: OK(), data: { request, addressees: to.map((o) => ({ kbo: o.kbo, name: o.name })) } };
  },
  toXml(answer) {
    const d = answer.data;
    if (!d) return {};
    const w = new XmlWriter()
      .leaf('reportTicket', d.request.ticket)
      .leaf('requestDate', d.request.requestDate)
      .leaf('readyDate', d.request.readyDate);
    for (const a of d.addressees) w.open('addressee').leaf('cbeNumber', a.kbo).leaf('name', a.name.nl).close();
    return { after: w.toString() };
  },
  toJson(answer) {
    const d = answer.data;
    if (!d) return {};
    return {
      ticket: d.request.ticket,
      ssin: d.request.ssin,
      requestDate: d.request.requestDate,
      readyDate: d.request.readyDate,
      addressees: d.addressees,
    };
  },
});

/** The request's `ssin` and `reportTicket`, echoed before `status` in every answer (also refusals). */
const echo = (r: GetReportRequest) => new XmlWriter().leaf('ssin', r.ssin).leaf('reportTicket', r.ticket).toString();

const getSocialReport = defineOperation<GetReportRequest, EsvReport>({
  name: 'getSocialReport',
  description:
    'Fetches the ESV answer of a request by its ticket: every decision of the previous OCMW(s) of the five years before the request date.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'ticket'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      ticket: { type: 'string', format: 'uuid', description: 'the ticket requestSocialReport answered' },
    },
  },
  fromJson: (body) => ({ ssin: checkSsin(body.ssin), ticket: checkTicket(body.ticket) }),
  fromXml(op: Element) {
    const f = readBody(op, [{ name: 'ssin' }, { name: 'reportTicket' }]);
    return { ssin: checkSsin(f.get('ssin')), ticket: checkTicket(f.get('reportTicket'), 'reportTicket') };
  },
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    if (ctx.today < ESV_AVAILABLE_FROM) return { status: notAvailable() };
    const stored = ctx.state.get<StoredRequest>(`request/${r.ticket}`);
    if (!stored || stored.ssin !== r.ssin) return { status: unknownTicket(r.ticket) };
    if (stored.ocmwKbo !== ctx.organisation.kbo)
      return { status: kszStatus('MSG00013', [{ fieldName: 'ticket', fieldValue: 'asked by another OCMW' }]) };
    if (ctx.today < stored.readyDate) return { status: notReady(stored.readyDate) };
    const report = buildReport(ctx.world, r.ssin, stored.ocmwKbo, stored.requestDate);
    if (!report || report.previousOcmws.length === 0)
      return {
        status: serviceStatus(
          'NO_DATA_FOUND',
          'MSG00100',
          'No other OCMW took a decision for this person in the five years before the request.',
        ),
      };
    return { status: OK(), data: report };
  },
  toXml(answer, _ctx, r) {
    const before = echo(r);
    return answer.data ? { before, after: reportXml(answer.data) } : { before };
  },
  echoBefore: (r) => echo(r),
  toJson(answer, _ctx, r) {
    return answer.data ? { ticket: r.ticket, ...answer.data } : { ticket: r.ticket };
  },
});

export default defineFlow({
  id: 'esv',
  names: {
    nl: 'Elektronisch Sociaal Verslag (ESV)',
    fr: 'Rapport social électronique (RSE)',
    en: 'Electronic social report (ESV)',
  },
  institution: 'OCMW/CPAS (via KSZ)',
  fidelity: 'simulated',
  basis:
    'No public message format exists (ksz-flows.md §6). Sourced: the exchange between the new and the previous OCMW, the automatic answer within 24 h, access for social workers only (ksz-flows.md §6), and from the VVSG page: available from 2016-04-01, compulsory to consult from 2016-11-01, up to 5 years back, phase 1 = decisions on leefloon, equivalent leefloon and installation premiums with the calculation elements, all revisions included. Modelled: the service and element names, the ticket exchange, the answer delay in whole tenant days, the window (decision date within five years before the request), the file number, and the ESV000nn codes.',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'ElectronicSocialReportService',
    version: 1,
    wsdl: 'ElectronicSocialReportV1',
    operations: {
      requestSocialReport: wireOf('requestSocialReport'),
      getSocialReport: wireOf('getSocialReport'),
    },
  },
  operations: [requestSocialReport, getSocialReport],
  docs: 'mock-server/flows/esv/README.md',
});
