import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

/** Every TypeScript file of the trainer UI. */
function sources(dir = join(ROOT, 'trainer-ui')): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|html)$/.test(name)) out.push(path);
  }
  return out;
}

describe('the trainer UI talks to the server over HTTP only', () => {
  it('imports nothing from scenarios/ or mock-server/ (answer keys cannot end up in the bundle)', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /(from|import)\s*\(?\s*['"][^'"]*(scenarios|mock-server)\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('uses no decorators and no Math.random', () => {
    for (const f of sources()) {
      const text = readFileSync(f, 'utf8');
      expect(text, relative(ROOT, f)).not.toMatch(/^\s*@(customElement|property|state|query)\b/m);
      expect(text, relative(ROOT, f)).not.toMatch(/Math\.random\(/);
    }
  });
});
