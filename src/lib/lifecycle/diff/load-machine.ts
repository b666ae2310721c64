import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildGraph, type WorkflowGraph } from '../../workflow/graph.ts';
import { loadWorkflowFile, WorkflowLoadError } from '../../workflow/load.ts';

/** What the comparison needs of a machine: its graph, and its guard and delay implementations. */
export interface MachineVersion {
  graph: WorkflowGraph;
  /** Guard name → its code (whitespace collapsed), to tell a changed condition. */
  guards: Record<string, string>;
  /** Named delay → its value (milliseconds or code). */
  delays: Record<string, string>;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function implementations(table: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!table || typeof table !== 'object') return out;
  for (const [name, value] of Object.entries(table as Record<string, unknown>)) {
    out[name] = typeof value === 'function' ? squash(String(value)) : squash(JSON.stringify(value) ?? String(value));
  }
  return out;
}

/**
 * Loads a machine file's text that is not on disk (an older version from git). The text is
 * written beside the current file, under a dot name that no project listing picks up, so its
 * relative imports (`../src/lib/...`) and packages resolve as the original's do; the copy is
 * removed as soon as it is loaded.
 * @param root Project root.
 * @param originalAbs Absolute path of the machine file as it is today (the copy goes beside it).
 * @param source The older text.
 * @param label What to call it in messages, e.g. `workflows/x.machine.ts at 1.1.0`.
 * @throws WorkflowLoadError naming `label` when the text does not load.
 */
export async function loadMachineText(root: string, originalAbs: string, source: string, label: string): Promise<MachineVersion> {
  const dir = dirname(originalAbs);
  if (!existsSync(dir)) throw new WorkflowLoadError('diff/machine-folder', label, `cannot load it: the folder ${basename(dir)}/ no longer exists`);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const copy = join(dir, `.sopkit-diff-${process.pid}-${hash}.machine.ts`);
  writeFileSync(copy, source);
  try {
    const loaded = await loadWorkflowFile(root, copy);
    return machineVersion(loaded.module);
  } catch (error) {
    if (error instanceof WorkflowLoadError) throw new WorkflowLoadError(error.code, label, error.detail, error.at, { cause: error });
    throw error;
  } finally {
    rmSync(copy, { force: true });
  }
}

/** Loads a machine file on disk. */
export async function loadMachineFile(root: string, abs: string): Promise<MachineVersion> {
  return machineVersion((await loadWorkflowFile(root, abs)).module);
}

function machineVersion(module: Awaited<ReturnType<typeof loadWorkflowFile>>['module']): MachineVersion {
  const { machine, labels } = module;
  return {
    graph: buildGraph(machine, labels),
    guards: implementations(machine.implementations.guards),
    delays: implementations(machine.implementations.delays),
  };
}
