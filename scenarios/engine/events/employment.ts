import type { Employment } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, competentOcmw, defineEvent, untilSchema } from './define.ts';

/** A job with a DIMONA declaration: employer (KBO), joint committee, hours and gross wage. */
export default defineEvent<{
  until?: DateExpr | null;
  hours?: number;
  workerType?: Employment['workerType'];
  grossMonthly?: number;
  jointCommittee?: string;
}>({
  kind: 'employment',
  description: 'Starts a job (DIMONA in) at a drawn employer; `until` is the DIMONA out.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      until: untilSchema,
      hours: { type: 'number', minimum: 1, maximum: 50 },
      workerType: { enum: ['white-collar', 'blue-collar', 'student', 'flexi', 'art60'] },
      grossMonthly: { type: 'number', minimum: 0 },
      jointCommittee: { type: 'string', pattern: '^\\d{3}(\\.\\d{2})?$' },
    },
  },
  apply(ctx, who, p) {
    const employer = ctx.rng.pick(ctx.builder.pools.employers);
    const hours = p.hours ?? ctx.rng.pick([19, 24, 30, 38, 38, 38]);
    const workerType = p.workerType ?? (ctx.rng.chance(0.5) ? 'blue-collar' : 'white-collar');
    const art60 = workerType === 'art60';
    const ocmw = art60 ? competentOcmw(ctx, who) : undefined;
    who.employment.push({
      from: ctx.date,
      to: ctx.resolve(p.until),
      employerKbo: ocmw?.kbo ?? employer.kbo,
      employerName: ocmw?.name.nl ?? employer.name,
      jointCommittee: p.jointCommittee ?? (art60 ? '318' : employer.jointCommittee),
      workerType,
      hoursPerWeek: hours,
      dimonaId: `${ctx.date.replace(/-/g, '').slice(2)}${String(ctx.rng.int(0, 99_999)).padStart(5, '0')}`,
      grossMonthlyCents:
        p.grossMonthly !== undefined
          ? cents(p.grossMonthly)
          : Math.round((ctx.rng.int(2_100, 3_600) * 100 * hours) / 38),
    });
  },
});
