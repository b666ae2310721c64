import { existsSync, statSync } from 'node:fs';
import type { SiteEdition } from '../../edition.ts';
import { join, resolve } from 'node:path';
import { layout, listFiles } from '../../content/project.ts';
import { SopkitError } from '../../errors.ts';
import { WorkflowLoadError } from '../../workflow/load.ts';
import { frontmatterChanges, type FieldChange } from './frontmatter.ts';
import { loadMachineFile, loadMachineText, type MachineVersion } from './load-machine.ts';
import { resolveSide, type MachineSource, type SopFile, type VersionSide } from './resolve.ts';
import { alignSections, type SectionChange } from './sections.ts';
import type { ComponentWords } from '../../content/component-words.ts';
import { sopText, type SopTextOptions } from './sop-text.ts';
import { stepTableBlocks } from './step-table-text.ts';
import { frontmatterValue } from './git-versions.ts';
import { workflowChanges, type WorkflowChange } from './workflow.ts';
import { knownIds } from '../../known-ids.ts';

/** One side of a comparison, as reports name it. */
export interface DiffSide {
  /** `1.2.0 (commit 2d284c8, 2025-06-16)`, `the working tree`, a file path. */
  label: string;
  /** The frontmatter `version` of that text, when it can be read. */
  version?: string;
  commit?: string;
  date?: string;
}

/** Everything that changed in an SOP between two versions (ARCHITECTURE.md, The diff). */
export interface SopDiff {
  sop: string;
  code?: string;
  /** Title of the newer version. */
  title?: string;
  language: string;
  from: DiffSide;
  to: DiffSide;
  frontmatter: FieldChange[];
  /** Why frontmatter was not compared (a side does not validate). */
  frontmatterNote?: string;
  /** Every section of both versions, in the newer version's order. */
  sections: SectionChange[];
  workflow: {
    /** True when both machines loaded. */
    compared: boolean;
    /** Why not, when not. */
    note?: string;
    changes: WorkflowChange[];
  };
  counts: Record<SectionChange['status'], number>;
}

/** Options of `compareSop`. */
export interface CompareOptions {
  /** Older version: a version, a git ref or a file. */
  from: string;
  /** Newer version; the working tree when absent. */
  to?: string;
  /** Leave out what this site edition leaves out (the site's redline); everything when absent. */
  edition?: SiteEdition;
  /** How components read (`componentWords` of the project); their ids when absent. */
  words?: ComponentWords;
  /**
   * Run once both versions are found, before anything is loaded or compared: a check that costs
   * time (the command's check of the SOP as it is now) comes after the one-line refusal of a
   * version that does not exist or is not an SOP, not before it.
   */
  found?: () => Promise<void>;
}

const isFile = (abs: string) => existsSync(abs) && statSync(abs).isFile();

/** The SOP file of an id, or a one-line error listing the ids there are. */
export function sopFile(root: string, id: string): SopFile {
  const abs = join(root, layout.sops, `${id}.mdx`);
  if (!existsSync(abs)) {
    const known = listFiles(join(root, layout.sops), '.mdx').map((f) => f.slice(f.lastIndexOf('/') + 1, -4));
    throw new SopkitError('diff/unknown-sop', `no SOP "${id}" in ${layout.sops}/; known: ${knownIds(root, known)}`);
  }
  return { id, abs };
}

async function loadSide(root: string, m: MachineSource): Promise<MachineVersion> {
  return m.kind === 'disk' ? loadMachineFile(root, m.abs) : loadMachineText(root, m.original, m.text, m.label);
}

/** One side's machine, or why it has none (not there, or it does not load). */
type LoadedSide = { machine: MachineVersion } | { note?: string; failed?: boolean };

async function loadMachineOf(root: string, s: VersionSide): Promise<LoadedSide> {
  if (!s.machine) return s.machineNote ? { note: s.machineNote } : {};
  try {
    return { machine: await loadSide(root, s.machine) };
  } catch (error) {
    if (error instanceof WorkflowLoadError) return { note: `${error.message.split('\n')[0]}; the workflow is not compared`, failed: true };
    throw error;
  }
}

function compareMachines(a: LoadedSide, b: LoadedSide, words: ComponentWords | undefined): SopDiff['workflow'] {
  if ('machine' in a && 'machine' in b) {
    const roleTitle = (id: string) => words?.value('role', id);
    return { compared: true, changes: workflowChanges(a.machine, b.machine, { ...(words ? { roleTitle } : {}) }) };
  }
  const failed = [a, b].find((x): x is { note?: string; failed?: boolean } => !('machine' in x) && !!x.failed);
  if (failed?.note) return { compared: false, note: failed.note, changes: [] };
  if (!('machine' in a) && !('machine' in b)) {
    const note = a.note ?? b.note;
    return { compared: false, changes: [], ...(note ? { note } : {}) };
  }
  const missing = 'machine' in a ? b : a;
  return { compared: false, note: (!('machine' in missing) && missing.note) || 'only one version has a workflow', changes: [] };
}

