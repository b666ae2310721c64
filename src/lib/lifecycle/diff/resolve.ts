import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { layout, relPath } from '../../content/project.ts';
import { SopkitError } from '../../errors.ts';
import { commitDate, readAtCommits, repoPath, repositoryRoot, resolveCommit } from './git.ts';
import { frontmatterProblem, frontmatterValue, versionsInGit } from './git-versions.ts';

/** Where a machine version comes from: a file on disk, or a text from git loaded beside the current file. */
export type MachineSource = { kind: 'disk'; abs: string; label: string } | { kind: 'text'; text: string; original: string; label: string };

/** One side of a comparison: an SOP text and, when there is one, its machine. */
export interface VersionSide {
  /** How it was named: a version found in git, a git ref, a file, or the working tree. */
  source: 'version' | 'git' | 'file' | 'working-tree';
  /** For people: `1.2.0 (commit 2d284c8, 2025-06-16)`, `the working tree`, `old/birth.mdx`. */
  label: string;
  /** The commit read, for git sides. */
  commit?: string;
  /** Its committer date. */
  date?: string;
  /** The SOP text. */
  text: string;
  /** Path of the SOP text, for messages. */
  file: string;
  machine?: MachineSource;
  /** Why no machine is compared on this side, when the SOP has a workflow. */
  machineNote?: string;
}

/** The SOP being compared, as it is in the working tree. */
export interface SopFile {
  id: string;
  /** Absolute path (`content/sops/<id>.mdx`). */
  abs: string;
}

const semverLike = /^\d+\.\d+\.\d+$/;
const short = (commit: string) => commit.slice(0, 7);

function machineAbs(root: string, workflow: string): string {
  return join(root, layout.workflows, `${workflow}.machine.ts`);
}

function workingTree(root: string, sop: SopFile): VersionSide {
  const text = readFileSync(sop.abs, 'utf8');
  const workflow = frontmatterValue(text, 'workflow');
  const abs = workflow ? machineAbs(root, workflow) : undefined;
  const machine = abs && existsSync(abs) ? { kind: 'disk' as const, abs, label: relPath(root, abs) } : undefined;
  return { source: 'working-tree', label: 'the working tree', text, file: relPath(root, sop.abs), ...(machine ? { machine } : {}), ...(workflow && !machine ? { machineNote: `workflows/${workflow}.machine.ts does not exist` } : {}) };
}

/**
 * A file given on the command line; its machine is the `<name>.machine.ts` beside it, if any. It
 * must be a version of the same SOP (its frontmatter `id`): a CSV, an empty file or another SOP
 * compared without a word would print a meaningless diff and exit 0.
 */
function fileSide(root: string, sop: SopFile, abs: string, spec: string, option: string): VersionSide {
  const text = readFileSync(abs, 'utf8');
  const id = frontmatterValue(text, 'id');
  const problem = id === undefined ? frontmatterProblem(text) : undefined;
  if (problem) throw new SopkitError('diff/not-sop', `${option} ${spec}: ${problem}; correct it, or give another version of ${sop.id}: its .mdx file, a version found in git (like 1.2.0) or a git ref`);
  if (id === undefined) throw new SopkitError('diff/not-sop', `${option} ${spec}: not an SOP file (no frontmatter with an id); give a version of ${sop.id}: its .mdx file, a version found in git (like 1.2.0) or a git ref`);
  if (id !== sop.id) throw new SopkitError('diff/other-sop', `${option} ${spec}: that file is the SOP "${id}", not "${sop.id}"; give a version of ${sop.id}, or run sopkit diff ${id}`);
  const workflow = frontmatterValue(text, 'workflow');
  const sibling = join(dirname(abs), `${basename(abs).replace(/\.mdx?$/, '')}.machine.ts`);
  const inProject = !relPath(root, sibling).startsWith('..');
  // A machine outside the project (a draft in /tmp, a colleague's copy) is loaded as the project's
  // own would be, beside workflows/<id>.machine.ts: loaded where it lies, its `xstate` and
  // `../src/lib/...` imports did not resolve and the workflow was not compared.
  const machine: MachineSource | undefined = !existsSync(sibling)
    ? undefined
    : inProject || !workflow
      ? { kind: 'disk', abs: sibling, label: relPath(root, sibling) }
      : { kind: 'text', text: readFileSync(sibling, 'utf8'), original: machineAbs(root, workflow), label: sibling };
  return {
    source: 'file',
    label: spec,
    text,
    file: relPath(root, abs),
    ...(machine ? { machine } : {}),
    ...(workflow && !machine ? { machineNote: `no machine beside ${spec}: put ${basename(sibling)} next to it to compare the workflow too` } : {}),
  };
}

