import { createRng } from '../rng.ts';

/**
 * Card numbers derived from the INSZ by a pure function, so the world need not store them and every flow sees
 * the same ones: the eID card number (12 digits, the last two = first ten mod 97, 97 when zero) and the SIS card
 * number (10 digits). Synthetic: they follow the published shape, not any real card.
 *
 * @example
 * identityCardNumber('85031412302'); // e.g. '591234567850'
 */
export function identityCardNumber(insz: string): string {
  const rng = createRng(`eid/${insz}`);
  const first10 = `59${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const check = Number(BigInt(first10) % 97n) || 97;
  return `${first10}${String(check).padStart(2, '0')}`;
}

export function formatIdentityCardNumber(n: string): string {
  return `${n.slice(0, 3)}-${n.slice(3, 10)}-${n.slice(10)}`;
}

/** SIS card number (10 digits); SIS cards were replaced by the eID, but the SSDN proof of authentication still names them. */
export function sisCardNumber(insz: string): string {
  const rng = createRng(`sis/${insz}`);
  return `${rng.int(1, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}
