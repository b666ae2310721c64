/**
 * Order items: the participant drags the steps (mouse, touch or pen, through pointer events) or
 * moves them with the Up and Down buttons. The hidden input named by the item id always holds the
 * option ids in the order shown, once the participant has touched the list.
 */

export interface OrderHooks {
  /** Called after every change (save the answers). */
  changed(): void;
  /** Announces a move to screen readers. */
  announce(text: string, position: number, total: number): void;
}

/** The option ids of a list in the order shown. */
export function currentOrder(list: HTMLElement): string[] {
  return [...list.querySelectorAll<HTMLElement>('[data-option]')].map((li) => li.dataset.option ?? '');
}

/**
 * Marks the first step's Up and the last step's Down as unavailable. aria-disabled, not
 * disabled: a keyboard user who has just moved a step to the end keeps focus on its button.
 */
export function markEnds(list: HTMLElement): void {
  const steps = [...list.querySelectorAll<HTMLElement>('[data-option]')];
  steps.forEach((li, i) => {
    for (const button of li.querySelectorAll<HTMLButtonElement>('[data-move]')) {
      const end = button.dataset.move === '-1' ? i === 0 : i === steps.length - 1;
      if (end) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
  });
}

/** Puts a list's steps in a given order (restoring a saved answer); unknown ids are ignored. */
export function applyOrder(list: HTMLElement, ids: readonly string[]): void {
  for (const id of ids) {
    const li = list.querySelector<HTMLElement>(`[data-option="${CSS.escape(id)}"]`);
    if (li) list.append(li);
  }
  markEnds(list);
}

/** Marks an order item answered and writes its hidden input. */
export function markAnswered(item: HTMLElement): void {
  const list = item.querySelector<HTMLElement>('[data-order]');
  const input = item.querySelector<HTMLInputElement>('input[type="hidden"]');
  if (!list || !input) return;
  item.dataset.answered = '';
  input.value = currentOrder(list).join(' ');
}

function move(item: HTMLElement, li: HTMLElement, by: number, hooks: OrderHooks): void {
  const list = li.parentElement;
  if (!list) return;
  const steps = [...list.children];
  const to = steps.indexOf(li) + by;
  if (to < 0 || to >= steps.length) return;
  if (by < 0) steps[to]?.before(li);
  else steps[to]?.after(li);
  markEnds(list);
  markAnswered(item);
  hooks.announce(li.querySelector('.assess-step-text')?.textContent?.trim() ?? '', to + 1, steps.length);
  hooks.changed();
}

function enableDrag(item: HTMLElement, list: HTMLElement, hooks: OrderHooks): void {
  let dragged: HTMLElement | undefined;
  list.addEventListener('pointerdown', (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-option]');
    if (!li || (e.target as HTMLElement).closest('button') || e.button !== 0) return;
    // A finger on the text scrolls the page; only the handle drags (it has touch-action: none).
    if (e.pointerType === 'touch' && !(e.target as HTMLElement).closest('.assess-handle')) return;
    dragged = li;
    li.classList.add('dragging');
    li.setPointerCapture(e.pointerId);
  });
  list.addEventListener('pointermove', (e) => {
    if (!dragged) return;
    const over = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-option]');
    if (!over || over === dragged || over.parentElement !== list) return;
    const box = over.getBoundingClientRect();
    if (e.clientY < box.top + box.height / 2) over.before(dragged);
    else over.after(dragged);
  });
  const drop = () => {
    if (!dragged) return;
    dragged.classList.remove('dragging');
    markEnds(list);
    const steps = [...list.children];
    markAnswered(item);
    hooks.announce(dragged.querySelector('.assess-step-text')?.textContent?.trim() ?? '', steps.indexOf(dragged) + 1, steps.length);
    dragged = undefined;
    hooks.changed();
  };
  list.addEventListener('pointerup', drop);
  list.addEventListener('pointercancel', drop);
}

/** Wires every order item inside a root. */
export function setUpOrderItems(root: HTMLElement, hooks: OrderHooks): void {
  for (const item of root.querySelectorAll<HTMLElement>('[data-type="order"]')) {
    const list = item.querySelector<HTMLElement>('[data-order]');
    if (!list) continue;
    markEnds(list);
    list.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-move]');
      const li = button?.closest<HTMLElement>('[data-option]');
      if (!button || !li) return;
      move(item, li, Number(button.dataset.move), hooks);
      button.focus();
    });
    item.querySelector('[data-keep]')?.addEventListener('click', () => {
      markAnswered(item);
      hooks.changed();
      (item.querySelector('[data-move]') as HTMLElement | null)?.focus();
    });
    enableDrag(item, list, hooks);
  }
}
