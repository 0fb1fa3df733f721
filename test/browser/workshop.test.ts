/**
 * A live workshop end to end: the real server (built UI served at /, TRAINER_PASSWORD set), Debian's Chromium
 * driven by playwright-core. A trainer signs in, creates a workshop through the form (three exercises put in order
 * with the ↑/↓ buttons) and starts it; three participants in their own browsers join with a pseudonym, one comes
 * back in the same browser after closing the tab, one goes on in another browser with the rejoin code; they do
 * every exercise through the screens (right answers computed here with server-side code from each participant's
 * own world, some deliberately wrong) while the console follows them; pause, resume and reveal reach the
 * participants; the CSV downloaded from the console, the projector (anonymous leaderboard) and the printable report
 * are checked against what was submitted.
 *
 * Skipped (reported as skipped) when /usr/bin/chromium is absent; under CI=true a missing Chromium fails.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import type { AnswerValue, Exercise } from '../../mock-server/src/training/types.ts';
import { validateSubmission } from '../../mock-server/src/training/validate.ts';
import { parseCsv, RESULT_COLUMNS } from '../support/csv.ts';
import type { RunningServer } from '../support/spawn.ts';
import { participantAnswers } from '../support/training.ts';
import { fillAnswers, openTab, participantToken } from './driver.ts';
import { CHROMIUM, hasChromium, launch, seriousViolations, shadowText } from './support.ts';
import {
  backToWorkshop,
  chosenOrder,
  consoleAction,
  consoleCode,
  consultFor,
  continueToWorkshop,
  createWorkshop,
  doExercise,
  eventually,
  exercise,
  exportCsv,
  fillWorkshopForm,
  homeExercises,
  joinWithPseudonym,
  moveExercise,
  openJoin,
  openProjector,
  openReport,
  openWorkshopExercise,
  openWorkshopForm,
  PARTICIPANT_ROWS,
  rejoinWorkshop,
  reveal,
  setLeaderboardMode,
  startWorkshopServer,
  submitAndCapture,
  takeHint,
  trainerSignIn,
  waitForConsole,
  waitForPhase,
  withWrongChoice,
} from './workshop-driver.ts';

const CI = process.env.CI === 'true';
const PASSWORD = 'workshop-e2e-trainer-2025';
const TITLE = 'KSZ-opleiding Gent (e2e)';
const KNIPPERLICHTEN = 'knipperlichten-undeclared-work';
const ESV = 'esv-current-decision';
const INFOSEC = 'infosec-desk-leefloon-application';
/** The workshop's order, reached in the form with ↑ and ↓ from the order the exercises were ticked in. */
const ORDER = [KNIPPERLICHTEN, ESV, INFOSEC];

const maxOf = (x: Exercise) => x.checks.reduce((s, c) => s + c.points, 0);

interface Participant {
  pseudonym: string;
  context: BrowserContext;
  page: Page;
  id: string;
  rejoinCode: string;
}

