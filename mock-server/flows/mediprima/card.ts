import { createHash } from 'node:crypto';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { IsoDate, MediprimaCard, Person, World } from '../../../scenarios/engine/model.ts';
import type { FlowContext } from '../../src/ksz/flows/define.ts';

/** The cover types of a Mediprima card (eHealth `CarmedContent/MedicalCover`). */
export const COVER_TYPES = [
  'doctor',
  'hospitalization',
  'ambulatoryHospitalization',
  'medicalTransportation',
  'miscellaneous',
  'paramedic',
  'pharmaceuticalDrug',
  'prosthesis',
] as const;
export type CoverType = (typeof COVER_TYPES)[number];

/** Which cover types each card kind of the world includes (modelled). */
export const COVER_OF: Record<MediprimaCard['coverType'], readonly CoverType[]> = {
  full: COVER_TYPES,
  partial: ['doctor', 'hospitalization', 'ambulatoryHospitalization', 'pharmaceuticalDrug'],
  'hospital-only': ['hospitalization', 'ambulatoryHospitalization'],
};
const PRESCRIBED: readonly CoverType[] = ['medicalTransportation', 'paramedic', 'pharmaceuticalDrug', 'prosthesis'];

export const BENEFICIARY_STATUSES: readonly MediprimaCard['beneficiaryStatus'][] = [
  'illegal-stay',
  'asylum-seeker-without-code-207',
  'eu-without-insurance',
  'other',
];

export type CardStatus = 'OPEN' | 'STOPPED' | 'CLOSED' | 'REPLACED';

/** A card as the tenant knows it: a card of the world, or one opened through the API, with every change. */
export interface Card {
  cardNumber: string;
  version: number;
  ssin: string;
  ocmwKbo: string;
  validity: { from: IsoDate; to: IsoDate | null };
  coverType: MediprimaCard['coverType'];
  supportLevel: MediprimaCard['supportLevel'];
  beneficiaryStatus: MediprimaCard['beneficiaryStatus'];
  refundCode: string;
  /** OPEN until stopped or closed; a card of the world shows how it ended once its end has passed. */
  status: CardStatus;
  origin: 'world' | 'tenant';
  /** The date the OCMW decided (opened) the card. */
  decisionDate: IsoDate;
  history: { version: number; action: 'OPEN' | 'MODIFY' | 'STOP' | 'CLOSE'; on: IsoDate }[];
}

export const refundCodeOf = (level: Card['supportLevel']) => (level === '100%' ? '1.00' : '0.50');

/** A stable number derived from text (never random): agreement and attestation numbers. */
export function digitsOf(text: string, length: number): string {
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 15);
  return (BigInt(`0x${hex}`) % 10n ** BigInt(length)).toString().padStart(length, '0');
}

function fromWorld(ssin: string, c: MediprimaCard, today: IsoDate): Card {
  const ended = c.to !== null && c.to < today && c.endReason;
  const status: CardStatus = !ended
    ? 'OPEN'
    : c.endReason === 'stopped'
      ? 'STOPPED'
      : c.endReason === 'replaced'
        ? 'REPLACED'
        : 'CLOSED';
  return {
    cardNumber: c.cardId,
    version: status === 'OPEN' ? 1 : 2,
    ssin,
    ocmwKbo: c.ocmwKbo,
    validity: { from: c.from, to: c.to },
    coverType: c.coverType,
    supportLevel: c.supportLevel,
    beneficiaryStatus: c.beneficiaryStatus,
    refundCode: c.refundCodes[0] ?? refundCodeOf(c.supportLevel),
    status,
    origin: 'world',
    decisionDate: c.from,
    history: [
      { version: 1, action: 'OPEN', on: c.from },
      ...(status === 'OPEN'
        ? []
        : [{ version: 2, action: status === 'STOPPED' ? 'STOP' : 'CLOSE', on: c.to ?? c.from } as const]),
    ],
  };
}

export const stateKey = (ssin: string, cardNumber: string) => `card/${ssin}/${cardNumber}`;

/**
 * Every card of a person the tenant knows on `today`: the world's cards decided by then (changed through the API
 * where they were), then the cards the tenant opened, by start date.
 */
