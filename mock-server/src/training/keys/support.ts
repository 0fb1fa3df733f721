import type { OcmwDecision, Organisation, Person } from '../../../../scenarios/engine/model.ts';
import { buildReport, type EsvDecision, type EsvReport } from '../../../flows/esv/report.ts';
import { type Alert, alertsOf } from '../../../flows/knipperlichten/alerts.ts';
import type { KeyContext } from '../types.ts';
import { KeyError, needSubject } from './define.ts';

const PAID: readonly OcmwDecision['kind'][] = ['leefloon', 'equivalent-leefloon'];
export const isPaid = (d: { kind: OcmwDecision['kind'] }): boolean => PAID.includes(d.kind);

/** The ESV report the trainee gets in the workspace: asked by the trainee's OCMW on the workspace's today. */
export function esvReport(ctx: KeyContext): EsvReport {
  const person = needSubject(ctx);
  const report = buildReport(ctx.world, person.insz, ctx.ocmwKbo, ctx.today);
  if (!report || report.previousOcmws.length === 0)
    throw new KeyError(`no ESV decisions for ${person.origin}/${person.originRole} on ${ctx.today}`);
  return report;
}

export interface ReportDecision extends EsvDecision {
  ocmw: EsvReport['previousOcmws'][number]['ocmw'];
}

/** Every decision of the report, all OCMW's together, oldest first. */
export function reportDecisions(report: EsvReport): ReportDecision[] {
  return report.previousOcmws
    .flatMap((o) => o.decisions.map((d) => ({ ...d, ocmw: o.ocmw })))
    .sort(
      (a, b) =>
        a.period.from.localeCompare(b.period.from) ||
        a.decisionDate.localeCompare(b.decisionDate) ||
        a.id.localeCompare(b.id),
    );
}

/** The leefloon (or equivalent) decision the report shows as the most recent one. */
export function currentDecision(report: EsvReport): ReportDecision {
  const paid = reportDecisions(report).filter(isPaid);
  const last = paid[paid.length - 1];
  if (!last) throw new KeyError('the ESV report has no leefloon decision');
  return last;
}

/** The names (nl, fr) of an OCMW, as accepted text answers. */
export const namesOf = (o: { name: { nl: string; fr: string } }): string[] => [o.name.nl, o.name.fr];

/** The OCMW whose leefloon file the case is about (`subject.file`: first or latest paying OCMW). */
export function fileOcmw(ctx: KeyContext, person: Person = needSubject(ctx)): Organisation {
  const paid = person.ocmwDecisions
    .filter((d) => isPaid(d) && d.decisionDate <= ctx.today)
    .sort((a, b) => a.period.from.localeCompare(b.period.from) || a.decisionDate.localeCompare(b.decisionDate));
  const pick = ctx.exercise.subject?.file === 'first' ? paid[0] : paid[paid.length - 1];
  if (!pick) throw new KeyError(`${person.origin}/${person.originRole} has no leefloon decision by ${ctx.today}`);
  const org = ctx.world.organisations.find((o) => o.kbo === pick.ocmwKbo);
  if (!org) throw new KeyError(`no organisation with KBO ${pick.ocmwKbo}`);
  return org;
}

/** The knipperlichten the POD MI sent the file's OCMW about the subject by today (the flow's own computation). */
export function sentAlerts(ctx: KeyContext): Alert[] {
  const person = needSubject(ctx);
  const households = new Map(ctx.world.households.map((h) => [h.id, h]));
  return alertsOf(ctx.world, person, fileOcmw(ctx, person).kbo, households)
    .filter((a) => a.emittedOn <= ctx.today)
    .sort((a, b) => a.period.from.localeCompare(b.period.from) || a.alertId.localeCompare(b.alertId));
}
