import { css, html, LitElement, nothing } from 'lit';
import type { AttemptSummary, Difficulty, ExerciseSummary, Family } from '../api/types.ts';
import { FAMILIES } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import type { MessageKey } from '../i18n/index.ts';
import { emit, navigateOnClick } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

const FAMILY_ICON: Record<Family, string> = {
  infosec: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3zm0 10.9h6c-.5 3.8-3 7.2-6 8.1v-8.1H6V6.3l6-2.2v8.8z',
  esv: 'M6 2h9l5 5v15H6V2zm8 1.5V8h4.5L14 3.5zM8 12v2h10v-2H8zm0 4v2h10v-2H8zm0-8v2h4V8H8z',
  knipperlichten: 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2zm-3 17v1a3 3 0 0 0 6 0v-1H9z',
};

/**
 * The exercise catalogue: the three families with their exercises, difficulty and the participant's attempts.
 * Sends `kt-start-exercise` (start or new attempt) and `kt-navigate` (continue an open attempt).
 *
 * @example
 * html`<kt-catalogue .exercises=${list} .attempts=${me.attempts} @kt-start-exercise=${start}></kt-catalogue>`
 */
export class KtCatalogue extends LitElement {
  static override properties = {
    exercises: { attribute: false },
    attempts: { attribute: false },
    starting: { type: String },
  };

  declare exercises: ExerciseSummary[];
  declare attempts: AttemptSummary[];
  /** Id of the exercise whose attempt is being created (its button shows progress). */
  declare starting: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .intro {
        max-width: 52rem;
        font-size: 1.1rem;
      }
      .families {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
        align-items: start;
      }
      .family {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        border-top: 0.45rem solid var(--accent);
      }
      .family[data-family='infosec'] {
        --accent: #1d4f8f;
      }
      .family[data-family='esv'] {
        --accent: #1c6b5e;
      }
      .family[data-family='knipperlichten'] {
        --accent: #8a4b00;
      }
      .family-head {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }
      .family-head svg {
        flex: none;
        color: var(--accent);
        margin-top: 0.15rem;
      }
      .family h2 {
        margin: 0;
      }
      .family p.desc {
        color: var(--kt-text-muted);
        margin: 0.25rem 0 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.7rem 0.9rem;
        background: var(--kt-surface-alt);
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        justify-content: space-between;
        gap: 0.4rem 0.75rem;
      }
      .text {
        flex: 1 1 12rem;
      }
      h3 {
        margin: 0 0 0.35rem;
        font-size: 1.1rem;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        align-items: center;
        font-size: 0.95rem;
        color: var(--kt-text-muted);
      }
      .level {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      .bars {
        display: inline-flex;
        gap: 3px;
      }
      .bars span {
        width: 0.5rem;
        height: 0.9rem;
        border-radius: 2px;
        border: 1px solid var(--kt-border-strong);
        background: transparent;
      }
      .bars span.on {
        background: var(--kt-text-muted);
        border-color: var(--kt-text-muted);
      }
      .actions {
        margin-top: 0;
        gap: 0.5rem;
      }
      .actions button,
      .actions .button {
        min-height: 2.5rem;
        padding: 0.35rem 0.9rem;
      }
      .score {
        font-weight: 600;
        color: var(--kt-text);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.exercises = [];
    this.attempts = [];
    this.starting = '';
  }

  private difficulty(level: Difficulty) {
    const { t } = this.i18n;
    return html`<span class="level">
      <span class="bars" aria-hidden="true">
        ${[1, 2, 3].map((n) => html`<span class=${n <= level ? 'on' : ''}></span>`)}
      </span>
      ${t('difficulty.label', { level: t(`difficulty.${level}` as MessageKey) })}
    </span>`;
  }

  private exercise(ex: ExerciseSummary) {
    const { t, tn, pick } = this.i18n;
    const mine = this.attempts.filter((a) => a.exerciseId === ex.id);
    const open = mine.find((a) => a.status === 'open');
    const scored = mine.filter((a) => a.status === 'submitted' && typeof a.points === 'number');
    const best = scored.reduce<AttemptSummary | undefined>(
      (b, a) => (!b || (a.points ?? 0) / (a.max || 1) > (b.points ?? 0) / (b.max || 1) ? a : b),
      undefined,
    );
    const title = pick(ex.title);
    const starting = this.starting === ex.id;
    return html`<li data-exercise=${ex.id}>
      <div class="text">
        <h3>${title}</h3>
        <div class="meta">
          ${this.difficulty(ex.difficulty)}
          ${mine.length ? html`<span>${tn('catalogue.attempts', mine.length)}</span>` : nothing}
          ${best ? html`<span class="score">${t('catalogue.best', { points: best.points ?? 0, max: best.max ?? 0 })}</span>` : nothing}
        </div>
      </div>
      <div class="actions">
        ${
          open
            ? html`<a class="button" href="/attempts/${encodeURIComponent(open.id)}" @click=${navigateOnClick}
                aria-label=${t('catalogue.continue.label', { title })}>${t('catalogue.continue')}</a>`
            : nothing
        }
        <button
          type="button"
          class=${open ? 'secondary' : ''}
          ?disabled=${Boolean(this.starting)}
          aria-label=${t(open || mine.length ? 'catalogue.again.label' : 'catalogue.start.label', { title })}
          @click=${() => emit(this, 'kt-start-exercise', { exerciseId: ex.id })}
        >
          ${starting ? t('catalogue.starting') : t(open || mine.length ? 'catalogue.again' : 'catalogue.start')}
        </button>
      </div>
    </li>`;
  }

  private family(family: Family) {
    const { t } = this.i18n;
    const list = this.exercises
      .filter((e) => e.family === family)
      .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
    return html`<section class="card family" data-family=${family} aria-labelledby="family-${family}">
      <div class="family-head">
        <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d=${FAMILY_ICON[family]} />
        </svg>
        <div>
          <h2 id="family-${family}">${t(`family.${family}.title`)}</h2>
          <p class="desc">${t(`family.${family}.desc`)}</p>
        </div>
      </div>
      ${
        list.length
          ? html`<ul>
            ${list.map((ex) => this.exercise(ex))}
          </ul>`
          : html`<p class="muted">${t('catalogue.familyEmpty')}</p>`
      }
    </section>`;
  }

  override render() {
    const { t } = this.i18n;
    return html`
      <h1 tabindex="-1">${t('catalogue.title')}</h1>
      <p class="intro">${t('catalogue.intro')}</p>
      ${this.exercises.length === 0 ? html`<p class="notice">${t('catalogue.empty')}</p>` : nothing}
      <div class="families">${FAMILIES.map((f) => this.family(f))}</div>
    `;
  }
}

customElements.define('kt-catalogue', KtCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'kt-catalogue': KtCatalogue;
  }
}
