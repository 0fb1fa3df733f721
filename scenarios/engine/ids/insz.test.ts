import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InszKind } from './insz.ts';
import {
  birthDateFromInsz,
  checkDigits,
  formatInsz,
  InszAllocator,
  makeInsz,
  parseInsz,
  sexFromInsz,
  validateInsz,
} from './insz.ts';

// Tests need a reproducible random source; mulberry32 is small and good enough for that.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reasonOf(value: string): string {
  const result = validateInsz(value);
  if (result.valid) throw new Error(`expected ${value} to be invalid`);
  return result.reason;
}

function partsOf(value: string) {
  const result = validateInsz(value);
  if (!result.valid) throw new Error(`expected ${value} to be valid: ${result.reason}`);
  return result.parts;
}

const calendarDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const birthDate = fc.tuple(calendarDate, fc.constantFrom('none', 'day', 'month', 'both')).map(([date, unknown]) => {
  const [y, m, d] = date.split('-') as [string, string, string];
  const month = unknown === 'month' || unknown === 'both' ? '00' : m;
  const day = unknown === 'day' || unknown === 'both' ? '00' : d;
  return `${y}-${month}-${day}`;
});

const kindArb = fc.constantFrom<{ kind: InszKind; sexKnown: boolean }>(
  { kind: 'rr', sexKnown: true },
  { kind: 'bis', sexKnown: true },
  { kind: 'bis', sexKnown: false },
);

const inszInput = fc.record({ birthDate, sequence: fc.integer({ min: 1, max: 998 }), kind: kindArb });
const makeFrom = (i: { birthDate: string; sequence: number; kind: { kind: InszKind; sexKnown: boolean } }) =>
  makeInsz({ birthDate: i.birthDate, sequence: i.sequence, ...i.kind });

describe('worked examples (computed by hand)', () => {
  it('1985-03-14, sequence 123: 850314123 = 97 × 8766124 + 95, so CC = 97 − 95 = 02', () => {
    expect(checkDigits('850314123', false)).toBe(2);
    const insz = makeInsz({ birthDate: '1985-03-14', sequence: 123 });
    expect(insz).toBe('85031412302');
    expect(formatInsz(insz)).toBe('850314 123-02');
    expect(partsOf(insz)).toEqual({
      kind: 'rr',
      birthYear: 1985,
      birthMonth: 3,
      birthDay: 14,
      sequence: 123,
      sex: 'M',
      century: 1900,
      checkDigits: 2,
    });
  });

  it('2004-11-02, sequence 246: 2041102246 = 97 × 21042291 + 19, so CC = 78', () => {
    expect(checkDigits('041102246', true)).toBe(78);
    const insz = makeInsz({ birthDate: '2004-11-02', sequence: 246 });
    expect(insz).toBe('04110224678');
    expect(formatInsz(insz)).toBe('041102 246=78');
    expect(sexFromInsz(insz)).toBe('F');
    expect(birthDateFromInsz(insz)).toBe('2004-11-02');
    expect(partsOf(insz).century).toBe(2000);
  });

  it('BIS with known sex, 1985-03-14 seq 123: month 43; 854314123 = 97 × 8807362 + 9, so CC = 88', () => {
    const insz = makeInsz({ birthDate: '1985-03-14', sequence: 123, kind: 'bis' });
    expect(insz).toBe('85431412388');
    expect(partsOf(insz)).toMatchObject({ kind: 'bis', birthYear: 1985, birthMonth: 3, sex: 'M', century: 1900 });
    expect(birthDateFromInsz(insz)).toBe('1985-03-14');
  });

  it('BIS with known sex, 2000-05-02 seq 2: 2004502002 = 97 × 20664969 + 9, so CC = 88', () => {
    const insz = makeInsz({ birthDate: '2000-05-02', sequence: 2, kind: 'bis', sexKnown: true });
    expect(insz).toBe('00450200288');
    expect(formatInsz(insz)).toBe('004502 002=88');
    expect(partsOf(insz)).toMatchObject({ kind: 'bis', birthYear: 2000, birthMonth: 5, sex: 'F', century: 2000 });
  });

  it('unknown day, 1967-12-00 seq 37: 671200037 = 97 × 6919588 + 1, so CC = 96', () => {
    const insz = makeInsz({ birthDate: '1967-12-00', sequence: 37 });
    expect(insz).toBe('67120003796');
    expect(partsOf(insz)).toMatchObject({ birthYear: 1967, birthMonth: 12, birthDay: 0, sex: 'M' });
    expect(birthDateFromInsz(insz)).toBe('1967-12-00');
  });

  it('BIS with unknown sex and day, 1990-02-00 seq 998: month 22; 902200998 = 97 × 9301041 + 21, so CC = 76', () => {
    const insz = makeInsz({ birthDate: '1990-02-00', sequence: 998, kind: 'bis', sexKnown: false });
    expect(insz).toBe('90220099876');
    expect(partsOf(insz)).toMatchObject({ kind: 'bis', birthMonth: 2, birthDay: 0, sex: null });
    expect(sexFromInsz(insz)).toBeNull();
  });

  it('N divisible by 97 gives CC 97: 850314028 = 97 × 8766124', () => {
    expect(makeInsz({ birthDate: '1985-03-14', sequence: 28 })).toBe('85031402897');
    expect(validateInsz('85031402897').valid).toBe(true);
  });

  it('29 February 2000 exists but 29 February 1900 does not (1900 is no leap year)', () => {
    // 2000229001 = 97 × 20620917 + 52 → 45; 229001 = 97 × 2360 + 81 → 16.
    expect(makeInsz({ birthDate: '2000-02-29', sequence: 1 })).toBe('00022900145');
    expect(birthDateFromInsz('00022900145')).toBe('2000-02-29');
    expect(reasonOf('00022900116')).toContain('29 February 1900 is not a real date');
    expect(() => makeInsz({ birthDate: '1900-02-29', sequence: 1 })).toThrow(/impossible/);
  });

  it('a wholly unknown birth date has no birth year', () => {
    const insz = makeInsz({ birthDate: '0000-00-00', sequence: 1 });
    expect(insz).toBe('00000000196');
    expect(partsOf(insz)).toMatchObject({ birthYear: null, birthMonth: 0, birthDay: 0 });
    expect(birthDateFromInsz(insz)).toBe('0000-00-00');
  });
});

