import { type Context, Hono } from 'hono';
import { apiError, badRequest } from '../errors.ts';
import { trainerAuth } from './auth.ts';
import { objectBody } from './body.ts';
import { hashRejoinCode, newId, newJoinCode, newRejoinCode } from './codes.ts';
import { consoleOf } from './console.ts';
import { resultsInput, viewOf, type WorkshopDeps } from './deps.ts';
import { exportRoutes } from './export-routes.ts';
import { type Transition, transition } from './state.ts';
import type { WorkshopRecord } from './types.ts';
import { CREATE_FIELDS, checkNewWorkshop, checkPatch, PATCH_FIELDS } from './validate.ts';

const TRANSITIONS: Transition[] = ['start', 'pause', 'resume', 'end'];

/**
 * The trainer's workshop API (`/api/workshops`, docs/decisions/006-workshops.md), behind `TRAINER_PASSWORD`:
 * create, list, the console, settings, the state machine, reveal, rejoin codes and the exports.
 *
 * @example
 * app.route('/workshops', trainerRoutes({ ...trainingDeps, exercises, isParticipantToken }));
 */
export function trainerRoutes(deps: WorkshopDeps): Hono {
  const app = new Hono();
  const store = deps.store.workshops;
  app.use('*', trainerAuth({ password: deps.trainerPassword, isParticipantToken: deps.isParticipantToken }));

  const find = (c: Context): WorkshopRecord | undefined => store.get(c.req.param('id') ?? '');
  const unknown = (c: Context) => apiError(c, 404, 'unknown-workshop');

  app.post('/', async (c) => {
    const body = await objectBody(c, CREATE_FIELDS, {
      nl: '{ "title": "…", "exercises": ["…"], "language"?, "timeBoxMinutes"?, "leaderboard"? }.',
      fr: '{ "title": "…", "exercises": ["…"], "language"?, "timeBoxMinutes"?, "leaderboard"? }.',
    });
    if (!body.ok) return body.response;
    const checked = checkNewWorkshop(body.value, new Set(deps.exercises.keys()));
    if (!checked.ok) return badRequest(c, checked.message);
    // 31^6 ≈ 900 million codes: a collision is rare; drawing again until free keeps codes unique.
    let code = newJoinCode();
    while (store.byCode(code)) code = newJoinCode();
    const w: WorkshopRecord = {
      id: newId(),
      code,
      ...checked.value,
      state: 'lobby',
      createdAt: deps.now().toISOString(),
      startedAt: null,
      pausedAt: null,
      endedAt: null,
      pausedMs: 0,
      revealed: false,
    };
    store.add(w);
    return c.json(viewOf(c, deps, w), 201);
  });

  app.get('/', (c) => c.json(store.list().map((w) => viewOf(c, deps, w))));

  app.get('/:id', (c) => {
    const w = find(c);
    if (!w) return unknown(c);
    // One clock reading for the whole answer: the status and the idle times agree with serverNow.
    const now = deps.now();
    const stats = consoleOf({
      ...resultsInput(deps, w),
      sources: { lastHintAt: store.lastHintAt(w.id), consultedAt: (tenant) => deps.ksz.journal.lastAt(tenant) },
      now,
    });
    return c.json({ workshop: viewOf(c, deps, w, now), ...stats });
  });

  app.patch('/:id', async (c) => {
    const w = find(c);
    if (!w) return unknown(c);
    const body = await objectBody(c, PATCH_FIELDS, {
      nl: '{ "title"?, "leaderboard"?, "timeBoxMinutes"? }.',
      fr: '{ "title"?, "leaderboard"?, "timeBoxMinutes"? }.',
    });
    if (!body.ok) return body.response;
    const patch = checkPatch(body.value);
    if (!patch.ok) return badRequest(c, patch.message);
    // A longer time box reopens a workshop its box had ended: the status is computed from the box and the clock.
    const next = { ...w, ...patch.value };
    store.save(next);
    return c.json(viewOf(c, deps, next));
  });

  for (const action of TRANSITIONS)
    app.post(`/:id/${action}`, (c) => {
      const w = find(c);
      if (!w) return unknown(c);
      const next = transition(w, action, deps.now());
      if (!next) return apiError(c, 409, 'bad-state');
      store.save(next);
      return c.json(viewOf(c, deps, next));
    });

  app.post('/:id/reveal', async (c) => {
    const w = find(c);
    if (!w) return unknown(c);
    const body = await objectBody(c, ['revealed'], {
      nl: '{ "revealed"?: true | false }.',
      fr: '{ "revealed"?: true | false }.',
    });
    if (!body.ok) return body.response;
    const revealed = body.value.revealed ?? true;
    if (typeof revealed !== 'boolean')
      return badRequest(c, { nl: '"revealed" moet true of false zijn.', fr: '« revealed » doit être true ou false.' });
    const next = { ...w, revealed };
    store.save(next);
    return c.json(viewOf(c, deps, next));
  });

  app.post('/:id/participants/:pid/rejoin-code', (c) => {
    const w = find(c);
    if (!w) return unknown(c);
    const p = store.participant(w.id, c.req.param('pid') ?? '');
    if (!p) return apiError(c, 404, 'unknown-participant');
    // Only the hash is kept: the old code stops working, the new one is shown this once.
    const rejoinCode = newRejoinCode();
    store.setRejoinHash(p.id, hashRejoinCode(rejoinCode));
    return c.json({ rejoinCode });
  });

  app.route('/', exportRoutes(deps));
  return app;
}
