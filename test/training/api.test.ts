import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import type { Exercise, ScoreResult } from '../../mock-server/src/training/types.ts';
import { indexOf } from '../../scenarios/engine/as-of.ts';
import type { Person } from '../../scenarios/engine/model.ts';
import {
  type AttemptView,
  answerKey,
  call,
  rightAnswers,
  type TrainingServer,
  trainingServer,
} from '../support/training.ts';

/**
 * The training API through the front door (`app.request`): a participant plays one exercise of each family, doing
 * the infosec actions through the JSON face of the mock with the workspace credentials, and gets the expected score.
 */
let server: TrainingServer;
const exercises = new Map(loadExercises().map((x) => [x.id, x]));
const LEGAL = 'PCSA:SOCIAL_INQUIRY';

beforeAll(async () => {
  server = await trainingServer();
});

async function participant(pseudonym?: string): Promise<string> {
  const r = await call<{ token: string; participant: { id: string; pseudonym: string } }>(
    server.app,
    'POST',
    '/api/participants',
    pseudonym === undefined ? {} : { body: { pseudonym } },
  );
  expect(r.status).toBe(201);
  return r.body.token;
}

async function start(token: string, exerciseId: string): Promise<AttemptView> {
  const r = await call<AttemptView>(server.app, 'POST', '/api/attempts', { token, body: { exerciseId } });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

async function submit(token: string, attempt: AttemptView, answers: Record<string, unknown>) {
  return call<ScoreResult>(server.app, 'POST', `/api/attempts/${attempt.id}/submit`, { token, body: { answers } });
}

const worldOf = (a: AttemptView) => server.tenants.get(a.workspace.tenant)!.world;
const personOf = (a: AttemptView): Person => indexOf(worldOf(a)).persons.get(a.subject!.insz)!;
const variantOf = (a: AttemptView) => server.training.attempts.get(a.id)!.variant;
const exerciseOf = (a: AttemptView): Exercise => exercises.get(a.exerciseId)!;

/** The workspace's JSON face, with the attempt's synthetic credentials. */
function ksz(a: AttemptView, flow: string, operation: string, body: Record<string, unknown>) {
  return call<Record<string, unknown> & { status: { code: string } }>(
    server.app,
    'POST',
    `${a.workspace.basePath}/ksz/json/${flow}/${operation}`,
    { basic: [a.workspace.username, a.workspace.password], body },
  );
}

async function register(a: AttemptView, purpose: string) {
  const p = personOf(a);
  const r = await ksz(a, 'manage-access', 'manageAccess', {
    ssin: p.insz,
    purpose,
    action: 'REGISTER',
    period: { startDate: a.workspace.today },
    proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
  });
  expect(r.body.status.code, r.text).toBe('MSG00000');
}

async function readEsv(a: AttemptView) {
  const ssin = a.subject!.insz;
  const asked = await ksz(a, 'esv', 'requestSocialReport', { legalContext: LEGAL, ssin });
  expect(asked.body.status.code, asked.text).toBe('MSG00000');
  const report = await ksz(a, 'esv', 'getSocialReport', { legalContext: LEGAL, ssin, ticket: asked.body.ticket });
  expect(report.body.status.code, report.text).toBe('MSG00000');
  return report.body as unknown as {
    previousOcmws: { decisions: { kind: string; amountCents: number; period: { from: string } }[] }[];
  };
}

describe('the catalogue and the participants', () => {
  it('lists the exercises without anything of their keys', async () => {
    const r = await call<Record<string, unknown>[]>(server.app, 'GET', '/api/exercises');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(exercises.size);
    for (const x of r.body) expect(Object.keys(x).sort()).toEqual(['difficulty', 'family', 'id', 'title']);
    expect(new Set(r.body.map((x) => x.family))).toEqual(new Set(['infosec', 'esv', 'knipperlichten']));
  });

  it('registers a participant with a token and shows them their (empty) progress', async () => {
    const r = await call<{ token: string; participant: { id: string; pseudonym: string } }>(
      server.app,
      'POST',
      '/api/participants',
      { body: { pseudonym: '  Tafel 3  ' } },
    );
    expect(r.status).toBe(201);
    expect(r.body.participant.pseudonym).toBe('Tafel 3');
    expect(r.body.token.length).toBeGreaterThan(30);
    const me = await call(server.app, 'GET', '/api/participants/me', { token: r.body.token });
    expect(me.body).toEqual({ id: r.body.participant.id, pseudonym: 'Tafel 3', attempts: [] });
    const anonymous = await call<{ participant: { pseudonym: string } }>(server.app, 'POST', '/api/participants');
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.participant.pseudonym).toMatch(/^deelnemer-/);
  });
});

