/**
 * The trainer UI end to end: the real server (built UI served at /), Debian's Chromium driven by playwright-core, a
 * participant doing one exercise of each family through the screens and getting the score the server computes
 * from the right answers (the key is computed here, with server-side code, from the participant's own world), and
 * the built bundle checked for answer-key values.
 *
 * Skipped (reported as skipped) when /usr/bin/chromium is absent; under CI=true a missing Chromium fails.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import { discoverFlows } from '../../mock-server/src/ksz/flows/discover.ts';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import type { AnswerValue, Exercise } from '../../mock-server/src/training/types.ts';
import { type RunningServer, startRealServer } from '../support/spawn.ts';
import { participantAnswers } from '../support/training.ts';
import {
  consult,
  fillAnswers as fillPage,
  identify,
  join as joinAs,
  openTab,
  participantToken,
  pointsOf,
  register,
  startExercise,
  submit,
} from './driver.ts';
import { buildUi, CHROMIUM, hasChromium, launch, ROOT, seriousViolations, shadowText } from './support.ts';

const CI = process.env.CI === 'true';
const exercises = new Map(loadExercises().map((x) => [x.id, x]));

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let flows: FlowDef[];
let participantId = '';
const submitted: { exercise: Exercise; answers: Record<string, AnswerValue>; attemptId: string }[] = [];

function exercise(id: string): Exercise {
  const x = exercises.get(id);
  if (!x) throw new Error(`no exercise ${id} in scenarios/exercises`);
  return x;
}

/** The right answers of this participant's first attempt of an exercise (server-side code, same seeds). */
function answersFor(x: Exercise): { answers: Record<string, AnswerValue>; subject: string } {
  if (!participantId) throw new Error('no participant yet');
  return participantAnswers(x, participantId, flows);
}

const fillAnswers = (x: Exercise, answers: Record<string, AnswerValue>) => fillPage(page, x, answers);

