import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FlowDef } from './define.ts';

export const FLOWS_DIR = fileURLToPath(new URL('../../../flows/', import.meta.url));

/**
 * Every flow of `mock-server/flows/<id>/flow.ts`, sorted by id: finding the folder is the registration.
 * A folder whose flow id differs from its name is an error, so the catalogue and the paths cannot drift.
 */
export async function discoverFlows(dir: string = FLOWS_DIR): Promise<FlowDef[]> {
  const flows: FlowDef[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'flow.ts');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { default?: FlowDef };
    const flow = mod.default;
    if (!flow) throw new Error(`${file} has no default export (export default defineFlow({...}))`);
    if (flow.id !== name)
      throw new Error(`${file} declares flow id "${flow.id}"; it must equal its folder name "${name}"`);
    flows.push(flow);
  }
  return flows;
}
