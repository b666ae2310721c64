import type { Plugin } from 'vite';

/** The query that asks for a workflow module's machine only: `/workflows/x.machine.ts?machine`. */
export const MACHINE_ONLY = '?machine';

/**
 * A Vite plugin for the simulator island: `x.machine.ts?machine` loads as
 * `export { machine } from 'x.machine.ts'`, so the bundler keeps the machine (and the guards and
 * helpers it uses) and drops the scenarios and case fields — plain data that the page already
 * carries as JSON. On a phone that is about half of each machine's chunk.
 */
export function workflowMachineOnly(): Plugin {
  return {
    name: 'sopkit:workflow-machine-only',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(`.machine.ts${MACHINE_ONLY}`)) return null;
      const file = id.slice(0, -MACHINE_ONLY.length);
      return `export { machine } from ${JSON.stringify(file)};`;
    },
  };
}
