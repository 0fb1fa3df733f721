import { defineEvent } from './define.ts';

/** Two people start living together: marriage, legal cohabitation or de facto; the partner moves in. */
export default defineEvent<{ with: string; type: 'married' | 'legal-cohabitation' | 'de-facto' }>({
  kind: 'partner',
  description: "A partner moves into the person's household; marriage and legal cohabitation change both civil states.",
  params: {
    type: 'object',
    required: ['with', 'type'],
    additionalProperties: false,
    properties: { with: { type: 'string' }, type: { enum: ['married', 'legal-cohabitation', 'de-facto'] } },
  },
  apply(ctx, who, p) {
    const b = ctx.builder;
    const partner = ctx.person(p.with);
    const hh = b.householdOn(who, ctx.date);
    const address = b.addressOn(who, ctx.date);
    if (!hh || !address) throw new Error(`partner: the person has no household on ${ctx.date}`);
    // Children of the partner who live with them move along.
    const partnerHh = b.householdOn(partner, ctx.date);
    const movers = partnerHh
      ? b
          .membersOn(partnerHh.householdId, ctx.date)
          .filter((m) => m === partner || (partnerHh && b.householdOn(m, ctx.date)?.role === 'child'))
      : [partner];
    const { from: _f, to: _t, ...rest } = address;
    for (const m of movers) {
      b.joinHousehold(m, hh.householdId, m === partner ? 'partner' : 'child', ctx.date);
      b.setAddress(m, rest, ctx.date);
    }
    if (p.type !== 'de-facto') {
      b.setCivilState(who, p.type, ctx.date, partner.insz);
      b.setCivilState(partner, p.type, ctx.date, who.insz);
    }
  },
});
