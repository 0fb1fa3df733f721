import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { defineOperation } from '../../src/ksz/flows/define.ts';
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
} from './blocks.ts';
import { type DateRequest, dateRequest } from './read.ts';
import {
  hasFile,
  lastPaidMonth,
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
} from './rva.ts';
import { personOf } from './wire.ts';

interface RightsResult {
  rights: RightView[];
  sanctions: SanctionView[];
  noRight: NoRightView | null;
}

/** Checks every date operation shares: a date after today is a wrong time indication; no file is UD000012. */
function precheck(ssin: string, date: IsoDate | null, today: IsoDate, hasRvaFile: boolean) {
  if (date !== null && date > today) return UD.badTime('date', `${date} is after today (${today})`);
  if (!hasRvaFile) return UD.noFile(ssin);
  return null;
}

export const consultRights = defineOperation<DateRequest, RightsResult>({
  name: 'consultRights',
  description:
    'The unemployment rights of the person on a date (without a date: the last known right), with a suspension running that day; without a right, the end of the last right and a running exclusion ("no right").',
  integration: true,
  ...dateRequest,
  handle(ctx, r) {
    const p = personOf(ctx, r.ssin);
    const refused = precheck(r.ssin, r.date, ctx.today, hasFile(p, ctx.today));
    if (refused) return { status: refused };
    const on = r.date ?? ctx.today;
    let rights = rightsOn(p, on, ctx.today);
    if (rights.length === 0 && r.date === null) {
      const last = lastRightBefore(p, on);
      if (last) rights = [last];
    }
    const sanctions = sanctionsOn(p, on, ctx.today).map((s) => sanctionView(s, ctx.today));
    if (rights.length > 0)
      return {
        status: OK(),
        data: {
          rights: rights.map((x) => rightView(x, ctx.today)),
          sanctions: sanctions.filter((s) => s.kind === 'SUSPENSION'),
          noRight: null,
        },
      };
    const last = lastRightBefore(p, on);
    const exclusion = sanctions.find((s) => s.kind === 'EXCLUSION') ?? null;
    if (!last && !exclusion) return { status: UD.noData([{ fieldName: 'date', fieldValue: on }]) };
    return {
      status: OK(),
      data: { rights: [], sanctions: [], noRight: { rightEndDate: last?.to ?? null, exclusion } },
    };
  },
  toXml(answer) {
    const d = answer.data;
    if (!d) return {};
    const w = new XmlWriter().open('result');
    for (const r of d.rights) writeRight(w, r);
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
            rights: d.rights.map(rightJson),
            sanctions: d.sanctions.map(sanctionJson),
            noRight: d.noRight ? noRightJson(d.noRight) : null,
          }
        : {}),
    };
  },
});

interface PaymentsResult {
  payments: PaymentView[];
}

export const consultPayments = defineOperation<DateRequest, PaymentsResult>({
  name: 'consultPayments',
  description:
    'The payment of the month of a date (without a date: the last paid month): allowances paid, daily amount, paid amount in eurocent and the payment institution.',
  integration: true,
  ...dateRequest,
  handle(ctx, r) {
    const p = personOf(ctx, r.ssin);
    const refused = precheck(r.ssin, r.date, ctx.today, hasFile(p, ctx.today));
    if (refused) return { status: refused };
    const month = r.date ? monthOf(r.date) : lastPaidMonth(p, ctx.today);
    const payments = month ? paymentsFor(p, month, ctx.today) : [];
    if (payments.length > 0) return { status: OK(), data: { payments } };
    const on = r.date ?? ctx.today;
    const info = [{ fieldName: 'date', fieldValue: on }];
    return { status: rightsOn(p, on, ctx.today).length > 0 ? UD.rightWithoutPayment(info) : UD.noData(info) };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().open('result');
    for (const p of answer.data.payments) writePayment(w, p);
    return { after: w.close().toString() };
  },
  toJson(answer, _ctx, r) {
    return { ssin: r.ssin, date: r.date, ...(answer.data ? { payments: answer.data.payments.map(paymentJson) } : {}) };
  },
});
