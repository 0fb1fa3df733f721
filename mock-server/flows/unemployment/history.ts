import { minDate, overlaps } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { defineOperation, type Status } from '../../src/ksz/flows/define.ts';
import { OK } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { paymentJson, sanctionJson, writePayment, writeSanction } from './blocks.ts';
import { type DatePeriodRequest, datePeriodRequest, type MonthPeriodRequest, monthPeriodRequest } from './read.ts';
import {
  hasFile,
  monthOf,
  monthsFrom,
  type PaymentView,
  paymentsFor,
  type SanctionView,
  sanctionView,
  UD,
} from './rva.ts';
import { personOf } from './wire.ts';

/** The paid-sums search period: at most 48 months (ksz-flows.md §4.3), not starting after the current month. */
export const MAX_MONTHS = 48;

function checkMonths(r: MonthPeriodRequest, today: IsoDate): Status | null {
  const { startMonth, endMonth } = r.period;
  if (endMonth < startMonth) return UD.badTime('period', `endMonth ${endMonth} is before startMonth ${startMonth}`);
  if (monthsFrom(startMonth, endMonth).length > MAX_MONTHS)
    return UD.badTime('period', `the period is longer than ${MAX_MONTHS} months`);
  if (startMonth > monthOf(today)) return UD.badTime('period', `startMonth ${startMonth} is after the current month`);
  return null;
}

interface PaidSumsResult {
  paidSums: PaymentView[];
}

export const consultPaidSums = defineOperation<MonthPeriodRequest, PaidSumsResult>({
  name: 'consultPaidSums',
  description:
    'The sums paid per month of a period (at most 48 months): allowances paid, paid and accepted amount in eurocent, the state of the RVA check and the payment institution.',
  integration: true,
  ...monthPeriodRequest,
  handle(ctx, r) {
    const refused = checkMonths(r, ctx.today);
    if (refused) return { status: refused };
    const p = personOf(ctx, r.ssin);
    if (!hasFile(p, ctx.today)) return { status: UD.noFile(r.ssin) };
    const paidSums = monthsFrom(r.period.startMonth, r.period.endMonth).flatMap((m) => paymentsFor(p, m, ctx.today));
    if (paidSums.length === 0)
      return {
        status: UD.noData([{ fieldName: 'period', fieldValue: `${r.period.startMonth}/${r.period.endMonth}` }]),
      };
    return { status: OK(), data: { paidSums } };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().open('result').open('paidSums');
    for (const p of answer.data.paidSums) writePayment(w, p, 'paidSum');
    return { after: w.close().close().toString() };
  },
  toJson(answer, _ctx, r) {
    return {
      ssin: r.ssin,
      period: r.period,
      ...(answer.data
        ? {
            paidSums: answer.data.paidSums.map(paymentJson),
            totalPaidAmount: answer.data.paidSums.reduce((s, p) => s + p.paidAmount, 0),
          }
        : {}),
    };
  },
});

/**
 * Activation allowances (activeringsuitkeringen paid through an employer) are not part of the synthetic world:
 * the operation answers UD000011 for every person with a file, UD000012 for the others.
 */
export const consultActivationPaidSums = defineOperation<MonthPeriodRequest, never>({
  name: 'consultActivationPaidSums',
  description:
    'Activation allowances paid in a period, with the employer. The synthetic world holds no activation allowances: a person with an RVA file gets UD000011.',
  integration: true,
  ...monthPeriodRequest,
  handle(ctx, r) {
    const refused = checkMonths(r, ctx.today);
    if (refused) return { status: refused };
    const p = personOf(ctx, r.ssin);
    if (!hasFile(p, ctx.today)) return { status: UD.noFile(r.ssin) };
    return {
      status: UD.noData([{ fieldName: 'period', fieldValue: `${r.period.startMonth}/${r.period.endMonth}` }]),
    };
  },
  toJson(_answer, _ctx, r) {
    return { ssin: r.ssin, period: r.period };
  },
});

interface SanctionsResult {
  sanctions: SanctionView[];
}

export const consultSanctionHistory = defineOperation<DatePeriodRequest, SanctionsResult>({
  name: 'consultSanctionHistory',
  description:
    'The sanctions of the RVA that touch a period: suspensions (with their number of weeks) and exclusions, with their trigger date, end and reason.',
  integration: true,
  ...datePeriodRequest,
  handle(ctx, r) {
    const { beginDate, endDate } = r.period;
    if (endDate < beginDate)
      return { status: UD.badTime('period', `endDate ${endDate} is before beginDate ${beginDate}`) };
    if (beginDate > ctx.today) return { status: UD.badTime('period', `beginDate ${beginDate} is after today`) };
    const p = personOf(ctx, r.ssin);
    if (!hasFile(p, ctx.today)) return { status: UD.noFile(r.ssin) };
    const asked = { from: beginDate, to: minDate(endDate, ctx.today) };
    const sanctions = p.unemploymentSanctions
      .filter((s) => s.from <= ctx.today && overlaps(s, asked))
      .map((s) => sanctionView(s, ctx.today));
    if (sanctions.length === 0)
      return { status: UD.noData([{ fieldName: 'period', fieldValue: `${beginDate}/${endDate}` }]) };
    return { status: OK(), data: { sanctions } };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().open('result').open('sanctions');
    for (const s of answer.data.sanctions) writeSanction(w, s);
    return { after: w.close().close().toString() };
  },
  toJson(answer, _ctx, r) {
    return {
      ssin: r.ssin,
      period: r.period,
      ...(answer.data ? { sanctions: answer.data.sanctions.map(sanctionJson) } : {}),
    };
  },
});
