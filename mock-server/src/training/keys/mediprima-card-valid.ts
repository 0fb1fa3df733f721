import { covers } from '../../../../scenarios/engine/dates.ts';
import { defineKey, needSubject } from './define.ts';

/** Does the subject have a Mediprima card (of any OCMW) valid on the workspace's today? */
export default defineKey<Record<string, never>>({
  name: 'mediprima-card-valid',
  description: '"yes" when one of the subject’s Mediprima cards, decided by today, is valid today; else "no".',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute: (ctx) =>
    needSubject(ctx).mediprima.some((c) => c.from <= ctx.today && covers(c, ctx.today)) ? 'yes' : 'no',
});
