import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isValidIsoDate } from '../../scenarios/engine/dates.ts';

/** A credential and where it came from; `generated` is true only on the start that created it (print it then). */
export interface Secret {
  value: string;
  source: 'env' | 'file' | 'generated';
  generated: boolean;
  /** The file it is kept in, when it is not from the environment. */
  file: string | null;
}

export interface Config {
  port: number;
  host: string;
  /** Seed of the tenant `default`. */
  seed: number;
  /** Fixed date of the tenant `default`, or null: real time. */
  clock: string | null;
  /** Absolute path of the data folder (created when missing). */
  dataDir: string;
  /** The SQLite database inside the data folder. */
  databaseFile: string;
  adminToken: Secret;
  trainerPassword: Secret;
  /** Where participants reach the server (join URL and QR code of a workshop), or null: the request's origin. */
  publicUrl: string | null;
}

type Env = Record<string, string | undefined>;

/** An empty variable counts as unset (as in `.env` files and compose files that list every variable). */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function port(env: Env): number {
  const text = read(env, 'PORT');
  if (text === undefined) return 8080;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535) throw new Error(`PORT must be a port number 0–65535, got "${text}"`);
  return n;
}

function host(env: Env): string {
  const text = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s/.test(text)) throw new Error(`HOST must be a host name or address without spaces, got "${text}"`);
  return text;
}

function seed(env: Env): number {
  const text = read(env, 'SEED');
  if (text === undefined) return 1;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
    throw new Error(`SEED must be a non-negative integer, got "${text}"`);
  return n;
}

function clock(env: Env): string | null {
  const text = read(env, 'CLOCK');
  if (text === undefined) return null;
  if (!isValidIsoDate(text.trim()))
    throw new Error(`CLOCK must be a calendar date YYYY-MM-DD (or unset for real time), got "${text}"`);
  return text.trim();
}

/** `PUBLIC_URL`: an http(s) URL such as `http://192.168.1.20:8080`, kept without a trailing slash. */
function publicUrl(env: Env): string | null {
  const text = read(env, 'PUBLIC_URL')?.trim();
  if (text === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username)
    throw new Error(
      `PUBLIC_URL must be an http(s) URL where participants reach this server, e.g. http://192.168.1.20:8080, got "${text}"`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

interface SecretRule {
  variable: string;
  file: string;
  minLength: number;
  make: () => string;
}

/**
 * From the environment; else from the data folder; else generated, written there with mode 0600 (exclusive
 * create, so two servers starting at once cannot each keep a different one) and flagged for printing.
 */
function secret(env: Env, dataDir: string, rule: SecretRule): Secret {
  const fromEnv = read(env, rule.variable);
  if (fromEnv !== undefined) {
    // It travels in an HTTP header or a form: no spaces or control characters.
    if (!/^[\x21-\x7e]+$/.test(fromEnv)) throw new Error(`${rule.variable} must be printable ASCII without spaces`);
    if (fromEnv.length < rule.minLength)
      throw new Error(`${rule.variable} must be at least ${rule.minLength} characters (or unset to generate one)`);
    return { value: fromEnv, source: 'env', generated: false, file: null };
  }
  const file = join(dataDir, rule.file);
  const existing = readSecretFile(file, rule.variable);
  if (existing !== undefined) return { value: existing, source: 'file', generated: false, file };
  const value = rule.make();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(file, rule.variable, e);
    const raced = readSecretFile(file, rule.variable);
    if (raced !== undefined) return { value: raced, source: 'file', generated: false, file };
  }
  return { value, source: 'generated', generated: true, file };
}

function readSecretFile(file: string, variable: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(file, variable, e);
  }
  const value = text.trim();
  if (value === '') throw new Error(`${file} is empty: delete it to generate a new ${variable}, or set ${variable}`);
  return value;
}

const fileError = (file: string, variable: string, e: unknown): Error =>
  new Error(`cannot use ${file} for ${variable} (set ${variable} or DATA_DIR): ${(e as Error).message}`);

/**
 * Reads the server's settings from the environment, with clear errors that name the variable. Creates the data
 * folder, and generates the admin token and the trainer password there on first start when they are not set.
 *
 * @example
 * const config = loadConfig();
 * if (config.adminToken.generated) console.log(`admin token: ${config.adminToken.value}`);
 * serve({ fetch: app.fetch, port: config.port, hostname: config.host });
 */
export function loadConfig(env: Env = process.env): Config {
  const values = { port: port(env), host: host(env), seed: seed(env), clock: clock(env), publicUrl: publicUrl(env) };
  const dataDir = resolve(read(env, 'DATA_DIR') ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new Error(`DATA_DIR "${dataDir}" cannot be created: ${(e as Error).message}`);
  }
  return {
    ...values,
    dataDir,
    databaseFile: join(dataDir, 'ksz.sqlite'),
    adminToken: secret(env, dataDir, {
      variable: 'KSZ_ADMIN_TOKEN',
      file: 'admin-token',
      minLength: 16,
      make: () => randomBytes(32).toString('base64url'),
    }),
    trainerPassword: secret(env, dataDir, {
      variable: 'TRAINER_PASSWORD',
      file: 'trainer-password',
      minLength: 8,
      make: () => randomBytes(12).toString('base64url'),
    }),
  };
}
