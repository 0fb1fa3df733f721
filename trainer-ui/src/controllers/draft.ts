import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { safeLocalStorage } from '../api/training.ts';
import type { Answers, AnswerValue } from '../api/types.ts';

/**
 * The answers being filled in for one attempt, kept in `localStorage` under the attempt's id, so a reload, a visit to
 * the catalogue or a closed tab (a workshop participant coming back with the token this browser kept) does not lose
 * them. Re-renders the host on change.
 *
 * @example
 * private draft = new DraftController(this);
 * this.draft.open(attempt.id); this.draft.set('q1', 'B');
 */
export class DraftController implements ReactiveController {
  answers: Answers = {};
  private key = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private get storage(): Storage | null {
    try {
      return safeLocalStorage() ?? globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  }

  open(attemptId: string): void {
    this.key = `ksz-sandbox.draft.${attemptId}`;
    try {
      const raw = this.storage?.getItem(this.key);
      this.answers = raw ? (JSON.parse(raw) as Answers) : {};
    } catch {
      this.answers = {};
    }
    this.host.requestUpdate();
  }

  set(questionId: string, value: AnswerValue | null): void {
    const next = { ...this.answers };
    if (value === null || (Array.isArray(value) && value.length === 0)) delete next[questionId];
    else next[questionId] = value;
    this.answers = next;
    this.save();
    this.host.requestUpdate();
  }

  private save(): void {
    try {
      if (this.key) this.storage?.setItem(this.key, JSON.stringify(this.answers));
    } catch {
      // storage full or blocked: the answers stay in memory
    }
  }

  hostConnected(): void {}
}
