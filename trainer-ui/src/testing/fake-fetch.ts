/**
 * A fake `fetch` for component tests: answers by method and path from a table, records every call. Unknown
 * requests fail the test loudly (404 with a message naming the request).
 */
export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface ReplyValue {
  status?: number;
  json?: unknown;
  text?: string;
}
export type Reply = ReplyValue | ((call: Call) => ReplyValue | Promise<ReplyValue>);

export interface FakeFetch {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  calls: Call[];
  /** Adds or replaces the answer to `METHOD path` (path without query; `*` at the end matches a prefix). */
  on(route: string, reply: Reply): void;
  callsTo(route: string): Call[];
}

export function fakeFetch(routes: Record<string, Reply> = {}): FakeFetch {
  const table = new Map(Object.entries(routes));
  const calls: Call[] = [];
  const match = (key: string): Reply | undefined => {
    if (table.has(key)) return table.get(key);
    for (const [k, v] of table) if (k.endsWith('*') && key.startsWith(k.slice(0, -1))) return v;
    return undefined;
  };
  return {
    calls,
    on(route, reply) {
      table.set(route, reply);
    },
    callsTo(route) {
      return calls.filter((c) => `${c.method} ${new URL(c.url, 'http://x').pathname}` === route);
    },
    async fetch(input, init = {}) {
      const method = (init.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
      let body: unknown = init.body;
      if (typeof init.body === 'string') {
        try {
          body = JSON.parse(init.body);
        } catch {
          body = init.body;
        }
      }
      const call: Call = { method, url: input, headers, body };
      calls.push(call);
      const path = new URL(input, 'http://x').pathname;
      const found = match(`${method} ${path}`);
      const reply = typeof found === 'function' ? await found(call) : found;
      if (!reply)
        return new Response(JSON.stringify({ error: `fake fetch: no route for ${method} ${path}` }), { status: 404 });
      const status = reply.status ?? 200;
      const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
      return new Response(status === 204 ? null : text, {
        status,
        headers: { 'Content-Type': reply.text === undefined ? 'application/json' : 'text/plain' },
      });
    },
  };
}

/** Waits until `check` returns a truthy value (polling), or fails after `timeout` ms. */
export async function waitFor<T>(check: () => T, what = 'condition', timeout = 4000): Promise<NonNullable<T>> {
  const started = performance.now();
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first element matching `selector`, looking through open shadow roots. */
export function deepQuery<E extends Element = HTMLElement>(
  root: Element | Document | ShadowRoot,
  selector: string,
): E | null {
  const direct = root.querySelector<E>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<E>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

/** Every element matching `selector`, through open shadow roots. */
export function deepQueryAll<E extends Element = HTMLElement>(
  root: Element | Document | ShadowRoot,
  selector: string,
): E[] {
  const out: E[] = [...root.querySelectorAll<E>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepQueryAll<E>(el.shadowRoot, selector));
  return out;
}

/** The visible text of an element and its shadow trees, whitespace collapsed. */
export function deepText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      if (node.hasAttribute('hidden')) return;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
