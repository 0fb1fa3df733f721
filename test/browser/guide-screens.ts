/**
 * The screenshots of the trainer guide (docs/trainer-guide.md): `npx tsx test/browser/guide-screens.ts [folder]`
 * builds the UI, starts the real server on a temporary data folder, plays a small workshop in Debian's Chromium
 * (a trainer and three participants, one on a phone, with different scores) and writes the PNGs the guide shows to
 * docs/img (or the folder given). It also prints axe's serious/critical findings per screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { participantAnswers } from '../support/training.ts';
import { participantToken } from './driver.ts';
import { hasChromium, launch, ROOT, seriousViolations } from './support.ts';
import {
  backToWorkshop,
  consoleAction,
  continueToWorkshop,
  createWorkshop,
  doExercise,
  eventually,
  exercise,
  fillWorkshopForm,
  joinWithPseudonym,
  moveExercise,
  openJoin,
  openProjector,
  openReport,
  openWorkshopExercise,
  openWorkshopForm,
  startWorkshopServer,
  takeHint,
  trainerSignIn,
  waitForPhase,
  withWrongChoice,
} from './workshop-driver.ts';

const out = process.argv[2] ?? join(ROOT, 'docs', 'img');
const PASSWORD = 'lesgever-2025-gent';

/** Two exercises of each family, as the guide advises for two hours; the first three are played below. */
const EXERCISES = [
  'infosec-desk-leefloon-application',
  'esv-current-decision',
  'knipperlichten-undeclared-work',
  'infosec-colleague-neighbour',
  'esv-partner-income',
  'knipperlichten-student-job',
];

