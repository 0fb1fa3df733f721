import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addDays } from '../../../scenarios/engine/dates.ts';
import type { MediprimaCard } from '../../../scenarios/engine/model.ts';
import {
  type Answer,
  defineOperation,
  type FlowContext,
  RequestError,
  type Status,
} from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { checkSsin } from '../_shared/commonv3.ts';
import {
  type Card,
  type CarmedView,
  cardsOf,
  carmedView,
  nextCardNumber,
  overlaps,
  refundCodeOf,
  stateKey,
} from './card.ts';
import {
  COVER_CODES,
  cardNumberOf,
  carmedXml,
  dateOf,
  decode,
  optional,
  readBody,
  STATUS_CODES,
  SUPPORT_CODES,
} from './wire.ts';

/** Decisions are registered in Mediprima within 45 days (ocmw-info-cpas.be DMH fiche): older starts are refused. */
export const LATE_DAYS = 45;

const invalid = (field: string, message: string): Status =>
  kszStatus('MSG00008', [{ fieldName: field, fieldValue: message }]);
const answerCard = (ctx: FlowContext, c: Card): Answer<{ card: CarmedView }> => ({
  status: OK(),
  data: { card: carmedView(ctx.world, c) },
});
const cardXml = (answer: Answer<{ card: CarmedView }>) => {
  if (!answer.data) return {};
  const w = new XmlWriter();
  carmedXml(w, answer.data.card);
  return { after: w.toString() };
};
const cardJson = (answer: Answer<{ card: CarmedView }>) => (answer.data ? { carmed: answer.data.card } : {});

function overlapping(ctx: FlowContext, ssin: string, from: string, to: string | null, except?: string): Status | null {
  const other = cardsOf(ctx, ssin).find((c) => c.cardNumber !== except && overlaps(c, from, to));
  return other
    ? serviceStatus('NO_RESULT', 'MEDP0001', 'Another medical card of this person covers part of this period.', [
        { fieldName: 'carmedNumber', fieldValue: other.cardNumber },
      ])
    : null;
}

export interface OpenRequest {
  ssin: string;
  startDate: string;
  endDate: string;
  coverType: MediprimaCard['coverType'];
  supportLevel: MediprimaCard['supportLevel'];
  beneficiaryStatus: MediprimaCard['beneficiaryStatus'];
}

function openRequest(b: Record<string, unknown>, period: (k: string) => unknown): OpenRequest {
  const r: OpenRequest = {
    ssin: checkSsin(b.ssin),
    startDate: dateOf(period('startDate'), 'startDate'),
    endDate: dateOf(period('endDate'), 'endDate'),
    coverType: decode(COVER_CODES, b.coverType, 'coverType'),
    supportLevel: decode(SUPPORT_CODES, b.supportLevel, 'supportLevel'),
    beneficiaryStatus: decode(STATUS_CODES, b.beneficiaryStatus, 'beneficiaryStatus'),
  };
  if (r.endDate < r.startDate) throw new RequestError('endDate is before startDate', 'endDate');
  return r;
}

const CARD_FIELDS = {
  coverType: { enum: Object.keys(COVER_CODES) },
  supportLevel: { enum: Object.keys(SUPPORT_CODES) },
  beneficiaryStatus: { enum: Object.keys(STATUS_CODES) },
};
const SSIN = { type: 'string', pattern: '^\\d{11}$' };
const DATE = { type: 'string', format: 'date' };

