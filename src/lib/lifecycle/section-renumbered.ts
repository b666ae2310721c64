import { resolve } from 'node:path';
import type { Project, SopDoc } from '../content/project.ts';
import { findSection } from '../content/sections.ts';
import { git, readAtCommits, repoPath } from './diff/git.ts';
import type { SectionRef } from './diff/sections.ts';
import { alignWithNow } from './section-moved.ts';

/**
 * A numbered reference written before its SOP renumbered its sections: `<Ref to="x#6.4">` in a
 * module last committed when 6.4 was "Return for correction", where a section inserted since has
 * made that 6.5 and 6.4 "Verify the evidence". The reference still resolves, to the wrong section.
 */
export interface Renumbered {
  /** The referring file's last commit and its date: the SOP is compared as it was then. */
  commit: string;
  date: string;
  /** The section the reference named then. */
  was: SectionRef;
  /** That section now (another number), or undefined when it was removed. */
  now: SectionRef | undefined;
  /** The section the number names now. */
  current: { number: string; title: string };
}

/**
 * The project's git history as this rule reads it: for each file (path from the repository's
 * top), the commits that touched it, newest first, with their place in the log (0 is the newest);
 * and the files with uncommitted changes.
 */
interface RepoState {
  top: string;
  touched: Map<string, { commit: string; date: string; index: number }[]>;
  dirty: Set<string>;
  /** Per SOP path and commit: its section numbers then, aligned with the current text; null when nothing moved. */
  aligned: Map<string, Map<string, { was: SectionRef; now: SectionRef | undefined }> | null>;
  /** The SOPs' texts at the commits a comparison may need, read in one git process at the first need. */
  texts?: Map<string, string | undefined>;
}

