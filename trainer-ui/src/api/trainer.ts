import type { Console, NewWorkshop, Report, Workshop } from './trainer-types.ts';
import { ApiError, type Fetch, type TokenStore } from './training.ts';
import type { ApiErrorBody, ExerciseSummary } from './types.ts';
import type { LeaderboardMode } from './workshop-types.ts';

/** Where the trainer password is kept after a successful sign-in: this tab only, gone when the tab is closed. */
export const PASSWORD_KEY = 'ksz-sandbox.trainer-password';

/** The trainer password in `sessionStorage` (falls back to memory when storage is blocked). */
export function sessionPasswordStore(storage: Storage | null = safeSessionStorage()): TokenStore {
  let memory: string | null = null;
  return {
    get: () => storage?.getItem(PASSWORD_KEY) ?? memory,
    set: (password) => {
      memory = password;
      storage?.setItem(PASSWORD_KEY, password);
    },
    clear: () => {
      memory = null;
      storage?.removeItem(PASSWORD_KEY);
    },
  };
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Changes a workshop accepts after its creation (`PATCH /api/workshops/:id`). */
export interface WorkshopPatch {
  title?: string;
  leaderboard?: LeaderboardMode;
  timeBoxMinutes?: number | null;
}

export type WorkshopAction = 'start' | 'pause' | 'resume' | 'end';

/** A file the server sent as an attachment (`results.csv`). */
export interface Download {
  filename: string;
  blob: Blob;
}

/**
 * The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename="…"`), without
 * any folder part; null when there is none.
 */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      name = decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim() ?? null;
  }
  // Never a path: the last segment, without characters file systems refuse.
  const clean = name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/[<>:"|?*]/g, '_')
    .trim();
  return clean || null;
}

/**
 * The `Authorization` header for the trainer password: `Bearer` as the API describes it; a password with characters
 * outside printable ASCII goes as HTTP Basic instead (base64 of its UTF-8 bytes), because a header value can only
 * carry Latin-1 and the server compares bytes.
 */