interface Submission {
  participant: Participant;
  exercise: Exercise;
  attemptId: string;
  /** What the trainee meant to answer (right answers, some made wrong on purpose). */
  meant: Record<string, AnswerValue>;
  /** The body the browser sent. */
  sent: { answers: Record<string, AnswerValue> };
  points: number;
  max: number;
  hints: string[];
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let flows: FlowDef[];
let trainer: Page;
let workshopId = '';
let code = '';
const people: Participant[] = [];
const submissions: Submission[] = [];
const timings: string[] = [];

/** The three participants, in join order (Zonnebloem, Kameleon, Vuurtoren). */
let zonnebloem: Participant;
let kameleon: Participant;
let vuurtoren: Participant;

async function api<T>(path: string, auth: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server!.base}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

async function tokenOf(p: Participant): Promise<string> {
  const token = await participantToken(p.page);
  if (!token) throw new Error(`${p.pseudonym} has no token in the browser`);
  return token;
}

function answersFor(p: Participant, x: Exercise) {
  return participantAnswers(x, p.id, flows);
}

/** Opens an exercise from the workshop's home, does it and submits; records what was submitted. */
async function play(
  p: Participant,
  id: string,
  opts: { wrong?: string; hint?: boolean; opened?: string; registered?: boolean } = {},
): Promise<Submission> {
  const x = exercise(id);
  const { answers, subject } = answersFor(p, x);
  const meant = opts.wrong ? withWrongChoice(x, answers, opts.wrong) : answers;
  const attemptId = opts.opened ?? (await openWorkshopExercise(p.page, id));
  const hints: string[] = [];
  if (opts.hint) {
    const hint = x.hints[0]!;
    await takeHint(p.page, hint.id);
    hints.push(hint.id);
  }
  const { points, max, body } = await doExercise(p.page, x, meant, subject, { register: !opts.registered });
  const s: Submission = { participant: p, exercise: x, attemptId, meant, sent: body, points, max, hints };
  submissions.push(s);
  return s;
}

/** What the console shows for a participant once these submissions are in. */
function expectedRow(p: Participant): { cells: string[]; total: string } {
  const mine = submissions.filter((s) => s.participant === p);
  const cells = ORDER.map((id) => {
    const s = mine.find((m) => m.exercise.id === id);
    return s ? `${s.points}/${s.max}` : '';
  });
  const points = mine.reduce((sum, s) => sum + s.points, 0);
  const max = mine.reduce((sum, s) => sum + s.max, 0);
  return { cells, total: `${points}/${max}` };
}

/** Arrays compared as sets (a multi-choice answer in any order). */
const canonical = (answers: Record<string, AnswerValue>) =>
  Object.fromEntries(
    Object.entries(answers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
  );

function timed(name: string, started: number): void {
  timings.push(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

describe.skipIf(!hasChromium() && !CI)('a live workshop end to end (real server, Debian Chromium)', () => {
  beforeAll(async () => {
    if (!hasChromium())
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium)`);
    ({ server, flows } = await startWorkshopServer('workshop-e2e', PASSWORD));
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    trainer = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    if (timings.length) process.stdout.write(`workshop e2e timings:\n  ${timings.join('\n  ')}\n`);
    await browser?.close();
    await server?.kill();
  });

  it('the trainer signs in, creates a workshop through the form (order set with ↑/↓) and sees its console', async () => {
    const t0 = performance.now();
    await trainerSignIn(trainer, server!.base, PASSWORD);
    await openWorkshopForm(trainer);
    await fillWorkshopForm(trainer, { title: TITLE, language: 'nl', exercises: [INFOSEC, ESV, KNIPPERLICHTEN] });
    expect(await chosenOrder(trainer)).toEqual([INFOSEC, ESV, KNIPPERLICHTEN]);
    await moveExercise(trainer, INFOSEC, 'down');
    await moveExercise(trainer, INFOSEC, 'down');
    expect(await chosenOrder(trainer)).toEqual([ESV, KNIPPERLICHTEN, INFOSEC]);
    await moveExercise(trainer, KNIPPERLICHTEN, 'up');
    expect(await chosenOrder(trainer)).toEqual(ORDER);
    workshopId = await createWorkshop(trainer);
    code = await consoleCode(trainer);
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);
    expect((await trainer.locator('kt-workshop-console h1').textContent())?.trim()).toBe(TITLE);
    await trainer.locator('kt-workshop-console .head .status[data-status=lobby]').waitFor();
    expect(await seriousViolations(trainer)).toEqual([]);

    const w = await api<{ workshop: { language: string; leaderboard: string; exercises: { id: string }[] } }>(
      `/api/workshops/${workshopId}`,
      PASSWORD,
    );
    expect(w.status).toBe(200);
    expect(w.body.workshop).toMatchObject({ language: 'nl', leaderboard: 'named' });
    expect(w.body.workshop.exercises.map((x) => x.id)).toEqual(ORDER);
    timed('trainer: sign-in, form, console', t0);
  }, 60_000);

  it('three participants join from the link with a pseudonym, each sees a rejoin code; the console lists them', async () => {
    const t0 = performance.now();
    for (const pseudonym of ['Zonnebloem', 'Kameleon', 'Vuurtoren']) {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await openJoin(page, server!.base, code);
      expect(await page.locator('kt-join #code').inputValue()).toBe(code);
      if (people.length === 0) expect(await seriousViolations(page)).toEqual([]);
      const rejoinCode = await joinWithPseudonym(page, pseudonym);
      expect(rejoinCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await continueToWorkshop(page);
      await waitForPhase(page, 'lobby');
      const me = await api<{ id: string; pseudonym: string; workshop: { code: string } }>(
        '/api/participants/me',
        (await participantToken(page)) ?? '',
      );
      expect(me.body).toMatchObject({ pseudonym, workshop: { code } });
      people.push({ pseudonym, context, page, id: me.body.id, rejoinCode });
    }
    [zonnebloem, kameleon, vuurtoren] = people as [Participant, Participant, Participant];
    // The workshop's home: its exercises in the trainer's order, none can start before the trainer starts.
    const home = await homeExercises(zonnebloem.page);
    expect(home.map((h) => h.id)).toEqual(ORDER);
    expect(home.every((h) => h.state === 'todo')).toBe(true);
    expect(await zonnebloem.page.locator('kt-workshop-home li button[aria-disabled=true]').count()).toBe(3);
    expect(await seriousViolations(zonnebloem.page)).toEqual([]);

    for (const p of people)
      await waitForConsole(trainer, p.id, 3, { pseudonym: p.pseudonym, current: '', cells: ['', '', ''] });
    expect(await trainer.locator(PARTICIPANT_ROWS).count()).toBe(3);

    await consoleAction(trainer, 'start');
    for (const p of people) await waitForPhase(p.page, 'running');
    timed('three participants join; start', t0);
  }, 90_000);

  it('exercise 1: one right, one back in the same browser after closing the tab (with a wrong answer), one with a hint; the console follows', async () => {
    const t0 = performance.now();
    const x = exercise(KNIPPERLICHTEN);
    const title = x.title.nl;

    // Zonnebloem: busy on exercise 1 in the console, then full marks.
    const a1 = await openWorkshopExercise(zonnebloem.page, KNIPPERLICHTEN);
    await waitForConsole(trainer, zonnebloem.id, 3, { current: title, cells: ['bezig', '', ''] });
    const s1 = await play(zonnebloem, KNIPPERLICHTEN, { opened: a1 });
    expect(s1).toMatchObject({ points: maxOf(x), max: maxOf(x) });
    await waitForConsole(trainer, zonnebloem.id, 3, { current: '', ...expectedRow(zonnebloem) });

    // Kameleon starts, registers the subject, closes the tab; a new tab of the same browser goes on there.
    const b1 = await openWorkshopExercise(kameleon.page, KNIPPERLICHTEN);
    const { subject } = answersFor(kameleon, x);
    await consultFor(kameleon.page, KNIPPERLICHTEN, subject, { consult: false });
    await kameleon.page.close();
    kameleon.page = await kameleon.context.newPage();
    await openJoin(kameleon.page, server!.base, code);
    const existing = kameleon.page.locator('kt-join [data-testid=existing]');
    await existing.waitFor();
    expect(await existing.textContent()).toContain('Kameleon');
    await existing.locator('button').click();
    const home = await homeExercises(kameleon.page);
    expect(home[0]).toMatchObject({ id: KNIPPERLICHTEN, state: 'open' });
    expect(await openWorkshopExercise(kameleon.page, KNIPPERLICHTEN)).toBe(b1);
    // The registration made before closing the tab is still there: consulting works without registering again.
    const b = await play(kameleon, KNIPPERLICHTEN, { opened: b1, registered: true, wrong: 'follow-up' });
    expect(b.points).toBeLessThan(maxOf(x));

    // Vuurtoren takes a hint: full marks minus its cost.
    const s3 = await play(vuurtoren, KNIPPERLICHTEN, { hint: true });
    expect(s3.points).toBe(maxOf(x) - x.hints[0]!.cost);

    for (const p of people) await waitForConsole(trainer, p.id, 3, expectedRow(p));
    timed('exercise 1 × 3 (tab closed and reopened, hint)', t0);
  }, 120_000);

  it('Vuurtoren goes on in another browser with the workshop code and the rejoin code; the old browser is sent back to joining', async () => {
    const t0 = performance.now();
    const oldToken = await tokenOf(vuurtoren);
    const oldPage = vuurtoren.page;
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await rejoinWorkshop(page, server!.base, code.toLowerCase(), vuurtoren.rejoinCode.replace('-', ' '));
    const home = await homeExercises(page);
    expect(home[0]).toMatchObject({ id: KNIPPERLICHTEN, state: 'done' });
    expect(home[0]!.text).toContain(`${submissions.at(-1)!.points}/${submissions.at(-1)!.max}`);
    const newToken = await participantToken(page);
    expect(newToken).not.toBe(oldToken);
    expect((await api('/api/participants/me', oldToken)).status).toBe(401);
    expect((await api<{ id: string }>('/api/participants/me', newToken!)).body.id).toBe(vuurtoren.id);
    // One browser at a time: the old one notices at its next poll and offers the rejoin form for this workshop.
    await oldPage.waitForURL(/\/join\?code=/, { timeout: 15_000 });
    await oldPage.locator('kt-join #rejoin-form').waitFor();
    await vuurtoren.context.close();
    vuurtoren.context = context;
    vuurtoren.page = page;
    await eventually(async () => {
      const last = await trainer
        .locator(`${PARTICIPANT_ROWS}[data-participant="${vuurtoren.id}"] td.last`)
        .textContent();
      if (!last?.includes('kwam terug')) throw new Error(`last action: ${last}`);
    });
    timed('rejoin in another browser', t0);
  }, 60_000);

  it('exercise 2 with a pause: the submission is refused with the pause message, the answers stay; after resuming it goes through', async () => {
    const t0 = performance.now();
    const x = exercise(ESV);
    const page = zonnebloem.page;
    await backToWorkshop(page);
    await backToWorkshop(kameleon.page);
    const attemptId = await openWorkshopExercise(page, ESV);
    const { answers, subject } = answersFor(zonnebloem, x);
    await consultFor(page, ESV, subject);
    await fillAnswers(page, x, answers);
    await openTab(page, 'task');
    await page.locator('kt-exercise-runner #submit').click();
    await page.locator('kt-exercise-runner #confirm-submit').waitFor();

    // The trainer pauses while Zonnebloem confirms, before her browser's next poll brings the news.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const pending: Promise<void>[] = [];
    const hold = (route: Route) => {
      const done = held.then(() => route.continue());
      pending.push(done);
      return done;
    };
    await page.route('**/api/participants/me', hold);
    await consoleAction(trainer, 'pause');
    await page.locator('kt-exercise-runner #confirm-submit').click();
    const refused = page.locator('kt-exercise-runner [data-testid=submit-error]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('De workshop is gepauzeerd.');
    expect(await refused.textContent()).toContain('Je antwoorden zijn niet verloren');
    expect(await page.locator('kt-result').count()).toBe(0);
    release();
    await Promise.all(pending);
    await page.unroute('**/api/participants/me', hold);

    // The pause banner; the answers are still filled in; submitting stays held back.
    await waitForPhase(page, 'paused');
    expect(await page.locator('kt-workshop-status [data-testid=workshop-status]').textContent()).toContain(
      'Gepauzeerd door de lesgever',
    );
    expect(await page.locator('kt-workshop-status [data-testid=workshop-detail]').textContent()).toContain(
      'Je antwoorden blijven bewaard',
    );
    expect(await page.locator('kt-question[data-question="category"] input:checked').getAttribute('value')).toBe(
      answers.category,
    );
    expect(await page.locator('kt-question[data-question="amount"] input').inputValue()).not.toBe('');
    expect(await page.locator('kt-question[data-question="since"] input').inputValue()).not.toBe('');
    const submit = page.locator('kt-exercise-runner #submit');
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    await submit.click({ force: true });
    expect(await page.locator('kt-exercise-runner #confirm-submit-box').isHidden()).toBe(true);
    expect(await page.locator('kt-exercise-runner #submit-blocked').textContent()).toContain(
      'Gepauzeerd: hints en indienen kunnen weer zodra de lesgever hervat.',
    );
    // The others see it on their home, where starting waits too; the server refuses a start as well.
    await waitForPhase(kameleon.page, 'paused');
    expect(await kameleon.page.locator('kt-workshop-home #why').textContent()).toContain('Gepauzeerd');
    const start = await api<{ error: { code: string } }>('/api/attempts', await tokenOf(kameleon), {
      method: 'POST',
      body: JSON.stringify({ exerciseId: ESV }),
    });
    expect(start).toMatchObject({ status: 409, body: { error: { code: 'workshop-paused' } } });

    await consoleAction(trainer, 'resume');
    await waitForPhase(page, 'running');
    const sent = await submitAndCapture(page);
    expect(sent).toMatchObject({ points: maxOf(x), max: maxOf(x) });
    submissions.push({
      participant: zonnebloem,
      exercise: x,
      attemptId,
      meant: answers,
      sent: sent.body,
      points: sent.points,
      max: sent.max,
      hints: [],
    });

    const b = await play(kameleon, ESV, { wrong: 'category' });
    expect(b.points).toBeLessThan(maxOf(x));
    await play(vuurtoren, ESV);
    for (const p of people) await waitForConsole(trainer, p.id, 3, expectedRow(p));
    timed('exercise 2 × 3 with pause and resume', t0);
  }, 150_000);

  it('the explanations stay hidden until the trainer reveals them, then appear on the result', async () => {
    const t0 = performance.now();
    const x = exercise(INFOSEC);
    for (const p of people) await backToWorkshop(p.page);
    const a = await play(zonnebloem, INFOSEC);
    expect(a).toMatchObject({ points: maxOf(x), max: maxOf(x) });
    const page = zonnebloem.page;
    await page.locator('kt-result [data-testid=not-revealed]').waitFor();
    expect(await page.locator('kt-result .explanation').count()).toBe(0);
    expect(await page.locator('kt-result li[data-check]').count()).toBe(x.checks.length);
    const before = await api<{ result: { revealed: boolean; checks: { explanation?: unknown }[] } }>(
      `/api/attempts/${a.attemptId}`,
      await tokenOf(zonnebloem),
    );
    expect(before.body.result.revealed).toBe(false);
    expect(before.body.result.checks.every((c) => c.explanation === undefined)).toBe(true);

    const b = await play(kameleon, INFOSEC, { wrong: 'why-esv' });
    expect(b.points).toBeLessThan(maxOf(x));
    await play(vuurtoren, INFOSEC);

    await reveal(trainer);
    await page.locator('kt-result .explanation').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('kt-result .explanation').count()).toBe(x.checks.length);
    expect(await page.locator('kt-result [data-testid=not-revealed]').count()).toBe(0);
    const after = await api<{ result: { revealed: boolean } }>(
      `/api/attempts/${a.attemptId}`,
      await tokenOf(zonnebloem),
    );
    expect(after.body.result.revealed).toBe(true);
    await backToWorkshop(page);
    await page.locator('kt-workshop-home [data-testid=all-done]').waitFor();
    timed('exercise 3 × 3, reveal', t0);
  }, 150_000);

  it('the console shows every participant with the scores as submitted, and passes axe', async () => {
    const t0 = performance.now();
    expect(submissions.length).toBe(9);
    for (const p of people) {
      const row = await waitForConsole(trainer, p.id, 3, { current: '', ...expectedRow(p) });
      expect(row.pseudonym).toBe(p.pseudonym);
      expect(await trainer.locator(`${PARTICIPANT_ROWS}[data-participant="${p.id}"] .finished`).count()).toBe(1);
    }
    // The scores differ: not everyone has the same total.
    expect(new Set(people.map((p) => expectedRow(p).total)).size).toBeGreaterThan(1);
    expect(await seriousViolations(trainer)).toEqual([]);
    timed('console check', t0);
  }, 60_000);

  it('the CSV downloaded from the console has one row per submission, equal to what the server stored', async () => {
    const t0 = performance.now();
    const { filename, text } = await exportCsv(trainer);
    expect(filename).toMatch(/\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.join(',')).toBe(RESULT_COLUMNS);
    expect(rows.length).toBe(submissions.length);
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
    expect(new Set(records.map((r) => r.attempt_id)).size).toBe(rows.length);

    for (const s of submissions) {
      const r = records.find((x) => x.attempt_id === s.attemptId);
      expect(r, `${s.participant.pseudonym} ${s.exercise.id}`).toBeDefined();
      expect(r).toMatchObject({
        workshop_code: code,
        participant: s.participant.pseudonym,
        participant_id: s.participant.id,
        exercise_id: s.exercise.id,
        exercise_title: s.exercise.title.nl,
        family: s.exercise.family,
        points: String(s.points),
        max: String(s.max),
        hints: s.hints.join('|'),
      });
      // The answers as stored: the body the browser sent, read the way the server reads it …
      const stored = validateSubmission(s.exercise, s.sent);
      if (!stored.ok) throw new Error(`the browser sent answers the server refuses: ${JSON.stringify(s.sent)}`);
      expect(r!.answers).toBe(JSON.stringify(stored.answers));
      // … which are what the trainee meant to answer.
      expect(canonical(JSON.parse(r!.answers ?? '{}'))).toEqual(canonical(s.meant));
    }

    // Cross-check with what each participant's own token reads: every submitted attempt, with the same score.
    for (const p of people) {
      const token = await tokenOf(p);
      const me = await api<{ attempts: { id: string; exerciseId: string; status: string }[] }>(
        '/api/participants/me',
        token,
      );
      const submitted = me.body.attempts.filter((a) => a.status === 'submitted').map((a) => a.id);
      expect(submitted.sort()).toEqual(
        records
          .filter((r) => r.participant_id === p.id)
          .map((r) => r.attempt_id)
          .sort(),
      );
      for (const r of records.filter((x) => x.participant_id === p.id)) {
        const a = await api<{ exerciseId: string; status: string; result: { points: number; max: number } }>(
          `/api/attempts/${r.attempt_id}`,
          token,
        );
        expect(a.status).toBe(200);
        expect(a.body).toMatchObject({ exerciseId: r.exercise_id, status: 'submitted' });
        expect([a.body.result.points, a.body.result.max]).toEqual([Number(r.points), Number(r.max)]);
      }
    }

    // The Excel variant: the same rows, with semicolons.
    const excel = await exportCsv(trainer, 'semicolon');
    expect(parseCsv(excel.text.slice(1), ';').length).toBe(rows.length + 1);
    timed('CSV export and cross-checks', t0);
  }, 60_000);

  it('the projector shows the code and, in anonymous mode, no pseudonym; it passes axe', async () => {
    const t0 = performance.now();
    await setLeaderboardMode(trainer, 'anonymous');
    const projector = await openProjector(trainer);
    expect((await projector.locator('kt-projector [data-testid=join-code]').textContent())?.trim()).toBe(code);
    const board = projector.locator('kt-projector [data-testid=leaderboard] tbody tr');
    await eventually(async () => {
      if ((await board.count()) !== 3) throw new Error('leaderboard not there yet');
    });
    const shown = await shadowText(projector.locator('kt-projector'));
    for (const p of people) expect(shown).not.toContain(p.pseudonym);
    expect(shown).toContain('Deelnemer 1');
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.close();
    timed('projector', t0);
  }, 60_000);

  it('the printable report has one section per participant, with every attempt and its explanations', async () => {
    const t0 = performance.now();
    await openReport(trainer);
    const sections = trainer.locator('kt-workshop-report section.participant');
    expect(await sections.count()).toBe(3);
    for (const [i, p] of people.entries()) {
      const section = sections.nth(i);
      expect(await section.getAttribute('data-participant')).toBe(p.id);
      expect((await section.locator('h2').textContent())?.trim()).toBe(p.pseudonym);
      expect(await section.locator('article.attempt').count()).toBe(3);
      expect(await section.locator('ol.checks li').count()).toBe(
        ORDER.reduce((n, id) => n + exercise(id).checks.length, 0),
      );
    }
    timed('report', t0);
  }, 60_000);
});
