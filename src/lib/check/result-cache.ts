import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckSummary } from './in-worker.ts';
import { hashTree } from '../tree-hash.ts';

/** Bump when the stored result's form or the key changes. */
const FORMAT = 1;
/** Everything a check reads: the content, the workflows and their code, the quizzes, our code, the images under `public/` a page may show. */
const FOLDERS = ['content', 'workflows', 'quizzes', 'src', 'public'];
const FILES = ['package-lock.json', 'package.json'];


/** The commit checked out, or '' outside git: a translation's freshness reads older versions from the history. */
function head(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/**
 * The key of a check run: the text of every file under `content/`, `workflows/`, `quizzes/`,
 * `src/` and `public/`, the package files, the commit checked out, the date the check judges deadlines
 * against, its time limit and every `SOPKIT_` setting.
 * @param root The project root.
 * @param today The date of the check (YYYY-MM-DD).
 * @param timeLimitMs The time limit of content code.
 */
export function checkKey(root: string, today: string, timeLimitMs: number): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0${today}\0${timeLimitMs}\0${head(root)}`);
  const settings = Object.keys(process.env)
    .filter((k) => k.startsWith('SOPKIT_') && k !== 'SOPKIT_ROOT')
    .sort()
    .map((k) => `${k}=${process.env[k]}`);
  hash.update(`\0${settings.join('\0')}`);
  for (const file of FILES) if (existsSync(join(root, file))) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  for (const folder of FOLDERS) hashTree(hash, root, folder);
  return hash.digest('hex');
}

/**
 * A check's result, kept with its key in `.sopkit-cache/check/last.json` (only the last run):
 * a build of a pack in which nothing the check reads has changed prints the same diagnostics
 * without checking again. Any change, even to a file no rule reads, checks again.
 * @param root The project root.
 * @param key The run's key (`checkKey`).
 * @param run Runs the check when the stored result is not for this key.
 * @returns The summary, and whether it was read back.
 */
export async function cachedCheck(root: string, key: string, run: () => Promise<CheckSummary>): Promise<{ summary: CheckSummary; reused: boolean }> {
  const file = join(root, '.sopkit-cache', 'check', 'last.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; summary?: CheckSummary };
    if (stored.key === key && stored.summary && Array.isArray(stored.summary.diagnostics)) return { summary: stored.summary, reused: true };
  } catch {
    // No result yet, or one that cannot be read: check.
  }
  const summary = await run();
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}`;
    writeFileSync(temp, JSON.stringify({ key, summary }));
    renameSync(temp, file);
  } catch {
    // A read-only project still builds; it only checks every time.
  }
  return { summary, reused: false };
}