function commitSide(root: string, repoRoot: string, sop: SopFile, commit: string, path: string, label: string, source: VersionSide['source'], date: string): VersionSide {
  const [text] = readAtCommits(repoRoot, [`${commit}:${path}`]);
  if (text === undefined) throw new SopkitError('diff/not-at-commit', `${relPath(root, sop.abs)} did not exist at ${label}`);
  const workflow = frontmatterValue(text, 'workflow');
  const side: VersionSide = { source, label, commit, date, text, file: `${relPath(root, sop.abs)} at ${label}` };
  if (!workflow) return side;
  const original = machineAbs(root, workflow);
  const [machineText] = readAtCommits(repoRoot, [`${commit}:${repoPath(repoRoot, original)}`]);
  if (machineText === undefined) return { ...side, machineNote: `workflows/${workflow}.machine.ts did not exist at ${label}` };
  return { ...side, machine: { kind: 'text', text: machineText, original, label: `workflows/${workflow}.machine.ts at ${label}` } };
}

/**
 * Resolves what `--from` or `--to` names: a file (its path), a version (`1.2.0`: the last commit in
 * which the SOP's frontmatter had that version), any git ref (commit, branch, tag), or, when
 * nothing is given, the working tree.
 * @param root Project root.
 * @param sop The SOP file.
 * @param spec What the user wrote; undefined for the working tree.
 * @param option The option's name, for messages (`--from`).
 * @throws SopkitError with one line: version not found (listing the versions found), git missing, unknown ref.
 */
export function resolveSide(root: string, sop: SopFile, spec: string | undefined, option: string): VersionSide {
  if (spec === undefined) return workingTree(root, sop);
  const abs = resolve(root, spec);
  if (existsSync(abs) && statSync(abs).isFile()) return fileSide(root, sop, abs, spec, option);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new SopkitError('diff/folder', `${option} ${spec} is a folder; give an SOP file, a version or a git ref`);
  const repoRoot = repositoryRoot(root);
  const file = repoPath(repoRoot, sop.abs);
  if (semverLike.test(spec)) {
    const versions = versionsInGit(repoRoot, file);
    const found = versions.find((v) => v.version === spec);
    if (!found) {
      const list = versions.map((v) => `${v.version} (${short(v.commit)}, ${v.date})`).join(', ') || 'none (the file is not committed)';
      throw new SopkitError('diff/unknown-version', `${option} ${spec}: ${relPath(root, sop.abs)} has no version ${spec} in its git history; versions found: ${list}. Give another version, a git ref or a file`);
    }
    // Dated as the SOP's history dates the version; by its last commit when the history does not.
    const label = found.written ? `${spec} (${found.written}, commit ${short(found.commit)})` : `${spec} (commit ${short(found.commit)}, ${found.date})`;
    return commitSide(root, repoRoot, sop, found.commit, found.path, label, 'version', found.written ?? found.date);
  }
  const commit = resolveCommit(repoRoot, spec);
  if (!commit) {
    // Said first for what looks like a path, so a mistyped file name is not read as a git problem.
    const path = /[\\/]|\.mdx?$/i.test(spec);
    const what = `a version found in git (like 1.2.0) or a git commit, branch or tag`;
    throw new SopkitError('diff/unknown-ref', path ? `${option} ${spec}: no such file${isAbsolute(spec) ? '' : ` (looked for ${abs})`}, nor ${what}` : `${option} ${spec}: not a file, ${what}`);
  }
  return commitSide(root, repoRoot, sop, commit, file, `${spec} (commit ${short(commit)})`, 'git', commitDate(repoRoot, commit));
}
