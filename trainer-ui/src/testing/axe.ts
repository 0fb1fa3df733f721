/**
 * axe-core in the test page: runs the WCAG 2.1 A/AA rules on an element (through its shadow roots) and returns the
 * violations of impact "serious" or "critical" (the bar of this UI), each as a readable line.
 */
interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}
interface Axe {
  run(context: Element, options: Record<string, unknown>): Promise<AxeResult>;
}

let loaded: Promise<Axe> | null = null;

async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (w.axe) return w.axe;
  // The UMD build registers `window.axe` when imported as a module.
  await import('axe-core/axe.min.js' as string);
  if (!w.axe) throw new Error('axe-core did not register window.axe');
  return w.axe;
}

export async function seriousViolations(el: Element): Promise<string[]> {
  loaded ??= loadAxe();
  const axe = await loaded;
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
