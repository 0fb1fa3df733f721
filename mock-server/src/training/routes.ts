import { type Context, Hono } from 'hono';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { FlowDef } from '../ksz/flows/define.ts';
import type { TenantManager } from '../ksz/tenants/types.ts';
import { groupCommit } from '../store/group-commit.ts';
import type { Store } from '../store/types.ts';
import { apiError, badRequest } from './errors.ts';
import { precomputeKeys, score } from './score.ts';
import type { AttemptRecord, Participant, TrainingStore } from './store.ts';
import { fillText } from './text.ts';
import { type Exercise, type FlowFacts, type ScoreResult, SETUP_REGISTRANT, type Variant } from './types.ts';
import { validateSubmission } from './validate.ts';
import { instantiate, participantSeed, variantSeeds } from './variant.ts';
import { jsonBody } from './workshops/body.ts';
import { checkPseudonym, hashToken, newId, newToken } from './workshops/codes.ts';
import { joinRoutes } from './workshops/join-routes.ts';
import { actionRefusal, startDecision } from './workshops/rules.ts';
import { trainerRoutes } from './workshops/trainer-routes.ts';
import type { WorkshopRecord } from './workshops/types.ts';
import { exerciseSummary, participantWorkshopView, shownResult } from './workshops/views.ts';

export interface TrainingDeps {
  store: TrainingStore;
  /** The KSZ store: the workspaces' journal and integration register. */
  ksz: Store;
  tenants: TenantManager;
  flows: FlowDef[];
  exercises: Exercise[];
  now: () => Date;
  /** `TRAINER_PASSWORD`: the trainer's routes (`/api/workshops`) answer 503 without it. */
  trainerPassword?: string | null;
  /** `PUBLIC_URL`: the origin participants reach the server at (join URL, QR code); else the request's origin. */
  publicUrl?: string | null;
}

/** The preset of every workspace: all named scenarios plus background households (one world per participant). */
export const WORKSPACE_PRESET = 'small';
const FAMILY_ORDER = ['infosec', 'esv', 'knipperlichten'];

export const flowFacts = (flows: readonly FlowDef[]): FlowFacts[] =>
  flows.map((f) => ({
    id: f.id,
    names: { nl: f.names.nl, fr: f.names.fr },
    roles: [...f.roles],
    operations: f.operations.map((o) => ({ name: o.name, integration: o.integration })),
  }));

/**
 * The training API (`/api/…`, see docs and the contract): the exercise catalogue, participants with a bearer token,
 * attempts (one workspace tenant each: preset `small`, the variant's world seed, the exercise's fixed clock), hints
 * and scoring. Answer keys stay here: computed when an attempt starts, kept with it, used when it is submitted.
 *
 * @example
 * app.route('/api', trainingRoutes({ store, ksz, tenants, flows, exercises: loadExercises(), now }));
 */
