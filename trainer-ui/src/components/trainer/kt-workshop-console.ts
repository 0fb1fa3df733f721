import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TrainerApi, WorkshopAction, WorkshopPatch } from '../../api/trainer.ts';
import type { Console, ConsoleParticipant, ExerciseStats, LastActionKind, Workshop } from '../../api/trainer-types.ts';
import type { LeaderboardMode } from '../../api/workshop-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { navigateOnClick } from '../../lib/events.ts';
import { base } from '../../styles/shared.ts';
import { errorText, formatClock, formatDateTime, formatPercent, formatTime, minutesSince, timeLeft } from './format.ts';
import { saveBlob, statusTag, warnIcon } from './parts.ts';
import { PollController, readConsole, ServerClock, TickController } from './poll.ts';
import { trainerStyles } from './styles.ts';
import './kt-join-qr.ts';
import './kt-leaderboard.ts';
import './kt-score-chart.ts';

type Busy = WorkshopAction | 'reveal' | 'extend' | 'leaderboard' | 'csv' | 'rejoin' | '';

const ACTION_KEY: Record<LastActionKind, MessageKey> = {
  joined: 'console.action.joined',
  rejoined: 'console.action.rejoined',
  started: 'console.action.started',
  hint: 'console.action.hint',
  consulted: 'console.action.consulted',
  submitted: 'console.action.submitted',
};

const MODES: readonly LeaderboardMode[] = ['named', 'anonymous', 'hidden'];

/** After an action, the button that takes the place of the one pressed gets the focus. */
const FOCUS_AFTER: Partial<Record<Busy, string>> = {
  start: 'pause',
  pause: 'resume',
  resume: 'pause',
  reveal: 'reveal',
};

/**
 * The trainer's console of one workshop, refreshed every 3 s while visible: join code, URL and QR; status and time
 * left; start, pause, resume, reveal, end; projector, CSV export and printable report; the participants with their
 * progress, last action and a "stuck" badge; the leaderboard and its mode; per exercise the score distribution and
 * how each check went.
 *
 * @example
 * html`<kt-workshop-console .api=${api} workshop-id="w1"></kt-workshop-console>`
 */
export class KtWorkshopConsole extends LitElement {
  static override properties = {
    api: { attribute: false },
    workshopId: { type: String, attribute: 'workshop-id' },
    data: { state: true },
    loadError: { state: true },
    busy: { state: true },
    actionError: { state: true },
    announcement: { state: true },
    issued: { state: true },
    savingMode: { state: true },
  };

  declare api: TrainerApi;
  declare workshopId: string;
  declare private data: Console | null;
  /** The last refresh failed (the console keeps showing the last data it had). */
  declare private loadError: unknown;
  declare private busy: Busy;
  declare private actionError: string;
  declare private announcement: string;
  declare private issued: { pseudonym: string; code: string } | null;
  /** The leaderboard mode being saved: its radio stays checked until the server's answer (no flicker back). */
  declare private savingMode: LeaderboardMode | null;

  /** Saves a downloaded file (tests replace it). */
  download: (blob: Blob, filename: string) => void = saveBlob;