export function authorization(password: string): string {
  if (/^[\x21-\x7e]+$/.test(password)) return `Bearer ${password}`;
  const bytes = new TextEncoder().encode(`trainer:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * The trainer's side of the workshop API (`/api/workshops`, docs/decisions/006-workshops.md), with the trainer
 * password as bearer credential. A 401 forgets the password and calls `onUnauthorized` (the shell shows the
 * sign-in again).
 *
 * @example
 * const api = new TrainerApi({ fetch: window.fetch.bind(window) });
 * await api.signIn('Trainer-2025');
 * const workshops = await api.workshops();
 */
export class TrainerApi {
  readonly fetch: Fetch;
  readonly passwords: TokenStore;
  private readonly base: string;
  /** Called when the server refuses the stored password (401). */
  onUnauthorized: (() => void) | null = null;

  constructor(opts: { fetch?: Fetch; passwords?: TokenStore; base?: string } = {}) {
    this.fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.passwords = opts.passwords ?? sessionPasswordStore();
    this.base = opts.base ?? '';
  }

  get signedIn(): boolean {
    return this.passwords.get() !== null;
  }

  /** Tries the password on the list of workshops; keeps it only when the server accepts it. */
  async signIn(password: string): Promise<Workshop[]> {
    const list = await this.request<Workshop[]>('GET', '/api/workshops', { password, remember: false });
    this.passwords.set(password);
    return list;
  }

  signOut(): void {
    this.passwords.clear();
  }

  /** The exercise catalogue (public, no credential). */
  exercises(): Promise<ExerciseSummary[]> {
    return this.request('GET', '/api/exercises', { password: null });
  }

  workshops(): Promise<Workshop[]> {
    return this.request('GET', '/api/workshops');
  }

  create(workshop: NewWorkshop): Promise<Workshop> {
    return this.request('POST', '/api/workshops', { body: workshop });
  }

  console(id: string): Promise<Console> {
    return this.request('GET', this.path(id));
  }

  update(id: string, patch: WorkshopPatch): Promise<Workshop> {
    return this.request('PATCH', this.path(id), { body: patch });
  }

  /** Start, pause, resume or end (409 `bad-state` when the workshop is not in a state that allows it). */
  act(id: string, action: WorkshopAction): Promise<Workshop> {
    return this.request('POST', `${this.path(id)}/${action}`, { body: {} });
  }

  /** Shows (or hides again) the explanations of every result to the participants. */
  reveal(id: string, revealed = true): Promise<Workshop> {
    return this.request('POST', `${this.path(id)}/reveal`, { body: { revealed } });
  }

  /** A new personal rejoin code for a participant; the old one stops working. */
  rejoinCode(id: string, participantId: string): Promise<{ rejoinCode: string }> {
    return this.request('POST', `${this.path(id)}/participants/${encodeURIComponent(participantId)}/rejoin-code`, {
      body: {},
    });
  }

  /** One row per submitted attempt; `semicolon` for Excel with Belgian settings. */
  async resultsCsv(id: string, delimiter: 'comma' | 'semicolon' = 'comma'): Promise<Download> {
    const query = delimiter === 'semicolon' ? '?delimiter=semicolon' : '';
    const res = await this.send('GET', `${this.path(id)}/results.csv${query}`, { accept: 'text/csv' });
    const blob = await res.blob();
    const fallback = `workshop-${id}${delimiter === 'semicolon' ? '-excel' : ''}.csv`;
    return {
      filename: filenameFrom(res.headers.get('Content-Disposition')) ?? fallback,
      blob: blob.type ? blob : new Blob([blob], { type: 'text/csv;charset=utf-8' }),
    };
  }

  /** The same CSV as text (BOM removed). */
  async resultsCsvText(id: string, delimiter: 'comma' | 'semicolon' = 'comma'): Promise<string> {
    const { blob } = await this.resultsCsv(id, delimiter);
    return (await blob.text()).replace(/^\uFEFF/, '');
  }

  report(id: string, participantId?: string | null): Promise<Report> {
    const query = participantId ? `?participant=${encodeURIComponent(participantId)}` : '';
    return this.request('GET', `${this.path(id)}/report${query}`);
  }

  /** The QR code of the join URL as SVG text (not yet checked: see `safeSvg`). */
  async qrSvg(id: string): Promise<string> {
    const res = await this.send('GET', `${this.path(id)}/qr.svg`, { accept: 'image/svg+xml' });
    return res.text();
  }

  private path(id: string): string {
    return `/api/workshops/${encodeURIComponent(id)}`;
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    opts: { body?: unknown; password?: string | null; remember?: boolean } = {},
  ): Promise<T> {
    const res = await this.send(method, path, { ...opts, accept: 'application/json' });
    const text = await res.text();
    try {
      return (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new ApiError(res.status, 'BAD_JSON', null);
    }
  }

  /**
   * One request; throws `ApiError` for a network failure (status 0) or a 4xx/5xx answer. `password`: undefined
   * uses the stored one, null sends none. `remember: false` (sign-in) does not drop the stored password on a 401.
   */
  private async send(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    opts: { body?: unknown; password?: string | null; remember?: boolean; accept: string },
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: opts.accept };
    const password = opts.password === undefined ? this.passwords.get() : opts.password;
    if (password) headers.Authorization = authorization(password);
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', null);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    let json: ApiErrorBody | null = null;
    try {
      json = text ? (JSON.parse(text) as ApiErrorBody) : null;
    } catch {
      json = null;
    }
    if (res.status === 401 && opts.password !== null && opts.remember !== false) {
      this.passwords.clear();
      this.onUnauthorized?.();
    }
    const message = json?.error?.message;
    throw new ApiError(
      res.status,
      json?.error?.code ?? `HTTP_${res.status}`,
      typeof message === 'object' && message ? message : null,
    );
  }
}
