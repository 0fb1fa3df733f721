import { ALERT_TYPES, type AlertType } from '../../../flows/knipperlichten/codes.ts';
import { defineKey, KeyError } from './define.ts';
import { sentAlerts } from './support.ts';

/** The first day of leefloon a knipperlicht is about (optionally of one type). */
export default defineKey<{ type?: AlertType }>({
  name: 'knipperlichten-signal-start',
  description: 'The start of the leefloon period the first alert (of the given type, if any) is about.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: { type: { enum: ALERT_TYPES.map((t) => t.type) } },
  },
  compute(ctx, { type }) {
    const alert = sentAlerts(ctx).find((a) => type === undefined || a.type === type);
    if (!alert) throw new KeyError(`no alert${type ? ` of type ${type}` : ''} by ${ctx.today}`);
    return alert.period.from;
  },
});
