import type { Element } from '@xmldom/xmldom';
import { addMonths } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { defineFlow, defineOperation, type FlowContext, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { checkSsin, readBody } from '../_shared/commonv3.ts';
import { alertsFor, lastReminderDate, sentBy } from './alerts.ts';
import { MOTIVATIONS, motivation } from './codes.ts';
import { type AlertView, alertsXml, alertView, type Reaction, wireOf } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';
const NUMERIC = /^\d{1,20}$/;

const reactionOf = (ctx: FlowContext, alertId: string) => ctx.state.get<Reaction>(`reaction/${alertId}`);

function numeric(value: unknown, field: string): string {
  const s = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof s !== 'string' || !NUMERIC.test(s))
    throw new RequestError(
      `${field} must be numeric, at most 20 positions, got ${JSON.stringify(value ?? null)}`,
      field,
    );
  return s;
}

export interface ListRequest {
  ssin: string | null;
}
interface ListResult {
  alerts: AlertView[];
}

/** The asked `ssin`, echoed before `status` (also when the access checks refuse it). */
const echoSsin = (r: ListRequest) => (r.ssin ? new XmlWriter().leaf('ssin', r.ssin).toString() : '');

const listAlerts = defineOperation<ListRequest, ListResult>({
  name: 'listAlerts',
  description:
    "The alerts (knipperlichten) the POD MI sent the caller's OCMW about its leefloon clients up to today, with their evidence and the OCMW's reaction; optionally for one INSZ.",
  integration: true,
  jsonSchema: {
    type: 'object',
    properties: { ssin: { type: 'string', pattern: '^\\d{11}$', description: 'only the alerts about this person' } },
  },
  fromJson: (body) => ({ ssin: body.ssin === undefined || body.ssin === null ? null : checkSsin(body.ssin) }),
  fromXml(op: Element) {
    const ssin = readBody(op, [{ name: 'ssin', min: 0 }]).get('ssin');
    return { ssin: ssin === undefined ? null : checkSsin(ssin) };
  },
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const alerts = sentBy(alertsFor(ctx.world, ctx.organisation.kbo), ctx.today)
      .filter((a) => r.ssin === null || a.ssin === r.ssin)
      .map((a) => alertView(ctx.world, a, ctx.today, reactionOf(ctx, a.alertId)));
    if (alerts.length === 0)
      return {
        status: serviceStatus('NO_DATA_FOUND', 'MSG00100', 'No alert for your organisation up to this date.'),
        data: { alerts },
      };
    return { status: OK(), data: { alerts } };
  },
  toXml(answer, _ctx, r) {
    const w = new XmlWriter();
    alertsXml(w, answer.data?.alerts ?? []);
    return { ...(r.ssin ? { before: echoSsin(r) } : {}), after: w.toString() };
  },
  echoBefore: echoSsin,
  toJson: (answer) => ({ alerts: answer.data?.alerts ?? [] }),
});

interface ReminderResult {
  issueDate: IsoDate;
  alerts: AlertView[];
}

const listReminders = defineOperation<Record<string, never>, ReminderResult>({
  name: 'listReminders',
  description:
    "The last twice-yearly reminder list (1 March, 1 October) of the caller's OCMW: the alerts sent at least six months before it that had no reaction on its date.",
  integration: false,
  jsonSchema: { type: 'object', properties: {} },
  fromJson: () => ({}),
  fromXml(op: Element) {
    readBody(op, []);
    return {};
  },
  subject: () => ({ insz: null }),
  handle(ctx) {
    const issueDate = lastReminderDate(ctx.today);
    const alerts = sentBy(alertsFor(ctx.world, ctx.organisation.kbo), addMonths(issueDate, -6))
      .filter((a) => {
        const reaction = reactionOf(ctx, a.alertId);
        return !reaction || reaction.reactedOn > issueDate;
      })
      .map((a) => alertView(ctx.world, a, issueDate, undefined));
    if (alerts.length === 0)
      return {
        status: serviceStatus('NO_DATA_FOUND', 'MSG00100', 'No untreated alert on the last reminder list.', [
          { fieldName: 'issueDate', fieldValue: issueDate },
        ]),
        data: { issueDate, alerts },
      };
    return { status: OK(), data: { issueDate, alerts } };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().leaf('issueDate', answer.data.issueDate);
    alertsXml(w, answer.data.alerts);
    return { after: w.toString() };
  },
  toJson: (answer) => (answer.data ? { issueDate: answer.data.issueDate, alerts: answer.data.alerts } : {}),
});

export interface ReactionRequest {
  alertId: string;
  reference: string;
  motivation: string;
  comment: string | null;
}

