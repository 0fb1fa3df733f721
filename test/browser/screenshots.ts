/**
 * Screenshots of every main screen of the trainer UI, for a human to look at: `npx tsx test/browser/screenshots.ts`
 * builds the UI, starts the real server on a temporary data folder, drives Debian's Chromium and writes PNGs to
 * /tmp/ksz-screens (or the folder given as first argument). It also prints axe's serious/critical findings per screen.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startRealServer } from '../support/spawn.ts';
import { answerChoice, consult, identify, join as joinAs, openTab, register, startExercise, submit } from './driver.ts';
import { buildUi, hasChromium, launch, seriousViolations } from './support.ts';

const out = process.argv[2] ?? '/tmp/ksz-screens';

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (apt-get install chromium)');
  mkdirSync(out, { recursive: true });
  buildUi();
  const server = await startRealServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ksz-shots-')), CLOCK: '2025-06-30' });
  // A Belgian browser: date fields show dd/mm/jjjj as they would for a trainee in Flanders.
  const browser = await launch(['--lang=nl-BE']);
  const findings: string[] = [];
  const shot = async (page: Page, name: string, fullPage = true) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
    const v = await seriousViolations(page);
    findings.push(`${name}: ${v.length ? v.join('\n  ') : 'no serious/critical axe findings'}`);
    process.stdout.write(`${join(out, `${name}.png`)}\n`);
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.locator('kt-welcome h1').waitFor();
    await shot(page, '01-welcome');
    await joinAs(page, server.base, 'Lesgever demo');
    await shot(page, '02-catalogue');

    await startExercise(page, 'esv-current-decision');
    await shot(page, '03-runner-task');
    await page.locator('kt-hints button.secondary').first().click();
    await shot(page, '04-hint-confirm', false);

    await openTab(page, 'workspace');
    await page.locator('kt-person-search .subject button').click();
    await identify(page, await page.locator('kt-person-search #insz').inputValue());
    await consult(page, 'retrieve-ti-groups', 'retrieveTI');
    await page.locator('kt-consult-panel kt-ksz-answer button[aria-expanded]').click();
    await shot(page, '05-workspace-refused');
    await register(page, '1');
    await consult(page, 'esv', 'requestSocialReport');
    await consult(page, 'esv', 'getSocialReport');
    await shot(page, '06-workspace-esv-answer');
    await page.locator('kt-consult-panel section.answer').screenshot({ path: join(out, '06b-esv-answer-detail.png') });

    await openTab(page, 'task');
    await answerChoice(page, 'category', 'alleenstaande');
    await page.locator('kt-question[data-question="amount"] input').fill('1.264,07');
    await page.locator('kt-question[data-question="since"] input').fill('6/11/2023');
    await shot(page, '07-runner-answers');
    await submit(page);
    await shot(page, '08-result');

    await page.goto(`${server.base}/`);
    await page.locator('kt-catalogue h1').waitFor();
    await page.locator('kt-language-switch button[lang="fr-BE"]').click();
    await shot(page, '09-catalogue-fr');
    await page.locator('kt-language-switch button[lang="nl-BE"]').click();

    // 200 % zoom of a 1280×800 laptop screen = 640×400 CSS pixels at device scale 2.
    const state = await context.storageState();
    const zoomed = await browser.newContext({
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
      storageState: state,
    });
    const z = await zoomed.newPage();
    await z.goto(`${server.base}/`);
    await z.locator('kt-catalogue h1').waitFor();
    await shot(z, '10-catalogue-zoom200');
    await startExercise(z, 'knipperlichten-undeclared-work');
    await shot(z, '11-runner-zoom200');

    const tablet = await browser.newContext({ viewport: { width: 820, height: 1180 }, storageState: state });
    const t = await tablet.newPage();
    await t.goto(`${server.base}/`);
    await t.locator('kt-catalogue h1').waitFor();
    await startExercise(t, 'infosec-desk-leefloon-application');
    await openTab(t, 'workspace');
    await shot(t, '12-workspace-tablet');

    await page.goto(`${server.base}/workspace`);
    await page.locator('kt-workspace-access button[type=submit]').click();
    await page.locator('kt-workspace kt-consult-panel').waitFor();
    await shot(page, '13-standalone-workspace');
  } finally {
    await browser.close();
    await server.kill();
  }
  process.stdout.write(`\naxe (WCAG 2.1 A/AA, serious or critical):\n${findings.join('\n')}\n`);
}

await main();
