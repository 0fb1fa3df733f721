import { css, html, LitElement, nothing } from 'lit';
import type { ParticipantWorkshop } from '../api/workshop-types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { formatClock, type WorkshopPhase } from '../controllers/workshop.ts';
import { base } from '../styles/shared.ts';

const ICON: Record<WorkshopPhase, string> = {
  lobby:
    'M6 2v6h.01L6 8.01 10 12l-4 4 .01.01H6V22h12v-5.99h-.01L18 16l-4-4 4-3.99-.01-.01H18V2H6zm10 14.5V20H8v-3.5l4-4 4 4zm-4-5-4-4V4h8v3.5l-4 4z',
  running:
    'M10 16.5 16 12l-6-4.5v9zM12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z',
  paused:
    'M9 16h2V8H9v8zm3-14C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8zm1-4h2V8h-2v8z',
  ended: 'M14.4 6 14 4H5v17h2v-7h5.6l.4 2h7V6z',
  'time-up':
    'M22 5.72 17.4 1.86l-1.29 1.53 4.6 3.86L22 5.72zM7.88 3.39 6.6 1.86 2 5.71l1.29 1.53 4.59-3.85zM12.5 8H11v6l4.75 2.85.75-1.23-4-2.37V8zM12 4c-4.97 0-9 4.03-9 9s4.02 9 9 9c4.97 0 9-4.03 9-9s-4.03-9-9-9zm0 16c-3.87 0-7-3.13-7-7s3.13-7 7-7 7 3.13 7 7-3.13 7-7 7z',
};

/**
 * Where the workshop stands, for the participant: the status in words (a polite live region, so pause, resume and
 * the end are announced), what it means, and the time left as `mm:ss`, ticking each second while the workshop runs
 * (`clock` gives the milliseconds left, null without a time box). `variant="bar"` is the slim strip above an
 * exercise; `full` the panel of the workshop's home.
 *
 * @example
 * html`<kt-workshop-status .workshop=${w} phase="running" .clock=${() => 754000}></kt-workshop-status>`
 */
export class KtWorkshopStatus extends LitElement {
  static override properties = {
    workshop: { attribute: false },
    phase: { type: String },
    clock: { attribute: false },
    variant: { type: String },
    detail: { type: String },
  };

  declare workshop: ParticipantWorkshop | null;
  declare phase: WorkshopPhase;
  /** Milliseconds left in the time box now, or null without one. */
  declare clock: () => number | null;
  declare variant: 'full' | 'bar';
  /** In the bar: what the status means for the task at hand (shown under the status line). */
  declare detail: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .panel {
        --tone: var(--kt-primary);
        --tone-soft: var(--kt-primary-soft);
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        border: 1px solid var(--kt-border);
        border-left: 0.5rem solid var(--tone);
        border-radius: var(--kt-radius);
        background: var(--tone-soft);
        padding: 1rem 1.25rem;
      }
      .panel[data-phase='running'] {
        --tone: var(--kt-ok);
        --tone-soft: var(--kt-ok-soft);
      }
      .panel[data-phase='paused'] {
        --tone: var(--kt-warn);
        --tone-soft: var(--kt-warn-soft);
      }
      .panel[data-phase='ended'] {
        --tone: var(--kt-border-strong);
        --tone-soft: var(--kt-surface-alt);
      }
      .panel[data-phase='time-up'] {
        --tone: var(--kt-bad);
        --tone-soft: var(--kt-bad-soft);
      }
      .what {
        flex: 1 1 18rem;
        min-width: 0;
      }
      .line {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        font-size: 1.3rem;
        font-weight: 700;
        line-height: 1.3;
        margin: 0;
      }
      .line svg {
        flex: none;
        color: var(--tone);
        margin-top: 0.1rem;
      }
      .why {
        margin: 0.35rem 0 0;
      }
      .clock {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        margin: 0;
      }
      .clock .label {
        font-size: 0.9rem;
        font-weight: 600;
        color: var(--kt-text-muted);
      }
      .time {
        font-family: var(--kt-mono);
        font-size: 2.4rem;
        font-weight: 800;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .time.short {
        color: var(--kt-bad);
      }
      .none {
        font-weight: 600;
        color: var(--kt-text-muted);
      }
      /* The strip above an exercise */
      .panel.bar {
        padding: 0.6rem 1rem;
        gap: 0.4rem 1rem;
      }
      .bar .line {
        font-size: 1.05rem;
      }
      .bar .title {
        font-weight: 400;
        color: var(--kt-text-muted);
      }
      .bar .clock {
        flex-direction: row;
        align-items: baseline;
        gap: 0.5rem;
      }
      .bar .time {
        font-size: 1.5rem;
      }
      @media (max-width: 30rem) {
        .clock,
        .bar .clock {
          align-items: baseline;
          flex-direction: row;
          gap: 0.5rem;
        }
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.workshop = null;
    this.phase = 'lobby';
    this.clock = () => null;
    this.variant = 'full';
    this.detail = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tick(false);
  }

  override updated(): void {
    this.tick(this.isConnected && this.phase === 'running' && this.clock() !== null);
  }

  /** Re-renders each second while the clock runs. */
  private tick(on: boolean): void {
    if (on && this.ticker === null) this.ticker = setInterval(() => this.requestUpdate(), 1000);
    if (!on && this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  private timeLeft() {
    const { t } = this.i18n;
    const showClock = this.phase === 'running' || this.phase === 'paused';
    if (!showClock) return nothing;
    const remaining = this.clock();
    if (remaining === null)
      return this.variant === 'bar'
        ? nothing
        : html`<p class="clock"><span class="none">${t('workshop.noTimeBox')}</span></p>`;
    const short = this.phase === 'running' && remaining < 60_000;
    return html`<p class="clock">
      <span class="label" id="time-label">${t(this.phase === 'paused' ? 'workshop.timeLeft.paused' : 'workshop.timeLeft')}</span>
      <span class="time ${short ? 'short' : ''}" role="timer" aria-labelledby="time-label" data-testid="time-left"
        >${formatClock(remaining)}</span
      >
    </p>`;
  }

  override render() {
    const { t } = this.i18n;
    const w = this.workshop;
    if (!w) return nothing;
    const phase = this.phase;
    const bar = this.variant === 'bar';
    return html`<div class="panel ${bar ? 'bar' : ''}" data-phase=${phase}>
      <div class="what">
        <p class="line" role="status" data-testid="workshop-status">
          <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d=${ICON[phase]} />
          </svg>
          <span>${t(`workshop.status.${phase}`)}${bar ? html`<span class="title"> · ${w.title}</span>` : nothing}</span>
        </p>
        ${
          bar
            ? this.detail
              ? html`<p class="why" data-testid="workshop-detail">${this.detail}</p>`
              : nothing
            : html`<p class="why">${t(`workshop.status.${phase}.help`)}</p>`
        }
      </div>
      ${this.timeLeft()}
    </div>`;
  }
}

customElements.define('kt-workshop-status', KtWorkshopStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-status': KtWorkshopStatus;
  }
}