function reactionRequest(alertId: unknown, reference: unknown, code: unknown, comment: unknown): ReactionRequest {
  const m = numeric(code, 'motivation');
  const row = motivation(m);
  if (!row)
    throw new RequestError(
      `motivation ${m} is not a motivation code (${MOTIVATIONS.map((x) => x.code).join(', ')})`,
      'motivation',
    );
  if (comment !== undefined && comment !== null && typeof comment !== 'string')
    throw new RequestError('comment must be text', 'comment');
  const c = typeof comment === 'string' && comment.trim() !== '' ? comment.trim() : null;
  if (c !== null && c.length > 100) throw new RequestError('comment has more than 100 characters', 'comment');
  if (c === null && row.commentRequired)
    throw new RequestError(`motivation ${m} (${row.label.en}) needs a comment`, 'comment');
  return {
    alertId: numeric(alertId, 'alertId'),
    reference: numeric(reference, 'reference'),
    motivation: m,
    comment: c,
  };
}

interface ReactionResult {
  reaction: Reaction;
  alert: AlertView;
}

const sendAlertReaction = defineOperation<ReactionRequest, ReactionResult>({
  name: 'sendAlertReaction',
  description:
    "AlertReaction: the OCMW's motivated answer to one alert (alertId, the form's reference, a motivation code, a comment). One reaction per alert.",
  integration: false,
  jsonSchema: {
    type: 'object',
    required: ['alertId', 'reference', 'motivation'],
    properties: {
      alertId: { type: 'string', pattern: '^\\d{1,20}$' },
      reference: { type: 'string', pattern: '^\\d{1,20}$', description: 'IS reference of the form the alert is about' },
      motivation: { enum: MOTIVATIONS.map((m) => m.code) },
      comment: { type: 'string', maxLength: 100 },
    },
  },
  fromJson: (b) => reactionRequest(b.alertId, b.reference, b.motivation, b.comment),
  fromXml(op: Element) {
    const f = readBody(op, [
      { name: 'alertId' },
      { name: 'reference' },
      { name: 'motivation' },
      { name: 'comment', min: 0 },
    ]);
    return reactionRequest(f.get('alertId'), f.get('reference'), f.get('motivation'), f.get('comment'));
  },
  subject: () => ({ insz: null }),
  handle(ctx, r) {
    const alert = sentBy(alertsFor(ctx.world, ctx.organisation.kbo), ctx.today).find((a) => a.alertId === r.alertId);
    if (!alert)
      return {
        status: serviceStatus('NO_RESULT', 'CLIG0001', 'No alert with this id was sent to your organisation.', [
          { fieldName: 'alertId', fieldValue: r.alertId },
        ]),
      };
    if (reactionOf(ctx, r.alertId))
      return {
        status: kszStatus('MSG00008', [
          { fieldName: 'alertId', fieldValue: 'a reaction to this alert was already sent' },
        ]),
      };
    if (alert.reference !== r.reference)
      return {
        status: kszStatus('MSG00008', [
          { fieldName: 'reference', fieldValue: "not the reference of the alert's form" },
        ]),
      };
    const reaction: Reaction = {
      alertId: r.alertId,
      reference: r.reference,
      motivation: r.motivation,
      comment: r.comment,
      reactedOn: ctx.today,
      userId: ctx.user.userId,
      ocmwKbo: ctx.organisation.kbo,
    };
    ctx.state.put(`reaction/${r.alertId}`, reaction);
    return { status: OK(), data: { reaction, alert: alertView(ctx.world, alert, ctx.today, reaction) } };
  },
  toXml(answer) {
    const d = answer.data;
    if (!d) return {};
    const w = new XmlWriter()
      .leaf('alertId', d.reaction.alertId)
      .leaf('reference', d.reaction.reference)
      .leaf('motivation', d.reaction.motivation)
      .optionalLeaf('comment', d.reaction.comment)
      .leaf('reactionDate', d.reaction.reactedOn);
    return { after: w.toString() };
  },
  toJson(answer) {
    const d = answer.data;
    if (!d) return {};
    const { userId: _u, ocmwKbo: _o, ...reaction } = d.reaction;
    return { reaction, alert: d.alert };
  },
});

export default defineFlow({
  id: 'knipperlichten',
  names: { nl: 'Knipperlichten', fr: 'Clignotants', en: 'Warning signals (knipperlichten)' },
  institution: 'POD MI / SPP IS (via KSZ)',
  fidelity: 'simulated',
  basis:
    "Sourced (primabook.mi-is.be, ksz-flows.md §8): since 2014 the POD MI detects incoherences between the leefloon paid and the resources using KSZ data, informs the OCMW through clignotants, sends twice-yearly lists (March, October) of alerts untreated for six months, and receives the OCMW's feedback; the AlertReaction fields (alertId, reference, motivation, comment ≤ 100) and MSG00008 for a duplicate come from a public CPAS client. Art. 23 §5 RMI law: payment suspended after the first month abroad. Modelled: the alert types and their triggers, the motivation codes (both tables in codes.ts), the ids and references (derived from the facts), the emission date (the first of the month after the facts are known), the list operations and CLIG0001.",
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'AlertReactionService',
    version: 1,
    wsdl: 'AlertReactionV1',
    operations: {
      listAlerts: wireOf('listAlerts'),
      listReminders: wireOf('listReminders'),
      sendAlertReaction: wireOf('sendAlertReaction'),
    },
  },
  operations: [listAlerts, listReminders, sendAlertReaction],
  docs: 'mock-server/flows/knipperlichten/README.md',
});
