import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskState<T> =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'done'; value: T }
  | { kind: 'error'; error: unknown };

/**
 * One asynchronous job of a component (load the catalogue, submit answers …) and its state, re-rendering the host
 * on every change. A newer run supersedes an older one still in flight.
 *
 * @example
 * private load = new TaskController<Exercise[]>(this);
 * connectedCallback() { super.connectedCallback(); void this.load.run(() => this.api.exercises()); }
 */
export class TaskController<T> implements ReactiveController {
  state: TaskState<T> = { kind: 'idle' };
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get pending(): boolean {
    return this.state.kind === 'pending';
  }

  get value(): T | undefined {
    return this.state.kind === 'done' ? this.state.value : undefined;
  }

  get error(): unknown {
    return this.state.kind === 'error' ? this.state.error : undefined;
  }

  /** Runs the job; resolves with its value, or undefined when it failed or was superseded. */
  async run(job: () => Promise<T>): Promise<T | undefined> {
    const mine = ++this.generation;
    this.state = { kind: 'pending' };
    this.host.requestUpdate();
    try {
      const value = await job();
      if (mine !== this.generation) return undefined;
      this.state = { kind: 'done', value };
      return value;
    } catch (error) {
      if (mine !== this.generation) return undefined;
      this.state = { kind: 'error', error };
      return undefined;
    } finally {
      if (mine === this.generation) this.host.requestUpdate();
    }
  }

  set(value: T): void {
    this.generation++;
    this.state = { kind: 'done', value };
    this.host.requestUpdate();
  }

  reset(): void {
    this.generation++;
    this.state = { kind: 'idle' };
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}