describe('an infosec exercise played in the workspace', () => {
  it('gives full marks for registering with code 1, reading the ESV and nothing else', async () => {
    const token = await participant('Goed');
    const a = await start(token, 'infosec-desk-leefloon-application');
    expect(a.status).toBe('open');
    expect(a.workspace).toMatchObject({
      basePath: `/t/${a.workspace.tenant}`,
      username: 'mw.gent',
      today: '2025-09-22',
    });
    expect(a.subject?.name).toBe(`${personOf(a).givenName} ${personOf(a).familyName}`);
    expect(a.brief.nl).toContain(a.subject!.insz);
    expect(a.brief.fr).toContain(a.subject!.insz);

    await register(a, '1');
    await readEsv(a);
    const r = await submit(token, a, { 'why-esv': 'compulsory' });
    expect(r.status).toBe(200);
    expect(r.body.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.body).toMatchObject({ points: 12, max: 12 });
    for (const c of r.body.checks) {
      expect(c.explanation.nl).not.toMatch(/\{\w+\}/);
      expect(c.explanation.fr).not.toMatch(/\{\w+\}/);
      expect(c.source.length).toBeGreaterThan(3);
    }
    const again = await call<AttemptView>(server.app, 'GET', `/api/attempts/${a.id}`, { token });
    expect(again.body.status).toBe('submitted');
    expect(again.body.result).toEqual(r.body);
  });

  it('gives less for the wrong code, a curious consultation, no ESV and a wrong answer — and says so', async () => {
    const token = await participant('Nieuwsgierig');
    const a = await start(token, 'infosec-desk-leefloon-application');
    const before = await ksz(a, 'kbi', 'consultCivicIntegrationFile', { legalContext: LEGAL, ssin: a.subject!.insz });
    expect(before.body.status.code).toBe('MSG00012');
    await register(a, '2');
    const kbi = await ksz(a, 'kbi', 'consultCivicIntegrationFile', { legalContext: LEGAL, ssin: a.subject!.insz });
    expect(kbi.body.status.code).not.toBe('MSG00012');
    const r = await submit(token, a, { 'why-esv': 'optional' });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.checks.map((c) => [c.id, c]));
    expect(byId.registered?.passed).toBe(false);
    expect(byId.registered?.explanation.nl).toContain('Jij registreerde met: 2.');
    expect(byId['esv-consulted']?.passed).toBe(false);
    expect(byId['only-needed']?.passed).toBe(false);
    expect(byId['only-needed']?.explanation.nl).toContain('Onnodig geraadpleegd: Kruispuntbank Inburgering (KBI).');
    expect(byId['no-others']?.passed).toBe(true);
    expect(byId['why-esv']?.passed).toBe(false);
    expect(r.body).toMatchObject({ points: 2, max: 12 });
  });

  it('scores a refusal from the journal: nothing about the neighbour, or points lost', async () => {
    const token = await participant();
    const refused = await start(token, 'infosec-colleague-neighbour');
    expect(refused.subject).toBeUndefined();
    const good = await submit(token, refused, { reaction: 'refuse-report', rules: ['purpose', 'integration'] });
    expect(good.body).toMatchObject({ points: 10, max: 10 });

    const curious = await participant();
    const peek = await start(curious, 'infosec-colleague-neighbour');
    const neighbour = indexOf(worldOf(peek)).persons.get(variantOf(peek).subject!.insz)!;
    const look = await ksz(peek, 'kbi', 'consultCivicIntegrationFile', { legalContext: LEGAL, ssin: neighbour.insz });
    expect(look.body.status.code).toBe('MSG00012');
    const bad = await submit(curious, peek, { reaction: 'refuse', rules: ['purpose', 'integration'] });
    const failed = bad.body.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failed).toEqual(['nothing-about-neighbour', 'nothing-at-all']);
    expect(bad.body).toMatchObject({ points: 5, max: 10 });
  });

  it('plays the financial manager: within the role, the periods consulted, the matrix from the catalogue', async () => {
    const token = await participant();
    const a = await start(token, 'infosec-financial-manager');
    expect(a.workspace.username).toBe('fb.gent');
    const esv = await ksz(a, 'esv', 'requestSocialReport', { legalContext: LEGAL, ssin: a.subject!.insz });
    expect(esv.body.status.code).toBe('MSG00013');
    const answers = rightAnswers(exerciseOf(a), variantOf(a), worldOf(a), server);
    const r = await submit(token, a, answers);
    const failed = r.body.checks.filter((c) => !c.passed).map((c) => c.id);
    // The periods were not consulted and the ESV was refused for the role.
    expect(failed).toEqual(['periods', 'within-role']);
    expect(r.body).toMatchObject({ points: 6, max: 12 });
  });
});

