/**
 * Marks the diagram: `data-active="true"` on every active state (compound parents too),
 * `data-possible` on the edges the trainee can take now (those from `#any`, written on the
 * machine itself, start from every state), `data-taken` on the edge just taken.
 */
export function markDiagram(figure: Element, active: readonly string[], possible: ReadonlySet<string>, taken: { from: readonly string[]; event: string; to: readonly string[] } | undefined): void {
  const on = new Set(active);
  // An arrow into a history state (H, H*) is taken when the step lands anywhere in its parent.
  const history = new Set([...figure.querySelectorAll<SVGGElement>('g[data-kind="history"]')].map((n) => n.dataset.stateId ?? ''));
  const lands = (target: string, paths: readonly string[]) => paths.includes(history.has(target) ? target.slice(0, target.lastIndexOf('.')) : target);
  for (const node of figure.querySelectorAll<SVGGElement>('g[data-state-id]')) {
    if (on.has(node.dataset.stateId ?? '')) node.dataset.active = 'true';
    else delete node.dataset.active;
  }
  for (const edge of figure.querySelectorAll<SVGGElement>('g.wf-edge[data-transition]')) {
    const { source = '', target = '', event = '' } = edge.dataset;
    const from = (paths: readonly string[]) => source === '#any' || paths.includes(source);
    const isTaken = !!taken && taken.event === event && from(taken.from) && lands(target, taken.to);
    if (isTaken) edge.dataset.taken = 'true';
    else delete edge.dataset.taken;
    if (event && from(active) && possible.has(event)) edge.dataset.possible = 'true';
    else delete edge.dataset.possible;
  }
}

/** Scrolls the diagram's own box (never the page) so that the deepest active state is in view. */
export function revealActive(figure: Element, active: readonly string[]): void {
  const box = figure.querySelector<HTMLElement>('.wf-scroll');
  const deepest = [...active].sort((a, b) => b.split('.').length - a.split('.').length)[0];
  const node = deepest === undefined ? null : figure.querySelector<SVGGElement>(`g[data-state-id="${CSS.escape(deepest)}"]`);
  if (!box || !node) return;
  const b = box.getBoundingClientRect();
  const r = node.getBoundingClientRect();
  const margin = 24;
  if (r.left < b.left + margin || r.right > b.right - margin) box.scrollLeft += r.left + r.width / 2 - (b.left + b.width / 2);
  if (r.top < b.top + margin || r.bottom > b.bottom - margin) box.scrollTop += r.top + r.height / 2 - (b.top + b.height / 2);
}