export function cardsOf(ctx: FlowContext, ssin: string): Card[] {
  const person = indexOf(ctx.world).persons.get(ssin);
  const stored = new Map(ctx.state.list<Card>(`card/${ssin}/`).map((x) => [x.value.cardNumber, x.value]));
  const cards: Card[] = [];
  for (const c of person?.mediprima ?? []) {
    if (c.from > ctx.today) continue;
    cards.push(stored.get(c.cardId) ?? fromWorld(ssin, c, ctx.today));
    stored.delete(c.cardId);
  }
  for (const c of stored.values()) if (c.decisionDate <= ctx.today) cards.push(c);
  return cards.sort(
    (a, b) => a.validity.from.localeCompare(b.validity.from) || a.cardNumber.localeCompare(b.cardNumber),
  );
}

/** The next card number of a person: `MP<insz>-<n>`, after every number the world and the tenant used. */
export function nextCardNumber(ctx: FlowContext, person: Person): string {
  const used = [
    ...person.mediprima.map((c) => c.cardId),
    ...ctx.state.list<Card>(`card/${person.insz}/`).map((x) => x.value.cardNumber),
  ].map((id) => Number(id.slice(id.lastIndexOf('-') + 1)) || 0);
  return `MP${person.insz}-${Math.max(0, ...used) + 1}`;
}

const END = '9999-12-31';
export const covers = (c: Card, date: IsoDate) => c.validity.from <= date && date <= (c.validity.to ?? END);
export const overlaps = (c: Card, from: IsoDate, to: IsoDate | null) =>
  c.validity.from <= (to ?? END) && from <= (c.validity.to ?? END);

/** The card as the eHealth/KSZ Carmed structure (CarmedIdentifier + CarmedContent), in readable JSON. */
export function carmedView(world: World, c: Card) {
  const person = indexOf(world).persons.get(c.ssin);
  const ocmw = world.organisations.find((o) => o.kbo === c.ocmwKbo);
  const full = c.supportLevel === '100%';
  const medicalUrgency = c.beneficiaryStatus === 'illegal-stay';
  const part = full ? { zivAmiPart: 100, patientPart: 100 } : { zivAmiPart: 50, patientPart: 0 };
  return {
    carmedNumber: c.cardNumber,
    versionNumber: c.version,
    status: c.status,
    beneficiary: {
      ssin: c.ssin,
      lastName: person?.familyName ?? null,
      firstName: person?.givenName ?? null,
      gender: person?.sex ?? null,
      birthDate: person?.birthDate ?? null,
      deathDate: person?.deathDate ?? null,
    },
    validityPeriod: { startDate: c.validity.from, endDate: c.validity.to },
    pswc: { cbeNumber: c.ocmwKbo, municipalityIns: ocmw?.nis ?? null, name: ocmw?.name ?? null },
    decisionDate: c.decisionDate,
    medicalCover: COVER_OF[c.coverType].map((type) => ({
      type,
      validityPeriod: { startDate: c.validity.from, endDate: c.validity.to },
      pswcSupport: {
        zivAmiPart: 'FULL',
        patientPart: full ? 'FULL' : 'NOTHING',
        supplement: 'NOTHING',
        convention: true,
        prescription: PRESCRIBED.includes(type),
      },
    })),
    refundPodmiSppis: {
      refundCode: c.refundCode,
      affiliatedMutualityInd: (person?.healthInsurance ?? []).some(
        (h) => h.from <= c.validity.from && (h.to ?? END) >= c.validity.from,
      ),
      beneficiaryStatus: medicalUrgency ? 'I' : 'L',
      beneficiaryStatusDetail: c.beneficiaryStatus,
      podmiSppisPart: { hospitalizationPart: part, ambulatoryCarePart: part, otherPart: part },
      medicalUrgencyInd: medicalUrgency,
    },
    urgentMedicalAidAttestationNumber: medicalUrgency ? attestationNumber(c) : null,
    history: c.history,
  };
}
export type CarmedView = ReturnType<typeof carmedView>;

export const attestationNumber = (c: Card) => `DMH${digitsOf(`dmh|${c.cardNumber}`, 10)}`;
export const agreementNumber = (c: Card, type: CoverType, date: IsoDate) =>
  digitsOf(`agreement|${c.cardNumber}|${c.version}|${type}|${date}`, 12);