/** Git's answer, or undefined without git, a repository or a HEAD: then nothing is compared. */
function run(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/** Per loaded project (one check run, one dev-server reload): git is asked once. */
const states = new WeakMap<Project, RepoState | null>();

function repoState(project: Project): RepoState | null {
  if (states.has(project)) return states.get(project)!;
  const state = readRepoState(project.root);
  states.set(project, state);
  return state;
}

function readRepoState(root: string): RepoState | null {
  const top = run(root, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return null;
  // Only the project's folder; both name paths from the repository's top, wherever the project is.
  const status = run(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']);
  if (status === undefined) return null;
  const log = run(root, ['log', '--format=%x00%H %cs', '--name-only', '--no-renames', 'HEAD', '--', '.']);
  if (log === undefined) return null;
  const touched = new Map<string, { commit: string; date: string; index: number }[]>();
  for (const [index, chunk] of log.split('\0').entries()) {
    const [header = '', ...paths] = chunk.split('\n').filter((l) => l.trim());
    const [commit, date] = header.split(' ');
    if (!commit || !date) continue;
    for (const p of paths) {
      const list = touched.get(p);
      if (list) list.push({ commit, date, index });
      else touched.set(p, [{ commit, date, index }]);
    }
  }
  // "XY path" records, NUL-separated; a rename's second record is its old path.
  const dirty = new Set<string>();
  const records = status.split('\0');
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.length < 4) continue;
    dirty.add(r.slice(3));
    if (r[0] === 'R' || r[0] === 'C') i++;
  }
  return { top: resolve(top), touched, dirty, aligned: new Map() };
}

/**
 * Every SOP's text at each commit a file's last commit may compare it with (its newest commit at
 * or before that one), in one `git cat-file --batch`: a process per comparison cost the check
 * half a second on the sample pack.
 */
function readTexts(project: Project, state: RepoState): Map<string, string | undefined> {
  const lastOfFiles = [...new Set([...state.touched.values()].map((list) => list[0]!.index))];
  const keys = new Set<string>();
  for (const sop of project.sops) {
    const sopPath = relativeTo(state.top, project.root, sop.file);
    const commits = sopPath ? state.touched.get(sopPath) : undefined;
    if (!sopPath || !commits) continue;
    for (const index of lastOfFiles) {
      const then = commits.find((c) => c.index >= index);
      if (then) keys.add(`${sopPath}\0${then.commit}`);
    }
  }
  const list = [...keys];
  let texts: (string | undefined)[] = [];
  try {
    texts = readAtCommits(state.top, list.map((k) => k.split('\0').reverse().join(':')));
  } catch {
    // No texts: nothing is compared.
  }
  return new Map(list.map((k, i) => [k, texts[i]]));
}

/** The headings of an MDX text, as lines: equal lists number their sections alike. */
const headings = (text: string) => text.split('\n').filter((l) => /^#{1,6}\s/.test(l)).map((l) => l.trim()).join('\n');

/**
 * An SOP's sections at a commit of its own history, aligned with its current text; null when its
 * headings were the same (nothing renumbered) or the text cannot be read. Read once per SOP commit.
 */
function alignedAt(project: Project, state: RepoState, sop: SopDoc, sopPath: string, commit: string) {
  const key = `${sopPath}\0${commit}`;
  if (state.aligned.has(key)) return state.aligned.get(key)!;
  let before: Map<string, { was: SectionRef; now: SectionRef | undefined }> | null = null;
  const old = (state.texts ??= readTexts(project, state)).get(key);
  if (old !== undefined && headings(old) !== headings(sop.source)) {
    before = new Map();
    for (const c of alignWithNow(sop, old).changes) if (c.from) before.set(c.from.number, { was: c.from, now: c.to });
  }
  state.aligned.set(key, before);
  return before;
}

/**
 * A translation's references follow the numbering of the version it translates (its own SOP's
 * headings), not the source's: an outdated translation says so once, as translation/outdated.
 */
function inTranslation(project: Project, file: string): boolean {
  const [top, lang] = file.split('/');
  return (top === 'content' || top === 'quizzes' || top === 'workflows') && lang !== undefined && lang in project.translations;
}

/** A project file's path from the repository's top, as git names it; undefined outside the repository. */
const relativeTo = (top: string, root: string, file: string) => {
  const path = repoPath(top, resolve(root, file));
  return path.startsWith('..') ? undefined : path;
};

/**
 * Whether a section number a file refers to has changed meaning since that file was last
 * committed: the SOP as it was at the file's last commit is aligned with the SOP now (as `sopkit
 * diff` aligns sections), and a number that then named a section now at another number, or
 * removed, while another section has the number, is a reference to check. Files with
 * uncommitted changes, files outside git and SOPs unchanged since are not compared: only git
 * says when a reference was written.
 * @param project The loaded project (git is read once per project).
 * @param file The referring file, relative to the root.
 * @param sop The SOP referred to, as it is now.
 * @param key The section the reference names (numbers only: an anchor names its heading).
 */
export function renumberedSince(project: Project, file: string, sop: SopDoc, key: string): Renumbered | undefined {
  if (!/^\d+(?:\.\d+)*$/.test(key) || !sop.tree || inTranslation(project, file)) return undefined;
  const current = findSection(sop.sections, key);
  if (!current) return undefined;
  const state = repoState(project);
  if (!state) return undefined;
  const filePath = relativeTo(state.top, project.root, file);
  const sopPath = relativeTo(state.top, project.root, sop.file);
  if (!filePath || !sopPath || state.dirty.has(filePath)) return undefined;
  const fileLast = state.touched.get(filePath)?.[0];
  const sopCommits = state.touched.get(sopPath);
  if (!fileLast || !sopCommits) return undefined;
  // The SOP as it was when the file was last committed: its newest commit at or before that one
  // (log order, newest first). Unchanged since, and not being edited: nothing can have moved.
  const sopThen = sopCommits.find((c) => c.index >= fileLast.index);
  if (!sopThen || (sopThen === sopCommits[0] && !state.dirty.has(sopPath))) return undefined;
  const before = alignedAt(project, state, sop, sopPath, sopThen.commit);
  const then = before?.get(key);
  if (!then || then.now?.number === key) return undefined;
  return { commit: fileLast.commit, date: fileLast.date, was: then.was, now: then.now, current: { number: current.number, title: current.title } };
}

/**
 * The warning's text after the reference: what the number named when the file was written, where
 * that section is now, and what the number names now.
 * @param sopId The SOP referred to.
 * @param write How the mended reference is written, from the new number.
 */
export function renumberedMessage(sopId: string, r: Renumbered, write: (key: string) => string): string {
  const { was, now, current, date } = r;
  const then = `when this file was last committed (${date}), ${sopId} ${was.number} was "${was.title}"`;
  const where = now ? `, now ${now.number}${now.title === was.title ? '' : ` "${now.title}"`}` : ', removed since';
  const fix = now ? `write ${write(now.number)}` : 'point the reference at the section now meant';
  return `${then}${where}; ${current.number} is now "${current.title}": ${fix}, or, if "${current.title}" is meant, commit this file again (the check compares it with the SOP as it was at the file's last commit)`;
}
