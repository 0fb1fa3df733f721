import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { DataFileError } from './library.ts';
import type { Role } from './model.ts';

export const PRESETS_DIR = fileURLToPath(new URL('../presets/', import.meta.url));

/** The recipe of a world: which scenarios, how many background households, which users. */
export interface Preset {
  id: string;
  description: string;
  scenarios: 'all' | string[];
  households: number;
  users: { username: string; password: string; name: string; ocmwNis: string; role: Role }[];
}

const schema = {
  type: 'object',
  required: ['id', 'description', 'scenarios', 'households', 'users'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    description: { type: 'string' },
    scenarios: { oneOf: [{ const: 'all' }, { type: 'array', items: { type: 'string' } }] },
    households: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['username', 'password', 'name', 'ocmwNis', 'role'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', pattern: '^[a-z0-9.]+$' },
          password: { type: 'string', minLength: 8 },
          name: { type: 'string' },
          ocmwNis: { type: 'string', pattern: '^\\d{5}$' },
          role: { enum: ['social-worker', 'financial-manager', 'secretary', 'security-adviser'] },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile<Preset>(schema);

export function presetIds(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Loads a preset by id; unknown ids and malformed files raise a message naming the file and path. */
export function loadPreset(id: string): Preset {
  if (!presetIds().includes(id)) throw new Error(`unknown preset "${id}" (known: ${presetIds().join(', ')})`);
  const file = join(PRESETS_DIR, `${id}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataFileError(file, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (!validate(data))
    throw new DataFileError(
      file,
      (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? 'invalid' })),
    );
  return data;
}