async function apiGet<T>(path: string): Promise<T> {
  const token = await participantToken(page);
  const res = await fetch(`${server?.base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const maxOf = (x: Exercise) => x.checks.reduce((s, c) => s + c.points, 0);

describe.skipIf(!hasChromium() && !CI)('trainer UI end to end (real server, Debian Chromium)', () => {
  beforeAll(async () => {
    if (!hasChromium())
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium)`);
    flows = await discoverFlows();
    buildUi();
    server = await startRealServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ksz-ui-e2e-')), CLOCK: '2025-06-30' });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
  });

  it('serves the app at / and a first visitor joins; the catalogue shows the three families and the synthetic mark', async () => {
    const base = server!.base;
    const html = await (await fetch(`${base}/attempts/whatever`, { headers: { Accept: 'text/html' } })).text();
    expect(html).toContain('<kt-app>');
    await page.goto(`${base}/`);
    await page.locator('kt-welcome h1').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await joinAs(page, base, 'E2E');
    expect(await page.locator('kt-app kt-synthetic-mark .mark').textContent()).toContain(
      'Synthetische gegevens — geen echte personen',
    );
    expect(await page.locator('kt-catalogue section.family h2').allInnerTexts()).toEqual([
      'Informatieveiligheid in de praktijk',
      'ESV lezen',
      'Knipperlichten opsporen',
    ]);
    expect(await page.locator('kt-catalogue li[data-exercise]').count()).toBe(exercises.size);
    expect(await seriousViolations(page)).toEqual([]);
    participantId = (await apiGet<{ id: string }>('/api/participants/me')).id;
    expect(participantId).toMatch(/\w+/);
  }, 60_000);

  it('infosec: registers with the right quality code, consults only the ESV, and scores full marks from the journal', async () => {
    const x = exercise('infosec-desk-leefloon-application');
    const { answers, subject } = answersFor(x);
    const attemptId = await startExercise(page, x.id);
    expect((await apiGet<{ subject?: { insz: string } }>(`/api/attempts/${attemptId}`)).subject?.insz).toBe(subject);
    expect(await seriousViolations(page)).toEqual([]);
    await openTab(page, 'workspace');
    await identify(page, subject);
    expect(await register(page, '1')).toBe('MSG00000');
    expect(await consult(page, 'esv', 'requestSocialReport')).toBe('MSG00000');
    expect(await consult(page, 'esv', 'getSocialReport')).toBe('MSG00000');
    expect(await seriousViolations(page)).toEqual([]);
    await fillAnswers(x, answers);
    const score = pointsOf(await submit(page));
    expect(score).toEqual({ points: maxOf(x), max: maxOf(x) });
    expect(await page.locator('kt-result li.failed').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    submitted.push({ exercise: x, answers, attemptId });
  }, 120_000);

  it('esv: reads the report in the workspace (amounts shown in euro) and scores full marks', async () => {
    const x = exercise('esv-current-decision');
    await page.locator('kt-result a[href="/"]').click();
    await page.locator('kt-catalogue h1').waitFor();
    const { answers, subject } = answersFor(x);
    const attemptId = await startExercise(page, x.id);
    await openTab(page, 'workspace');
    await identify(page, subject);
    expect(await register(page, '1')).toBe('MSG00000');
    await consult(page, 'esv', 'requestSocialReport');
    expect(await consult(page, 'esv', 'getSocialReport')).toBe('MSG00000');
    // What the trainee needs is on screen, readable: the current amount in euro, not in eurocent.
    const shown = await shadowText(page.locator('kt-consult-panel kt-data-view'));
    const euro = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }).format(Number(answers.amount));
    expect(shown.replace(/\s/g, ' ')).toContain(euro.replace(/\s/g, ' '));
    expect(shown).not.toContain('amountCents');
    await fillAnswers(x, answers);
    const score = pointsOf(await submit(page));
    expect(score).toEqual({ points: maxOf(x), max: maxOf(x) });
    submitted.push({ exercise: x, answers, attemptId });
  }, 120_000);

  it('knipperlichten: lists the alerts, takes a hint (confirmed) and scores full marks minus its cost', async () => {
    const x = exercise('knipperlichten-undeclared-work');
    await page.locator('kt-result a[href="/"]').click();
    await page.locator('kt-catalogue h1').waitFor();
    const { answers, subject } = answersFor(x);
    const attemptId = await startExercise(page, x.id);
    const hint = x.hints[0]!;
    await page.locator(`kt-hints #show-${hint.id}`).click();
    await page.locator(`kt-hints #confirm-${hint.id}`).click();
    await page.locator('kt-hints .text').waitFor();
    await openTab(page, 'workspace');
    await identify(page, subject);
    expect(await register(page, '2')).toBe('MSG00000');
    expect(await consult(page, 'knipperlichten', 'listAlerts')).toBe('MSG00000');
    expect(await seriousViolations(page)).toEqual([]);
    await fillAnswers(x, answers);
    const score = pointsOf(await submit(page));
    expect(score).toEqual({ points: maxOf(x) - hint.cost, max: maxOf(x) });
    submitted.push({ exercise: x, answers, attemptId });

    // "New variant": another attempt of the same exercise, on its own address, in another world.
    await page.locator('kt-result button', { hasText: 'Nieuwe variant proberen' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/attempts/') && !url.pathname.endsWith(`/${attemptId}`));
    await page.locator('kt-exercise-runner h1').waitFor();
    const next = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const first = await apiGet<{ workspace: { tenant: string } }>(`/api/attempts/${attemptId}`);
    const again = await apiGet<{ exerciseId: string; status: string; workspace: { tenant: string } }>(
      `/api/attempts/${next}`,
    );
    expect(again).toMatchObject({ exerciseId: x.id, status: 'open' });
    expect(again.workspace.tenant).not.toBe(first.workspace.tenant);
  }, 120_000);

  it('the standalone workspace shows a refusal (no registration) with its meaning', async () => {
    await page.goto(`${server!.base}/workspace`);
    await page.locator('kt-workspace-access button[type=submit]').click();
    await page.locator('kt-workspace kt-consult-panel').waitFor();
    await page.locator('kt-consult-panel #flow').selectOption('retrieve-ti-groups');
    await page.locator('kt-request-form #f-ssin').fill('94073172775');
    await page.locator('kt-request-form button[type=submit]').click();
    const status = page.locator('kt-consult-panel kt-ksz-answer [data-testid=ksz-status]');
    await status.waitFor();
    expect(await status.getAttribute('data-code')).toBe('MSG00012');
    expect(await shadowText(status)).toContain('integratierepertorium');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the built bundle (dist/ui) contains no answer-key value, nor any exercise text', async () => {
    expect(submitted.length).toBe(3);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(join(ROOT, 'dist', 'ui'));
    const bundle = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(bundle).toContain('kt-exercise-runner');

    const needles = new Set<string>();
    for (const s of submitted) {
      // The key as the server reveals it after submission: the values its explanations name.
      const a = await apiGet<{ result: { checks: { explanation: { nl: string } }[] } }>(`/api/attempts/${s.attemptId}`);
      for (const c of a.result.checks)
        for (const m of c.explanation.nl.matchAll(/\b\d{1,3}(?:\.\d{3})*,\d{2}\b|\b\d{2}\/\d{2}\/\d{4}\b/g))
          needles.add(m[0]);
      // The key as the answers computed from the world.
      for (const v of Object.values(s.answers)) {
        if (typeof v === 'number') {
          if (v >= 100)
            for (const f of [v.toFixed(2), v.toFixed(2).replace('.', ','), String(Math.round(v * 100))]) needles.add(f);
        } else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) needles.add(v);
      }
      // Exercise texts (briefs, explanations) belong to the server, never to the bundle.
      needles.add(s.exercise.checks[0]!.explanation.nl.slice(0, 40));
      needles.add(s.exercise.brief.nl.slice(0, 40));
    }
    expect(needles.size).toBeGreaterThan(6);
    for (const n of needles) expect(bundle.includes(n), `"${n}" is in the bundle`).toBe(false);
  }, 60_000);
});