describe('invalid numbers', () => {
  it('rejects wrong check digits', () => {
    expect(reasonOf('85031412303')).toMatch(/check digits 03 do not match: expected 02 .* or \d\d/);
  });

  it('rejects 30 and 31 February even with matching check digits', () => {
    // 850230123 = 97 × 8765259 → CC 97; 850231123 = 97 × 8765269 + 30 → CC 67.
    expect(reasonOf('85023012397')).toBe('The birth date is impossible: 30 February 1985 is not a real date.');
    expect(reasonOf('85023112367')).toContain('31 February 1985');
  });

  it('rejects the wrong length and non-digits', () => {
    expect(reasonOf('8503141230')).toBe('An INSZ has 11 digits, but "8503141230" has 10.');
    expect(reasonOf('850314123022')).toMatch(/has 12/);
    expect(reasonOf('')).toMatch(/has 0/);
    expect(reasonOf('85031412A02')).toMatch(/characters other than digits/);
    expect(reasonOf('850314 123-02')).toMatch(/characters other than digits/);
  });

  it('rejects sequences 000 and 999', () => {
    for (const seq of ['000', '999']) {
      const first9 = `850314${seq}`;
      const insz = first9 + String(checkDigits(first9, false)).padStart(2, '0');
      expect(reasonOf(insz)).toBe(`Sequence number ${seq} is never assigned.`);
    }
  });

  it('rejects month codes outside 00–12, 20–32 and 40–52', () => {
    for (const month of ['13', '19', '33', '39', '53', '99']) {
      const first9 = `85${month}14123`;
      const insz = first9 + String(checkDigits(first9, false)).padStart(2, '0');
      expect(reasonOf(insz)).toMatch(new RegExp(`Month code ${month} is not valid`));
    }
  });

  it('rejects day 32 even with an unknown month', () => {
    const first9 = '850032123';
    expect(reasonOf(first9 + String(checkDigits(first9, false)).padStart(2, '0'))).toMatch(/Day 32/);
  });

  it('makeInsz throws clear errors on impossible input', () => {
    expect(() => makeInsz({ birthDate: '1985-02-30', sequence: 1 })).toThrow(/1985-02-30.*impossible/);
    expect(() => makeInsz({ birthDate: '1985-13-01', sequence: 1 })).toThrow(/month 13/);
    expect(() => makeInsz({ birthDate: '85-03-14', sequence: 1 })).toThrow(/YYYY-MM-DD/);
    expect(() => makeInsz({ birthDate: '1899-12-31', sequence: 1 })).toThrow(/1900–2099/);
    expect(() => makeInsz({ birthDate: '2100-01-01', sequence: 1 })).toThrow(/1900–2099/);
    for (const sequence of [0, 999, 1.5, -3]) {
      expect(() => makeInsz({ birthDate: '1985-03-14', sequence })).toThrow(/Sequence number/);
    }
    expect(() => makeInsz({ birthDate: '1985-03-14', sequence: 1, sexKnown: false })).toThrow(/only possible for BIS/);
  });

  it('helpers throw on invalid numbers and parseInsz returns null', () => {
    expect(() => formatInsz('85031412303')).toThrow(/Invalid INSZ "85031412303": The check digits/);
    expect(() => sexFromInsz('123')).toThrow(/11 digits/);
    expect(() => birthDateFromInsz('85023012397')).toThrow(/30 February/);
    expect(parseInsz('85031412303')).toBeNull();
    expect(parseInsz('85/03/14 123-02')).toBeNull();
    expect(parseInsz('abc')).toBeNull();
  });
});

