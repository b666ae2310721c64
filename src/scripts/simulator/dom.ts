/** Creates an element with attributes (`null`/`false` skipped) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | null | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Fills `{name}` placeholders of a UI string. */
export function fmt(text: string | undefined, params: Record<string, string | number> = {}): string {
  return (text ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The first element matching a selector inside a root (the simulator's markup is fixed). */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`simulator markup: ${selector} missing`);
  return found;
}

/**
 * Scrolls an element out from under a sticky element: on a phone the diagram sticks to the top of
 * the screen while the simulator runs (workflow.css), and the browser, scrolling a control reached
 * backwards with the keyboard to the top edge, would leave it under the diagram; so would the
 * feedback shown above the buttons after a press.
 * @param target The element that took the focus, or the feedback.
 * @param sticky The element that may stick above it.
 * @param keep An element that must stay on screen (the button with the focus): the page scrolls
 *   only as far as it allows.
 */
export function uncover(target: Element, sticky: Element | null, keep?: Element | null): void {
  if (!sticky || sticky.contains(target) || getComputedStyle(sticky).position !== 'sticky') return;
  // Only what comes after the diagram can pass under it; what comes before scrolls away above it.
  if (!(sticky.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
  const edge = sticky.getBoundingClientRect().bottom + 8;
  const top = target.getBoundingClientRect().top;
  if (top >= edge) return;
  // Scrolling up moves `keep` down: no further than the bottom of the screen.
  const room = keep ? window.innerHeight - keep.getBoundingClientRect().bottom : Infinity;
  const by = Math.max(top - edge, -Math.max(0, room));
  if (by < 0) window.scrollBy(0, by);
}
