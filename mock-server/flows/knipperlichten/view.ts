import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { IsoDate, World } from '../../../scenarios/engine/model.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import type { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import type { Alert, Evidence } from './alerts.ts';
import { alertType, motivation } from './codes.ts';

export const NS = 'http://kszbcss.fgov.be/intf/AlertReactionService/v1';

export const wireOf = (operation: string): SoaOperation =>
  newStyleOperation('AlertReactionService', 1, operation, 'alr');

/** The OCMW's reaction to an alert, kept in the tenant state under `reaction/<alertId>`. */
export interface Reaction {
  alertId: string;
  reference: string;
  motivation: string;
  comment: string | null;
  reactedOn: IsoDate;
  userId: string;
  ocmwKbo: string;
}

export interface AlertView {
  alertId: string;
  reference: string;
  type: { code: string; name: string; label: { nl: string; fr: string; en: string } };
  ssin: string;
  person: { lastName: string; firstName: string } | null;
  decisionId: string;
  period: { from: IsoDate; to: IsoDate | null };
  emittedOn: IsoDate;
  evidence: Evidence;
  reaction: { motivation: string; motivationLabel: string | null; comment: string | null; reactedOn: IsoDate } | null;
}

/** Periods as known on `date`: an end after it is not known yet (ongoing). */
function clip(e: Evidence, date: IsoDate): Evidence {
  const out: Evidence = {};
  for (const [k, v] of Object.entries(e)) {
    if (Array.isArray(v)) out[k] = v.map((x) => clip(x, date));
    else if (v !== null && typeof v === 'object') out[k] = clip(v, date);
    else out[k] = v;
  }
  if (typeof out.from === 'string' && 'to' in out && typeof out.to === 'string' && out.to > date) out.to = null;
  return out;
}

/** An alert as the OCMW sees it on `date`, with its reaction when one was sent by then. */
export function alertView(world: World, a: Alert, date: IsoDate, reaction: Reaction | undefined): AlertView {
  const t = alertType(a.type);
  const p = indexOf(world).persons.get(a.ssin);
  const r = reaction && reaction.reactedOn <= date ? reaction : undefined;
  return {
    alertId: a.alertId,
    reference: a.reference,
    type: { code: t.code, name: t.type, label: t.label },
    ssin: a.ssin,
    person: p ? { lastName: p.familyName, firstName: p.givenName } : null,
    decisionId: a.decisionId,
    period: { from: a.period.from, to: a.period.to !== null && a.period.to <= date ? a.period.to : null },
    emittedOn: a.emittedOn,
    evidence: clip(a.evidence, date),
    reaction: r
      ? {
          motivation: r.motivation,
          motivationLabel: motivation(r.motivation)?.label.nl ?? null,
          comment: r.comment,
          reactedOn: r.reactedOn,
        }
      : null,
  };
}

function evidenceXml(w: XmlWriter, name: string, e: Evidence): void {
  w.open(name);
  for (const [k, v] of Object.entries(e)) {
    if (Array.isArray(v)) for (const x of v) evidenceXml(w, k, x);
    else if (v !== null && typeof v === 'object') evidenceXml(w, k, v);
    else w.optionalLeaf(k, v === null ? null : String(v));
  }
  w.close();
}

/** Alerts as unqualified elements (CommonV3 style). */
export function alertsXml(w: XmlWriter, alerts: readonly AlertView[]): void {
  for (const a of alerts) {
    w.open('alert').leaf('alertId', a.alertId).leaf('reference', a.reference);
    w.open('alertType').leaf('code', a.type.code).leaf('name', a.type.name).close();
    w.leaf('ssin', a.ssin);
    if (a.person) w.open('person').leaf('lastName', a.person.lastName).leaf('firstName', a.person.firstName).close();
    w.leaf('decisionId', a.decisionId);
    w.open('period').leaf('beginDate', a.period.from).optionalLeaf('endDate', a.period.to).close();
    w.leaf('emissionDate', a.emittedOn);
    evidenceXml(w, 'evidence', a.evidence);
    if (a.reaction)
      w.open('reaction')
        .leaf('motivation', a.reaction.motivation)
        .optionalLeaf('comment', a.reaction.comment)
        .leaf('reactionDate', a.reaction.reactedOn)
        .close();
    w.close();
  }
}
