// The workflow simulator island: finds each simulator panel on the page, imports its machine
// (one chunk per workflow, bundled by Vite from workflows/*.machine.ts) and starts it.
import type { AnyStateMachine } from 'xstate';
import type { SimData } from '../../lib/workflow/sim-data.ts';
import { Simulator } from './simulator.ts';

// `?machine` (src/lib/workflow/vite-plugin.ts): the machine without its scenarios, which the page
// already carries as JSON.
const machines = import.meta.glob<AnyStateMachine>('/workflows/*.machine.ts', { query: '?machine', import: 'machine' });

async function start(root: HTMLElement): Promise<void> {
  const json = root.querySelector('script[data-sim-data]')?.textContent;
  const figure = root.closest('figure');
  if (!json || !figure) return;
  const data = JSON.parse(json) as SimData;
  const load = machines[`/workflows/${data.id}.machine.ts`];
  if (!load) return;
  new Simulator(root, figure, await load(), data).start();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-sim]')) {
  start(root).catch((error: unknown) => console.error('simulator:', error));
}
