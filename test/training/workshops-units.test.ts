import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../mock-server/src/config.ts';
import {
  CODE_ALPHABET,
  hashRejoinCode,
  newJoinCode,
  newRejoinCode,
  normaliseCode,
  pseudonymKey,
} from '../../mock-server/src/training/workshops/codes.ts';
import { bucketOf, leaderboardOf } from '../../mock-server/src/training/workshops/console.ts';
import { csvCell } from '../../mock-server/src/training/workshops/csv.ts';
import { createTryLimiter } from '../../mock-server/src/training/workshops/limiter.ts';
import { clocked } from '../../mock-server/src/training/workshops/state.ts';
import type { WorkshopRecord } from '../../mock-server/src/training/workshops/types.ts';

/** The small pure parts of the workshops: codes, CSV cells, ranks, buckets, the clock, the try limiter, PUBLIC_URL. */
describe('codes', () => {
  it('join codes are six characters of the unambiguous alphabet; rejoin codes XXXX-XXXX', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
      seen.add(code);
      expect(newRejoinCode()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    }
    expect(seen.size).toBeGreaterThan(195);
    expect(CODE_ALPHABET).not.toMatch(/[IO01L]/);
  });

  it('reads codes loosely and compares pseudonyms without case, accents or extra spaces', () => {
    expect(normaliseCode(' ab3d-ef7h ')).toBe('AB3DEF7H');
    expect(hashRejoinCode('ab3d ef7h')).toBe(hashRejoinCode('AB3D-EF7H'));
    expect(pseudonymKey('  Élise   Van  Dáele ')).toBe('elise van daele');
    expect(pseudonymKey('ÇA')).toBe(pseudonymKey('ca'));
  });
});

describe('CSV cells', () => {
  it('defuses formulas, quotes what must be quoted, writes decimal commas with semicolons', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1`, ',').replace(/^"|"$/g, '')).toBe(`'${start}1`);
    expect(csvCell('-5', ',')).toBe(`'-5`);
    expect(csvCell('\r1', ',')).toBe(`"'\r1"`);
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvCell(7.5, ';')).toBe('7,5');
    expect(csvCell(7.5, ',')).toBe('7.5');
    expect(csvCell('plain', ',')).toBe('plain');
  });
});

describe('ranks and buckets', () => {
  it('shares a rank for equal points and time; earlier last submission first', () => {
    const row = (id: string, points: number, lastSubmittedAt: string | null) => ({
      id,
      pseudonym: id,
      alias: id,
      points,
      max: 10,
      done: lastSubmittedAt ? 1 : 0,
      lastSubmittedAt,
    });
    const ranked = leaderboardOf([
      row('late', 8, '2025-01-01T10:05:00Z'),
      row('none', 0, null),
      row('early', 8, '2025-01-01T10:01:00Z'),
      row('tie', 8, '2025-01-01T10:01:00Z'),
      row('zero', 0, '2025-01-01T10:00:00Z'),
    ]);
    expect(ranked.map((r) => [r.rank, r.participantId])).toEqual([
      [1, 'early'],
      [1, 'tie'],
      [3, 'late'],
      [4, 'zero'],
      [5, 'none'],
    ]);
  });

  it('buckets 0–9 % … 90–100 %', () => {
    expect([0, 9.99, 10, 55, 89.9, 90, 100].map(bucketOf)).toEqual([0, 0, 1, 5, 8, 9, 9]);
  });
});

describe('the clock of a workshop', () => {
  const base: WorkshopRecord = {
    id: 'w',
    code: 'ABCDEF',
    title: 't',
    language: 'nl',
    exercises: [],
    timeBoxMinutes: 30,
    state: 'paused',
    createdAt: '2025-01-01T09:00:00.000Z',
    startedAt: '2025-01-01T10:00:00.000Z',
    pausedAt: '2025-01-01T10:20:00.000Z',
    endedAt: null,
    pausedMs: 0,
    revealed: false,
    leaderboard: 'named',
  };
  it('a box shortened during a pause to before the pause ends the workshop at the box’s end', () => {
    const now = new Date('2025-01-01T10:40:00Z');
    expect(clocked(base, now)).toMatchObject({ status: 'paused', endsAt: '2025-01-01T10:50:00.000Z' });
    expect(clocked({ ...base, timeBoxMinutes: 15 }, now)).toEqual({
      status: 'ended',
      endsAt: '2025-01-01T10:15:00.000Z',
      pausedAt: null,
      endedAt: '2025-01-01T10:15:00.000Z',
      endedBy: 'time',
    });
  });
});

describe('the try limiter', () => {
  it('blocks after the limit within the window, and keeps a bounded number of keys', () => {
    const limiter = createTryLimiter(3, 1000, 5);
    for (let i = 0; i < 3; i++) limiter.fail('a', 100 * i);
    expect(limiter.blocked('a', 300)).toBe(1);
    expect(limiter.blocked('a', 1001)).toBe(0);
    for (let i = 0; i < 50; i++) limiter.fail(`k${i}`, 2000);
    // Only the five most recent keys are remembered.
    expect(limiter.blocked('k0', 2000)).toBe(0);
  });
});

describe('PUBLIC_URL', () => {
  const env = (value: string) => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ksz-cfg-')), PUBLIC_URL: value });
  it('is an http(s) URL, kept without a trailing slash', () => {
    expect(loadConfig(env('http://192.168.1.20:8080/')).publicUrl).toBe('http://192.168.1.20:8080');
    expect(loadConfig(env('https://sandbox.example/room/')).publicUrl).toBe('https://sandbox.example/room');
    expect(loadConfig(env('')).publicUrl).toBeNull();
    for (const bad of ['192.168.1.20:8080', 'ftp://x', 'http://x/?a=1', 'not a url'])
      expect(() => loadConfig(env(bad)), bad).toThrow(/PUBLIC_URL/);
  });
});
