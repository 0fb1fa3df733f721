import { covers } from '../../../../scenarios/engine/dates.ts';
import type { Person } from '../../../../scenarios/engine/model.ts';
import type { Alert } from '../../../flows/knipperlichten/alerts.ts';
import type { KeyContext } from '../types.ts';
import { defineKey, needSubject } from './define.ts';
import { fileOcmw, isPaid, sentAlerts } from './support.ts';

/**
 * The motivation codes (`codes.ts` of the knipperlichten flow) that fit the follow-up of an alert. Modelled guidance
 * after the POD MI's mechanism (the OCMW motivates every alert and keeps the proof): income the decision did not
 * count → revision or stop with recovery; a benefit paid for the same period → the leefloon was an advance,
 * recovered from the institution; a household change → revision of the category.
 */
function codesFor(ctx: KeyContext, person: Person, alert: Alert): string[] {
  switch (alert.type) {
    case 'EMPLOYMENT':
      return alert.evidence.workerType === 'student' ? ['3'] : ['3', '4'];
    case 'UNEMPLOYMENT_BENEFIT':
    case 'SICKNESS_BENEFIT':
    case 'PENSION':
      return ['5'];
    case 'STAY_ABROAD':
      return ['3', '4'];
    case 'HOUSEHOLD_CHANGE':
      return ['3'];
    case 'DEATH':
      return ['4'];
    case 'OTHER_OCMW': {
      // The OCMW of the main residence is competent: the other one stops and recovers.
      const home = person.addresses.find((a) => covers(a, alert.period.from));
      return home?.nis === fileOcmw(ctx, person).nis ? ['2'] : ['4'];
    }
  }
}

export default defineKey<Record<string, never>>({
  name: 'knipperlichten-follow-up',
  description:
    'The motivation codes that fit the follow-up of the subject’s knipperlichten; without alerts: 1 when work was counted in the decision, else 2.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const person = needSubject(ctx);
    const alerts = sentAlerts(ctx);
    if (alerts.length === 0) {
      const kbo = fileOcmw(ctx, person).kbo;
      const counted = person.ocmwDecisions.some(
        (d) =>
          isPaid(d) &&
          d.ocmwKbo === kbo &&
          d.period.from <= ctx.today &&
          d.calculation.exemptionCents > 0 &&
          person.employment.some((e) => covers(e, d.period.from)),
      );
      return [counted ? '1' : '2'];
    }
    return [...new Set(alerts.flatMap((a) => codesFor(ctx, person, a)))].sort();
  },
});
