import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import { discoverFlows } from '../../mock-server/src/ksz/flows/discover.ts';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import type { AnswerValue, Exercise } from '../../mock-server/src/training/types.ts';
import { type RunningServer, startRealServer } from '../support/spawn.ts';
import { consult, fillAnswers, identify, openTab, pointsOf, register, submit } from './driver.ts';
import { buildUi } from './support.ts';

/**
 * What a trainer and the participants of a live workshop do in the UI, as Playwright steps (its CSS locators
 * pierce the components' shadow roots). Shared by the workshop end-to-end test and the trainer guide's screenshots.
 */

let catalogue: Map<string, Exercise> | undefined;

/** An exercise of scenarios/exercises by its id. */
export function exercise(id: string): Exercise {
  catalogue ??= new Map(loadExercises().map((x) => [x.id, x]));
  const x = catalogue.get(id);
  if (!x) throw new Error(`no exercise ${id} in scenarios/exercises`);
  return x;
}

/**
 * A workshop's setting: the UI built, the real server started on a fresh data folder (`ksz-<name>-…` in the temp
 * folder) with the clock on 30 June 2025 and `password` as the trainer's (plus `env`), and the flows the
 * participants' answers are made from.
 */
export async function startWorkshopServer(
  name: string,
  password: string,
  env: Record<string, string> = {},
): Promise<{ server: RunningServer; flows: FlowDef[] }> {
  const flows = await discoverFlows();
  buildUi();
  const server = await startRealServer({
    DATA_DIR: mkdtempSync(join(tmpdir(), `ksz-${name}-`)),
    CLOCK: '2025-06-30',
    TRAINER_PASSWORD: password,
    ...env,
  });
  return { server, flows };
}

/** Tries `check` until it stops throwing (the console polls every 3 s, a participant's page every 5 s). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// ——— the trainer ———

export async function trainerSignIn(page: Page, base: string, password: string): Promise<void> {
  await page.goto(`${base}/trainer`);
  await page.locator('kt-trainer-signin #password').fill(password);
  await page.locator('kt-trainer-signin button[type=submit]').click();
  await page.locator('kt-workshop-list h1').waitFor();
}

/** The "new workshop" form, open (it opens by itself when there is no workshop yet). */
export async function openWorkshopForm(page: Page): Promise<void> {
  // The list has loaded when its table or its "no workshop yet" notice is there.
  await page.locator('kt-workshop-list :is(table, p.notice)').first().waitFor();
  if ((await page.locator('kt-workshop-form').count()) === 0)
    await page.locator('kt-workshop-list #new-button').click();
  await page.locator('kt-workshop-form #exercises input[type=checkbox]').first().waitFor();
}

export interface WorkshopDraft {
  title: string;
  language: 'nl' | 'fr';
  /** Ticked in this order (the form lists them in the order they were ticked). */
  exercises: string[];
  timeBoxMinutes?: number;
  leaderboard?: 'named' | 'anonymous' | 'hidden';
}

export async function fillWorkshopForm(page: Page, draft: WorkshopDraft): Promise<void> {
  const form = page.locator('kt-workshop-form');
  await form.locator('#title').fill(draft.title);
  await form.locator(`input[name=language][value=${draft.language}]`).check();
  for (const id of draft.exercises) await form.locator(`#exercises input[value="${id}"]`).check();
  if (draft.timeBoxMinutes !== undefined) await form.locator('#timebox').fill(String(draft.timeBoxMinutes));
  if (draft.leaderboard) await form.locator(`input[name=leaderboard][value=${draft.leaderboard}]`).check();
}

/** One press on an exercise's ↑ or ↓ in the form's order list. */
export async function moveExercise(page: Page, exerciseId: string, direction: 'up' | 'down'): Promise<void> {
  await page.locator(`kt-workshop-form .order li[data-id="${exerciseId}"] button[data-move=${direction}]`).click();
}