export const openCarmed = defineOperation<OpenRequest, { card: CarmedView }>({
  name: 'openCarmed',
  description:
    'Opens a medical card (OCMW decision to cover medical costs) for a person without health insurance: validity, card kind, support level, beneficiary status.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'period', 'coverType', 'supportLevel', 'beneficiaryStatus'],
    properties: {
      ssin: SSIN,
      period: { type: 'object', required: ['startDate', 'endDate'], properties: { startDate: DATE, endDate: DATE } },
      ...CARD_FIELDS,
    },
  },
  fromJson: (b) => openRequest(b, (k) => (b.period as Record<string, unknown> | undefined)?.[k]),
  fromXml(op: Element) {
    const f = readBody(op, [
      { name: 'ssin' },
      { name: 'period' },
      { name: 'coverType' },
      { name: 'supportLevel' },
      { name: 'beneficiaryStatus' },
    ]);
    return openRequest(Object.fromEntries(f), (k) => f.get(`period.${k}`));
  },
  subject: (r) => ({ insz: r.ssin, period: { from: r.startDate, to: r.endDate } }),
  handle(ctx, r) {
    if (r.startDate < addDays(ctx.today, -LATE_DAYS))
      return { status: invalid('startDate', `a decision is registered within ${LATE_DAYS} days of its start`) };
    const person = indexOf(ctx.world).persons.get(r.ssin)!;
    const insured = person.healthInsurance.find((h) => h.from <= r.startDate && (h.to ?? '9999-12-31') >= r.startDate);
    if (insured)
      return {
        status: serviceStatus('NO_RESULT', 'MEDP0005', 'The person is insured at a mutuality on the start date.', [
          { fieldName: 'mutualityCode', fieldValue: insured.mutualityCode },
        ]),
      };
    const clash = overlapping(ctx, r.ssin, r.startDate, r.endDate);
    if (clash) return { status: clash };
    const card: Card = {
      cardNumber: nextCardNumber(ctx, person),
      version: 1,
      ssin: r.ssin,
      ocmwKbo: ctx.organisation.kbo,
      validity: { from: r.startDate, to: r.endDate },
      coverType: r.coverType,
      supportLevel: r.supportLevel,
      beneficiaryStatus: r.beneficiaryStatus,
      refundCode: refundCodeOf(r.supportLevel),
      status: 'OPEN',
      origin: 'tenant',
      decisionDate: ctx.today,
      history: [{ version: 1, action: 'OPEN', on: ctx.today }],
    };
    ctx.state.put(stateKey(r.ssin, card.cardNumber), card);
    return answerCard(ctx, card);
  },
  toXml: cardXml,
  toJson: cardJson,
});

export interface ChangeRequest {
  ssin: string;
  carmedNumber: string;
  endDate: string | null;
  coverType: MediprimaCard['coverType'] | null;
  supportLevel: MediprimaCard['supportLevel'] | null;
  beneficiaryStatus: MediprimaCard['beneficiaryStatus'] | null;
}

type Action = 'MODIFY' | 'STOP' | 'CLOSE';

function changeRequest(action: Action, b: Record<string, unknown>): ChangeRequest {
  const r: ChangeRequest = {
    ssin: checkSsin(b.ssin),
    carmedNumber: cardNumberOf(b.carmedNumber),
    endDate: action === 'STOP' ? dateOf(b.endDate, 'endDate') : optional(b.endDate, (v) => dateOf(v, 'endDate')),
    coverType: action === 'MODIFY' ? optional(b.coverType, (v) => decode(COVER_CODES, v, 'coverType')) : null,
    supportLevel:
      action === 'MODIFY' ? optional(b.supportLevel, (v) => decode(SUPPORT_CODES, v, 'supportLevel')) : null,
    beneficiaryStatus:
      action === 'MODIFY' ? optional(b.beneficiaryStatus, (v) => decode(STATUS_CODES, v, 'beneficiaryStatus')) : null,
  };
  if (action === 'MODIFY' && !r.endDate && !r.coverType && !r.supportLevel && !r.beneficiaryStatus)
    throw new RequestError('nothing to modify: give endDate, coverType, supportLevel or beneficiaryStatus', 'request');
  return r;
}

