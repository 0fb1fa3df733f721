import { ALERT_TYPES, type AlertType } from '../../../flows/knipperlichten/codes.ts';
import { defineKey, KeyError } from './define.ts';
import { namesOf, sentAlerts } from './support.ts';

/** One fact of the evidence of the first alert of a type (an amount scaled to EUR, a date, a kind …). */
export default defineKey<{ type: AlertType; field: string; scale?: number }>({
  name: 'knipperlichten-evidence',
  description:
    'A field of the evidence of the first alert of the given type (numbers multiplied by `scale`, e.g. 0.01 for cents to EUR). The field `otherOcmw` gives the names (nl, fr) of the other OCMW.',
  params: {
    type: 'object',
    required: ['type', 'field'],
    additionalProperties: false,
    properties: {
      type: { enum: ALERT_TYPES.map((t) => t.type) },
      field: { type: 'string', minLength: 1 },
      scale: { type: 'number', exclusiveMinimum: 0 },
    },
  },
  compute(ctx, { type, field, scale }) {
    const alert = sentAlerts(ctx).find((a) => a.type === type);
    if (!alert) throw new KeyError(`no alert of type ${type} by ${ctx.today}`);
    if (field === 'otherOcmw') {
      const org = ctx.world.organisations.find((o) => o.kbo === alert.evidence.otherOcmwKbo);
      if (!org) throw new KeyError('the alert names no known other OCMW');
      return namesOf(org);
    }
    const value = alert.evidence[field];
    if (typeof value === 'number') return Math.round(value * (scale ?? 1) * 100) / 100;
    if (typeof value === 'string') return value;
    throw new KeyError(`evidence field ${field} of ${type} is not a number or a text`);
  },
});
