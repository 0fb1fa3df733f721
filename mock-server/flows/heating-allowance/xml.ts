import { SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { HeatingRequest } from './request.ts';
import { CATEGORIES, type Category } from './rules.ts';
import type { HeatingView } from './view.ts';

/** The reply namespace: named after the request namespace of the recorded request (inferred, not published). */
export const REPLY_NS = 'http://www.smals.be/XSD/OCMW_CPAS/HeatingAllocationReply';
const P = SSDN_PAYLOAD_PREFIX;

/**
 * The SSDN service reply payload: `AllocationReply(OriginalRequest, Beneficiary, Residence, Household, Income,
 * CategoryCheck×3, PreviousAllocations, ComputedAllocation?)`, qualified in {@link REPLY_NS}. Amounts in eurocent,
 * prices and allowances per litre in thousandths of a euro. Modelled: the reply of this service is not public.
 */
export function allocationReplyXml(r: HeatingRequest, v: HeatingView | undefined): string {
  const w = new XmlWriter();
  const e = (name: string) => `${P}:${name}`;
  w.open(e('AllocationReply'), { [`xmlns:${P}`]: REPLY_NS });
  w.open(e('OriginalRequest'))
    .leaf(e('SSIN'), r.ssin)
    .leaf(e('Category'), r.category)
    .leaf(e('Amount'), r.invoice.amount)
    .leaf(e('Quantity'), r.invoice.quantity)
    .leaf(e('HousingNumber'), r.invoice.housingNumber)
    .leaf(e('DeliveryDate'), r.invoice.deliveryDate)
    .leaf(e('UnitFuel'), r.invoice.unitFuel)
    .close();
  if (v) {
    const b = v.beneficiary;
    w.open(e('Beneficiary'))
      .leaf(e('SSIN'), b.ssin)
      .leaf(e('LastName'), b.lastName)
      .leaf(e('FirstName'), b.firstName)
      .leaf(e('BirthDate'), b.birthDate)
      .close();
    w.open(e('Residence'))
      .leaf(e('NisCode'), v.residence.nis)
      .leaf(e('PostalCode'), v.residence.postalCode)
      .leaf(e('Municipality'), v.residence.municipality)
      .leaf(e('AddressKind'), v.residence.kind)
      .close();
    w.open(e('Household'));
    for (const m of v.household) {
      w.open(e('Member'))
        .leaf(e('SSIN'), m.ssin)
        .leaf(e('LastName'), m.lastName)
        .leaf(e('FirstName'), m.firstName)
        .leaf(e('Role'), m.role)
        .leaf(e('IncreasedReimbursement'), String(m.increasedReimbursement))
        .leaf(e('SocialTariff'), String(m.socialTariff))
        .leaf(e('Dependant'), String(m.dependant));
      if (m.taxableIncome)
        w.open(e('TaxableIncome'))
          .leaf(e('IncomeYear'), m.taxableIncome.incomeYear)
          .leaf(e('Amount'), m.taxableIncome.amountCents)
          .close();
      w.close();
    }
    w.close();
    w.open(e('Income'))
      .optionalLeaf(e('IncomeYear'), v.income.incomeYear)
      .leaf(e('HouseholdTaxableIncome'), v.income.householdTaxableIncomeCents)
      .leaf(e('Dependants'), v.income.dependants)
      .leaf(e('Ceiling'), v.income.ceilingCents)
      .close();
    for (const c of Object.keys(CATEGORIES) as Category[])
      w.open(e('CategoryCheck')).leaf(e('Category'), c).leaf(e('Supported'), String(v.categories[c])).close();
    w.open(e('PreviousAllocations'));
    for (const a of v.previousAllocations)
      w.open(e('Allocation'))
        .leaf(e('SSIN'), a.ssin)
        .leaf(e('Date'), a.date)
        .leaf(e('Amount'), a.amountCents)
        .leaf(e('KboBceNumber'), a.ocmwKbo)
        .close();
    w.close();
    const c = v.allocation;
    if (c)
      w.open(e('ComputedAllocation'))
        .leaf(e('PricePerLitre'), c.pricePerLitreMilli)
        .leaf(e('AllowancePerLitre'), c.ratePerLitreMilli)
        .leaf(e('Litres'), c.litres)
        .leaf(e('Forfait'), String(c.forfait))
        .leaf(e('YearlyCeiling'), c.yearlyCeilingCents)
        .leaf(e('Amount'), c.amountCents)
        .close();
  }
  return w.close().toString();
}
