import type { Locator, Page } from 'playwright-core';
import { formatAmount } from '../../mock-server/src/training/text.ts';
import type { AnswerValue, Exercise } from '../../mock-server/src/training/types.ts';

async function waitForCount(page: Page, locator: Locator, n: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await locator.count()) < n) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${n} × ${locator}`);
    await page.waitForTimeout(50);
  }
}

/**
 * What a participant does in the trainer UI, as Playwright steps (its CSS locators pierce the components' shadow
 * roots). Shared by the end-to-end test and the screenshot script.
 */

export async function join(page: Page, base: string, pseudonym: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('kt-welcome #pseudonym').fill(pseudonym);
  await page.locator('kt-welcome button[type=submit]').click();
  await page.locator('kt-catalogue h1').waitFor();
}

export async function startExercise(page: Page, exerciseId: string): Promise<string> {
  await page.locator(`kt-catalogue li[data-exercise="${exerciseId}"] button`).click();
  await page.waitForURL(/\/attempts\//);
  await page.locator('kt-exercise-runner h1').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

export async function openTab(page: Page, tab: 'task' | 'workspace'): Promise<void> {
  await page.locator(`kt-exercise-runner #tab-${tab}`).click();
}

/** Step 1 of the workspace: identify by INSZ (the single hit is chosen). */
export async function identify(page: Page, insz: string): Promise<void> {
  await page.locator('kt-person-search #insz').fill(insz);
  await page.locator('kt-person-search button[type=submit]').click();
  await page.locator('kt-person-search li.chosen').waitFor();
}

/** Step 2: REGISTER with a quality code (period from the world's today). */
export async function register(page: Page, code: string): Promise<string> {
  await page.locator('kt-register-panel #code').selectOption(code);
  await page.locator('kt-register-panel button[type=submit]').click();
  const status = page.locator('kt-register-panel kt-ksz-answer [data-testid=ksz-status]');
  await status.waitFor();
  return (await status.getAttribute('data-code')) ?? '';
}

/** Step 3: one operation of a flow, with the pre-filled form; returns the KSZ status code of the answer. */
export async function consult(page: Page, flow: string, operation: string): Promise<string> {
  const panel = page.locator('kt-consult-panel');
  await panel.locator('#flow').selectOption(flow);
  await panel.locator('#operation').selectOption(operation);
  await panel.locator('kt-request-form button[type=submit]').waitFor();
  const log = page.locator('kt-exchange-log details');
  const before = await log.count();
  await panel.locator('kt-request-form button[type=submit]').click();
  await waitForCount(page, log, before + 1);
  return (await panel.locator('kt-ksz-answer [data-testid=ksz-status]').getAttribute('data-code')) ?? '';
}

export async function answerChoice(page: Page, question: string, value: string): Promise<void> {
  await page.locator(`kt-question[data-question="${question}"] input[value="${value}"]`).check();
}

export async function answerMulti(page: Page, question: string, values: string[]): Promise<void> {
  for (const v of values) await page.locator(`kt-question[data-question="${question}"] input[value="${v}"]`).check();
}

export async function answerText(page: Page, question: string, text: string): Promise<void> {
  await page.locator(`kt-question[data-question="${question}"] input`).fill(text);
}

/** Submits (with the confirmation) and returns the score line, e.g. "10 / 12 punten". */
export async function submit(page: Page): Promise<string> {
  await openTab(page, 'task');
  await page.locator('kt-exercise-runner #submit').click();
  await page.locator('kt-exercise-runner #confirm-submit').click();
  const score = page.locator('kt-result [data-testid=score]');
  await score.waitFor();
  return (await score.textContent())?.trim() ?? '';
}

/** Fills the answers the way a trainee types them (amounts with a decimal comma, dates in the date field). */
export async function fillAnswers(page: Page, x: Exercise, answers: Record<string, AnswerValue>): Promise<void> {
  await openTab(page, 'task');
  for (const q of x.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    const input = page.locator(`kt-question[data-question="${q.id}"] input`).first();
    if (q.kind === 'choice') await answerChoice(page, q.id, String(v));
    else if (q.kind === 'multi') await answerMulti(page, q.id, (v as string[]).map(String));
    else if (q.kind === 'amount') await input.fill(formatAmount(Number(v), 'nl'));
    else if (q.kind === 'date') await input.fill(String(v).split('-').reverse().join('/'));
    else await input.fill(String(v));
  }
}

/** The points of a score line such as "10 / 12 punten" (decimal comma allowed). */
export function pointsOf(score: string): { points: number; max: number } {
  const m = /([\d.,]+)\s*\/\s*([\d.,]+)/.exec(score);
  if (!m) throw new Error(`no score in "${score}"`);
  return { points: Number(m[1]?.replace(',', '.')), max: Number(m[2]?.replace(',', '.')) };
}

/** Where the app keeps the participant's token (`localTokenStore` of trainer-ui/src/api/training.ts). */
export const TOKEN_KEY = 'ksz-sandbox.participant-token';

/** The participant's token in this page's `localStorage` (null when the browser has none). */
export function participantToken(page: Page): Promise<string | null> {
  return page.evaluate(
    (k) => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(k),
    TOKEN_KEY,
  );
}