  static override styles = [
    base,
    trainerStyles,
    css`
      .crumbs {
        margin: 0 0 0.5rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1rem;
      }
      .head h1 {
        margin: 0;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 1.25rem;
        color: var(--kt-text-muted);
        margin: 0.4rem 0 1.25rem;
      }
      .top {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        align-items: start;
      }
      .card h2 {
        font-size: 1.2rem;
      }
      .join {
        display: grid;
        grid-template-columns: 1fr minmax(8rem, 11rem);
        gap: 0.5rem 1.25rem;
        align-items: start;
      }
      .join h2,
      .join .label {
        grid-column: 1 / -1;
      }
      .join-code {
        font-size: clamp(2.2rem, 5vw, 3.4rem);
        line-height: 1.05;
        margin: 0 0 0.5rem;
        color: var(--kt-header);
        word-break: break-all;
      }
      .join-url {
        font-family: var(--kt-mono);
        overflow-wrap: anywhere;
        margin: 0 0 0.5rem;
      }
      .label {
        font-size: 0.85rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--kt-text-muted);
        margin: 0;
      }
      .figures {
        display: grid;
        /* Two by two (one column when narrow): no fourth figure alone on a second row. */
        grid-template-columns: repeat(auto-fit, minmax(max(8.5rem, calc(50% - 0.5rem)), 1fr));
        gap: 0.75rem 1rem;
        margin: 0 0 1rem;
      }
      .figures div {
        background: var(--kt-surface-alt);
        border: 1px solid var(--kt-border);
        border-radius: 0.4rem;
        padding: 0.5rem 0.75rem;
      }
      .figures dt {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--kt-text-muted);
      }
      .figures dd {
        margin: 0.15rem 0 0;
        font-weight: 700;
      }
      .figures .warn {
        background: var(--kt-warn-soft);
        border-color: var(--kt-warn);
        color: var(--kt-warn);
      }
      .figures .warn dt {
        color: var(--kt-warn);
      }
      .figures .big {
        font-size: 1.6rem;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .groups {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        margin-top: 1rem;
        padding-top: 1rem;
        border-top: 1px solid var(--kt-border);
      }
      .group-label {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--kt-text-muted);
        margin: 0 0 0.35rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      #reveal-state {
        margin-top: 0.4rem;
      }
      button[aria-pressed='true'] {
        background: var(--kt-header);
        border-color: var(--kt-header);
        color: #ffffff;
      }
      button[aria-pressed='true']::before {
        content: '✓';
      }
      .stuck-list {
        margin-top: 1.25rem;
      }
      tr.is-stuck > th {
        box-shadow: inset 0.35rem 0 0 var(--kt-warn);
      }
      .who {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        align-items: flex-start;
      }
      .alias {
        font-size: 0.85rem;
        font-weight: 400;
        color: var(--kt-text-muted);
      }
      .cell {
        display: inline-block;
        white-space: nowrap;
        font-weight: 700;
      }
      .cell.busy {
        font-weight: 600;
        color: var(--kt-primary);
      }
      .cell.busy::before {
        content: '● ';
      }
      .finished {
        color: var(--kt-ok);
        font-weight: 700;
        display: block;
        font-size: 0.88rem;
      }
      .sub {
        display: block;
        font-size: 0.88rem;
        color: var(--kt-text-muted);
        font-weight: 400;
        white-space: nowrap;
      }
      .total {
        font-weight: 800;
        white-space: nowrap;
      }
      .last {
        min-width: 9rem;
      }
      .stat .tag {
        white-space: normal;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: center;
      }
      .row-actions {
        min-width: 8rem;
      }
      .row-actions a,
      .row-actions button.link {
        font-size: 0.9rem;
        min-height: 2.75rem;
        padding: 0.25rem 0;
        text-align: left;
        display: inline-flex;
        align-items: center;
      }
      .bottom {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: 1fr;
        align-items: start;
      }
      @media (min-width: 72rem) {
        .bottom {
          grid-template-columns: minmax(26rem, 1fr) minmax(0, 2fr);
        }
      }
      .modes .option {
        padding: 0.35rem 0.5rem;
      }
      .modes .option span {
        display: block;
      }
      .modes .option small {
        display: block;
        color: var(--kt-text-muted);
        font-size: 0.88rem;
      }
      .stats {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
        align-items: start;
      }
      .stat kt-score-chart {
        max-width: 28rem;
      }
      .stat h3 {
        margin: 0 0 0.25rem;
      }
      .stat .figs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        color: var(--kt-text-muted);
        margin: 0 0 0.5rem;
      }
      .stat .figs strong {
        color: var(--kt-text);
      }
      details {
        margin-top: 0.5rem;
      }
      summary {
        cursor: pointer;
        font-weight: 700;
        color: var(--kt-primary);
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
      .checks td.expl {
        min-width: 14rem;
      }
      .split {
        display: flex;
        height: 0.6rem;
        min-width: 5rem;
        border-radius: 999px;
        overflow: hidden;
        border: 1px solid var(--kt-border-strong);
        margin-top: 0.35rem;
      }
      .split .p {
        background: var(--kt-ok);
      }
      .split .f {
        background: repeating-linear-gradient(135deg, var(--kt-bad) 0 3px, #ffffff 3px 5px);
      }
      .rejoin-code {
        font-size: 2.4rem;
        text-align: center;
        margin: 0.5rem 0 1rem;
        padding: 0.5rem;
        border: 2px dashed var(--kt-border-strong);
        border-radius: var(--kt-radius);
        user-select: all;
      }
      .ended {
        margin: 0;
      }
      .stale {
        margin-top: 0;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly clock = new ServerClock();
  private readonly poll = new PollController(this, () => this.load(), 3000);
  private expiredFor = '';

  constructor() {
    super();
    // Re-renders every second: time left, "2 min ago".
    new TickController(this, 1000);
    this.workshopId = '';
    this.data = null;
    this.loadError = null;
    this.busy = '';
    this.actionError = '';
    this.announcement = '';
    this.issued = null;
    this.savingMode = null;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('workshopId') && changed.get('workshopId') !== undefined) {
      this.data = null;
      this.loadError = null;
      this.poll.resume();
    }
    // The time box ran out: ask the server at once (it ends the workshop by itself).
    const w = this.data?.workshop;
    if (w?.status === 'running' && timeLeft(w, this.clock) === 0 && this.expiredFor !== w.endsAt) {
      this.expiredFor = w.endsAt ?? '';
      this.poll.now();
    }
  }

  private async load(): Promise<void> {
    const read = await readConsole(this.api, () => this.workshopId, this.clock, this.poll);
    if (!read) return;
    if ('data' in read) {
      this.data = read.data;
      this.loadError = null;
    } else {
      this.loadError = read.error;
      if (read.gone) this.data = null;
    }
  }

  /** A trainer's change answered with the new `Workshop`: shown at once, the rest follows with the next poll. */
  private apply(workshop: Workshop): void {
    if (this.data) this.data = { ...this.data, workshop };
  }

  private async run(busy: Busy, job: () => Promise<string | undefined>, focus?: string): Promise<void> {
    if (this.busy) return;
    this.busy = busy;
    this.actionError = '';
    try {
      const said = await job();
      if (said) this.announce(said);
      this.poll.now();
    } catch (e) {
      this.actionError = errorText(e, this.i18n);
    } finally {
      this.busy = '';
    }
    const target = focus ?? FOCUS_AFTER[busy];
    if (target) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-action="${target}"]`)?.focus();
    }
  }

  private announce(text: string): void {
    // A changed text is read out by the live region; the same text twice needs a reset first.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private act(action: WorkshopAction): Promise<void> {
    const done: Record<WorkshopAction, MessageKey> = {
      start: 'console.done.start',
      pause: 'console.done.pause',
      resume: 'console.done.resume',
      end: 'console.done.end',
    };
    return this.run(action, async () => {
      this.apply(await this.api.act(this.workshopId, action));
      return this.i18n.t(done[action]);
    });
  }

  private toggleReveal(): Promise<void> {
    const revealed = !this.data?.workshop.revealed;
    return this.run('reveal', async () => {
      this.apply(await this.api.reveal(this.workshopId, revealed));
      return this.i18n.t(revealed ? 'console.done.reveal' : 'console.done.hide');
    });
  }

  private patch(busy: Busy, patch: WorkshopPatch, said: string): Promise<void> {
    return this.run(busy, async () => {
      this.apply(await this.api.update(this.workshopId, patch));
      return said;
    });
  }

  private async setMode(mode: LeaderboardMode): Promise<void> {
    const { t } = this.i18n;
    // Busy with another action: nothing is saved, the radios go back to the mode in force.
    if (this.busy) return this.requestUpdate();
    this.savingMode = mode;
    try {
      await this.patch(
        'leaderboard',
        { leaderboard: mode },
        t('console.done.mode', { mode: t(`console.mode.${mode}`) }),
      );
    } finally {
      this.savingMode = null;
    }
  }

  private extend(): Promise<void> {
    const minutes = this.data?.workshop.timeBoxMinutes;
    if (minutes == null) return Promise.resolve();
    const next = Math.min(480, minutes + 10);
    return this.patch('extend', { timeBoxMinutes: next }, this.i18n.t('console.done.extend', { minutes: next }));
  }

  private csv(delimiter: 'comma' | 'semicolon'): Promise<void> {
    return this.run('csv', async () => {
      const file = await this.api.resultsCsv(this.workshopId, delimiter);
      this.download(file.blob, file.filename);
      return this.i18n.t('console.done.csv', { file: file.filename });
    });
  }

  private async rejoin(p: ConsoleParticipant, trigger: HTMLElement): Promise<void> {
    await this.run('rejoin', async () => {
      const { rejoinCode } = await this.api.rejoinCode(this.workshopId, p.id);
      this.issued = { pseudonym: p.pseudonym, code: rejoinCode };
      return undefined;
    });
    if (!this.issued) return;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#code-dialog');
    if (!dialog) return;
    dialog.addEventListener('close', () => trigger.isConnected && trigger.focus(), { once: true });
    if (!dialog.open) dialog.showModal();
  }

  private askEnd(): void {
    if (this.busy) return;
    this.renderRoot.querySelector<HTMLDialogElement>('#end-dialog')?.showModal();
  }

  private async confirmEnd(): Promise<void> {
    this.renderRoot.querySelector<HTMLDialogElement>('#end-dialog')?.close();
    await this.act('end');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async copyUrl(url: string): Promise<void> {
    const { t } = this.i18n;
    try {
      await navigator.clipboard.writeText(url);
      this.announce(t('console.copy.done'));
    } catch {
      this.announce(t('console.copy.failed'));
    }
  }

  private exerciseTitle(id: string | null): string {
    if (!id) return '';
    const ex = this.data?.workshop.exercises.find((e) => e.id === id);
    return ex ? this.i18n.pick(ex.title) : id;
  }

  private ago(iso: string): string {
    const { t } = this.i18n;
    const minutes = minutesSince(iso, this.clock);
    if (minutes < 1) return t('console.ago.now');
    if (minutes < 60) return t('console.ago.minutes', { n: minutes });
    return t('console.ago.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  }

  private stuckFor(p: ConsoleParticipant): number {
    return Math.max(p.idleMinutes, minutesSince(p.lastAction.at, this.clock));
  }

  // ——— rendering ———

  private joinPanel(w: Workshop) {
    const { t } = this.i18n;
    return html`<section class="card join" aria-labelledby="join-title">
      <h2 id="join-title">${t('console.join.title')}</h2>
      <div>
        <p class="label" id="code-label">${t('console.join.code')}</p>
        <p class="join-code code" aria-describedby="code-label" data-testid="join-code">${w.code}</p>
        <p class="label">${t('console.join.url')}</p>
        <p class="join-url">${w.joinUrl.split(/(?<=[^/]\/)(?!\/)|(?=\?)/).map((part) => html`${part}<wbr />`)}</p>
        <button type="button" class="secondary small" @click=${() => this.copyUrl(w.joinUrl)}>
          ${t('console.copy')}
        </button>
      </div>
      <kt-join-qr .api=${this.api} workshop-id=${w.id} join-url=${w.joinUrl}></kt-join-qr>
    </section>`;
  }

  private timeFigure(w: Workshop) {
    const { t } = this.i18n;
    const left = timeLeft(w, this.clock);
    if (left === null) return html`<dd>${t('console.noTimeBox')}</dd>`;
    return html`<dd class="big" data-testid="time-left">${formatClock(left)}</dd>`;
  }

  private controls(w: Workshop) {
    const { t } = this.i18n;
    const busy = Boolean(this.busy);
    const id = encodeURIComponent(w.id);
    const canExtend =
      w.timeBoxMinutes !== null &&
      w.timeBoxMinutes < 480 &&
      (w.status === 'running' ||
        w.status === 'paused' ||
        (w.status === 'ended' && w.endsAt !== null && w.endedAt !== null && w.endedAt >= w.endsAt));
    return html`<div class="groups">
      <div>
        <p class="group-label" id="g-flow">${t('console.group.flow')}</p>
        <div class="toolbar" role="group" aria-labelledby="g-flow">
          ${w.status === 'lobby' ? html`<button type="button" data-action="start" aria-disabled=${String(busy)} @click=${() => this.act('start')}>${t('console.start')}</button>` : nothing}
          ${w.status === 'running' ? html`<button type="button" data-action="pause" aria-disabled=${String(busy)} @click=${() => this.act('pause')}>${t('console.pause')}</button>` : nothing}
          ${w.status === 'paused' ? html`<button type="button" data-action="resume" aria-disabled=${String(busy)} @click=${() => this.act('resume')}>${t('console.resume')}</button>` : nothing}
          ${canExtend ? html`<button type="button" class="secondary" data-action="extend" aria-disabled=${String(busy)} @click=${() => this.extend()}>${t('console.extend')}</button>` : nothing}
          ${w.status !== 'ended' ? html`<button type="button" class="danger" data-action="end" aria-disabled=${String(busy)} @click=${() => this.askEnd()}>${t('console.end')}</button>` : nothing}
          ${w.status === 'ended' ? html`<p class="muted ended">${t('console.ended', { time: formatTime(w.endedAt, this.i18n.lang) })}</p>` : nothing}
        </div>
      </div>
      <div>
        <p class="group-label" id="g-room">${t('console.group.room')}</p>
        <div class="toolbar" role="group" aria-labelledby="g-room">
          <button type="button" class="secondary" data-action="reveal" aria-pressed=${String(w.revealed)} aria-disabled=${String(busy)}
            aria-describedby="reveal-state" @click=${() => this.toggleReveal()}>${t('console.reveal')}</button>
          <a class="button secondary" href="/trainer/workshops/${id}/projector" target="_blank" rel="opener">
            ${t('console.projector')}
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3zM5 5h6v2H5v12h12v-6h2v8H3V5h2z"/></svg>
            <span class="visually-hidden">${t('console.newTab')}</span>
          </a>
        </div>
        <p class="help" id="reveal-state">${t(w.revealed ? 'console.reveal.on' : 'console.reveal.off')}</p>
      </div>
      <div>
        <p class="group-label" id="g-results">${t('console.group.results')}</p>
        <div class="toolbar" role="group" aria-labelledby="g-results">
          <button type="button" class="secondary" data-action="csv" aria-disabled=${String(busy)} @click=${() => this.csv('comma')}>${t('console.csv')}</button>
          <button type="button" class="secondary" data-action="csv-excel" aria-disabled=${String(busy)} @click=${() => this.csv('semicolon')}>${t('console.csv.excel')}</button>
          <a class="button secondary" href="/trainer/workshops/${id}/report" @click=${navigateOnClick}>${t('console.report')}</a>
        </div>
      </div>
    </div>`;
  }

  private statePanel(c: Console) {
    const { t, tn } = this.i18n;
    const w = c.workshop;
    const stuck = c.participants.filter((p) => p.stuck).length;
    return html`<section class="card" aria-labelledby="state-title">
      <h2 id="state-title">${t('console.state.title')}</h2>
      <dl class="figures">
        <div><dt>${t('console.state.status')}</dt><dd>${statusTag(w.status, t)}</dd></div>
        <div><dt>${t('console.state.timeLeft')}</dt>${this.timeFigure(w)}</div>
        <div><dt>${t('console.state.participants')}</dt><dd class="big">${c.participants.length || w.participantCount}</dd></div>
        <div class=${stuck ? 'warn' : ''}><dt>${t('console.state.stuck')}</dt><dd class="big">${stuck ? warnIcon(22) : nothing} ${stuck}</dd></div>
      </dl>
      ${w.timeBoxMinutes !== null ? html`<p class="help">${tn('console.timeBox', w.timeBoxMinutes)}</p>` : nothing}
      ${this.controls(w)}
    </section>`;
  }

  private stateCell(p: ConsoleParticipant, exerciseId: string) {
    const { t, tn } = this.i18n;
    const s = p.exercises[exerciseId];
    if (!s)
      return html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('console.cell.none')}</span>`;
    if (s.status === 'submitted')
      return html`<span class="cell">${t('console.points', { points: s.points ?? 0, max: s.max ?? 0 })}</span>${
        s.hints ? html`<span class="visually-hidden">, ${tn('console.hints', s.hints)}</span>` : nothing
      }`;
    return html`<span class="cell busy">${t('console.cell.busy')}</span>${
      s.hints ? html`<span class="sub">${tn('console.hints', s.hints)}</span>` : nothing
    }`;
  }

  private participantRow(p: ConsoleParticipant, c: Console) {
    const { t } = this.i18n;
    const total = c.workshop.exercises.length;
    const pid = encodeURIComponent(p.id);
    return html`<tr class=${p.stuck ? 'is-stuck' : ''} data-participant=${p.id}>
      <th scope="row">
        <div class="who">
          <span>${p.pseudonym}</span>
          <span class="alias">${p.alias}</span>
          ${p.stuck ? html`<span class="stuck">${warnIcon()} ${t('console.stuck', { n: this.stuckFor(p) })}</span>` : nothing}
        </div>
      </th>
      <td>${p.currentExercise ? this.exerciseTitle(p.currentExercise) : html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('console.current.none')}</span>`}</td>
      ${c.workshop.exercises.map((ex) => html`<td class="num">${this.stateCell(p, ex.id)}</td>`)}
      <td class="num">
        <span class="total">${t('console.points', { points: p.points, max: p.max })}</span>
        ${
          total > 0 && p.done >= total
            ? html`<span class="finished">✓ ${t('console.allDone')}</span>`
            : html`<span class="sub">${t('console.doneOf', { done: p.done, total })}</span>`
        }
      </td>
      <td class="last">${t(ACTION_KEY[p.lastAction.kind])} · ${this.ago(p.lastAction.at)}</td>
      <td>
        <div class="row-actions">
          <button type="button" class="link" aria-disabled=${String(Boolean(this.busy))}
            aria-label=${t('console.rejoin.label', { name: p.pseudonym })}
            @click=${(e: Event) => this.rejoin(p, e.currentTarget as HTMLElement)}>${t('console.rejoin')}</button>
          <a href="/trainer/workshops/${encodeURIComponent(c.workshop.id)}/report?participant=${pid}" @click=${navigateOnClick}
            aria-label=${t('console.participantReport.label', { name: p.pseudonym })}>${t('console.participantReport')}</a>
        </div>
      </td>
    </tr>`;
  }

  private participants(c: Console) {
    const { t, tn, pick } = this.i18n;
    const stuck = c.participants.filter((p) => p.stuck);
    return html`<section aria-labelledby="participants-title">
      <div class="section-head">
        <h2 id="participants-title">${t('console.participants.title')} (${c.participants.length})</h2>
        <p class="help">${t('console.participants.help', { n: c.stuckMinutes })}</p>
      </div>
      ${
        stuck.length
          ? html`<div class="notice warn" data-testid="stuck-notice">
              <p><strong>${warnIcon()} ${tn('console.stuck.summary', stuck.length)}</strong> ${stuck.map((p) => p.pseudonym).join(', ')}</p>
            </div>`
          : nothing
      }
      ${
        c.participants.length === 0
          ? html`<p class="notice">${t('console.participants.empty', { code: c.workshop.code })}</p>`
          : html`<div class="table-wrap" role="region" aria-labelledby="participants-title" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('console.col.participant')}</th>
                    <th scope="col">${t('console.col.current')}</th>
                    ${c.workshop.exercises.map(
                      (ex, i) =>
                        html`<th scope="col" class="num" title=${pick(ex.title)}>
                          <span aria-hidden="true">${t('console.col.exercise', { n: i + 1 })}</span>
                          <span class="visually-hidden">${pick(ex.title)}</span>
                        </th>`,
                    )}
                    <th scope="col" class="num">${t('console.col.total')}</th>
                    <th scope="col">${t('console.col.last')}</th>
                    <th scope="col">${t('console.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${c.participants.map((p) => this.participantRow(p, c))}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  private leaderboard(c: Console) {
    const { t } = this.i18n;
    const mode = c.workshop.leaderboard;
    const checked = this.savingMode ?? mode;
    return html`<section aria-labelledby="leaderboard-title">
      <div class="section-head"><h2 id="leaderboard-title">${t('console.leaderboard.title')}</h2></div>
      <div class="card">
        <fieldset class="modes">
          <legend>${t('console.mode.legend')}</legend>
          ${MODES.map(
            (m) => html`<label class="option">
              <input type="radio" name="leaderboard-mode" value=${m} .checked=${live(checked === m)}
                @change=${() => this.setMode(m)} />
              <span>${t(`console.mode.${m}`)}<small>${t(`console.mode.${m}.help`)}</small></span>
            </label>`,
          )}
        </fieldset>
        <h3 style="margin-top:1rem">${t('console.leaderboard.trainerView')}</h3>
        <kt-leaderboard audience="trainer" mode=${mode} .rows=${c.leaderboard} exercises=${c.workshop.exercises.length}></kt-leaderboard>
      </div>
    </section>`;
  }

  private stat(s: ExerciseStats, index: number) {
    const { t, tn, pick, lang } = this.i18n;
    const title = pick(s.title);
    const mean = formatPercent(s.meanPercent, lang);
    return html`<article class="card stat" data-exercise=${s.id} aria-labelledby="stat-${s.id}">
      <h3 id="stat-${s.id}">${index >= 0 ? `${index + 1}. ` : ''}${title}</h3>
      <p class="figs">
        <span class="tag">${t(`family.${s.family}.title`)}</span>
        <span><strong>${s.submitted}</strong> ${t('console.stats.submitted')}</span>
        <span><strong>${s.open}</strong> ${t('console.stats.open')}</span>
        <span>${mean ? html`${t('console.stats.mean')} <strong>${mean}</strong>` : t('console.stats.noMean')}</span>
      </p>
      <kt-score-chart heading=${title} .buckets=${s.buckets} .mean=${s.meanPercent}></kt-score-chart>
      ${
        s.checks.length
          ? html`<details>
              <summary>${tn('console.checks.summary', s.checks.length)}</summary>
              <div class="table-wrap">
                <table class="checks">
                  <thead>
                    <tr>
                      <th scope="col">${t('console.checks.check')}</th>
                      <th scope="col" class="num">${t('result.passed')}</th>
                      <th scope="col" class="num">${t('result.failed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${s.checks.map((ch) => {
                      const all = ch.passed + ch.failed;
                      return html`<tr data-check=${ch.id}>
                        <td class="expl">${pick(ch.explanation) || ch.id}
                          ${
                            all
                              ? html`<div class="split" aria-hidden="true">
                                  <span class="p" style="flex:${ch.passed}"></span><span class="f" style="flex:${ch.failed}"></span>
                                </div>`
                              : nothing
                          }
                        </td>
                        <td class="num">${ch.passed}</td>
                        <td class="num">${ch.failed}</td>
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>
            </details>`
          : nothing
      }
    </article>`;
  }

  private dialogs() {
    const { t } = this.i18n;
    return html`
      <dialog id="end-dialog" aria-labelledby="end-title" aria-describedby="end-text">
        <h2 id="end-title">${t('console.endDialog.title')}</h2>
        <p id="end-text">${t('console.endDialog.text')}</p>
        <div class="actions">
          <button type="button" class="secondary" autofocus @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#end-dialog')?.close()}>
            ${t('console.endDialog.cancel')}
          </button>
          <button type="button" class="danger solid" data-action="confirm-end" @click=${() => this.confirmEnd()}>${t('console.endDialog.confirm')}</button>
        </div>
      </dialog>
      <dialog id="code-dialog" aria-labelledby="code-title" @close=${() => {
        this.issued = null;
      }}>
        ${
          this.issued
            ? html`<h2 id="code-title">${t('console.rejoinDialog.title', { name: this.issued.pseudonym })}</h2>
              <p class="rejoin-code code" data-testid="rejoin-code">${this.issued.code}</p>
              <p>${t('console.rejoinDialog.text', { name: this.issued.pseudonym })}</p>
              <div class="actions">
                <button type="button" autofocus @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#code-dialog')?.close()}>
                  ${t('console.rejoinDialog.close')}
                </button>
              </div>`
            : nothing
        }
      </dialog>
    `;
  }

  override render() {
    const { t, lang } = this.i18n;
    const c = this.data;
    const back = html`<p class="crumbs"><a href="/trainer" @click=${navigateOnClick}>← ${t('trainer.nav.workshops')}</a></p>`;
    if (!c) {
      if (this.loadError)
        return html`${back}
          <h1 tabindex="-1">${t('console.title')}</h1>
          <p class="notice bad" role="alert">${errorText(this.loadError, this.i18n)}</p>
          <button type="button" @click=${() => this.poll.resume()}>${t('app.retry')}</button>`;
      return html`${back}<p role="status" class="muted">${t('app.loading')}</p>`;
    }
    const w = c.workshop;
    return html`
      ${back}
      <div class="head">
        <h1 tabindex="-1">${w.title}</h1>
        ${statusTag(w.status, t)}
      </div>
      <p class="meta">
        <span>${t('console.meta.code', { code: w.code })}</span>
        <span>${t('console.meta.language', { language: t(w.language === 'fr' ? 'lang.fr.full' : 'lang.nl.full') })}</span>
        <span>${t('console.meta.created', { date: formatDateTime(w.createdAt, lang) })}</span>
        ${w.startedAt ? html`<span>${t('console.meta.started', { time: formatTime(w.startedAt, lang) })}</span>` : nothing}
      </p>
      ${this.actionError ? html`<p class="notice bad" role="alert">${this.actionError}</p>` : nothing}
      ${this.loadError ? html`<p class="notice warn stale" role="alert">${t('console.stale', { error: errorText(this.loadError, this.i18n) })}</p>` : nothing}
      <div class="top">
        ${this.joinPanel(w)}
        ${this.statePanel(c)}
      </div>
      ${this.participants(c)}
      <div class="bottom">
        ${this.leaderboard(c)}
        <section aria-labelledby="stats-title">
          <div class="section-head"><h2 id="stats-title">${t('console.stats.title')}</h2></div>
          <div class="stats">
            ${
              c.exercises.length
                ? c.exercises.map((s) =>
                    this.stat(
                      s,
                      w.exercises.findIndex((e) => e.id === s.id),
                    ),
                  )
                : html`<p class="muted">${t('console.stats.empty')}</p>`
            }
          </div>
        </section>
      </div>
      ${this.dialogs()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    `;
  }
}

customElements.define('kt-workshop-console', KtWorkshopConsole);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-console': KtWorkshopConsole;
  }
}
