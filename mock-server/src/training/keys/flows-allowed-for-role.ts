import { defineKey } from './define.ts';

/** The flows of the catalogue a role may use (the role matrix the mock enforces). */
export default defineKey<{ role: 'social-worker' | 'financial-manager' | 'secretary' | 'security-adviser' }>({
  name: 'flows-allowed-for-role',
  description: 'The ids of the catalogue flows whose roles include the given role.',
  params: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: { role: { enum: ['social-worker', 'financial-manager', 'secretary', 'security-adviser'] } },
  },
  compute: (ctx, { role }) =>
    ctx.flows
      .filter((f) => f.roles.includes(role))
      .map((f) => f.id)
      .sort(),
});
