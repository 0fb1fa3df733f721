/** A source of uniformly distributed integers in [0, maxExclusive): the seeded random of the caller. */
export type RandomInt = (maxExclusive: number) => number;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SSDN_TICKET = /^[A-Z0-9]{15}$/;

/**
 * Draws an SSDN ticket: 15 upper-case alphanumerics like the real `THTTMHHP49DGQ9V`.
 *
 * @example
 * generateSsdnTicket((n) => 0); // 'AAAAAAAAAAAAAAA'
 */
export function generateSsdnTicket(randomInt: RandomInt): string {
  let out = '';
  for (let i = 0; i < 15; i++) out += ALPHABET[randomInt(ALPHABET.length)] ?? 'A';
  return out;
}

/**
 * True for a well-formed SSDN ticket.
 *
 * @example
 * isSsdnTicket('THTTMHHP49DGQ9V'); // true
 */
export function isSsdnTicket(value: string): boolean {
  return SSDN_TICKET.test(value);
}
