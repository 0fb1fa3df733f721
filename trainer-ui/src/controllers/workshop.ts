import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrainingApi } from '../api/training.ts';
import type { AttemptSummary, Me } from '../api/types.ts';
import type { JoinReply, ParticipantWorkshop } from '../api/workshop-types.ts';

/** How often `GET /api/participants/me` is asked while a workshop screen is shown. */
export const POLL_MS = 5000;

/**
 * The participant as the server last described them (`GET /api/participants/me`), shared by every component that
 * uses the same `TrainingApi`: one request per interval however many screens listen. It polls only while at least
 * one listener asks for it, the page is visible and the participant belongs to a workshop (a participant outside a
 * workshop is read once).
 */
export class MePoller {
  me: Me | null = null;
  /** `performance.now()` when `me` arrived: the workshop's clock runs from there, not from the browser's clock. */
  receivedAt = 0;
  /** The last failure of a refresh (cleared by the next success). */
  error: unknown = null;
  /** The polling interval (tests shorten it). */
  intervalMs = POLL_MS;
  /** No polling while the page is hidden (another tab, a locked phone); it asks again when it shows. */
  pauseWhenHidden = true;
  /**
   * Whether the workshop ended by its time box rather than by the trainer, as far as can be told: decided when the
   * end is first seen (its `endsAt` had passed by then), since the participant's view has no `endedAt`.
   */
  endedByTime = false;

  private readonly listeners = new Set<() => void>();
  private polling = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<Me | null> | null = null;
  private generation = 0;

  constructor(private readonly api: TrainingApi) {}

  get workshop(): ParticipantWorkshop | undefined {
    return this.me?.workshop;
  }

  /** Listens to every change; with `poll`, also keeps the polling going while subscribed. Returns the unsubscribe. */
  subscribe(listener: () => void, poll: boolean): () => void {
    this.listeners.add(listener);
    if (poll) {
      this.polling++;
      if (this.polling === 1) {
        document.addEventListener('visibilitychange', this.onVisibility);
        if (!this.me && !this.inflight) void this.refresh();
        else this.schedule();
      }
    }
    return () => {
      this.listeners.delete(listener);
      if (!poll) return;
      this.polling--;
      if (this.polling === 0) {
        document.removeEventListener('visibilitychange', this.onVisibility);
        this.stop();
      }
    };
  }

  /** Asks the server now (a request already under way is shared). Resolves with `me`, or null when it failed. */
  refresh(): Promise<Me | null> {
    if (this.inflight) return this.inflight;
    if (!this.api.hasToken) {
      this.forget();
      return Promise.resolve(null);
    }
    const mine = this.generation;
    this.stop();
    const job = this.api.me().then(
      (me) => {
        if (mine === this.generation) this.accept(me);
        return me;
      },
      (error: unknown) => {
        if (mine === this.generation) {
          this.error = error;
          if (!this.api.hasToken) this.me = null;
          this.notify();
        }
        return null;
      },
    );
    const shared: Promise<Me | null> = job.finally(() => {
      if (this.inflight === shared) this.inflight = null;
      this.schedule();
    });
    this.inflight = shared;
    return shared;
  }

  /** Takes a fresh description of the participant (from a refresh, or from the join answer). */
  accept(me: Me): void {
    const before = this.me?.workshop;
    const w = me.workshop;
    if (w?.status === 'ended' && !(before?.status === 'ended' && before.id === w.id))
      this.endedByTime =
        w.endedBy != null ? w.endedBy === 'time' : w.endsAt !== null && Date.parse(w.endsAt) <= Date.parse(w.serverNow);
    this.me = me;
    this.receivedAt = performance.now();
    this.error = null;
    this.notify();
  }

  /** After joining or rejoining: the participant and their workshop as the join answer describes them. */
  acceptJoin(reply: JoinReply, attempts: AttemptSummary[] = []): void {
    this.generation++;
    this.inflight = null;
    this.accept({ ...reply.participant, attempts, workshop: reply.workshop });
    this.schedule();
  }

