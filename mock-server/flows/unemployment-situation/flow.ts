import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { OK } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import {
  type NoRightView,
  noRightJson,
  paymentJson,
  rightJson,
  sanctionJson,
  writeNoRight,
  writePayment,
  writeRight,
  writeSanction,
} from '../unemployment/blocks.ts';
import { type DateRequest, dateRequest } from '../unemployment/read.ts';
import {
  hasFile,
  lastRightBefore,
  monthOf,
  type PaymentView,
  paymentsFor,
  type RightView,
  rightsOn,
  rightView,
  type SanctionView,
  sanctionsOn,
  sanctionView,
  UD,
} from '../unemployment/rva.ts';
import { personOf, unemploymentWire } from '../unemployment/wire.ts';

export const LEGAL_CONTEXT = 'SOCIAL_INVESTIGATION_OF_PCSA';
/** From this date the situation consultation signals the end of the inschakelingsuitkering (VVSG page). */
export const INSERTION_END_CODE_FROM: IsoDate = '2015-01-01';

interface SituationResult {
  date: IsoDate;
  rights: RightView[];
  payments: PaymentView[];
  sanctions: SanctionView[];
  noRight: NoRightView | null;
}

const consultSituation = defineOperation<DateRequest, SituationResult>({
  name: 'consultSituation',
  description:
    'The unemployment situation on a date (without a date: today): the right, the payment of that month and a running suspension; without a right, the end of the last one. From 2015-01-01 a person whose inschakelingsuitkering ended after 36 months gets UD000033.',
  integration: true,
  ...dateRequest,
  handle(ctx, r) {
    if (r.date !== null && r.date > ctx.today)
      return { status: UD.badTime('date', `${r.date} is after today (${ctx.today})`) };
    const p = personOf(ctx, r.ssin);
    if (!hasFile(p, ctx.today)) return { status: UD.noFile(r.ssin) };
    const date = r.date ?? ctx.today;
    const rights = rightsOn(p, date, ctx.today);
    const sanctions = sanctionsOn(p, date, ctx.today).map((s) => sanctionView(s, ctx.today));
    if (rights.length > 0)
      return {
        status: OK(),
        data: {
          date,
          rights: rights.map((x) => rightView(x, ctx.today)),
          payments: paymentsFor(p, monthOf(date), ctx.today),
          sanctions: sanctions.filter((s) => s.kind === 'SUSPENSION'),
          noRight: null,
        },
      };
    const last = lastRightBefore(p, date);
    if (
      last?.kind === 'inschakeling' &&
      last.endReason === 'limit-36-months' &&
      last.to !== null &&
      date >= INSERTION_END_CODE_FROM
    )
      return { status: UD.insertionEnded(last.to) };
    const exclusion = sanctions.find((s) => s.kind === 'EXCLUSION') ?? null;
    if (!last && !exclusion) return { status: UD.noData([{ fieldName: 'date', fieldValue: date }]) };
    return {
      status: OK(),
      data: { date, rights: [], payments: [], sanctions: [], noRight: { rightEndDate: last?.to ?? null, exclusion } },
    };
  },
  toXml(answer) {
    const d = answer.data;
    if (!d) return {};
    const w = new XmlWriter().open('situation').leaf('date', d.date);
    for (const p of d.payments) writePayment(w, p);
    for (const x of d.rights) writeRight(w, x);
    for (const s of d.sanctions) writeSanction(w, s);
    if (d.noRight) writeNoRight(w, d.noRight);
    return { after: w.close().toString() };
  },
  toJson(answer, _ctx, r) {
    const d = answer.data;
    return {
      ssin: r.ssin,
      date: r.date,
      ...(d
        ? {
            situation: {
              date: d.date,
              rights: d.rights.map(rightJson),
              payments: d.payments.map(paymentJson),
              sanctions: d.sanctions.map(sanctionJson),
              noRight: d.noRight ? noRightJson(d.noRight) : null,
            },
          }
        : {}),
    };
  },
});

export default defineFlow({
  id: 'unemployment-situation',
  names: {
    nl: 'RVA — werkloosheidssituatie op een datum (UnemploymentData v2)',
    fr: 'ONEM — situation de chômage à une date (UnemploymentData v2)',
    en: 'RVA/ONEM unemployment situation on a date (UnemploymentData v2)',
  },
  institution: 'RVA / ONEM (via KSZ)',
  fidelity: 'partial',
  basis:
    'UnemploymentData v2 operation consultSituation(date?) and legal context SOCIAL_INVESTIGATION_OF_PCSA as public CPAS client code calls them; UD codes after the same client, UD000033 = "no longer entitled to allocations d\'insertion" (ksz-flows.md §4.2–4.3). The VVSG page states that from 2015-01-01 a new error code signals the end of the inschakelingsuitkering, visible only when asking the situation on a given date; it names neither the code nor the operation: pairing UD000033 with consultSituation is inferred (§4.2–4.3). Modelled: namespaces and element order (no public WSDL), payments derived from the right, the role matrix (simulated).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'UnemploymentDataService',
    version: 2,
    wsdl: 'UnemploymentDataV2',
    operations: { consultSituation: unemploymentWire(2, 'consultSituation') },
  },
  operations: [consultSituation],
  docs: 'mock-server/flows/unemployment-situation/README.md',
});
