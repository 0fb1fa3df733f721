import type { Element } from '@xmldom/xmldom';
import { defineOperation, type FlowContext, RequestError, type Subject } from '../../src/ksz/flows/define.ts';
import { OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { checkSsin } from '../_shared/commonv3.ts';
import {
  agreementNumber,
  attestationNumber,
  type Card,
  type CarmedView,
  COVER_OF,
  COVER_TYPES,
  type CoverType,
  cardsOf,
  carmedView,
  covers,
  overlaps,
} from './card.ts';
import { cardNumberOf, carmedXml, coverTypeOf, dateOf, optional, readBody } from './wire.ts';

const SSIN = { type: 'string', pattern: '^\\d{11}$' };
const DATE = { type: 'string', format: 'date' };
const noCard = (what: string) => serviceStatus('NO_DATA_FOUND', 'MSG00100', what);

export interface ConsultRequest {
  ssin: string;
  referenceDate: string | null;
  period: { from: string; to: string } | null;
  carmedNumber: string | null;
  coverType: CoverType | null;
}

function consultRequest(
  b: Record<string, unknown>,
  period: (k: string) => unknown,
  withCover: boolean,
): ConsultRequest {
  const start = optional(period('startDate'), (v) => dateOf(v, 'startDate'));
  const end = optional(period('endDate'), (v) => dateOf(v, 'endDate'));
  if ((start === null) !== (end === null)) throw new RequestError('a period needs startDate and endDate', 'period');
  if (start && end && end < start) throw new RequestError('endDate is before startDate', 'endDate');
  const r: ConsultRequest = {
    ssin: checkSsin(b.ssin),
    referenceDate: optional(b.referenceDate, (v) => dateOf(v, 'referenceDate')),
    period: start && end ? { from: start, to: end } : null,
    carmedNumber: optional(b.carmedNumber, cardNumberOf),
    coverType: withCover ? coverTypeOf(b.coverType) : null,
  };
  if (r.period && r.referenceDate) throw new RequestError('give a referenceDate or a period, not both', 'period');
  return r;
}

const subjectOf = (r: ConsultRequest): Subject =>
  r.period
    ? { insz: r.ssin, period: r.period }
    : { insz: r.ssin, ...(r.referenceDate ? { date: r.referenceDate } : {}) };
const dateIn = (ctx: FlowContext, r: ConsultRequest) => r.referenceDate ?? ctx.today;
const cardOn = (ctx: FlowContext, r: ConsultRequest, type?: CoverType): Card | undefined =>
  cardsOf(ctx, r.ssin).find((c) => covers(c, dateIn(ctx, r)) && (!type || COVER_OF[c.coverType].includes(type)));

type Kind = 'cards' | 'coverage' | 'intervention' | 'attestation';
const PARTICLES: Record<Kind, { name: string; min?: number }[]> = {
  cards: [
    { name: 'ssin' },
    { name: 'referenceDate', min: 0 },
    { name: 'period', min: 0 },
    { name: 'carmedNumber', min: 0 },
  ],
  coverage: [{ name: 'ssin' }, { name: 'referenceDate', min: 0 }],
  intervention: [{ name: 'ssin' }, { name: 'referenceDate', min: 0 }, { name: 'coverType' }],
  attestation: [{ name: 'ssin' }, { name: 'referenceDate', min: 0 }],
};

function reader(kind: Kind) {
  return {
    fromJson: (b: Record<string, unknown>) =>
      consultRequest(b, (k) => (b.period as Record<string, unknown> | undefined)?.[k], kind === 'intervention'),
    fromXml(op: Element) {
      const f = readBody(op, PARTICLES[kind]);
      return consultRequest(Object.fromEntries(f), (k) => f.get(`period.${k}`), kind === 'intervention');
    },
  };
}

const schema = (extra: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  required: ['ssin', ...required],
  properties: { ssin: SSIN, referenceDate: { ...DATE, description: 'default: today' }, ...extra },
});

export const consultCarmed = defineOperation<ConsultRequest, { cards: CarmedView[] }>({
  name: 'consultCarmed',
  description:
    'The medical cards of a person valid on a date (default today) or during a period, or one card by its number, with their full content and version.',
  integration: true,
  jsonSchema: schema({
    period: { type: 'object', properties: { startDate: DATE, endDate: DATE } },
    carmedNumber: { type: 'string' },
  }),
  ...reader('cards'),
  subject: subjectOf,
  handle(ctx, r) {
    const cards = cardsOf(ctx, r.ssin).filter((c) =>
      r.carmedNumber
        ? c.cardNumber === r.carmedNumber
        : r.period
          ? overlaps(c, r.period.from, r.period.to)
          : covers(c, dateIn(ctx, r)),
    );
    if (cards.length === 0) return { status: noCard('No medical card matches.'), data: { cards: [] } };
    return { status: OK(), data: { cards: cards.map((c) => carmedView(ctx.world, c)) } };
  },
  toXml(answer) {
    const w = new XmlWriter();
    for (const c of answer.data?.cards ?? []) carmedXml(w, c);
    return { after: w.toString() };
  },
  toJson: (answer) => ({ carmeds: answer.data?.cards ?? [] }),
});

