import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SopkitError } from '../../errors.ts';

/** One commit that touched a file, newest first. */
export interface FileCommit {
  /** Full commit hash. */
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  /** The file's path at that commit, relative to the repository root (it may have been renamed since). */
  path: string;
}

/** Why git cannot answer: not installed, or the folder is not in a repository. */
export class GitUnavailableError extends SopkitError {}

/** Limits what a broken repository can cost: git answers or is stopped. */
const TIMEOUT_MS = 60_000;
const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Whether a folder is in no git repository: no `.git` in it or in any folder above it, and no
 * GIT_DIR or GIT_WORK_TREE naming one. Git would only say so, at the cost of a process: a check
 * asks it about every translated file, and in a copy of a pack without its history (a download,
 * a folder of tests) those processes were a sixth of the check's time.
 */
function outsideRepository(cwd: string): boolean {
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE) return false;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** What git says in a folder outside every repository. */
const NOT_A_REPOSITORY = 'fatal: not a git repository (or any of the parent directories): .git';

/**
 * Runs git in a folder and returns its standard output.
 * @param cwd Folder to run in.
 * @param args Arguments after `git`.
 * @param input Text for its standard input.
 * @throws GitUnavailableError when git is not installed; SopkitError when git fails.
 */
export function git(cwd: string, args: readonly string[], input?: string): string {
  if (outsideRepository(cwd)) throw new SopkitError('diff/git', `git ${args[0] ?? ''} failed: ${NOT_A_REPOSITORY}`);
  const result = spawnSync('git', args, { cwd, input, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitUnavailableError('diff/no-git', 'git is not available (not installed or not on PATH): install git, or give --from and --to as files');
    throw new SopkitError('diff/git', `git ${args[0] ?? ''} failed: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const first = (result.stderr || result.stdout || '').trim().split('\n')[0] ?? '';
    throw new SopkitError('diff/git', `git ${args[0] ?? ''} failed: ${first}`);
  }
  return result.stdout;
}

/**
 * The root of the git repository holding a folder.
 * @throws GitUnavailableError when git is missing or the folder is not in a repository.
 */
export function repositoryRoot(cwd: string): string {
  try {
    return resolve(git(cwd, ['rev-parse', '--show-toplevel']).trim());
  } catch (error) {
    if (error instanceof GitUnavailableError) throw error;
    throw new GitUnavailableError('diff/no-repository', `${cwd} is not in a git repository, so it has no versions to compare: give --from and --to as files`);
  }
}

/** A path relative to the repository root, with forward slashes, as git names files. */
export function repoPath(repoRoot: string, abs: string): string {
  return relative(repoRoot, abs).split(sep).join('/');
}

/**
 * Every commit that changed a file, newest first, following renames. A file made as a copy of
 * another (a new SOP started from `cp birth-registration.mdx adoption.mdx`) begins at that copy:
 * `git log --follow` went on into the other file's history, so the new SOP "had" the versions of
 * the one it came from, and comments on its 0.1.0 were checked against the other's 0.1.0.
 * @param repoRoot The repository root (or a folder in it: the path is then relative to that folder).
 * @param file Path relative to the repository root.
 */
export function fileCommits(repoRoot: string, file: string): FileCommit[] {
  const head = headCommit(repoRoot);
  const log = head === undefined ? undefined : commitLog(repoRoot, head);
  const known = log?.files[file];
  if (known) return known.map((c) => ({ ...c }));
  const commits = followedCommits(repoRoot, file);
  if (log) {
    log.files[file] = commits;
    saveCommitLog(log);
  }
  return commits.map((c) => ({ ...c }));
}

/** The commit HEAD names, or undefined (no commit yet, no repository, no git). */
function headCommit(cwd: string): string | undefined {
  try {
    return /^[0-9a-f]{40,64}$/.exec(git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']).trim())?.[0];
  } catch {
    return undefined;
  }
}

/** The files' histories as git gave them from one HEAD, kept in `.sopkit-cache/git-log/<HEAD>.json`. */
interface CommitLog {
  file: string;
  files: Record<string, FileCommit[]>;
}

/** The log of the HEAD last read, per folder. */
const commitLogs = new Map<string, CommitLog>();

/**
 * The histories already read from this HEAD. A file's history from a commit never changes, and
 * `git log --follow` walks the whole history for each file: in the model pack's repository
 * (1,700 commits) a check asked it for about 35 translated files, 4 of its 17 s, on every run.
 * Read again only after a commit (a new HEAD); the files of older HEADs are deleted.
 */
function commitLog(cwd: string, head: string): CommitLog {
  const file = join(resolve(cwd), '.sopkit-cache', 'git-log', `${head}.json`);
  const held = commitLogs.get(cwd);
  if (held?.file === file) return held;
  let files: Record<string, FileCommit[]> = {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) files = data as Record<string, FileCommit[]>;
  } catch {
    // none yet, or unreadable: read from git
  }
  const log = { file, files };
  commitLogs.set(cwd, log);
  return log;
}

/** Writes a log (a temporary file renamed, so a reader never sees half of it) and deletes those of other HEADs. */
function saveCommitLog(log: CommitLog): void {
  try {
    const dir = dirname(log.file);
    mkdirSync(dir, { recursive: true });
    const temporary = `${log.file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(temporary, JSON.stringify(log.files));
    renameSync(temporary, log.file);
    for (const name of readdirSync(dir)) if (name.endsWith('.json') && join(dir, name) !== log.file) rmSync(join(dir, name), { force: true });
  } catch {
    // a folder that cannot be written: git is asked again next time
  }
}

/** `git log --follow` of one file, newest first, up to a copy it began as. */
function followedCommits(repoRoot: string, file: string): FileCommit[] {
  const out = git(repoRoot, ['log', '--follow', '--format=%x00%H %cs', '--name-status', '--', file]);
  const commits: FileCommit[] = [];
  for (const chunk of out.split('\0')) {
    const [head = '', ...changes] = chunk.split('\n').filter((l) => l.trim());
    const [commit, date] = head.split(' ');
    // "M\tpath", "A\tpath", "R100\told\tnew", "C097\tsource\tcopy": the file's path at that commit is the last.
    const fields = changes.at(-1)?.split('\t') ?? [];
    const path = fields.at(-1);
    if (!commit || !date || !path) continue;
    commits.push({ commit, date, path });
    if (fields[0]?.startsWith('C')) break;
  }
  return commits;
}

/**
 * Reads several files at given commits in one git process (`git cat-file --batch`).
 * @param repoRoot The repository root.
 * @param specs `<commit>:<path>` for each file, path relative to the repository root.
 * @returns The text of each, or undefined where the file does not exist at that commit.
 */
export function readAtCommits(repoRoot: string, specs: readonly string[]): (string | undefined)[] {
  if (!specs.length) return [];
  if (outsideRepository(repoRoot)) throw new SopkitError('diff/git', `git cat-file failed: ${NOT_A_REPOSITORY}`);
  const raw = spawnSync('git', ['cat-file', '--batch'], { cwd: repoRoot, input: `${specs.join('\n')}\n`, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER });
  if (raw.error || raw.status !== 0) throw new SopkitError('diff/git', `git cat-file failed: ${raw.error?.message ?? raw.stderr.toString().split('\n')[0]}`);
  const buffer = raw.stdout;
  const out: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const lineEnd = buffer.indexOf(0x0a, at);
    if (lineEnd < 0) break;
    const header = buffer.subarray(at, lineEnd).toString('utf8');
    at = lineEnd + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      out.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    out.push(match[1] === 'blob' ? buffer.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return out;
}

/** The full hash of a commit a ref names (branch, tag, `HEAD~2`, hash), or undefined. */
export function resolveCommit(repoRoot: string, ref: string): string | undefined {
  if (ref.startsWith('-') || outsideRepository(repoRoot)) return undefined;
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot, encoding: 'utf8', timeout: TIMEOUT_MS });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/** The committer date (YYYY-MM-DD) of a commit. */
export function commitDate(repoRoot: string, commit: string): string {
  return git(repoRoot, ['show', '-s', '--format=%cs', commit]).trim();
}
