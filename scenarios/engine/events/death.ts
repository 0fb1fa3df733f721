import { addDays } from '../dates.ts';
import type { Period } from '../model.ts';
import { defineEvent } from './define.ts';

function endAll(list: Period[], date: string): void {
  for (const p of list) if (p.to === null || p.to > date) p.to = date;
}

/** Death: every open fact ends on the date of death; a spouse or legal cohabitant becomes widowed. */
export default defineEvent<Record<string, never>>({
  kind: 'death',
  description: 'The person dies: addresses, household, work, benefits, help and cards end on that day.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  apply(ctx, who) {
    const date = ctx.date;
    who.deathDate = date;
    const partnerInsz = who.civilStates[who.civilStates.length - 1]?.partner;
    const state = who.civilStates[who.civilStates.length - 1]?.state;
    endAll(who.civilStates, date);
    endAll(who.addresses, date);
    endAll(who.households, date);
    endAll(who.employment, date);
    endAll(who.unemployment, date);
    endAll(who.healthInsurance, date);
    endAll(who.gmd, date);
    endAll(who.mediprima, date);
    endAll(who.pensions, date);
    endAll(who.sickness, date);
    endAll(who.handicap, date);
    endAll(who.staysAbroad, date);
    endAll(who.energy.socialTariff, date);
    endAll(who.unemploymentSanctions, date);
    endAll(
      who.handicap.flatMap((h) => h.allowances.map((a) => a.period)),
      date,
    );
    endAll(
      who.property.map((x) => x.period),
      date,
    );
    if (who.kbi) endAll([who.kbi.trajectory, ...who.kbi.nt2.map((c) => c.period)], date);
    const housing = who.housing;
    if (housing.waitingList) endAll([housing.waitingList], date);
    if (housing.huurpremie) housing.huurpremie.payments = housing.huurpremie.payments.filter((x) => x.date <= date);
    if (housing.huursubsidie)
      housing.huursubsidie.payments = housing.huursubsidie.payments.filter((x) => x.date <= date);
    who.energy.heatingAllowances = who.energy.heatingAllowances.filter((x) => x.date <= date);
    for (const d of who.ocmwDecisions) if (d.period.to === null || d.period.to > date) d.period.to = date;
    if (who.selfEmployed) endAll(who.selfEmployed.periods, date);
    if (partnerInsz && (state === 'married' || state === 'legal-cohabitation')) {
      const partner = ctx.builder.byInsz.get(partnerInsz);
      if (partner) ctx.builder.setCivilState(partner, state === 'married' ? 'widowed' : 'single', addDays(date, 1));
    }
  },
});