/** The step table a version's text shows: its own machine's, for the workflow its frontmatter names. */
function stepTableOf(s: VersionSide, loaded: LoadedSide, words: ComponentWords | undefined): SopTextOptions['stepTable'] {
  if (!('machine' in loaded)) return undefined;
  const workflow = frontmatterValue(s.text, 'workflow');
  return (id, lang) => (id === workflow ? stepTableBlocks(loaded.machine.graph, words, lang) : undefined);
}

const side = (s: VersionSide, version: string | undefined): DiffSide => ({ label: s.label, ...(version ? { version } : {}), ...(s.commit ? { commit: s.commit } : {}), ...(s.date ? { date: s.date } : {}) });

/**
 * A version's forms with their `{param:id}` in words, as the page prints them: the changes page
 * showed a changed form purpose as typed, "{param:first-certificate-fee}".
 */
function formsInWords<T extends { forms: readonly { title: string; purpose?: string; fields: readonly string[] }[] }>(data: T, words: CompareOptions['words']): T {
  if (!words) return data;
  const w = (text: string) => words.value('text', text);
  return { ...data, forms: data.forms.map((f) => ({ ...f, title: w(f.title), ...(f.purpose === undefined ? {} : { purpose: w(f.purpose) }), fields: f.fields.map(w) })) };
}

/**
 * Compares two versions of an SOP: frontmatter, sections (aligned by number and title, words
 * marked inside each) and, when both versions have one, the workflow machine.
 * @param root Project root.
 * @param id SOP id.
 * @param options Which versions.
 * @throws SopkitError (one line) when a version cannot be found or git is missing.
 */
export async function compareSop(root: string, id: string, options: CompareOptions): Promise<SopDiff> {
  // Two files compare without the project having the SOP (hand-made pairs, drafts sent by email).
  const bothFiles = [options.from, options.to].every((spec) => spec !== undefined && isFile(resolve(root, spec)));
  const file = bothFiles ? { id, abs: resolve(root, options.to!) } : sopFile(root, id);
  const a = resolveSide(root, file, options.from, '--from');
  const b = resolveSide(root, file, options.to, '--to');
  await options.found?.();
  // Both machines first: a version's step table reads as its own machine made it.
  const ma = await loadMachineOf(root, a);
  const mb = await loadMachineOf(root, b);
  // A step table drawn from one side's machine only (the other, a file with no machine beside it)
  // read as the whole procedure table inserted: neither side draws it, and the workflow's note
  // says why it was not compared.
  const tables = [stepTableOf(a, ma, options.words), stepTableOf(b, mb, options.words)] as const;
  const both = !!tables[0] === !!tables[1];
  const read = (s: VersionSide, stepTable: SopTextOptions['stepTable']) =>
    sopText(id, s.file, file.abs, s.text, { ...(options.edition ? { edition: options.edition } : {}), ...(options.words ? { words: options.words } : {}), ...(stepTable && both ? { stepTable } : {}) });
  const ta = read(a, tables[0]);
  const tb = read(b, tables[1]);
  const sections = alignSections(ta.sections, tb.sections);
  const counts = { unchanged: 0, modified: 0, moved: 0, added: 0, removed: 0 };
  for (const s of sections) counts[s.status]++;
  const bad = !ta.data ? a.label : !tb.data ? b.label : undefined;
  return {
    sop: id,
    ...(tb.data ? { code: tb.data.code, title: tb.data.title } : {}),
    language: tb.data?.language ?? 'en',
    from: side(a, ta.data?.version),
    to: side(b, tb.data?.version),
    frontmatter: ta.data && tb.data ? frontmatterChanges(formsInWords(ta.data, options.words), formsInWords(tb.data, options.words)) : [],
    ...(bad ? { frontmatterNote: `the frontmatter of ${bad} does not validate (run sopkit check on it), so it is not compared` } : {}),
    sections,
    workflow: compareMachines(ma, mb, options.words),
    counts,
  };
}

/** True when the two versions differ in anything compared. */
export function hasDifferences(diff: SopDiff): boolean {
  return diff.frontmatter.length > 0 || diff.workflow.changes.length > 0 || diff.sections.some((s) => s.status !== 'unchanged');
}
