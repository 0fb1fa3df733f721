import { addMonths, minDate } from '../dates.ts';
import { SPAN_END } from '../finish.ts';
import type { IsoDate, Organisation, Person } from '../model.ts';
import { HOUSING_COMPANIES } from '../pools.ts';
import type { EventContext } from './define.ts';

export const companySchema = { enum: HOUSING_COMPANIES.map((h) => h.nl) } as const;

/** A social housing company: the one named, else one of the region of the person's address (Flanders by default). */
export function housingCompany(ctx: EventContext, who: Person, name?: string): Organisation {
  const companies = ctx.builder.pools.housingCompanies;
  if (name) {
    const named = companies.find((c) => c.name.nl === name);
    if (!named) throw new Error(`unknown housing company "${name}"`);
    return named;
  }
  const nis = ctx.builder.addressOn(who, ctx.date)?.nis;
  const region = ctx.builder.pools.municipalities.find((m) => m.nis === nis)?.region ?? 'flanders';
  const names = new Set(HOUSING_COMPANIES.filter((h) => h.region === region).map((h) => h.nl));
  const local = companies.filter((c) => names.has(c.name.nl));
  return ctx.rng.pick(local.length > 0 ? local : companies);
}

/** A file number of the form `YYYY/NNNNN` (modelled). */
export function fileNumber(ctx: EventContext): string {
  return `${ctx.date.slice(0, 4)}/${String(ctx.rng.int(1, 99_999)).padStart(5, '0')}`;
}

/** Monthly payments on the same day of the month from `from` up to `until` (or the end of the world's span). */
export function monthlyPayments(
  from: IsoDate,
  until: IsoDate | null,
  amountCents: number,
): { date: IsoDate; amountCents: number }[] {
  const last = minDate(until ?? SPAN_END, SPAN_END);
  const out: { date: IsoDate; amountCents: number }[] = [];
  for (let i = 0; ; i++) {
    const date = addMonths(from, i);
    if (date > last) break;
    out.push({ date, amountCents });
  }
  return out;
}
