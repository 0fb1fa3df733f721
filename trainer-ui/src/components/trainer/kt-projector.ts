import { css, html, LitElement, nothing } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import type { Console, ExerciseStats } from '../../api/trainer-types.ts';
import type { WorkshopStatus } from '../../api/workshop-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import {
  type Lang,
  lang2tag,
  type MessageKey,
  type Params,
  pick,
  translate,
  translatePlural,
} from '../../i18n/index.ts';
import { base } from '../../styles/shared.ts';
import { errorText, formatClock, formatPercent, timeLeft } from './format.ts';
import { STATUS_KEY } from './parts.ts';
import { PollController, readConsole, ServerClock, TickController } from './poll.ts';
import './kt-join-qr.ts';
import './kt-leaderboard.ts';
import './kt-score-chart.ts';

const MAX_CHARTS = 4;
const MAX_CHARTS_WIDE = 6;

/**
 * The join URL as the room types it: without `?code=…` (the code is asked on the page and shown in huge type
 * next to it; the QR code carries the whole URL), in parts after which a line may wrap (after a slash, never inside
 * `//`), and the length of the longest part (the type is made small enough for it to fit the panel's width).
 */
function typedUrl(joinUrl: string): { parts: string[]; longest: number } {
  const parts = joinUrl.replace(/[?#].*$/, '').split(/(?<=[^/]\/)(?!\/)/);
  return { parts, longest: Math.max(...parts.map((p) => p.length)) };
}

/**
 * The workshop on the projector: high contrast, large type, made for 1920×1080 and 1280×720. Join code, QR and
 * URL; status (a "PAUSED" banner), time left and number of participants; the leaderboard as its mode says
 * (aliases when anonymous, nothing when hidden: never a pseudonym unless the trainer chose `named`); the score
 * distribution of every exercise with submissions. Speaks the workshop's language; refreshed every 3 s.
 *
 * @example
 * html`<kt-projector .api=${api} workshop-id="w1"></kt-projector>`
 */
export class KtProjector extends LitElement {
  static override properties = {
    api: { attribute: false },
    workshopId: { type: String, attribute: 'workshop-id' },
    data: { state: true },
    loadError: { state: true },
  };

  declare api: TrainerApi;
  declare workshopId: string;
  declare private data: Console | null;
  declare private loadError: unknown;

  static override styles = [
    base,
    css`
      :host {
        display: block;
        --bg: #0b1f3a;
        --panel: #12305a;
        --ink: #ffffff;
        --soft: #d5e0f0;
        --accent: #ffdf7e;
        --kt-focus: var(--kt-focus-on-dark);
        color: var(--ink);
        background: var(--bg);
        font-size: clamp(15px, min(1.6vw, 2.8vh), 40px);
        line-height: 1.3;
      }
      .screen {
        height: 100vh;
        overflow: auto;
        display: flex;
        flex-direction: column;
        gap: 0.8em;
        padding: 0.9em 1.3em 1.1em;
        color: var(--ink);
        --kt-text: var(--ink);
        --kt-text-muted: var(--soft);
      }
      h1,
      h2 {
        color: var(--ink);
        margin: 0;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
      h1 {
        font-size: 1.5em;
        margin-right: auto;
      }
      .mark {
        background: var(--kt-mark-bg);
        color: var(--kt-mark-text);
        border: 2px solid var(--kt-mark-bg);
        font-weight: 700;
        font-size: 0.7em;
        padding: 0.2em 0.6em;
        border-radius: 0.3em;
      }
      .bar button {
        font-size: 0.65em;
        background: transparent;
        border-color: var(--soft);
        color: var(--ink);
      }
      .bar button:hover {
        background: rgb(255 255 255 / 0.12);
      }
      .strip {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4em 1.6em;
        background: var(--panel);
        border-radius: 0.4em;
        padding: 0.45em 0.9em;
        font-size: 1.25em;
      }
      .strip .state {
        font-weight: 800;
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
      }
      .strip .fig {
        font-variant-numeric: tabular-nums;
      }
      .strip .fig strong {
        font-size: 1.5em;
        color: var(--accent);
      }
      .strip.paused {
        background: var(--accent);
        color: #102f55;
      }
      .strip.paused .fig strong {
        color: #102f55;
      }
      .paused-word {
        font-size: 1.6em;
        font-weight: 900;
        letter-spacing: 0.1em;
        line-height: 1.1;
      }
      .strip.paused {
        flex-wrap: nowrap;
      }
      .strip.paused .note {
        font-size: 0.85em;
        flex: 1;
      }
      .main {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 0.8fr) minmax(0, 1fr) minmax(0, 1.3fr);
        gap: 1.2em;
        align-items: start;
      }
      .main.no-board {
        grid-template-columns: minmax(0, 0.8fr) minmax(0, 2.3fr);
      }
      .panel {
        background: var(--panel);
        border-radius: 0.5em;
        padding: 0.8em 1em;
        max-height: 100%;
        overflow: hidden;
      }
      .panel h2 {
        font-size: 1.05em;
        margin-bottom: 0.5em;
        color: var(--soft);
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      .join {
        container-type: inline-size;
        display: flex;
        flex-direction: column;
        align-items: center;
        text-align: center;
        gap: 0.2em;
      }
      .lead {
        margin: 0;
        color: var(--soft);
        font-size: 0.95em;
      }
      .url {
        margin: 0 0 0.3em;
        font-family: var(--kt-mono);
        font-weight: 700;
        /* As large as the panel allows for the longest part (an address such as http://192.168.1.20:8080/). */
        font-size: min(0.95em, calc(100cqi / (var(--url-chars, 20) * 0.62)));
        overflow-wrap: anywhere;
      }
      .code {
        margin: 0 0 0.3em;
        font-family: var(--kt-mono);
        font-weight: 900;
        /* As large as the panel allows for the code's length. */
        font-size: min(3.6em, calc(100cqi / (var(--chars, 6) * 0.64)));
        line-height: 1;
        white-space: nowrap;
        letter-spacing: 0.06em;
        color: var(--accent);
        word-break: break-all;
      }
      kt-join-qr {
        width: min(100%, 10.5em);
        margin-top: 0.3em;
      }
      kt-leaderboard {
        font-size: 1.05em;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.7em 1.2em;
      }
      .no-board .charts {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
      .more {
        margin: 0.6em 0 0;
        color: var(--soft);
        font-size: 0.8em;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 700;
        font-size: 0.8em;
        margin-bottom: 0.15em;
      }
      /* The title on at most two lines: the room recognises the exercise by its number and its first words. */
      figcaption .title {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        line-clamp: 2;
        overflow: hidden;
      }
      figcaption .figs {
        display: block;
        font-weight: 400;
        color: var(--soft);
      }
      figcaption .figs span {
        white-space: nowrap;
      }
      .muted-dark {
        color: var(--soft);
        margin: 0;
      }
      .error {
        font-size: 1.4em;
        padding: 2em;
      }
      @media (max-width: 900px) {
        .main,
        .main.no-board {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly clock = new ServerClock();
  private readonly poll = new PollController(this, () => this.load(), 3000);
  private fullscreen = false;

  constructor() {
    super();
    // Re-renders every second: time left, "2 min ago".
    new TickController(this, 1000);
    this.workshopId = '';
    this.data = null;
    this.loadError = null;
  }

  /** The workshop's language once known (the room's), else the page's. */
  private get roomLang(): Lang {
    return this.data?.workshop.language ?? this.i18n.lang;
  }

  private t(key: MessageKey, params?: Params): string {
    return translate(this.roomLang, key, params);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('workshopId') && changed.get('workshopId') !== undefined) {
      this.data = null;
      this.poll.resume();
    }
  }

  private async load(): Promise<void> {
    const read = await readConsole(this.api, () => this.workshopId, this.clock, this.poll);
    if (!read) return;
    if ('data' in read) {
      this.data = read.data;
      this.loadError = null;
    } else this.loadError = read.error;
  }

  private readonly onFullscreen = () => {
    this.fullscreen = Boolean(document.fullscreenElement);
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.onFullscreen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.onFullscreen);
  }

  private toggleFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }

  private strip(c: Console) {
    const w = c.workshop;
    const left = timeLeft(w, this.clock);
    const count = c.participants.length || w.participantCount;
    const people = translatePlural(this.roomLang, 'projector.participants', count);
    const time =
      left === null
        ? nothing
        : html`<span class="fig" data-testid="time-left">${this.t('projector.timeLeft')} <strong>${formatClock(left)}</strong></span>`;
    if (w.status === 'paused')
      return html`<div class="strip paused" role="status" data-testid="paused">
        <span class="paused-word">${this.t('projector.paused')}</span>
        <span class="note">${this.t('projector.paused.text')}</span>
        ${time}
      </div>`;
    const lead: Record<WorkshopStatus, MessageKey> = {
      lobby: 'projector.lobby',
      running: 'projector.running',
      paused: 'projector.paused',
      ended: 'projector.ended',
    };
    return html`<div class="strip" data-status=${w.status}>
      <span class="state">${this.t(STATUS_KEY[w.status])}</span>
      <span>${this.t(lead[w.status])}</span>
      <span class="fig"><strong>${count}</strong> ${people}</span>
      ${time}
    </div>`;
  }

  /** "gemiddeld 92% · 3 ingediend", wrapping (if it must) only between its two parts. */
  private caption(s: ExerciseStats) {
    const mean = formatPercent(s.meanPercent, this.roomLang);
    const n = html`<span>${translatePlural(this.roomLang, 'projector.submitted', s.submitted)}</span>`;
    return mean ? html`<span>${this.t('projector.mean', { mean })}</span> · ${n}` : n;
  }

  private charts(c: Console) {
    // The room sees the latest exercises with results: where the group is now.
    const withResults = c.exercises.filter((s) => s.submitted > 0);
    const max = c.workshop.leaderboard === 'hidden' ? MAX_CHARTS_WIDE : MAX_CHARTS;
    const shown = withResults.slice(-max);
    const hidden = withResults.length - shown.length;
    if (shown.length === 0) return html`<p class="muted-dark">${this.t('projector.noResults')}</p>`;
    return html`<div class="charts" data-count=${shown.length}>
      ${shown.map((s) => {
        const title = pick(s.title, this.roomLang);
        const n = c.workshop.exercises.findIndex((e) => e.id === s.id) + 1;
        return html`<figure data-exercise=${s.id}>
          <figcaption><span class="title">${n > 0 ? `${n}. ` : ''}${title}</span><span class="figs">${this.caption(s)}</span></figcaption>
          <kt-score-chart tone="dark" compact language=${this.roomLang} heading=${title} .buckets=${s.buckets}
            .mean=${s.meanPercent}></kt-score-chart>
        </figure>`;
      })}
    </div>
    ${hidden > 0 ? html`<p class="more">${translatePlural(this.roomLang, 'projector.moreCharts', hidden)}</p>` : nothing}`;
  }

  override render() {
    const c = this.data;
    if (!c)
      return html`<div class="screen" lang=${lang2tag(this.roomLang)}>
        <h1>${this.t('projector.title')}</h1>
        ${
          this.loadError
            ? html`<p class="error" role="alert">${errorText(this.loadError, { t: (k, p) => this.t(k, p), pick: (x) => pick(x, this.roomLang) })}</p>`
            : html`<p role="status">${this.t('app.loading')}</p>`
        }
      </div>`;
    const w = c.workshop;
    const board = w.leaderboard !== 'hidden';
    const url = typedUrl(w.joinUrl);
    return html`<div class="screen" lang=${lang2tag(this.roomLang)}>
      <div class="bar">
        <h1>${w.title}</h1>
        <span class="mark">${this.t('app.synthetic')}</span>
        ${
          document.fullscreenEnabled
            ? html`<button type="button" @click=${() => this.toggleFullscreen()}>
                ${this.t(this.fullscreen ? 'projector.fullscreen.exit' : 'projector.fullscreen')}
              </button>`
            : nothing
        }
      </div>
      ${this.strip(c)}
      <div class="main ${board ? '' : 'no-board'}">
        <section class="panel join" aria-labelledby="p-join">
          <h2 id="p-join">${this.t('projector.join')}</h2>
          <p class="lead">${this.t('projector.join.go')}</p>
          <p class="url" style="--url-chars:${url.longest}">${url.parts.map((part) => html`${part}<wbr />`)}</p>
          <p class="lead">${this.t('projector.join.code')}</p>
          <p class="code" data-testid="join-code" style="--chars:${w.code.length}">${w.code}</p>
          <kt-join-qr .api=${this.api} workshop-id=${w.id} join-url=${w.joinUrl} language=${this.roomLang}></kt-join-qr>
        </section>
        ${
          board
            ? html`<section class="panel" aria-labelledby="p-board" data-testid="leaderboard">
                <h2 id="p-board">${this.t('projector.leaderboard')}</h2>
                <kt-leaderboard audience="room" mode=${w.leaderboard} .rows=${c.leaderboard} limit="10"
                  exercises=${w.exercises.length} language=${this.roomLang}></kt-leaderboard>
              </section>`
            : nothing
        }
        <section class="panel" aria-labelledby="p-results">
          <h2 id="p-results">${this.t('projector.results')}</h2>
          ${this.charts(c)}
        </section>
      </div>
    </div>`;
  }
}

customElements.define('kt-projector', KtProjector);

declare global {
  interface HTMLElementTagNameMap {
    'kt-projector': KtProjector;
  }
}
