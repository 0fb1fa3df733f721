import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../errors.ts';

/**
 * The challenge of a 401. `Bearer`, not `Basic`: a `Basic` challenge makes browsers pop up their own login dialog
 * over the trainer UI when a `fetch` carries a wrong password. HTTP Basic is still accepted.
 */
export const TRAINER_CHALLENGE = 'Bearer realm="KSZ sandbox trainer", charset="UTF-8"';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Equal in constant time: both sides are hashed first, so neither the length nor a prefix leaks. */
export const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(digest(given), digest(expected));

/** What an `Authorization` header offers: a bearer token, or the password of HTTP Basic (any user name). */
export function offered(header: string | undefined): { scheme: 'bearer' | 'basic'; secret: string } | null {
  const m = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  if (m[1]!.toLowerCase() === 'bearer') return { scheme: 'bearer', secret: m[2]! };
  const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { scheme: 'basic', secret: decoded.slice(colon + 1) };
}

/**
 * Guards the trainer routes with `TRAINER_PASSWORD`: 503 when the server has none, 401 (with a challenge) for a
 * missing or wrong one, 403 `trainer-only` for a participant's own token — so the participant UI can say why.
 *
 * @example
 * app.use('*', trainerAuth({ password: 'secret', isParticipantToken: (t) => store.has(t) }));
 */
export function trainerAuth(opts: {
  password: string | null | undefined;
  isParticipantToken: (token: string) => boolean;
}): MiddlewareHandler {
  return async (c, next) => {
    if (!opts.password) return apiError(c, 503, 'trainer-disabled');
    const given = offered(c.req.header('Authorization'));
    if (given && sameSecret(given.secret, opts.password)) return next();
    if (given?.scheme === 'bearer' && opts.isParticipantToken(given.secret)) return apiError(c, 403, 'trainer-only');
    return apiError(c, 401, 'trainer-unauthorized', undefined, { 'WWW-Authenticate': TRAINER_CHALLENGE });
  };
}
