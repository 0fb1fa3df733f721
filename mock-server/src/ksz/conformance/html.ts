import type { AcceptanceCase } from './cases.ts';
import { type ConformanceReport, VIOLATION_KINDS } from './report.ts';

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** `2025-06-30T08:00:20.000Z` → `2025-06-30 08:00:20Z`. */
const when = (iso: string | null) => (iso ?? '').replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

const VIOLATION_TITLES: Record<string, string> = {
  'not-integrated': 'Consultation without integration',
  'outside-role': 'Flow outside the role',
  'wrong-legal-context': 'Wrong legal context',
  identity: 'Credentials or organisation refused',
  'retry-storm': 'Retry storm',
};

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="none">${esc(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

/**
 * The report as a readable page that prints well to PDF (A4, no scripts, no external resources). English.
 *
 * @example
 * c.html(reportHtml(report, cases));
 */
export function reportHtml(report: ConformanceReport, cases: readonly AcceptanceCase[]): string {
  const s = report.summary;
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const rowRefs = (ids: number[]) =>
    esc(ids.length > 8 ? `${ids.slice(0, 8).join(', ')} … (${ids.length})` : ids.join(', '));
  const violationBoxes = VIOLATION_KINDS.map(
    (k) =>
      `<div class="box${s.violations[k] > 0 ? ' bad' : ''}"><b>${s.violations[k]}</b><span>${esc(VIOLATION_TITLES[k] ?? k)}</span></div>`,
  ).join('');
  const coverageRows = report.coverage.flows.map((f) => [
    esc(f.flow),
    String(f.requests),
    `${f.exercised} / ${f.cases}`,
    `<span class="bar"><span style="width:${Math.round(f.score * 100)}%"></span></span> ${pct(f.score)}`,
  ]);
  const exercisedRows = report.exercised.map((e) => [
    `<code>${esc(e.id)}</code>`,
    esc(e.kind),
    esc(e.title),
    String(e.count),
    esc(e.faces.join(', ')),
    esc(e.expected),
  ]);
  const violationRows = report.violations.map((v) => [
    esc(VIOLATION_TITLES[v.kind] ?? v.kind),
    esc(when(v.at)),
    esc(`${v.user ?? '?'}${v.role ? ` (${v.role})` : ''}`),
    `<code>${esc(`${v.flow}/${v.operation}`)}</code>`,
    esc(v.insz ?? ''),
    `${esc(v.detail)}<br><small>${esc(v.rule)}</small>`,
    rowRefs(v.rows),
  ]);
  const invalidRows = report.invalidRequests.map((r) => [
    String(r.row),
    esc(when(r.at)),
    esc(r.face),
    `<code>${esc(`${r.flow}/${r.operation}`)}</code>`,
    esc(r.outcome),
    esc(r.user ?? ''),
    esc(r.detail),
  ]);
  const missing = report.coverage.flows
    .filter((f) => f.missing.length > 0)
    .map(
      (f) =>
        `<h3>${esc(f.flow)}</h3><ul class="missing">${f.missing
          .map((id) => {
            const c = caseById.get(id);
            return `<li><code>${esc(id.slice(f.flow.length + 1))}</code> — ${esc(c?.title ?? '')}${c?.examples.length ? ` <small>(fixtures: ${esc(c.examples.join(', '))})</small>` : ''}</li>`;
          })
          .join('')}</ul>`,
    )
    .join('\n');
  const unclassified = report.unclassified.map((u) => [
    String(u.row),
    `<code>${esc(`${u.flow}/${u.operation}`)}</code>`,
    esc(u.outcome),
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Conformance report — tenant ${esc(report.tenant)}</title>
<style>
@page { size: A4; margin: 15mm 12mm; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #333; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.mark { display: inline-block; background: #ffe08a; color: #3d2e00; padding: .1rem .5rem; border-radius: .3rem; font-weight: 700; font-size: .9rem; }
.meta { color: #444; }
.boxes { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; }
.box { border: 1px solid #999; border-radius: .3rem; padding: .4rem .7rem; min-width: 8rem; }
.box b { display: block; font-size: 1.4rem; } .box span { font-size: .85rem; color: #333; }
.box.bad { border-color: #a40000; background: #fdecea; } .box.score { border-color: #1d5c1d; background: #eef7ee; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { white-space: nowrap; } td code { overflow-wrap: anywhere; }
th { background: #eee; } tr { page-break-inside: avoid; break-inside: avoid; }
code { font: .8rem ui-monospace, Menlo, Consolas, monospace; }
.bar { display: inline-block; width: 6rem; height: .6rem; border: 1px solid #555; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #2e7d32; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.none { color: #555; font-style: italic; } ul.missing { margin: .2rem 0; font-size: .85rem; } small { color: #555; }
footer { margin-top: 2rem; font-size: .8rem; color: #555; }
</style></head>
<body>
<p class="mark">Synthetic data — no real persons</p>
<h1>Conformance report — tenant <code>${esc(report.tenant)}</code></h1>
<p class="meta">KSZ sandbox journal: ${report.journal.rows} requests${report.journal.from ? `, from ${esc(when(report.journal.from))} to ${esc(when(report.journal.to))}` : ''}${report.journal.firstId !== null ? ` (rows ${report.journal.firstId}–${report.journal.lastId})` : ''}. The same journal always gives the same report.</p>

<h2>Summary</h2>
<div class="boxes">
<div class="box score"><b>${pct(s.score)}</b><span>coverage of the flows used (${report.coverage.exercised} / ${report.coverage.cases} cases)</span></div>
<div class="box"><b>${s.flowsUsed}</b><span>flows used</span></div>
<div class="box"><b>${s.casesExercised}</b><span>cases exercised</span></div>
<div class="box${s.invalidRequests > 0 ? ' bad' : ''}"><b>${s.invalidRequests}</b><span>invalid requests</span></div>
${violationBoxes}
</div>
<p class="meta">Whole catalogue: ${report.coverage.all.exercised} of ${report.coverage.all.cases} cases (${pct(report.coverage.all.score)}). A retry storm is the same request (${esc(report.rules.sameRequest)}) sent again less than ${report.rules.retryStormSeconds} s after ${esc(report.rules.retryCodes.join('/'))}.</p>

<h2>Coverage per flow</h2>
${table(['flow', 'requests', 'cases exercised', 'coverage'], coverageRows, 'No request in the journal.')}

<h2>Rules broken</h2>
${table(['rule', 'at', 'user', 'flow / operation', 'INSZ', 'what', 'rows'], violationRows, 'No rule was broken.')}

<h2>Invalid requests</h2>
${table(['row', 'at', 'face', 'flow / operation', 'outcome', 'user', 'detail'], invalidRows, 'Every request could be read.')}

<h2>Cases exercised</h2>
${table(['case', 'kind', 'situation', 'requests', 'faces', 'what a well-behaved client does'], exercisedRows, 'No case exercised yet.')}

<h2>Cases not exercised (flows used)</h2>
${missing || '<p class="none">Every case of the flows used was exercised.</p>'}
${unclassified.length > 0 ? `<h2>Outcomes outside the catalogue</h2>\n${table(['row', 'flow / operation', 'outcome'], unclassified, '')}` : ''}
<footer>KSZ sandbox (mock of the Crossroads Bank for Social Security) — all data synthetic. JSON: the same URL without <code>.html</code>.</footer>
</body></html>
`;
}