describe('parseInsz', () => {
  it('accepts the usual separators', () => {
    for (const input of ['85031412302', '850314 123-02', '85.03.14-123.02', ' 850314-123-02 ', '85 03 14 123 02']) {
      expect(parseInsz(input)).toBe('85031412302');
    }
    expect(parseInsz('041102 246=78')).toBe('04110224678');
    expect(parseInsz('04.11.02=246.78')).toBe('04110224678');
  });
});

describe('properties', () => {
  it('generate → validate → parts round trip', () => {
    fc.assert(
      fc.property(inszInput, (input) => {
        const insz = makeFrom(input);
        expect(insz).toMatch(/^\d{11}$/);
        const parts = partsOf(insz);
        const [y, m, d] = input.birthDate.split('-').map(Number) as [number, number, number];
        const whollyUnknown = y % 100 === 0 && m === 0 && d === 0;
        expect(parts.kind).toBe(input.kind.kind);
        expect(parts.birthYear).toBe(whollyUnknown ? null : y);
        expect(parts.birthMonth).toBe(m);
        expect(parts.birthDay).toBe(d);
        expect(parts.sequence).toBe(input.sequence);
        expect(parts.century).toBe(y >= 2000 ? 2000 : 1900);
        expect(parts.checkDigits).toBe(Number(insz.slice(9)));
        expect(birthDateFromInsz(insz)).toBe(whollyUnknown ? '0000-00-00' : input.birthDate);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatted → parsed round trip, also with dots', () => {
    fc.assert(
      fc.property(inszInput, (input) => {
        const insz = makeFrom(input);
        const formatted = formatInsz(insz);
        expect(formatted).toMatch(/^\d{6} \d{3}[-=]\d{2}$/);
        expect(parseInsz(formatted)).toBe(insz);
        const dotted = `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
        expect(parseInsz(dotted)).toBe(insz);
      }),
      { numRuns: 1000 },
    );
  });

  it('a single changed digit is detected, or the result is valid only under the other century', () => {
    fc.assert(
      fc.property(inszInput, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (input, pos, delta) => {
        const insz = makeFrom(input);
        const digit = (Number(insz[pos]) + delta) % 10;
        const changed = insz.slice(0, pos) + digit + insz.slice(pos + 1);
        const result = validateInsz(changed);
        if (result.valid) {
          // Mod 97 catches every single-digit change within one formula, so only the other century can match.
          expect(result.parts.century).not.toBe(partsOf(insz).century);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('sequence parity gives the sex when the sex is encoded', () => {
    fc.assert(
      fc.property(inszInput, (input) => {
        const sex = sexFromInsz(makeFrom(input));
        if (!input.kind.sexKnown) expect(sex).toBeNull();
        else expect(sex).toBe(input.sequence % 2 === 1 ? 'M' : 'F');
      }),
    );
  });

  it('the 2000+ rule puts a "2" before the nine digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const first9 = String(n).padStart(9, '0');
        const before = checkDigits(first9, false);
        const after = checkDigits(first9, true);
        expect(before).toBe(97 - (n % 97));
        expect(after).toBe(97 - (Number(`2${first9}`) % 97));
        expect(before).toBeGreaterThanOrEqual(1);
        expect(before).toBeLessThanOrEqual(97);
        // 2_000_000_000 mod 97 = 68, so the two formulas never agree and the century is never ambiguous.
        expect((((before - after) % 97) + 97) % 97).toBe(68);
      }),
    );
  });

  it('births from 2000 on validate with century 2000 and format with "="', () => {
    fc.assert(
      fc.property(inszInput, (input) => {
        const insz = makeFrom(input);
        const from2000 = Number(input.birthDate.slice(0, 4)) >= 2000;
        expect(partsOf(insz).century).toBe(from2000 ? 2000 : 1900);
        expect(formatInsz(insz)[10]).toBe(from2000 ? '=' : '-');
      }),
    );
  });
});

describe('InszAllocator', () => {
  it('hands out valid, unique numbers whose parity matches the sex', () => {
    const allocator = new InszAllocator();
    const rand = seeded(1);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const birthDate = `19${String(50 + (i % 40)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
      const sex = i % 3 === 0 ? 'F' : 'M';
      const insz = allocator.allocate(birthDate, sex, rand);
      expect(seen.has(insz)).toBe(false);
      seen.add(insz);
      expect(sexFromInsz(insz)).toBe(sex);
      expect(birthDateFromInsz(insz)).toBe(birthDate);
    }
    expect(allocator.size).toBe(20_000);
  });

  it('is deterministic for the same random source and calls', () => {
    const run = (seed: number) => {
      const allocator = new InszAllocator();
      const rand = seeded(seed);
      return Array.from({ length: 200 }, (_, i) =>
        allocator.allocate('2004-11-02', i % 2 ? 'M' : 'F', rand, i % 5 ? 'rr' : 'bis'),
      );
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('uses all 499 sequences of one sex, then throws, leaving the other sex free', () => {
    const allocator = new InszAllocator();
    const rand = seeded(7);
    const sequences = new Set<number>();
    for (let i = 0; i < 499; i++) {
      sequences.add(partsOf(allocator.allocate('1985-03-14', 'M', rand)).sequence);
    }
    expect(sequences.size).toBe(499);
    expect([...sequences].every((s) => s % 2 === 1 && s >= 1 && s <= 997)).toBe(true);
    expect(() => allocator.allocate('1985-03-14', 'M', rand)).toThrow(
      'No free male sequence number left for birth date 1985-03-14 (rr): all 499 are taken.',
    );
    expect(sexFromInsz(allocator.allocate('1985-03-14', 'F', rand))).toBe('F');
    // Same date part, other century: a separate set of numbers.
    expect(partsOf(allocator.allocate('2085-03-14', 'M', rand)).century).toBe(2000);
    // BIS numbers have their own month codes, so their own sequences.
    expect(partsOf(allocator.allocate('1985-03-14', 'M', rand, 'bis')).kind).toBe('bis');
  });

  it('uses all 998 sequences for a BIS number with unknown sex', () => {
    const allocator = new InszAllocator();
    const rand = seeded(9);
    const all = new Set<string>();
    for (let i = 0; i < 998; i++) all.add(allocator.allocate('1990-02-00', i % 2 ? 'M' : 'F', rand, 'bis', false));
    expect(all.size).toBe(998);
    expect(() => allocator.allocate('1990-02-00', 'F', rand, 'bis', false)).toThrow(/sex-unknown .* all 998/);
  });

  it('never hands out a reserved number', () => {
    const allocator = new InszAllocator();
    expect(allocator.reserve('850314 123-02')).toBe(true);
    expect(allocator.reserve('85031412302')).toBe(false);
    expect(allocator.has('85031412302')).toBe(true);
    const rand = seeded(3);
    const handedOut = Array.from({ length: 498 }, () => allocator.allocate('1985-03-14', 'M', rand));
    expect(handedOut).not.toContain('85031412302');
    expect(() => allocator.allocate('1985-03-14', 'M', rand)).toThrow(/all 499 are taken/);
    expect(() => allocator.reserve('85031412303')).toThrow(/check digits/);
  });

  it('rejects a random source outside [0, 1) and impossible input', () => {
    const allocator = new InszAllocator();
    expect(() => allocator.allocate('1985-03-14', 'M', () => 1)).toThrow(/\[0, 1\)/);
    expect(() => allocator.allocate('1985-03-14', 'M', () => Number.NaN)).toThrow(/\[0, 1\)/);
    expect(() => allocator.allocate('1985-02-30', 'M', () => 0.5)).toThrow(/impossible/);
    expect(() => allocator.allocate('1985-03-14', 'M', () => 0.5, 'rr', false)).toThrow(/only possible for BIS/);
  });

  it('allocates 100,000 numbers quickly', () => {
    const allocator = new InszAllocator();
    const rand = seeded(2024);
    const start = Date.UTC(1920, 0, 1);
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      const day = Math.floor(rand() * 36_500);
      const birthDate = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      allocator.allocate(birthDate, rand() < 0.5 ? 'M' : 'F', rand);
    }
    expect(allocator.size).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
