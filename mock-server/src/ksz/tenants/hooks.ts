/**
 * Flows that keep state of their own (Mediprima decisions, ESV requests, alert reactions …) join a tenant's reset
 * and fork here, so `reset` and `fork` cover everything requests added without the manager knowing those flows.
 */

/** Called after a tenant's registrations, journal and faults are cleared (reset), and when a tenant is deleted. */
export type TenantResetHook = (tenant: string) => void;
/** Called when `to` is forked from `from`, before `to` becomes visible: copy your state from `from` to `to`. */
export type TenantForkHook = (from: string, to: string) => void;

const resetHooks = new Set<TenantResetHook>();
const forkHooks = new Set<TenantForkHook>();

/**
 * Runs `hook` whenever a tenant is reset or deleted. Returns a function that removes it again.
 *
 * @example
 * const stop = onTenantReset((tenant) => decisions.delete(tenant));
 */
export function onTenantReset(hook: TenantResetHook): () => void {
  resetHooks.add(hook);
  return () => resetHooks.delete(hook);
}

/**
 * Runs `hook` whenever a tenant is forked. Returns a function that removes it again.
 *
 * @example
 * onTenantFork((from, to) => decisions.set(to, structuredClone(decisions.get(from) ?? [])));
 */
export function onTenantFork(hook: TenantForkHook): () => void {
  forkHooks.add(hook);
  return () => forkHooks.delete(hook);
}

/** Runs every hook even when one throws (one broken flow must not keep the others' state), then throws the first error. */
function runAll<A extends unknown[]>(hooks: Iterable<(...args: A) => void>, args: A): void {
  let first: unknown;
  let failed = false;
  for (const hook of hooks) {
    try {
      hook(...args);
    } catch (e) {
      if (!failed) first = e;
      failed = true;
    }
  }
  if (failed) throw first;
}

export const runResetHooks = (tenant: string): void => runAll(resetHooks, [tenant]);
export const runForkHooks = (from: string, to: string): void => runAll(forkHooks, [from, to]);
