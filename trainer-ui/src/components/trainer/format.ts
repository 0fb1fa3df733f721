import type { Workshop } from '../../api/trainer-types.ts';
import { ApiError } from '../../api/training.ts';
import type { LocaleController } from '../../controllers/locale.ts';
import type { Lang } from '../../i18n/index.ts';
import { localeOf } from '../../lib/format.ts';
import type { ServerClock } from './poll.ts';

/** The message of a failed request, in the page language (the server's own text when it sent one). */
export function errorText(e: unknown, i18n: Pick<LocaleController, 't' | 'pick'>): string {
  const { t, pick } = i18n;
  if (e instanceof ApiError) {
    if (e.status === 0) return t('app.error.network');
    if (e.status === 401) return t('trainer.signin.wrong');
    if (e.text) return pick(e.text);
    if (e.status === 404) return t('trainer.error.notFound');
    return t('app.error.generic', { code: e.code });
  }
  return t('app.error.generic', { code: String(e) });
}

/** `2025-06-30T13:05:00Z` → `30/06/2025 15:05` (local time, 24 h, the Belgian way in both languages). */
export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  return `${date.replace(/[.-]/g, '/')} ${formatTime(iso, lang)}`;
}

/** `15:05`. */
export function formatTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** Milliseconds as a clock: `4:05`, `12:00`, `1:02:05` (never negative). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `64` → `64%` (nl-BE) / `64 %` (fr-BE); null → null. */
export function formatPercent(value: number | null, lang: Lang): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/**
 * Milliseconds left in the time box by the server's clock: frozen while paused (the server moves `endsAt` on
 * while the workshop is paused), the whole box before the start, 0 once ended; null without a time box.
 */
export function timeLeft(w: Workshop, clock: ServerClock): number | null {
  if (w.timeBoxMinutes === null) return null;
  if (w.status === 'lobby' || !w.endsAt) return w.status === 'ended' ? 0 : w.timeBoxMinutes * 60_000;
  if (w.status === 'ended') return 0;
  const ends = Date.parse(w.endsAt);
  if (Number.isNaN(ends)) return null;
  const now = w.status === 'paused' ? clock.answeredAt : clock.now();
  return Math.max(0, ends - now);
}

/** Whole minutes between an ISO time and the server's clock (0 for the future). */
export function minutesSince(iso: string, clock: ServerClock): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((clock.now() - t) / 60_000));
}