  /** The token is gone (401, another participant): nothing is known any more. */
  forget(): void {
    this.generation++;
    this.inflight = null;
    this.stop();
    if (this.me || this.error) {
      this.me = null;
      this.error = null;
      this.notify();
    }
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private schedule(): void {
    this.stop();
    if (this.polling === 0 || this.inflight || this.hidden) return;
    // Outside a workshop nothing changes by itself: no polling (a failed first read is tried again).
    if (this.me && !this.me.workshop) return;
    if (!this.api.hasToken) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.intervalMs);
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private get hidden(): boolean {
    return this.pauseWhenHidden && document.visibilityState === 'hidden';
  }

  private readonly onVisibility = () => {
    if (this.hidden) this.stop();
    else if (this.polling > 0) void this.refresh();
  };
}

const pollers = new WeakMap<TrainingApi, MePoller>();

/** The one poller of this API client. */
export function mePoller(api: TrainingApi): MePoller {
  let p = pollers.get(api);
  if (!p) {
    p = new MePoller(api);
    pollers.set(api, p);
  }
  return p;
}

/** Where a workshop stands for the participant now: its status, or `time-up` when the time box ran out here. */
export type WorkshopPhase = 'lobby' | 'running' | 'paused' | 'ended' | 'time-up';

/**
 * A component's view of the participant's workshop: follows the shared `MePoller` of its API client (polling
 * `GET /api/participants/me` every 5 s while connected, if `poll`). The remaining time is `endsAt − serverNow`
 * minus the time elapsed since that answer arrived, so a wrong clock in the browser does not matter. When a running
 * time box reaches zero the host re-renders (phase `time-up`) and the server is asked at once; the countdown itself
 * ticks in `<kt-workshop-status>`, not in the host.
 *
 * @example
 * private ws = new WorkshopController(this, () => this.api, { poll: true });
 * render() { return this.ws.workshop ? html`<kt-workshop-status .clock=${this.ws.clock} …>` : nothing; }
 */
export class WorkshopController implements ReactiveController {
  private poller: MePoller | null = null;
  private unsubscribe: (() => void) | null = null;
  private zeroTimer: ReturnType<typeof setTimeout> | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly apiOf: () => TrainingApi | null | undefined,
    private readonly opts: { poll?: boolean } = {},
  ) {
    host.addController(this);
  }

  get me(): Me | null {
    return this.poller?.me ?? null;
  }

  get workshop(): ParticipantWorkshop | undefined {
    return this.poller?.workshop;
  }

  /** The shared poller (null before the host has an API client). */
  get source(): MePoller | null {
    return this.poller;
  }

  /** Milliseconds left in the time box, or null when there is none (no time box, not started). */
  remainingMs(): number | null {
    const w = this.workshop;
    if (!w?.endsAt || !this.poller) return null;
    const left = Date.parse(w.endsAt) - Date.parse(w.serverNow);
    if (Number.isNaN(left)) return null;
    // Paused: the server moves endsAt along, the clock stands still.
    const elapsed = w.status === 'running' ? performance.now() - this.poller.receivedAt : 0;
    return Math.max(0, left - elapsed);
  }

  /** `remainingMs` as a function to hand to `<kt-workshop-status>`, which ticks with it. */
  readonly clock = (): number | null => this.remainingMs();

  get phase(): WorkshopPhase | null {
    const w = this.workshop;
    if (!w) return null;
    if (w.status === 'running' && this.remainingMs() === 0) return 'time-up';
    if (w.status === 'ended' && this.poller?.endedByTime) return 'time-up';
    return w.status;
  }

  /** Ask the server now (after a refusal, when the time is up). */
  refresh(): Promise<Me | null> {
    return this.poller?.refresh() ?? Promise.resolve(null);
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostUpdate(): void {
    // The host may get its API client after it connected (`.api=${…}`).
    if (this.connected && this.poller !== this.currentPoller()) this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private currentPoller(): MePoller | null {
    const api = this.apiOf();
    return api ? mePoller(api) : null;
  }

  private attach(): void {
    this.detach();
    this.poller = this.currentPoller();
    if (!this.poller) return;
    this.unsubscribe = this.poller.subscribe(this.onChange, Boolean(this.opts.poll));
    this.watchZero();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearZero();
  }

  private readonly onChange = () => {
    this.watchZero();
    this.host.requestUpdate();
  };

  /** One timer to the moment the running time box runs out (re-armed by every answer of the server). */
  private watchZero(): void {
    this.clearZero();
    const left = this.workshop?.status === 'running' ? this.remainingMs() : null;
    if (!this.connected || left === null || left === 0) return;
    this.zeroTimer = setTimeout(
      () => {
        this.zeroTimer = null;
        this.host.requestUpdate();
        // At zero the server decides (it ends the workshop): ask at once rather than at the next poll.
        void this.refresh();
      },
      Math.min(left + 50, 2 ** 31 - 1),
    );
  }

  private clearZero(): void {
    if (this.zeroTimer !== null) clearTimeout(this.zeroTimer);
    this.zeroTimer = null;
  }
}

/** `mm:ss` (minutes go past 59 for long time boxes), rounded up so 0:00 means the time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