/** Applies a change to a card of the caller's OCMW; every refusal arises from the card or the request. */
function change(ctx: FlowContext, action: Action, r: ChangeRequest): Answer<{ card: CarmedView }> {
  const card = cardsOf(ctx, r.ssin).find((c) => c.cardNumber === r.carmedNumber);
  if (!card)
    return {
      status: serviceStatus('NO_RESULT', 'MEDP0003', 'No medical card with this number for this person.', [
        { fieldName: 'carmedNumber', fieldValue: r.carmedNumber },
      ]),
    };
  if (card.ocmwKbo !== ctx.organisation.kbo)
    return {
      status: serviceStatus('NO_RESULT', 'MEDP0002', 'The medical card was decided by another OCMW.', [
        { fieldName: 'pswc', fieldValue: card.ocmwKbo },
      ]),
    };
  if (card.status !== 'OPEN')
    return {
      status: serviceStatus('NO_RESULT', 'MEDP0004', 'The medical card is already stopped or closed.', [
        { fieldName: 'status', fieldValue: card.status },
      ]),
    };
  const end = r.endDate ?? card.validity.to;
  if (end !== null && end < card.validity.from) return { status: invalid('endDate', 'before the start of the card') };
  if (action !== 'MODIFY' && end !== null && card.validity.to !== null && end > card.validity.to)
    return { status: invalid('endDate', 'after the end of the card: use modifyCarmed to extend it') };
  if (action === 'MODIFY' && r.endDate) {
    const clash = overlapping(ctx, r.ssin, card.validity.from, r.endDate, card.cardNumber);
    if (clash) return { status: clash };
  }
  const version = card.version + 1;
  const next: Card = {
    ...card,
    version,
    validity: { from: card.validity.from, to: end },
    coverType: r.coverType ?? card.coverType,
    supportLevel: r.supportLevel ?? card.supportLevel,
    refundCode: r.supportLevel ? refundCodeOf(r.supportLevel) : card.refundCode,
    beneficiaryStatus: r.beneficiaryStatus ?? card.beneficiaryStatus,
    status: action === 'STOP' ? 'STOPPED' : action === 'CLOSE' ? 'CLOSED' : 'OPEN',
    history: [...card.history, { version, action, on: ctx.today }],
  };
  ctx.state.put(stateKey(r.ssin, card.cardNumber), next);
  return answerCard(ctx, next);
}

function changeOperation(name: string, action: Action, description: string) {
  const fields =
    action === 'MODIFY'
      ? [
          { name: 'ssin' },
          { name: 'carmedNumber' },
          { name: 'endDate', min: 0 },
          ...['coverType', 'supportLevel', 'beneficiaryStatus'].map((n) => ({ name: n, min: 0 })),
        ]
      : [{ name: 'ssin' }, { name: 'carmedNumber' }, { name: 'endDate', min: action === 'STOP' ? 1 : 0 }];
  return defineOperation<ChangeRequest, { card: CarmedView }>({
    name,
    description,
    integration: true,
    jsonSchema: {
      type: 'object',
      required: ['ssin', 'carmedNumber', ...(action === 'STOP' ? ['endDate'] : [])],
      properties: {
        ssin: SSIN,
        carmedNumber: { type: 'string' },
        endDate: DATE,
        ...(action === 'MODIFY' ? CARD_FIELDS : {}),
      },
    },
    fromJson: (b) => changeRequest(action, b),
    fromXml: (op: Element) => changeRequest(action, Object.fromEntries(readBody(op, fields))),
    subject: (r) => ({ insz: r.ssin }),
    handle: (ctx, r) => change(ctx, action, r),
    toXml: cardXml,
    toJson: cardJson,
  });
}

export const modifyCarmed = changeOperation(
  'modifyCarmed',
  'MODIFY',
  'Changes an open medical card of the OCMW (end date, card kind, support level, beneficiary status): a new version.',
);
export const stopCarmed = changeOperation(
  'stopCarmed',
  'STOP',
  'Stops an open medical card of the OCMW on a date within its validity (e.g. the person became insured).',
);
export const closeCarmed = changeOperation(
  'closeCarmed',
  'CLOSE',
  'Closes a medical card of the OCMW (optionally on an earlier end date); a closed card is no longer changed.',
);
