import { Hono } from 'hono';
import { apiError, badRequest } from '../errors.ts';
import { participantSeed } from '../variant.ts';
import { objectBody } from './body.ts';
import {
  checkPseudonym,
  formatRejoinCode,
  hashRejoinCode,
  hashToken,
  isWellFormedCode,
  newId,
  newRejoinCode,
  newToken,
  normaliseCode,
  pseudonymKey,
} from './codes.ts';
import type { WorkshopDeps } from './deps.ts';
import { clientKey, createTryLimiter } from './limiter.ts';
import { JOIN_ENDED } from './messages.ts';
import { clocked } from './state.ts';
import { participantWorkshopView } from './views.ts';

/**
 * `POST /api/join`: a participant joins a workshop with its code and a pseudonym (201), or comes back with their
 * rejoin code (200, a new token; the old one stops working). Wrong codes are counted per client: 20 in a minute
 * and the client waits (429), so codes cannot be guessed from the room's Wi-Fi.
 *
 * @example
 * app.route('/join', joinRoutes(workshopDeps));
 */
export function joinRoutes(deps: WorkshopDeps): Hono {
  const app = new Hono();
  const store = deps.store.workshops;
  const limiter = createTryLimiter();

  app.post('/', async (c) => {
    const now = deps.now();
    const key = clientKey(c);
    const wait = limiter.blocked(key, now.getTime());
    if (wait > 0) return apiError(c, 429, 'too-many-tries', undefined, { 'Retry-After': String(wait) });
    const body = await objectBody(c, ['code', 'pseudonym', 'rejoinCode'], {
      nl: '{ "code": "…", "pseudonym": "…" } of { "code": "…", "rejoinCode": "XXXX-XXXX" }.',
      fr: '{ "code": "…", "pseudonym": "…" } ou { "code": "…", "rejoinCode": "XXXX-XXXX" }.',
    });
    if (!body.ok) return body.response;
    const { code, pseudonym, rejoinCode } = body.value;
    if (typeof code !== 'string')
      return badRequest(c, {
        nl: 'Geef de code van de workshop: { "code": "…" }.',
        fr: 'Donnez le code de l’atelier : { "code": "…" }.',
      });
    const normalised = normaliseCode(code);
    const w = isWellFormedCode(normalised, 'join') ? store.byCode(normalised) : undefined;
    if (!w) {
      limiter.fail(key, now.getTime());
      return apiError(c, 404, 'unknown-code');
    }
    const joined = (token: string, rejoin: string, p: { id: string; pseudonym: string }, status: 200 | 201) =>
      c.json(
        {
          token,
          rejoinCode: rejoin,
          participant: { id: p.id, pseudonym: p.pseudonym },
          workshop: participantWorkshopView(w, deps.exercises, now),
        },
        status,
      );

    if (rejoinCode !== undefined) {
      if (typeof rejoinCode !== 'string')
        return badRequest(c, {
          nl: '"rejoinCode" moet een tekst zijn, zoals ABCD-EFGH.',
          fr: '« rejoinCode » doit être un texte, comme ABCD-EFGH.',
        });
      const input = normaliseCode(rejoinCode);
      const p = isWellFormedCode(input, 'rejoin') ? store.byRejoinHash(w.id, hashRejoinCode(input)) : undefined;
      if (!p) {
        limiter.fail(key, now.getTime());
        return apiError(c, 404, 'unknown-rejoin-code');
      }
      // Rejoining always works, even after the end (to read one's results); one browser at a time.
      const token = newToken();
      store.rejoin(p.id, hashToken(token), now.toISOString());
      return joined(token, formatRejoinCode(input), p, 200);
    }

    if (clocked(w, now).status === 'ended') return apiError(c, 410, 'workshop-ended', JOIN_ENDED);
    const checked = checkPseudonym(pseudonym);
    if (!checked.ok) return badRequest(c, checked.message);
    const name = checked.name;
    const id = newId();
    const token = newToken();
    const rejoin = newRejoinCode();
    const added = store.join({
      id,
      pseudonym: name,
      seed: participantSeed(id),
      createdAt: now.toISOString(),
      workshopId: w.id,
      tokenHash: hashToken(token),
      pseudonymKey: pseudonymKey(name),
      rejoinHash: hashRejoinCode(rejoin),
    });
    if (!added) return apiError(c, 409, 'pseudonym-taken');
    return joined(token, rejoin, { id, pseudonym: name }, 201);
  });

  return app;
}
