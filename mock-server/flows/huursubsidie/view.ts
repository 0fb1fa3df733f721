import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addMonths } from '../../../scenarios/engine/dates.ts';
import type { HousingFacts, IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type Identity, identityOf, identityXml } from '../_shared/identity.ts';

type SubsidyFile = NonNullable<HousingFacts['huursubsidie']>;

/** The huursubsidie file as the social housing company knew it on `asOf`. */
export interface SubsidyView {
  asOf: IsoDate;
  applicant: Identity;
  partner: Identity | null;
  housingCompany: { cbeNumber: string | null; name: string };
  fileNumber: string;
  fileStatus: SubsidyFile['status'];
  refusalReason: string | null;
  lastPayment: { date: IsoDate; amountCents: number } | null;
}

const holders = new WeakMap<World, Map<string, Person>>();

/** The person whose huursubsidie file names `insz` as the partner (files are found through both of them). */
function holderFor(world: World, insz: string): Person | undefined {
  let map = holders.get(world);
  if (!map) {
    map = new Map();
    for (const p of world.persons) if (p.housing.huursubsidie?.partner) map.set(p.housing.huursubsidie.partner, p);
    holders.set(world, map);
  }
  return map.get(insz);
}

/**
 * The huursubsidie file of the person (as applicant, else as the partner in someone's file) on `asOf`, or null.
 * The world keeps a file's final status and its payments, not the dates of its status changes, so: a file with
 * payments is known from its first payment; a file stopped or refused after payments shows `toegekend` (and no
 * reason) until a month after its last payment, the next payment that did not come; a file without payments is
 * shown as it is, whatever the date.
 *
 * @example
 * subsidyView(world, couple, '2025-06-30')?.fileStatus; // 'toegekend' (stopgezet from 2026-09-01)
 */
export function subsidyView(world: World, person: Person, asOf: IsoDate): SubsidyView | null {
  const holder = person.housing.huursubsidie ? person : holderFor(world, person.insz);
  const file = holder?.housing.huursubsidie;
  if (!holder || !file) return null;
  const payments = [...file.payments].sort((a, b) => a.date.localeCompare(b.date));
  const first = payments[0];
  const lastEver = payments.at(-1);
  if (first && first.date > asOf) return null;
  const ended = file.status === 'stopgezet' || file.status === 'geweigerd';
  const stillGranted = ended && lastEver !== undefined && asOf < addMonths(lastEver.date, 1);
  const partner = file.partner ? indexOf(world).persons.get(file.partner) : undefined;
  const company = world.organisations.find((o) => o.kind === 'housing-company' && o.name.nl === file.company);
  const last = payments.filter((x) => x.date <= asOf).at(-1);
  return {
    asOf,
    applicant: identityOf(holder),
    partner: partner ? identityOf(partner) : null,
    housingCompany: { cbeNumber: company?.kbo ?? null, name: file.company },
    fileNumber: file.fileNumber,
    fileStatus: stillGranted ? 'toegekend' : file.status,
    refusalReason: stillGranted ? null : (file.refusalReason ?? null),
    lastPayment: last ? { date: last.date, amountCents: last.amountCents } : null,
  };
}

/** The answer's content after `status`: unqualified elements, amounts in eurocent as the KSZ sends them. */
export function subsidyXml(v: SubsidyView): string {
  const w = new XmlWriter();
  w.open('rentSubsidyFile').leaf('referenceDate', v.asOf);
  identityXml(w, 'applicant', v.applicant);
  if (v.partner) identityXml(w, 'partner', v.partner);
  w.open('housingCompany')
    .optionalLeaf('cbeNumber', v.housingCompany.cbeNumber)
    .leaf('name', v.housingCompany.name)
    .close();
  w.leaf('fileNumber', v.fileNumber).leaf('fileStatus', v.fileStatus).optionalLeaf('refusalReason', v.refusalReason);
  if (v.lastPayment)
    w.open('lastPayment').leaf('date', v.lastPayment.date).leaf('amount', v.lastPayment.amountCents).close();
  return w.close().toString();
}
