import type { Answers, AnswerValue, Exchange } from '../api/types.ts';

/**
 * The events the components send up (typed `detail`, bubbling and composed so they cross shadow roots). A parent
 * listens with `@kt-…=${…}` in its template.
 */
export interface KtEvents {
  /** Go to a path of the app (`/`, `/attempts/<id>`, `/workspace`). */
  'kt-navigate': { path: string };
  /** Start a new attempt of an exercise (also "new variant"). */
  'kt-start-exercise': { exerciseId: string };
  /** The participant chose a pseudonym (possibly empty) on the welcome screen. */
  'kt-join': { pseudonym: string };
  /** The language switch was used. */
  'kt-language': { lang: 'nl' | 'fr' };
  /** One answer of a question changed (null: no valid answer). */
  'kt-answer': { questionId: string; value: AnswerValue | null };
  /** The trainee confirmed taking a hint. */
  'kt-hint-request': { hintId: string };
  /** Answers handed in. */
  'kt-submit': { answers: Answers };
  /** The workspace credentials chosen on the standalone workspace screen. */
  'kt-workspace-access': { basePath: string; username: string; password: string };
  /** A person was chosen in the person search. */
  'kt-person': { insz: string; lastName: string; firstName: string; birthDate: string };
  /** A call to the mock KSZ was made (for the workspace's list of exchanges). */
  'kt-exchange': { exchange: Exchange };
  /** A request body built by the request form. */
  'kt-request': { body: Record<string, unknown> };
}

export type KtEventName = keyof KtEvents;

export function emit<K extends KtEventName>(from: EventTarget, name: K, detail: KtEvents[K]): boolean {
  return from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface HTMLElementEventMap {
    'kt-navigate': CustomEvent<KtEvents['kt-navigate']>;
    'kt-start-exercise': CustomEvent<KtEvents['kt-start-exercise']>;
    'kt-join': CustomEvent<KtEvents['kt-join']>;
    'kt-language': CustomEvent<KtEvents['kt-language']>;
    'kt-answer': CustomEvent<KtEvents['kt-answer']>;
    'kt-hint-request': CustomEvent<KtEvents['kt-hint-request']>;
    'kt-submit': CustomEvent<KtEvents['kt-submit']>;
    'kt-workspace-access': CustomEvent<KtEvents['kt-workspace-access']>;
    'kt-person': CustomEvent<KtEvents['kt-person']>;
    'kt-exchange': CustomEvent<KtEvents['kt-exchange']>;
    'kt-request': CustomEvent<KtEvents['kt-request']>;
  }
}

/**
 * For `<a href>` inside the app: a plain left click becomes a `kt-navigate` event (no page load); a click with a
 * modifier key (new tab) is left to the browser.
 */
export function navigateOnClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.currentTarget as HTMLAnchorElement;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  emit(a, 'kt-navigate', { path: url.pathname + url.search + url.hash });
}
