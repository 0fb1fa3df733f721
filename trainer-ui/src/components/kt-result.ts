import { css, html, LitElement, nothing } from 'lit';
import type { AttemptResult, Check, Question } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { emit, navigateOnClick } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

/**
 * The score of a submitted attempt: per check right or wrong, the explanation and its source; "new variant" sends
 * `kt-start-exercise` for the same exercise. In a workshop (`workshop`) there is one attempt per exercise (no new
 * variant, back to the workshop), and until the trainer reveals them (`result.revealed === false`) the checks say
 * only right or wrong, named after their question, with "the trainer shows the explanation later".
 *
 * @example
 * html`<kt-result .result=${result} exercise-id="infosec-basis"></kt-result>`
 */
export class KtResult extends LitElement {
  static override properties = {
    result: { attribute: false },
    exerciseId: { type: String, attribute: 'exercise-id' },
    starting: { type: Boolean },
    note: { type: String },
    workshop: { type: Boolean },
    questions: { attribute: false },
  };

  declare result: AttemptResult;
  declare exerciseId: string;
  /** A new variant is being created. */
  declare starting: boolean;
  /** An extra line above the checks (e.g. "already submitted"). */
  declare note: string;
  /** An attempt of a live workshop: no new variant, the way back leads to the workshop. */
  declare workshop: boolean;
  /** The attempt's questions, to name a check whose explanation is withheld. */
  declare questions: Question[];

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .score {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        margin-bottom: 1rem;
      }
      .points {
        font-size: 2rem;
        font-weight: 800;
      }
      .bar {
        flex: 1 1 14rem;
        height: 1rem;
        border-radius: 999px;
        background: var(--kt-surface-alt);
        border: 1px solid var(--kt-border-strong);
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--kt-ok);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      li {
        border-radius: var(--kt-radius);
        padding: 0.85rem 1rem;
        border: 1px solid var(--kt-border);
        border-left: 0.45rem solid var(--kt-bad);
        background: var(--kt-surface);
      }
      li.passed {
        border-left-color: var(--kt-ok);
      }
      .verdict {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        font-weight: 700;
        color: var(--kt-bad);
      }
      li.passed .verdict {
        color: var(--kt-ok);
      }
      .explanation {
        margin: 0.35rem 0 0.25rem;
      }
      .source {
        font-size: 0.92rem;
        color: var(--kt-text-muted);
        margin: 0;
      }
      .what {
        margin: 0.25rem 0 0;
        font-weight: 600;
      }
      .pending {
        display: flex;
        gap: 0.7rem;
        align-items: flex-start;
      }
      .pending svg {
        flex: none;
        color: var(--kt-warn);
        margin-top: 0.1rem;
      }
      .pending strong {
        display: block;
        font-size: 1.1rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.exerciseId = '';
    this.starting = false;
    this.note = '';
    this.workshop = false;
    this.questions = [];
  }

  /** What a check is about when its explanation is withheld: its question, or its number. */
  private label(c: Check, i: number): string {
    const { t, pick } = this.i18n;
    const qi = this.questions.findIndex((q) => q.id === c.id);
    const q = this.questions[qi];
    return q
      ? t('workshop.check.question', { n: qi + 1, prompt: pick(q.prompt) })
      : t('workshop.check.numbered', { n: i + 1 });
  }

  override render() {
    const { t, pick } = this.i18n;
    const r = this.result;
    if (!r) return nothing;
    const pct = r.max > 0 ? Math.max(0, Math.min(100, Math.round((r.points / r.max) * 100))) : 0;
    const passed = r.checks.filter((c) => c.passed).length;
    const withheld = r.revealed === false;
    return html`
      <h2 id="result-title" tabindex="-1">${t('result.title')}</h2>
      ${this.note ? html`<p class="notice warn">${this.note}</p>` : nothing}
      <div class="score">
        <span class="points" data-testid="score">${t('result.score', { points: r.points, max: r.max })}</span>
        <span class="bar" role="img" aria-label=${t('result.percent', { pct })}><span style="width:${pct}%"></span></span>
        <span>${t('result.checksPassed', { passed, total: r.checks.length })}</span>
      </div>
      ${
        withheld
          ? html`<div class="notice warn pending" data-testid="not-revealed">
            <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M11 7h2v2h-2V7zm0 4h2v6h-2v-6zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z" />
            </svg>
            <div>
              <strong>${t('workshop.notRevealed')}</strong>
              <p>${t('workshop.result.pending.help')}</p>
            </div>
          </div>`
          : nothing
      }
      <ol>
        ${r.checks.map(
          (c, i) => html`<li class=${c.passed ? 'passed' : 'failed'} data-check=${c.id}>
            <span class="verdict">
              <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d=${
                    c.passed
                      ? 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z'
                      : 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z'
                  }
                />
              </svg>
              ${c.passed ? t('result.passed') : t('result.failed')}
            </span>
            ${
              c.explanation
                ? html`<p class="explanation">${pick(c.explanation)}</p>`
                : html`<p class="what">${this.label(c, i)}</p>`
            }
            ${c.source ? html`<p class="source">${t('result.source', { source: c.source })}</p>` : nothing}
          </li>`,
        )}
      </ol>
      <div class="actions">
        ${
          this.workshop
            ? html`<a class="button" href="/" @click=${navigateOnClick}>${t('workshop.back')}</a>`
            : html`<button
                type="button"
                ?disabled=${this.starting}
                @click=${() => emit(this, 'kt-start-exercise', { exerciseId: this.exerciseId })}
              >
                ${this.starting ? t('catalogue.starting') : t('runner.newVariant')}
              </button>
              <a class="button secondary" href="/" @click=${navigateOnClick}>${t('runner.back')}</a>`
        }
      </div>
    `;
  }
}

customElements.define('kt-result', KtResult);

declare global {
  interface HTMLElementTagNameMap {
    'kt-result': KtResult;
  }
}
