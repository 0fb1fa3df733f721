import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** `npm run build:ui` (Vite → dist/ui); throws with Vite's output when it fails. */
export function buildUi(): void {
  const vite = `${ROOT}node_modules/vite/bin/vite.js`;
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}

/** A DOM node as far as the page-side helpers below need it (this tsconfig has no DOM library). */
interface PageNode {
  nodeType: number;
  textContent: string | null;
  shadowRoot?: PageNode | null;
  childNodes: ArrayLike<PageNode>;
}

/** The text of an element including its shadow trees (innerText stops at a shadow host). */
export function shadowText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: PageNode) => {
      if (node.nodeType === 3) parts.push(node.textContent ?? '');
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(root as unknown as PageNode);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the whole page (through shadow roots): the violations of impact serious or critical, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const has = await page.evaluate(() => 'axe' in globalThis);
  if (!has) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const g = globalThis as unknown as {
      axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> };
      document: unknown;
    };
    const r = await g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}
