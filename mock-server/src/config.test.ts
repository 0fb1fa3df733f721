import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ksz-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', seed: 1, clock: null, dataDir: dir });
    expect(c.databaseFile).toBe(join(dir, 'ksz.sqlite'));
  });

  it('reads every variable, treating empty ones as unset', () => {
    const c = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '0.0.0.0', SEED: '42', CLOCK: '2024-02-29' });
    expect(c).toMatchObject({ port: 0, host: '0.0.0.0', seed: 42, clock: '2024-02-29' });
    expect(loadConfig({ DATA_DIR: dir, PORT: '', CLOCK: '', SEED: ' ' })).toMatchObject({
      port: 8080,
      clock: null,
      seed: 1,
    });
  });

  it('defaults DATA_DIR to ./data under the working directory', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadConfig({}).dataDir).toBe(join(dir, 'data'));
    } finally {
      process.chdir(cwd);
    }
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'http' }, /^PORT must be a port number 0–65535, got "http"/],
    [{ PORT: '65536' }, /^PORT/],
    [{ PORT: '-1' }, /^PORT/],
    [{ PORT: '80.5' }, /^PORT/],
    [{ HOST: 'local host' }, /^HOST/],
    [{ SEED: 'abc' }, /^SEED must be a non-negative integer, got "abc"/],
    [{ SEED: '-3' }, /^SEED/],
    [{ SEED: '99999999999999999999' }, /^SEED/],
    [{ CLOCK: '2025-02-30' }, /^CLOCK must be a calendar date YYYY-MM-DD .*"2025-02-30"/],
    [{ CLOCK: '30/06/2025' }, /^CLOCK/],
    [{ KSZ_ADMIN_TOKEN: 'short' }, /^KSZ_ADMIN_TOKEN must be at least 16 characters/],
    [{ KSZ_ADMIN_TOKEN: 'has a space in the middle' }, /^KSZ_ADMIN_TOKEN must be printable ASCII/],
    [{ TRAINER_PASSWORD: 'abc' }, /^TRAINER_PASSWORD must be at least 8 characters/],
  ];
  it.each(bad)('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir, ...env })).toThrow(message);
  });

  it('generates the admin token and trainer password once, mode 0600, and reads them back later', () => {
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.adminToken).toMatchObject({ source: 'generated', generated: true, file: join(dir, 'admin-token') });
    expect(first.adminToken.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.trainerPassword).toMatchObject({ source: 'generated', generated: true });
    expect(first.trainerPassword.value).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const name of ['admin-token', 'trainer-password']) {
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(join(dir, 'admin-token'), 'utf8').trim()).toBe(first.adminToken.value);

    const second = loadConfig({ DATA_DIR: dir });
    expect(second.adminToken).toEqual({ ...first.adminToken, source: 'file', generated: false });
    expect(second.trainerPassword.value).toBe(first.trainerPassword.value);
  });

  it('prefers the environment and then writes no file', () => {
    const c = loadConfig({ DATA_DIR: dir, KSZ_ADMIN_TOKEN: 'a-long-enough-token', TRAINER_PASSWORD: 'Trainer-2025' });
    expect(c.adminToken).toEqual({ value: 'a-long-enough-token', source: 'env', generated: false, file: null });
    expect(c.trainerPassword.value).toBe('Trainer-2025');
    expect(() => statSync(join(dir, 'admin-token'))).toThrow();
  });

  it('creates a missing data folder, and refuses an empty credential file', () => {
    const nested = join(dir, 'a', 'b');
    expect(loadConfig({ DATA_DIR: nested }).dataDir).toBe(nested);
    writeFileSync(join(nested, 'admin-token'), '\n');
    expect(() => loadConfig({ DATA_DIR: nested })).toThrow(/admin-token is empty.*KSZ_ADMIN_TOKEN/);
  });

  it('names DATA_DIR when the folder cannot be created', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    expect(() => loadConfig({ DATA_DIR: join(file, 'data') })).toThrow(/^DATA_DIR/);
  });
});
