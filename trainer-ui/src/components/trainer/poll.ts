import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import type { Console } from '../../api/trainer-types.ts';
import { ApiError } from '../../api/training.ts';

/**
 * Runs a job when the host enters the page and then every `interval` ms while the page is visible: a hidden tab or
 * a removed element stops the repeating, coming back runs it at once. Runs never overlap (the next one is planned
 * when the previous one has finished).
 *
 * @example
 * private poll = new PollController(this, () => this.load(), 3000);
 * // after a change made by the user: this.poll.now();
 */
export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private connected = false;
  private again = false;
  private enabled = true;

  constructor(
    host: ReactiveControllerHost,
    private readonly job: () => Promise<unknown>,
    public interval = 3000,
  ) {
    host.addController(this);
  }

  /** Runs the job now (or right after the run in flight) and plans the next one. */
  now(): void {
    if (!this.connected || !this.enabled) return;
    this.clear();
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.job()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.now();
        } else this.plan();
      });
  }

  /** Stops polling until `resume()` (e.g. the workshop is gone). */
  pause(): void {
    this.enabled = false;
    this.clear();
  }

  resume(): void {
    this.enabled = true;
    this.now();
  }

  private plan(): void {
    this.clear();
    if (!this.connected || !this.enabled || document.hidden) return;
    this.timer = setTimeout(() => this.now(), this.interval);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly onVisibility = () => {
    if (document.hidden) this.clear();
    else this.now();
  };

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.now();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.again = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clear();
  }
}

/**
 * Re-renders the host every `interval` ms while it is in the page (a ticking clock, "2 min ago").
 */
export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = 1000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.host.requestUpdate(), this.interval);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * The server's clock as of its last answer, moving on with the browser's monotonic clock: remaining time and
 * "ago" are computed against the server, whatever the laptop's clock says.
 */
export class ServerClock {
  private server = Date.now();
  private local = performance.now();

  /** Sets the clock from an answer's `serverNow`. */
  sync(serverNow: string): void {
    const t = Date.parse(serverNow);
    if (Number.isNaN(t)) return;
    this.server = t;
    this.local = performance.now();
  }

  now(): number {
    return this.server + (performance.now() - this.local);
  }

  /** The server's time of the last answer (what a frozen clock shows). */
  get answeredAt(): number {
    return this.server;
  }
}

/** One read of a workshop's console: the data, or the error (`gone`: polling again will not help). */
export type ConsoleRead = { data: Console } | { error: unknown; gone: boolean };

/**
 * One poll of the console of the workshop a screen shows (`shown()`, read again when the answer comes): syncs
 * `clock` with the answer. Nothing when there is no workshop yet or the screen moved on to another one meanwhile. On
 * an unknown workshop or a refused password (404, 401, 403) polling again will not help: `poll` is paused.
 */
export async function readConsole(
  api: TrainerApi | undefined,
  shown: () => string,
  clock: ServerClock,
  poll: PollController,
): Promise<ConsoleRead | undefined> {
  const id = shown();
  if (!id || !api) return undefined;
  try {
    const data = await api.console(id);
    if (id !== shown()) return undefined;
    clock.sync(data.serverNow);
    return { data };
  } catch (error) {
    if (id !== shown()) return undefined;
    const gone = error instanceof ApiError && (error.status === 404 || error.status === 401 || error.status === 403);
    if (gone) poll.pause();
    return { error, gone };
  }
}
