/** A source of random bytes: the caller's seeded generator (never crypto or Math.random in pure code). */
export type RandomBytes = (length: number) => Uint8Array;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Formats 16 random bytes as an RFC 9562 version-4 UUID (the form of the CBSS `ticketCBSS`).
 *
 * @example
 * uuidV4FromBytes(new Uint8Array(16)); // '00000000-0000-4000-8000-000000000000'
 */
export function uuidV4FromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`A UUID needs 16 bytes, got ${bytes.length}`);
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Draws a `ticketCBSS` from the caller's random source.
 *
 * @example
 * generateTicketCbss((n) => new Uint8Array(n).fill(0xab)); // 'abababab-abab-4bab-abab-abababababab'
 */
export function generateTicketCbss(randomBytes: RandomBytes): string {
  return uuidV4FromBytes(randomBytes(16));
}

/** True for the CommonV3 UUIDType pattern. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