interface Person {
  page: Page;
  id: string;
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (apt-get install chromium)');
  mkdirSync(out, { recursive: true });
  const { server, flows } = await startWorkshopServer('guide', PASSWORD, {
    // The address the guide's section 2 serves the room on: it shows in the console, on the projector and in the QR.
    PUBLIC_URL: 'http://192.168.1.20:8080',
  });
  // A Belgian browser: dates and numbers as a trainer in Flanders sees them.
  const browser: Browser = await launch(['--lang=nl-BE']);
  const findings: string[] = [];
  /**
   * A PNG of the viewport, or of the page from `from` (default: the top) down to the bottom of `until`, with a small
   * margin; measured with the page scrolled to the top (a sticky part then sits where it belongs).
   */
  const shot = async (page: Page, name: string, opts: { from?: string; until?: string } = {}) => {
    // Let the last poll's re-render settle; no blinking caret in the picture.
    await page.waitForTimeout(300);
    let clip: { x: number; y: number; width: number; height: number } | undefined;
    if (opts.until) {
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      const box = async (selector: string) => {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${name}: no ${selector}`);
        return b;
      };
      const top = opts.from ? Math.max(0, Math.floor((await box(opts.from)).y - 12)) : 0;
      const bottom = await box(opts.until);
      clip = {
        x: 0,
        y: top,
        width: page.viewportSize()?.width ?? 1280,
        height: Math.ceil(bottom.y + bottom.height + 12 - top),
      };
    }
    await page.screenshot({
      path: join(out, `${name}.png`),
      caret: 'hide',
      animations: 'disabled',
      ...(clip ? { clip, fullPage: true } : {}),
    });
    const v = await seriousViolations(page);
    findings.push(`${name}: ${v.length ? v.join('\n  ') : 'no serious/critical axe findings'}`);
    process.stdout.write(`${join(out, `${name}.png`)}\n`);
  };

  try {
    const desk = { viewport: { width: 1280, height: 800 }, locale: 'nl-BE' };
    const trainerContext = await browser.newContext(desk);
    const trainer = await trainerContext.newPage();

    // Sign-in.
    await trainer.goto(`${server.base}/trainer`);
    await trainer.locator('kt-trainer-signin #password').waitFor();
    await shot(trainer, 'trainer-signin');
    await trainerSignIn(trainer, server.base, PASSWORD);

    // A new workshop: six exercises, ordered, a time box of 90 minutes.
    await openWorkshopForm(trainer);
    await fillWorkshopForm(trainer, {
      title: 'KSZ-opleiding Gent, 12 maart',
      language: 'nl',
      exercises: [
        'infosec-desk-leefloon-application',
        'infosec-colleague-neighbour',
        'esv-current-decision',
        'esv-partner-income',
        'knipperlichten-undeclared-work',
        'knipperlichten-student-job',
      ],
      timeBoxMinutes: 90,
    });
    // Into the workshop's order with the arrows: one of each family, then the second of each.
    await moveExercise(trainer, 'esv-current-decision', 'up');
    await moveExercise(trainer, 'knipperlichten-undeclared-work', 'up');
    await moveExercise(trainer, 'knipperlichten-undeclared-work', 'up');
    await shot(trainer, 'trainer-new-workshop', { until: 'kt-workshop-form .order' });
    const workshopId = await createWorkshop(trainer);
    const code = ((await trainer.locator('kt-workshop-console [data-testid=join-code]').textContent()) ?? '').trim();

    // Three participants: one on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-BE',
    });
    const people: Person[] = [];
    for (const [i, pseudonym] of ['Zonnebloem', 'Kameleon', 'Vuurtoren'].entries()) {
      const page = await (i === 0 ? phone : await browser.newContext(desk)).newPage();
      await openJoin(page, server.base, code);
      if (i === 0) {
        // On the phone: the join form in view (below the app's header), code from the link, pseudonym typed.
        await page.locator('kt-join #pseudonym').fill(pseudonym);
        await page.locator('kt-join #pseudonym').blur();
        await shot(page, 'join', { from: 'kt-join h1', until: 'kt-join section.card' });
      }
      await joinWithPseudonym(page, pseudonym);
      await continueToWorkshop(page);
      const token = (await participantToken(page)) ?? '';
      const me = (await (
        await fetch(`${server.base}/api/participants/me`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { id: string };
      people.push({ page, id: me.id });
    }
    const [phoneUser, second, third] = people as [Person, Person, Person];

    await consoleAction(trainer, 'start');
    for (const p of people) await waitForPhase(p.page, 'running');

    const play = async (p: Person, id: string, opts: { wrong?: string; hint?: boolean } = {}) => {
      const x = exercise(id);
      const { answers, subject } = participantAnswers(x, p.id, flows);
      await openWorkshopExercise(p.page, id);
      if (opts.hint) await takeHint(p.page, x.hints[0]!.id);
      await doExercise(p.page, x, opts.wrong ? withWrongChoice(x, answers, opts.wrong) : answers, subject);
      await backToWorkshop(p.page);
    };

    // Different scores: all right; a wrong answer here and there; a hint, and one exercise still open.
    await play(phoneUser, EXERCISES[0]!);
    await play(phoneUser, EXERCISES[1]!);
    await play(second, EXERCISES[0]!, { wrong: 'why-esv' });
    await play(second, EXERCISES[1]!, { wrong: 'category' });
    await play(second, EXERCISES[2]!, { wrong: 'follow-up' });
    await play(third, EXERCISES[0]!, { hint: true });
    await play(phoneUser, EXERCISES[2]!);
    await openWorkshopExercise(third.page, EXERCISES[1]!);

    // The phone's home: status, time left, progress and the first exercises.
    await shot(phoneUser.page, 'workshop-home', { from: 'kt-workshop-home .eyebrow', until: 'kt-workshop-home li' });

    // The console once it has caught up with everyone.
    await eventually(async () => {
      const rows = trainer.locator('kt-workshop-console section[aria-labelledby=participants-title] tbody tr');
      if ((await rows.count()) !== 3) throw new Error('console not complete');
      const cells = await trainer.locator('kt-workshop-console .cell:not(.busy)').count();
      if (cells !== 7) throw new Error(`console shows ${cells} scores`);
    });
    await shot(trainer, 'console', { until: 'kt-workshop-console section[aria-labelledby=participants-title]' });

    // The projector, as the room sees it on a 1280×720 beamer.
    const projector = await openProjector(trainer);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.locator('kt-projector [data-testid=leaderboard] tbody tr').nth(2).waitFor();
    await projector.locator('kt-projector figure').first().waitFor();
    await shot(projector, 'projector');
    await projector.close();

    // The printable report.
    await openReport(trainer);
    await shot(trainer, 'report', { until: 'kt-workshop-report article.attempt' });
    process.stdout.write(`workshop ${workshopId} (code ${code})\n`);
  } finally {
    await browser.close();
    await server.kill();
  }
  process.stdout.write(`\naxe (WCAG 2.1 A/AA, serious or critical):\n${findings.join('\n')}\n`);
}

await main();
