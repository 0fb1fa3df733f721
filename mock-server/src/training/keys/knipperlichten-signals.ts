import { defineKey } from './define.ts';
import { sentAlerts } from './support.ts';

/** The types of the knipperlichten the POD MI sent about the subject's leefloon file by today. */
export default defineKey<Record<string, never>>({
  name: 'knipperlichten-signals',
  description:
    'The set of alert types (EMPLOYMENT, UNEMPLOYMENT_BENEFIT …) the knipperlichten computation raises for the file’s OCMW and the subject, emitted by today.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute: (ctx) => [...new Set(sentAlerts(ctx).map((a) => a.type))].sort(),
});
