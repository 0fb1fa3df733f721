import { dayBefore } from '../dates.ts';
import { defineEvent } from './define.ts';
import { decisionDateFor, runningDecision } from './leefloon-common.ts';

/** The OCMW stops the running leefloon from this date (a stop decision, as ESV phase 1 lists them). */
export default defineEvent<{ reason: string }>({
  kind: 'leefloon-stop',
  description: 'Stops the running leefloon decision from this date, with a stop decision that gives the reason.',
  params: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: { reason: { type: 'string', minLength: 3 } },
  },
  apply(ctx, who, p) {
    const running = runningDecision(who, ctx.date);
    if (!running) throw new Error(`leefloon-stop: no running leefloon decision on ${ctx.date}`);
    running.period.to = dayBefore(ctx.date);
    const { category: _c, revisionReason: _r, ...rest } = running;
    who.ocmwDecisions.push({
      ...rest,
      id: ctx.builder.nextId(`D${who.insz}`),
      kind: 'stop',
      decisionDate: decisionDateFor(ctx.rng, ctx.date),
      period: { from: ctx.date, to: ctx.date },
      amountCents: 0,
      revises: running.id,
      revisionReason: p.reason,
    });
  },
});
