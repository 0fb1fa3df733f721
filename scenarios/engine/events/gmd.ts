import { closeOpen } from '../builder.ts';
import type { Doctor } from '../pools.ts';
import type { DateExpr } from '../scenario-types.ts';
import { defineEvent, untilSchema } from './define.ts';

/**
 * The global medical file (GMD) moves to a GP of the pools near the person's address: the same municipality when
 * there is one, else the same province, else the same region (HealthCareInsurance `globalMedicalFile`,
 * ksz-flows.md §3.2; the RIZIV number of the doctor is modelled).
 */
export default defineEvent<{ until?: DateExpr | null }>({
  kind: 'gmd',
  description: 'A GP near the address opens (or takes over) the global medical file (GMD) from this date.',
  params: { type: 'object', additionalProperties: false, properties: { until: untilSchema } },
  apply(ctx, who, p) {
    const b = ctx.builder;
    const nis = b.addressOn(who, ctx.date)?.nis;
    const here = b.pools.municipalities.find((m) => m.nis === nis);
    const near = (test: (d: Doctor) => boolean) => b.pools.doctors.filter(test);
    const municipalityOf = (d: Doctor) => b.pools.municipalities.find((m) => m.nis === d.nis);
    let candidates = near((d) => d.nis === nis);
    if (candidates.length === 0 && here) candidates = near((d) => municipalityOf(d)?.province === here.province);
    if (candidates.length === 0 && here) candidates = near((d) => municipalityOf(d)?.region === here.region);
    if (candidates.length === 0) candidates = b.pools.doctors;
    const current = who.gmd[who.gmd.length - 1];
    const others = candidates.filter((d) => d.riziv !== current?.doctorRiziv);
    const doctor = ctx.rng.pick(others.length > 0 ? others : candidates);
    closeOpen(who.gmd, ctx.date);
    who.gmd.push({ from: ctx.date, to: ctx.resolve(p.until), doctorRiziv: doctor.riziv, doctorName: doctor.name });
  },
});
