import { timingSafeEqual } from 'node:crypto';
import type { Organisation, User, World } from '../../../../scenarios/engine/model.ts';

/** Who calls: the SSDN envelope's AuthorizedUser, or HTTP Basic credentials (new-style SOAP and JSON). */
export type Caller =
  | { kind: 'ssdn'; userId: string; orgUnit: string; matrixId: string; matrixSubId: string }
  | { kind: 'basic'; username: string; password: string; cbeNumber?: string };

export type IdentityResult =
  | { ok: true; user: User; organisation: Organisation }
  | { ok: false; step: 'credentials' | 'organisation'; reason: string; user?: User };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Step 1 and 2 of the checks: the credentials name a user of the tenant, and the organisation the request speaks
 * for is that user's OCMW (KBO number; sector 17, subsector 1 in SSDN).
 */
export function identify(world: World, caller: Caller): IdentityResult {
  const user =
    caller.kind === 'ssdn'
      ? world.users.find((u) => u.userId === caller.userId)
      : world.users.find((u) => u.username === caller.username);
  if (!user)
    return {
      ok: false,
      step: 'credentials',
      reason: caller.kind === 'ssdn' ? `unknown UserID ${caller.userId}` : 'unknown user or wrong password',
    };
  if (caller.kind === 'basic' && !sameSecret(caller.password, user.password))
    return { ok: false, step: 'credentials', reason: 'unknown user or wrong password' };
  const organisation = world.organisations.find((o) => o.id === user.organisation);
  if (!organisation) return { ok: false, step: 'organisation', reason: 'the user has no organisation', user };
  if (caller.kind === 'ssdn') {
    if (caller.orgUnit !== organisation.kbo)
      return {
        ok: false,
        step: 'organisation',
        reason: `OrgUnit ${caller.orgUnit} is not the organisation of user ${caller.userId}`,
        user,
      };
    if (caller.matrixId !== '17' || caller.matrixSubId !== '1')
      return {
        ok: false,
        step: 'organisation',
        reason: `MatrixID/MatrixSubID ${caller.matrixId}/${caller.matrixSubId} is not an OCMW (17/1)`,
        user,
      };
  } else if (caller.cbeNumber !== undefined && caller.cbeNumber !== organisation.kbo) {
    return {
      ok: false,
      step: 'organisation',
      reason: `cbeNumber ${caller.cbeNumber} is not the organisation of user ${user.username}`,
      user,
    };
  }
  return { ok: true, user, organisation };
}