/** The exercises of the form's order list, top to bottom. */
export async function chosenOrder(page: Page): Promise<string[]> {
  const items = page.locator('kt-workshop-form .order li[data-id]');
  const ids: string[] = [];
  for (let i = 0; i < (await items.count()); i++) ids.push((await items.nth(i).getAttribute('data-id')) ?? '');
  return ids;
}

/** "Workshop aanmaken": waits for the new workshop's console and returns its id. */
export async function createWorkshop(page: Page): Promise<string> {
  await page.locator('kt-workshop-form button[type=submit]').click();
  await page.waitForURL(/\/trainer\/workshops\/[^/]+$/);
  await page.locator('kt-workshop-console [data-testid=join-code]').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

export type ConsoleAction = 'start' | 'pause' | 'resume';
const AFTER: Record<ConsoleAction, string> = { start: 'running', pause: 'paused', resume: 'running' };

/** Start, pause or resume in the console; waits until the console shows the new status. */
export async function consoleAction(page: Page, action: ConsoleAction): Promise<void> {
  await page.locator(`kt-workshop-console [data-action=${action}]`).click();
  await page.locator(`kt-workshop-console .head .status[data-status=${AFTER[action]}]`).waitFor();
}

/** "Toon uitleg" (pressed: the participants see the explanations). */
export async function reveal(page: Page): Promise<void> {
  await page.locator('kt-workshop-console [data-action=reveal][aria-pressed=false]').click();
  await page.locator('kt-workshop-console [data-action=reveal][aria-pressed=true]').waitFor();
}

/** The workshop's code as the console shows it. */
export async function consoleCode(page: Page): Promise<string> {
  return ((await page.locator('kt-workshop-console [data-testid=join-code]').textContent()) ?? '').trim();
}

/** The rows of the console's participants table (the leaderboard beside it has rows per participant too). */
export const PARTICIPANT_ROWS = 'kt-workshop-console section[aria-labelledby=participants-title] tbody tr';

export interface ConsoleRow {
  pseudonym: string;
  /** "Nu bezig met": the title of the open exercise, '' when none. */
  current: string;
  /** Per exercise of the workshop: "7/10", "bezig" or '' (not started). */
  cells: string[];
  /** "Totaal": "17/20". */
  total: string;
}

/** A participant's row of the console's table. */
export async function consoleRow(page: Page, participantId: string, exercises: number): Promise<ConsoleRow> {
  const row = page.locator(`${PARTICIPANT_ROWS}[data-participant="${participantId}"]`);
  const text = async (selector: string) => {
    const l = row.locator(selector);
    return (await l.count()) ? ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
  };
  const cells: string[] = [];
  for (let i = 0; i < exercises; i++) cells.push(await text(`td:nth-child(${i + 3}) .cell`));
  const current = await text('td:nth-child(2)');
  return {
    pseudonym: await text('.who > span:first-child'),
    current: current.startsWith('—') ? '' : current,
    cells,
    total: await text('.total'),
  };
}

/** Waits until the console's rows say what `expected` says about them (the console polls every 3 s). */
export async function waitForConsole(
  page: Page,
  participantId: string,
  exercises: number,
  expected: Partial<ConsoleRow>,
): Promise<ConsoleRow> {
  return eventually(async () => {
    const row = await consoleRow(page, participantId, exercises);
    for (const [k, v] of Object.entries(expected) as [keyof ConsoleRow, unknown][]) {
      if (JSON.stringify(row[k]) !== JSON.stringify(v))
        throw new Error(`console row of ${participantId}: ${k} is ${JSON.stringify(row[k])}, not ${JSON.stringify(v)}`);
    }
    return row;
  });
}

export async function setLeaderboardMode(page: Page, mode: 'named' | 'anonymous' | 'hidden'): Promise<void> {
  await page.locator(`kt-workshop-console input[name=leaderboard-mode][value=${mode}]`).check();
  await eventually(async () => {
    if (!(await page.locator(`kt-workshop-console input[name=leaderboard-mode][value=${mode}]`).isChecked()))
      throw new Error(`leaderboard mode ${mode} not taken`);
  });
}

/** "Exporteer CSV" (or the Excel variant): the downloaded file as the browser saved it. */
export async function exportCsv(
  page: Page,
  delimiter: 'comma' | 'semicolon' = 'comma',
): Promise<{ filename: string; text: string }> {
  const button = page.locator(`kt-workshop-console [data-action=${delimiter === 'comma' ? 'csv' : 'csv-excel'}]`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** "Projectorweergave": opens in a new tab of the trainer's browser (which keeps the sign-in). */
export async function openProjector(page: Page): Promise<Page> {
  const [projector] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('kt-workshop-console a[href$="/projector"]').click(),
  ]);
  await projector.locator('kt-projector [data-testid=join-code]').waitFor();
  return projector;
}

/** "Afdrukbaar rapport" from the console. */
export async function openReport(page: Page): Promise<void> {
  await page.locator('kt-workshop-console a[href$="/report"]').click();
  await page.locator('kt-workshop-report section.participant').first().waitFor();
}

// ——— a participant ———

export async function openJoin(page: Page, base: string, code: string): Promise<void> {
  await page.goto(`${base}/join?code=${encodeURIComponent(code)}`);
  await page.locator('kt-join #join-form').waitFor();
}

/** Joins with a pseudonym on the open join page; returns the personal rejoin code shown (still on screen). */
export async function joinWithPseudonym(page: Page, pseudonym: string): Promise<string> {
  await page.locator('kt-join #pseudonym').fill(pseudonym);
  await page.locator('kt-join #join-form button[type=submit]').click();
  const code = page.locator('kt-join [data-testid=rejoin-code] .code');
  await code.waitFor();
  return ((await code.textContent()) ?? '').trim();
}

/** "Naar de workshop" after joining: the workshop's home. */
export async function continueToWorkshop(page: Page): Promise<void> {
  await page.locator('kt-join #continue').click();
  await page.locator('kt-workshop-home h1').waitFor();
}

/** Joins a workshop from its link (`/join?code=…`) and goes to its home; returns the rejoin code. */
export async function joinWorkshop(page: Page, base: string, code: string, pseudonym: string): Promise<string> {
  await openJoin(page, base, code);
  const rejoinCode = await joinWithPseudonym(page, pseudonym);
  await continueToWorkshop(page);
  return rejoinCode;
}

/** Goes on as the same participant in this browser with the workshop code and the personal rejoin code. */
export async function rejoinWorkshop(page: Page, base: string, code: string, rejoinCode: string): Promise<void> {
  await openJoin(page, base, code);
  await page.locator('kt-join #rejoin-code').fill(rejoinCode);
  await page.locator('kt-join #rejoin-form button[type=submit]').click();
  await page.locator('kt-workshop-home h1').waitFor();
}

/** The exercises on the workshop's home, in the order shown. */
export async function homeExercises(page: Page): Promise<{ id: string; state: string; text: string }[]> {
  const items = page.locator('kt-workshop-home li[data-exercise]');
  await items.first().waitFor();
  const out: { id: string; state: string; text: string }[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const li = items.nth(i);
    out.push({
      id: (await li.getAttribute('data-exercise')) ?? '',
      state: (await li.getAttribute('data-state')) ?? '',
      text: ((await li.locator('[data-testid=state]').textContent()) ?? '').trim(),
    });
  }
  return out;
}

/** Waits until the participant's page (home or exercise) shows the workshop in this phase (it polls every 5 s). */
export async function waitForPhase(page: Page, phase: 'lobby' | 'running' | 'paused' | 'ended'): Promise<void> {
  await page.locator(`kt-workshop-status .panel[data-phase=${phase}]`).waitFor({ timeout: 15_000 });
}

/** "Starten" or "Verder werken" on the workshop's home (once the workshop runs); returns the attempt's id. */
export async function openWorkshopExercise(page: Page, exerciseId: string): Promise<string> {
  const li = page.locator(`kt-workshop-home li[data-exercise="${exerciseId}"]`);
  await li.locator('.actions :is(button[aria-disabled=false], a.button)').click({ timeout: 15_000 });
  await page.waitForURL(/\/attempts\//);
  await page.locator('kt-exercise-runner h1').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** "Terug naar de workshop" from an exercise or its result. */
export async function backToWorkshop(page: Page): Promise<void> {
  await page.locator('kt-exercise-runner a.back').click();
  await page.locator('kt-workshop-home li[data-exercise]').first().waitFor();
}

/** Takes a hint (with the confirmation) and waits for its text. */
export async function takeHint(page: Page, hintId: string): Promise<void> {
  await openTab(page, 'task');
  await page.locator(`kt-hints #show-${hintId}`).click();
  await page.locator(`kt-hints #confirm-${hintId}`).click();
  await page.locator('kt-hints .text').first().waitFor();
}

/**
 * The consultation each exercise of the workshop tests asks for: the quality code to register with, then the flows
 * and operations to consult (what the exercise's checks read in the journal).
 */
export const CONSULTATION: Record<string, { quality: string; consult: [string, string][] }> = {
  'infosec-desk-leefloon-application': {
    quality: '1',
    consult: [
      ['esv', 'requestSocialReport'],
      ['esv', 'getSocialReport'],
    ],
  },
  'esv-current-decision': {
    quality: '1',
    consult: [
      ['esv', 'requestSocialReport'],
      ['esv', 'getSocialReport'],
    ],
  },
  'knipperlichten-undeclared-work': { quality: '2', consult: [['knipperlichten', 'listAlerts']] },
};

/** In the workspace tab: identify the subject, register them (unless `register: false`), then consult. */
export async function consultFor(
  page: Page,
  exerciseId: string,
  subject: string,
  opts: { register?: boolean; consult?: boolean } = {},
): Promise<void> {
  const plan = CONSULTATION[exerciseId];
  if (!plan) throw new Error(`no consultation planned for ${exerciseId}`);
  await openTab(page, 'workspace');
  await identify(page, subject);
  if (opts.register !== false) {
    const code = await register(page, plan.quality);
    if (code !== 'MSG00000') throw new Error(`REGISTER for ${exerciseId} answered ${code}`);
  }
  if (opts.consult === false) return;
  for (const [flow, operation] of plan.consult) {
    const code = await consult(page, flow, operation);
    if (code !== 'MSG00000') throw new Error(`${flow}/${operation} for ${exerciseId} answered ${code}`);
  }
}

/** Submits (with the confirmation); returns the score shown and the body the browser sent. */
export async function submitAndCapture(
  page: Page,
): Promise<{ points: number; max: number; body: { answers: Record<string, AnswerValue> } }> {
  const request = page.waitForRequest(
    (r) => r.method() === 'POST' && /\/api\/attempts\/[^/]+\/submit$/.test(new URL(r.url()).pathname),
  );
  const score = pointsOf(await submit(page));
  return { ...score, body: (await request).postDataJSON() };
}

/** Consults, fills the answers and submits: one exercise start to finish (after it was opened). */
export async function doExercise(
  page: Page,
  x: Exercise,
  answers: Record<string, AnswerValue>,
  subject: string,
  opts: { register?: boolean } = {},
): Promise<{ points: number; max: number; body: { answers: Record<string, AnswerValue> } }> {
  await consultFor(page, x.id, subject, opts);
  await fillAnswers(page, x, answers);
  return submitAndCapture(page);
}

/** The answers with one choice question answered wrongly (another of its options). */
export function withWrongChoice(
  x: Exercise,
  answers: Record<string, AnswerValue>,
  questionId: string,
): Record<string, AnswerValue> {
  const q = x.questions.find((q) => q.id === questionId);
  const other = q?.options?.find((o) => o.value !== answers[questionId]);
  if (q?.kind !== 'choice' || !other) throw new Error(`${x.id}: ${questionId} is no choice question to get wrong`);
  return { ...answers, [questionId]: other.value };
}
