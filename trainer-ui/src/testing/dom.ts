/** Small helpers to drive components through their shadow roots in tests, the way a user would. */

export function shadow(el: Element | null | undefined, what = 'element'): ShadowRoot {
  if (!el?.shadowRoot) throw new Error(`${what} has no shadow root (not rendered?)`);
  return el.shadowRoot;
}

export function $<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The button whose text contains `text` (exactly one expected). */
export function button(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const all = [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) =>
    typeof text === 'string' ? (b.textContent ?? '').includes(text) : text.test(b.textContent ?? ''),
  );
  if (all.length !== 1) throw new Error(`expected one button "${text}", found ${all.length}`);
  return all[0]!;
}

/** Lets pending fetches, renders and microtasks settle. */
export async function settle(ms = 0): Promise<void> {
  // Timers, not animation frames: a test page in a background tab gets no frames.
  await new Promise((r) => setTimeout(r, ms));
  await new Promise((r) => setTimeout(r, 0));
}