export function trainingRoutes(deps: TrainingDeps): Hono {
  const app = new Hono();
  // A room submitting at once is committed in a few transactions, each answer still durable before its reply.
  const submissions = groupCommit(deps.store.attempts.submitMany);
  const exercises = new Map(deps.exercises.map((x) => [x.id, x]));
  const facts = flowFacts(deps.flows);

  function participantOf(c: Context): Participant | undefined {
    const header = c.req.header('Authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? deps.store.participants.byTokenHash(hashToken(m[1]!)) : undefined;
  }

  /** The attempt of the path, checked in the order 401, 404, 403. */
  function ownAttempt(
    c: Context,
  ):
    | { ok: true; participant: Participant; attempt: AttemptRecord; exercise: Exercise }
    | { ok: false; response: Response } {
    const participant = participantOf(c);
    if (!participant) return { ok: false, response: apiError(c, 401, 'unauthorized') };
    const attempt = deps.store.attempts.get(c.req.param('id') ?? '');
    const exercise = attempt && exercises.get(attempt.exerciseId);
    if (!attempt || !exercise) return { ok: false, response: apiError(c, 404, 'not-found') };
    if (attempt.participantId !== participant.id) return { ok: false, response: apiError(c, 403, 'forbidden') };
    return { ok: true, participant, attempt, exercise };
  }

  const summary = exerciseSummary;

  /** The workshop of a participant who joined one (`POST /api/join`); standalone participants have none. */
  const workshopOf = (p: Participant): WorkshopRecord | undefined =>
    p.workshopId === null ? undefined : deps.store.workshops.get(p.workshopId);

  /** A result as the participant may see it: a workshop withholds the explanations until the trainer reveals. */
  const resultFor = (p: Participant, result: ScoreResult) => {
    const w = workshopOf(p);
    return w ? shownResult(result, w.revealed) : result;
  };

  function attemptView(x: Exercise, a: AttemptRecord, p: Participant) {
    const v: Variant = a.variant;
    const shown = v.subject && x.subject?.shown !== false;
    return {
      id: a.id,
      exerciseId: x.id,
      family: x.family,
      title: x.title,
      difficulty: x.difficulty,
      brief: fillText(x.brief, v.placeholders),
      status: a.status,
      hints: x.hints.map((h) => ({ id: h.id, cost: h.cost })),
      questions: x.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        prompt: fillText(q.prompt, v.placeholders),
        ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
      })),
      workspace: {
        tenant: a.tenant,
        basePath: `/t/${a.tenant}`,
        username: v.username,
        password: v.password,
        today: v.today,
      },
      ...(shown && v.subject
        ? { subject: { insz: v.subject.insz, name: v.placeholders.nl.name ?? v.subject.insz } }
        : {}),
      ...(a.status === 'submitted' && a.result ? { result: resultFor(p, a.result) } : {}),
    };
  }

  app.get('/exercises', (c) =>
    c.json(
      [...exercises.values()]
        .sort(
          (a, b) =>
            FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) ||
            a.difficulty - b.difficulty ||
            a.id.localeCompare(b.id),
        )
        .map(summary),
    ),
  );

  app.post('/participants', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const input = body.value ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return badRequest(c, {
        nl: 'De inhoud moet een JSON-object zijn: { "pseudonym": "…" }.',
        fr: 'Le contenu doit être un objet JSON : { "pseudonym": "…" }.',
      });
    const raw = (input as Record<string, unknown>).pseudonym;
    const checked = raw === undefined ? undefined : checkPseudonym(raw);
    if (checked && !checked.ok) return badRequest(c, checked.message);
    const id = newId();
    const token = newToken();
    const participant: Participant = {
      id,
      pseudonym: checked?.ok ? checked.name : `deelnemer-${id.slice(0, 4)}`,
      seed: participantSeed(id),
      createdAt: deps.now().toISOString(),
      workshopId: null,
    };
    deps.store.participants.add({ ...participant, tokenHash: hashToken(token) });
    return c.json({ token, participant: { id: participant.id, pseudonym: participant.pseudonym } }, 201);
  });

  app.get('/participants/me', (c) => {
    const participant = participantOf(c);
    if (!participant) return apiError(c, 401, 'unauthorized');
    const workshop = workshopOf(participant);
    return c.json({
      id: participant.id,
      pseudonym: participant.pseudonym,
      attempts: deps.store.attempts.ofParticipant(participant.id).map((a) => ({
        id: a.id,
        exerciseId: a.exerciseId,
        status: a.status,
        ...(a.result ? { points: a.result.points, max: a.result.max } : {}),
      })),
      ...(workshop ? { workshop: participantWorkshopView(workshop, exercises, deps.now()) } : {}),
    });
  });

  app.post('/attempts', async (c) => {
    const participant = participantOf(c);
    if (!participant) return apiError(c, 401, 'unauthorized');
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const exerciseId = (body.value as { exerciseId?: unknown } | undefined)?.exerciseId;
    if (typeof body.value !== 'object' || body.value === null || typeof exerciseId !== 'string')
      return badRequest(c, {
        nl: 'Geef de oefening op: { "exerciseId": "…" }.',
        fr: 'Indiquez l’exercice : { "exerciseId": "…" }.',
      });
    const exercise = exercises.get(exerciseId);
    if (!exercise) return apiError(c, 404, 'unknown-exercise');
    const workshop = workshopOf(participant);
    if (workshop) {
      const attempts = deps.store.attempts.ofParticipant(participant.id);
      const decision = startDecision(workshop, attempts, exercise.id, deps.now());
      if (decision.kind === 'open') return c.json(attemptView(exercise, decision.attempt, participant), 200);
      if (decision.kind === 'refuse') return apiError(c, decision.status, decision.code);
    }
    const n = deps.store.attempts.count(participant.id, exercise.id);
    const seeds = variantSeeds(participant.seed, exercise.id, n);
    const id = newId();
    const tenantId = `tr-${id}`;
    // The workspace first: an attempt row never points at a tenant that does not exist.
    const { tenant } = deps.tenants.create({
      id: tenantId,
      preset: WORKSPACE_PRESET,
      seed: seeds.worldSeed,
      clock: exercise.today,
      settings: { training: { attempt: id, exercise: exercise.id } },
    });
    const variant = instantiate(exercise, seeds, n, tenant.world);
    const person = variant.subject ? indexOf(tenant.world).persons.get(variant.subject.insz) : undefined;
    const at = deps.now().toISOString();
    for (const r of exercise.setup?.registrations ?? []) {
      if (!person) break;
      const from =
        r.from === 'today'
          ? variant.today
          : r.from === 'first-decision'
            ? (person.ocmwDecisions
                .filter((d) => d.ocmwKbo === variant.ocmwKbo)
                .map((d) => d.period.from)
                .sort()[0] ?? variant.today)
            : r.from;
      deps.ksz.registrations.add({
        tenant: tenantId,
        organisation: variant.ocmwKbo,
        insz: person.insz,
        qualityCode: r.qualityCode,
        from,
        to: r.to ?? null,
        registeredBy: SETUP_REGISTRANT,
        registeredAt: at,
        unregisteredAt: null,
      });
    }
    deps.store.attempts.add(
      {
        id,
        participantId: participant.id,
        exerciseId: exercise.id,
        number: n,
        tenant: tenantId,
        variant,
        createdAt: at,
      },
      precomputeKeys(exercise, variant, { world: tenant.world, flows: facts }),
    );
    const attempt = deps.store.attempts.get(id)!;
    return c.json(attemptView(exercise, attempt, participant), 201);
  });

  app.get('/attempts/:id', (c) => {
    const r = ownAttempt(c);
    if (!r.ok) return r.response;
    return c.json(attemptView(r.exercise, r.attempt, r.participant));
  });

  app.post('/attempts/:id/hints/:hintId', (c) => {
    const r = ownAttempt(c);
    if (!r.ok) return r.response;
    const hint = r.exercise.hints.find((h) => h.id === c.req.param('hintId'));
    if (!hint) return apiError(c, 404, 'unknown-hint');
    // In a workshop a new hint needs a running workshop; one already taken is shown again (that is reading).
    const workshop = workshopOf(r.participant);
    if (workshop && r.attempt.status === 'open' && !r.attempt.hints.includes(hint.id)) {
      const why = actionRefusal(workshop, deps.now());
      if (why) return apiError(c, 409, why);
    }
    // Taking a hint again shows it again without a second cost; after submission it costs nothing any more.
    if (r.attempt.status === 'open') deps.store.attempts.takeHint(r.attempt.id, hint.id, deps.now().toISOString());
    return c.json({ id: hint.id, cost: hint.cost, text: fillText(hint.text, r.attempt.variant.placeholders) });
  });

  app.post('/attempts/:id/submit', async (c) => {
    const r = ownAttempt(c);
    if (!r.ok) return r.response;
    if (r.attempt.status === 'submitted') return apiError(c, 409, 'already-submitted');
    const workshop = workshopOf(r.participant);
    const why = workshop && actionRefusal(workshop, deps.now());
    if (why) return apiError(c, 409, why);
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const checked = validateSubmission(r.exercise, body.value);
    if (!checked.ok) return badRequest(c, checked.message);
    const tenant = deps.tenants.get(r.attempt.tenant);
    if (!tenant) return apiError(c, 409, 'workspace-missing');
    const result = score(r.exercise, r.attempt.variant, {
      answers: checked.answers,
      hints: r.attempt.hints,
      journal: deps.ksz.journal.query(r.attempt.tenant),
      registrations: deps.ksz.registrations.list(r.attempt.tenant),
      world: tenant.world,
      flows: facts,
      keys: deps.store.attempts.keys(r.attempt.id),
    });
    const stored = await submissions({
      attemptId: r.attempt.id,
      answers: checked.answers,
      result,
      at: deps.now().toISOString(),
    });
    if (!stored) return apiError(c, 409, 'already-submitted');
    return c.json(resultFor(r.participant, result));
  });

  // Live workshops (docs/decisions/006-workshops.md): the trainer's routes and joining with a code.
  const workshopDeps = {
    ...deps,
    exercises,
    isParticipantToken: (token: string) => deps.store.participants.byTokenHash(hashToken(token)) !== undefined,
  };
  app.route('/workshops', trainerRoutes(workshopDeps));
  app.route('/join', joinRoutes(workshopDeps));

  app.all('*', (c) =>
    apiError(c, 404, 'not-found', {
      nl: `Geen API-route voor ${c.req.method} ${c.req.path}.`,
      fr: `Pas de route d’API pour ${c.req.method} ${c.req.path}.`,
    }),
  );

  return app;
}