interface Coverage {
  referenceDate: string;
  coverage: { type: CoverType; covered: boolean; carmedNumber: string | null; pswcSupport: unknown }[];
}

export const consultCarmedCoverage = defineOperation<ConsultRequest, Coverage>({
  name: 'consultCarmedCoverage',
  description: 'Per cover type (doctor, hospitalization …), whether a medical card covers it on the date, and how.',
  integration: true,
  jsonSchema: schema({}),
  ...reader('coverage'),
  subject: subjectOf,
  handle(ctx, r) {
    const date = dateIn(ctx, r);
    const card = cardOn(ctx, r);
    if (!card) return { status: noCard('No medical card on this date.') };
    const view = carmedView(ctx.world, card);
    const coverage = COVER_TYPES.map((type) => {
      const m = view.medicalCover.find((x) => x.type === type);
      return { type, covered: !!m, carmedNumber: m ? card.cardNumber : null, pswcSupport: m?.pswcSupport ?? null };
    });
    return { status: OK(), data: { referenceDate: date, coverage } };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().leaf('referenceDate', answer.data.referenceDate);
    for (const c of answer.data.coverage)
      w.open('coverage')
        .leaf('type', c.type)
        .leaf('covered', c.covered ? 'true' : 'false')
        .optionalLeaf('carmedNumber', c.carmedNumber)
        .close();
    return { after: w.toString() };
  },
  toJson: (answer) => (answer.data ? { ...answer.data } : {}),
});

interface Intervention {
  agreementNumber: string;
  referenceDate: string;
  coverType: CoverType;
  card: CarmedView;
}

export const consultCarmedIntervention = defineOperation<ConsultRequest, Intervention>({
  name: 'consultCarmedIntervention',
  description:
    "Whether the OCMW covers one kind of care on a date, with the agreement number that guarantees the care provider's reimbursement.",
  integration: true,
  jsonSchema: schema({ coverType: { enum: [...COVER_TYPES] } }, ['coverType']),
  ...reader('intervention'),
  subject: subjectOf,
  handle(ctx, r) {
    const type = r.coverType!;
    const card = cardOn(ctx, r, type);
    if (!card) return { status: noCard(`No medical card covers ${type} on this date.`) };
    const date = dateIn(ctx, r);
    return {
      status: OK(),
      data: {
        agreementNumber: agreementNumber(card, type, date),
        referenceDate: date,
        coverType: type,
        card: carmedView(ctx.world, card),
      },
    };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter()
      .leaf('AgreementNumber', answer.data.agreementNumber)
      .leaf('referenceDate', answer.data.referenceDate)
      .leaf('coverType', answer.data.coverType);
    carmedXml(w, answer.data.card);
    return { after: w.toString() };
  },
  toJson: (answer) =>
    answer.data
      ? {
          agreementNumber: answer.data.agreementNumber,
          referenceDate: answer.data.referenceDate,
          coverType: answer.data.coverType,
          carmed: answer.data.card,
        }
      : {},
});

interface Attestation {
  attestationNumber: string;
  carmedNumber: string;
  versionNumber: number;
  issuedOn: string;
  beneficiary: CarmedView['beneficiary'];
  pswc: CarmedView['pswc'];
  validityPeriod: CarmedView['validityPeriod'];
}

export const consultUrgentMedicalAidAttestation = defineOperation<ConsultRequest, Attestation>({
  name: 'consultUrgentMedicalAidAttestation',
  description:
    'The urgent medical aid (DMH/AMU) attestation of the card valid on the date, for a person without legal stay.',
  integration: true,
  jsonSchema: schema({}),
  ...reader('attestation'),
  subject: subjectOf,
  handle(ctx, r) {
    const card = cardOn(ctx, r);
    if (card?.beneficiaryStatus !== 'illegal-stay')
      return { status: noCard('No urgent medical aid attestation on this date.') };
    const v = carmedView(ctx.world, card);
    return {
      status: OK(),
      data: {
        attestationNumber: attestationNumber(card),
        carmedNumber: card.cardNumber,
        versionNumber: card.version,
        issuedOn: card.decisionDate,
        beneficiary: v.beneficiary,
        pswc: v.pswc,
        validityPeriod: v.validityPeriod,
      },
    };
  },
  toXml(answer) {
    const a = answer.data;
    if (!a) return {};
    const w = new XmlWriter()
      .open('UrgentMedicalAidAttestation')
      .leaf('AttestationNumber', a.attestationNumber)
      .leaf('CarmedNumber', a.carmedNumber)
      .leaf('VersionNumber', a.versionNumber)
      .leaf('IssueDate', a.issuedOn)
      .open('Beneficiary')
      .leaf('Ssin', a.beneficiary.ssin)
      .optionalLeaf('LastName', a.beneficiary.lastName)
      .optionalLeaf('FirstName', a.beneficiary.firstName)
      .close()
      .open('ValidityPeriod')
      .leaf('StartDate', a.validityPeriod.startDate)
      .optionalLeaf('EndDate', a.validityPeriod.endDate)
      .close()
      .leaf('PswcCbeNumber', a.pswc.cbeNumber)
      .close();
    return { after: w.toString() };
  },
  toJson: (answer) => (answer.data ? { ...answer.data } : {}),
});