describe('an ESV exercise', () => {
  it('gives full marks for the answers the report shows, and the key is what the workspace shows', async () => {
    const token = await participant();
    const a = await start(token, 'esv-current-decision');
    await register(a, '1');
    const report = await readEsv(a);
    const paid = report.previousOcmws
      .flatMap((o) => o.decisions)
      .filter((d) => d.kind === 'leefloon')
      .sort((x, y) => x.period.from.localeCompare(y.period.from));
    const answers = rightAnswers(exerciseOf(a), variantOf(a), worldOf(a), server);
    expect(answers.amount).toBe(paid[paid.length - 1]!.amountCents / 100);
    const r = await submit(token, a, { ...answers, amount: `${String(answers.amount).replace('.', ',')}` });
    expect(r.body).toMatchObject({ points: 8, max: 8 });
  });

  it('gives less for a wrong amount and a wrong date', async () => {
    const token = await participant();
    const a = await start(token, 'esv-current-decision');
    const answers = rightAnswers(exerciseOf(a), variantOf(a), worldOf(a), server);
    const r = await submit(token, a, { ...answers, amount: Number(answers.amount) + 50, since: '2020-02-01' });
    expect(r.body.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['amount', 'since']);
    expect(r.body).toMatchObject({ points: 3, max: 8 });
  });
});

describe('a knipperlichten exercise', () => {
  it('scores the right signals and follow-up, minus the hint taken; the alert is in the workspace too', async () => {
    const token = await participant();
    const a = await start(token, 'knipperlichten-undeclared-work');
    expect(a.brief.nl).toContain('OCMW Gent');
    const hint = await call<{ id: string; cost: number; text: { nl: string; fr: string } }>(
      server.app,
      'POST',
      `/api/attempts/${a.id}/hints/dimona`,
      { token },
    );
    expect(hint.status).toBe(200);
    expect(hint.body).toMatchObject({ id: 'dimona', cost: 1 });
    expect(hint.body.text.fr.length).toBeGreaterThan(10);
    // Taking the same hint again costs nothing more.
    await call(server.app, 'POST', `/api/attempts/${a.id}/hints/dimona`, { token });

    await register(a, '2');
    const alerts = await ksz(a, 'knipperlichten', 'listAlerts', { legalContext: LEGAL, ssin: a.subject!.insz });
    const types = (alerts.body.alerts as { type: { name: string } }[]).map((x) => x.type.name);
    const answers = rightAnswers(exerciseOf(a), variantOf(a), worldOf(a), server);
    expect(types).toEqual(answers.signals);
    const r = await submit(token, a, answers);
    expect(r.body).toMatchObject({ points: 9, max: 10 });
  });

  it('takes points off for a signal flagged wrongly', async () => {
    const token = await participant();
    const a = await start(token, 'knipperlichten-undeclared-work');
    const answers = rightAnswers(exerciseOf(a), variantOf(a), worldOf(a), server);
    const r = await submit(token, a, { ...answers, signals: [...(answers.signals as string[]), 'OTHER_OCMW'] });
    expect(r.body.checks.find((c) => c.id === 'signals')?.passed).toBe(false);
    expect(r.body).toMatchObject({ points: 6, max: 10 });
  });
});

describe('progress and retries', () => {
  it('a new attempt of the same exercise is a new variant in another world; progress lists both', async () => {
    const token = await participant();
    const first = await start(token, 'esv-current-decision');
    const second = await start(token, 'esv-current-decision');
    expect(second.id).not.toBe(first.id);
    expect(second.workspace.tenant).not.toBe(first.workspace.tenant);
    expect(variantOf(second).worldSeed).not.toBe(variantOf(first).worldSeed);
    expect(second.subject!.insz).not.toBe(first.subject!.insz);
    await submit(token, first, rightAnswers(exerciseOf(first), variantOf(first), worldOf(first), server));
    const me = await call<{ attempts: Record<string, unknown>[] }>(server.app, 'GET', '/api/participants/me', {
      token,
    });
    expect(me.body.attempts).toEqual([
      { id: first.id, exerciseId: 'esv-current-decision', status: 'submitted', points: 8, max: 8 },
      { id: second.id, exerciseId: 'esv-current-decision', status: 'open' },
    ]);
  });

  it('keeps every workspace apart: one attempt’s registrations do not help another', async () => {
    const token = await participant();
    const one = await start(token, 'infosec-urgent-medical-aid');
    await register(one, '4');
    const two = await start(token, 'infosec-urgent-medical-aid');
    const r = await ksz(two, 'mediprima', 'consultCarmed', { legalContext: LEGAL, ssin: two.subject!.insz });
    expect(r.body.status.code).toBe('MSG00012');
    expect(answerKey(exerciseOf(two), variantOf(two), worldOf(two), server).length).toBeGreaterThan(0);
  });
});
