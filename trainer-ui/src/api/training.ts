import type {
  Answers,
  ApiErrorBody,
  Attempt,
  AttemptResult,
  Bilingual,
  ExerciseSummary,
  Hint,
  Me,
  Participant,
} from './types.ts';
import type { JoinReply } from './workshop-types.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A 4xx/5xx answer of the training API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual | null,
  ) {
    super(text?.nl ?? code);
  }
}

/** Where the participant's token is kept between visits. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

const TOKEN_KEY = 'ksz-sandbox.participant-token';

/** The token in `localStorage` (falls back to memory when storage is blocked). */
export function localTokenStore(storage: Storage | null = safeLocalStorage()): TokenStore {
  let memory: string | null = null;
  return {
    get: () => storage?.getItem(TOKEN_KEY) ?? memory,
    set: (token) => {
      memory = token;
      storage?.setItem(TOKEN_KEY, token);
    },
    clear: () => {
      memory = null;
      storage?.removeItem(TOKEN_KEY);
    },
  };
}

/** A token kept in memory only (tests). */
export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (t) => {
      token = t;
    },
    clear: () => {
      token = null;
    },
  };
}

/**
 * A workshop code as the server reads it: case, spaces and dashes do not matter (`k7p4 qx` → `K7P4QX`).
 *
 * @example
 * normalizeWorkshopCode(' k7p4-qx ') // 'K7P4QX'
 */
export function normalizeWorkshopCode(code: string): string {
  return code.toUpperCase().replace(/[\s\-‐‑‒–—_.]+/g, '');
}

/**
 * A personal rejoin code in its written form `XXXX-XXXX` (case, spaces and dashes typed do not matter); anything
 * that is not 8 letters or digits comes back upper-cased and trimmed, for the server to refuse.
 *
 * @example
 * normalizeRejoinCode('k7p4 9qxm') // 'K7P4-9QXM'
 */
export function normalizeRejoinCode(code: string): string {
  const bare = normalizeWorkshopCode(code);
  return /^[A-Z0-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

export function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The training API of the server (`/api/…`), with the participant's bearer token.
 *
 * @example
 * const api = new TrainingApi({ fetch: window.fetch.bind(window), tokens: localTokenStore() });
 * const exercises = await api.exercises();
 */
export class TrainingApi {
  readonly fetch: Fetch;
  readonly tokens: TokenStore;
  private readonly base: string;
  /** Called when the server does not know the token any more (401): the app asks the participant to join again. */
  onUnauthorized: (() => void) | null = null;

  constructor(opts: { fetch?: Fetch; tokens?: TokenStore; base?: string } = {}) {
    this.fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.tokens = opts.tokens ?? localTokenStore();
    this.base = opts.base ?? '';
  }

  get hasToken(): boolean {
    return this.tokens.get() !== null;
  }

  exercises(): Promise<ExerciseSummary[]> {
    return this.request('GET', '/api/exercises', undefined, false);
  }

  async join(pseudonym: string): Promise<Participant> {
    const body = pseudonym.trim() ? { pseudonym: pseudonym.trim() } : {};
    const answer = await this.request<{ token: string; participant: Participant }>(
      'POST',
      '/api/participants',
      body,
      false,
    );
    this.tokens.set(answer.token);
    return answer.participant;
  }

  /**
   * Joins a live workshop with its code and a pseudonym (`POST /api/join` → 201) and keeps the new token, so the
   * rest of the app acts as this participant. The reply's `rejoinCode` is shown once.
   */
  async joinWorkshop(code: string, pseudonym: string): Promise<JoinReply> {
    const answer = await this.request<JoinReply>(
      'POST',
      '/api/join',
      { code: normalizeWorkshopCode(code), pseudonym: pseudonym.trim() },
      false,
    );
    this.tokens.set(answer.token);
    return answer;
  }

  /** Comes back to a workshop as the same participant with the personal rejoin code (a new token; the old stops). */
  async rejoinWorkshop(code: string, rejoinCode: string): Promise<JoinReply> {
    const answer = await this.request<JoinReply>(
      'POST',
      '/api/join',
      { code: normalizeWorkshopCode(code), rejoinCode: normalizeRejoinCode(rejoinCode) },
      false,
    );
    this.tokens.set(answer.token);
    return answer;
  }

  /** The participant, their attempts and, for a workshop participant, the workshop (`workshop`) as it is now. */
  me(): Promise<Me> {
    return this.request('GET', '/api/participants/me');
  }

  /** The date and preset of a tenant's world (`/api/world/summary`), for the standalone workspace. */
  world(tenant: string): Promise<{ today: string; preset: string }> {
    return this.request('GET', '/api/world/summary', undefined, false, { 'X-KSZ-Tenant': tenant });
  }

  startAttempt(exerciseId: string): Promise<Attempt> {
    return this.request('POST', '/api/attempts', { exerciseId });
  }

  attempt(id: string): Promise<Attempt> {
    return this.request('GET', `/api/attempts/${encodeURIComponent(id)}`);
  }

  takeHint(attemptId: string, hintId: string): Promise<Hint> {
    return this.request('POST', `/api/attempts/${encodeURIComponent(attemptId)}/hints/${encodeURIComponent(hintId)}`);
  }

  submit(attemptId: string, answers: Answers): Promise<AttemptResult> {
    return this.request('POST', `/api/attempts/${encodeURIComponent(attemptId)}/submit`, { answers });
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    auth = true,
    extra: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    const token = this.tokens.get();
    if (auth && token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      });
    } catch {
      throw new ApiError(0, 'NETWORK', null);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      if (res.status === 401 && auth) {
        this.tokens.clear();
        this.onUnauthorized?.();
      }
      const error = (json as ApiErrorBody | null)?.error;
      const message = error?.message;
      throw new ApiError(
        res.status,
        error?.code ?? `HTTP_${res.status}`,
        typeof message === 'object' && message ? message : null,
      );
    }
    return json as T;
  }
}
