import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckSummary } from './in-worker.ts';
import { hashTree } from '../tree-hash.ts';

/** Bump when the stored result's form or the key changes. */
const FORMAT = 2;
/** How many results `last.json` keeps, the latest first. */
const KEPT = 8;
/**
 * `SOPKIT_` settings that cannot change what the check reports, left out of the key: the
 * edition a build makes (the check reads the sources of both editions), whether and on how many
 * threads it prints PDFs, whether an internal error prints its stack, and whether the CLI runs
 * from its compiled copy or from the source (the same code: the copy is made from `src/`, which
 * the key reads). `npm run build` then `npm run build:trainer` checked the whole pack twice.
 * `SOPKIT_TODAY` and `SOPKIT_TIME_LIMIT` are in the key by what they set (the date, the limit),
 * so that a date given as a setting and the same date as the default make one key.
 */
const NOT_READ = new Set(['SOPKIT_ROOT', 'SOPKIT_EDITION', 'SOPKIT_NO_PDFS', 'SOPKIT_PDF_WORKERS', 'SOPKIT_DEBUG', 'SOPKIT_FROM_SOURCE', 'SOPKIT_TODAY', 'SOPKIT_TIME_LIMIT']);
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
 * against, its time limit and every `SOPKIT_` setting but those it does not read (`NOT_READ`).
 * @param root The project root.
 * @param today The date of the check (YYYY-MM-DD).
 * @param timeLimitMs The time limit of content code.
 */
export function checkKey(root: string, today: string, timeLimitMs: number): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0${today}\0${timeLimitMs}\0${head(root)}`);
  const settings = Object.keys(process.env)
    .filter((k) => k.startsWith('SOPKIT_') && !NOT_READ.has(k))
    .sort()
    .map((k) => `${k}=${process.env[k]}`);
  hash.update(`\0${settings.join('\0')}`);
  for (const file of FILES) if (existsSync(join(root, file))) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  for (const folder of FOLDERS) hashTree(hash, root, folder);
  return hash.digest('hex');
}

/**
 * A check's result, kept with its key in `.sopkit-cache/check/last.json` (the last KEPT runs,
 * the latest first): a build of a pack in which nothing the check reads has changed prints the
 * same diagnostics without checking again. Any change, even to a file no rule reads, checks
 * again. Several are kept because runs with different keys take turns in one project: a build and
 * a print on another date (`--today`), or under another time limit; with one, each pushed out the
 * other's.
 * @param root The project root.
 * @param key The run's key (`checkKey`).
 * @param run Runs the check when the stored result is not for this key.
 * @returns The summary, and whether it was read back.
 */
export async function cachedCheck(root: string, key: string, run: () => Promise<CheckSummary>): Promise<{ summary: CheckSummary; reused: boolean }> {
  const file = join(root, '.sopkit-cache', 'check', 'last.json');
  const stored = readResults(file);
  const hit = stored.find((r) => r.key === key);
  if (hit) return { summary: hit.summary, reused: true };
  const summary = await run();
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}`;
    // Read again: another process may have kept a result meanwhile.
    const results = [{ key, summary }, ...readResults(file).filter((r) => r.key !== key)].slice(0, KEPT);
    writeFileSync(temp, JSON.stringify({ format: FORMAT, results }));
    renameSync(temp, file);
  } catch {
    // A read-only project still builds; it only checks every time.
  }
  return { summary, reused: false };
}

/** The results kept in `last.json`; none when it is missing, unreadable or of another format. */
function readResults(file: string): { key: string; summary: CheckSummary }[] {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; results?: { key?: unknown; summary?: CheckSummary }[] };
    if (stored.format !== FORMAT || !Array.isArray(stored.results)) return [];
    return stored.results.filter((r): r is { key: string; summary: CheckSummary } => typeof r?.key === 'string' && Array.isArray(r.summary?.diagnostics));
  } catch {
    return [];
  }
}
