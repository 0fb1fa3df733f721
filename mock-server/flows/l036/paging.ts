import { createHash } from 'node:crypto';
import type { IsoDate, Period } from '../../../scenarios/engine/model.ts';

/**
 * Paging of the L036 answer (modelled: the real page size and reference format are not public). An answer holds at
 * most {@link PAGE_SIZE} A036; when more are known, `NextAnswerReference` names the next page. The client asks again
 * with the same INSS and Period and the reference in `Request/NextAnswerReference`, until no reference comes back.
 *
 * The reference is deterministic and stateless: 12 hexadecimal characters that seal the consultation (search period
 * and the day it was asked), then the position of the next page as 4 digits. A reference of another period or of
 * another day (the network may have learnt new attestations since) does not belong to the request: MSG00008.
 */
export const PAGE_SIZE = 10;

export const REFERENCE_PATTERN = /^[0-9A-F]{12}\d{4}$/;

const seal = (window: Period, asOf: IsoDate): string =>
  createHash('sha256').update(`l036|${window.from}|${window.to}|${asOf}`).digest('hex').slice(0, 12).toUpperCase();

/** The reference of the page starting at `offset` of the consultation of `window` on `asOf`. */
export function answerReference(window: Period, asOf: IsoDate, offset: number): string {
  return `${seal(window, asOf)}${String(offset).padStart(4, '0')}`;
}

/** Where the page a reference names starts, or null when the reference belongs to another consultation. */
export function offsetOf(reference: string, window: Period, asOf: IsoDate): number | null {
  if (!REFERENCE_PATTERN.test(reference) || reference.slice(0, 12) !== seal(window, asOf)) return null;
  const offset = Number(reference.slice(12));
  return offset > 0 && offset % PAGE_SIZE === 0 ? offset : null;
}

export interface Page<T> {
  items: T[];
  /** The reference of the next page; null on the last one. */
  nextAnswerReference: string | null;
}

/** The page of `all` starting at `offset`. */
export function pageOf<T>(all: readonly T[], offset: number, window: Period, asOf: IsoDate): Page<T> {
  const end = offset + PAGE_SIZE;
  return {
    items: all.slice(offset, end),
    nextAnswerReference: end < all.length ? answerReference(window, asOf, end) : null,
  };
}
