import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const WINDOW_MS = 60_000;
const LIMIT = 20;
/** Keys kept at most: a flood of addresses cannot grow the map without bound. */
const MAX_KEYS = 10_000;

/**
 * Who is guessing: the first `X-Forwarded-For` address (a proxy in front), else the connection's address, else
 * `local` (`app.request` in tests has no connection). Good enough to slow down guessing in a training room.
 */
export function clientKey(c: Context): string {
  const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

export interface TryLimiter {
  /** Seconds to wait when the key made LIMIT wrong tries in the last minute, else 0. */
  blocked(key: string, now: number): number;
  /** Records a wrong code. */
  fail(key: string, now: number): void;
}

/**
 * Counts wrong join and rejoin codes per client in memory (a restart forgets them, which is fine): after 20 in a
 * minute, the client waits until the oldest of them is a minute old.
 */
export function createTryLimiter(limit = LIMIT, windowMs = WINDOW_MS, maxKeys = MAX_KEYS): TryLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    blocked(key, now) {
      const list = recent(key, now);
      return list.length >= limit ? Math.max(1, Math.ceil((list[0]! + windowMs - now) / 1000)) : 0;
    },
    fail(key, now) {
      const list = recent(key, now);
      list.push(now);
      // Only the last `limit` failures matter; the map re-inserts the key so the oldest-touched key comes first.
      failures.delete(key);
      failures.set(key, list.slice(-limit));
      if (failures.size > maxKeys) {
        for (const [k, times] of failures) if (times.every((t) => t <= now - windowMs)) failures.delete(k);
        while (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
      }
    },
  };
}
