import { parse } from 'yaml';
import { splitFrontmatter } from '../../content/frontmatter.ts';
import { fileCommits, readAtCommits, type FileCommit } from './git.ts';

/** A version of an SOP found in the git history of its file. */
export interface GitVersion {
  /** The frontmatter `version`. */
  version: string;
  /** The last commit in which the file had that version: the text as it stood when the version was replaced. */
  commit: string;
  /** Committer date of that commit. */
  date: string;
  /** The version's date as its own `history` entry gives it, when it has one. */
  written?: string;
  /** The file's path at that commit, relative to the repository root. */
  path: string;
}

/** A top-level frontmatter field of an SOP text (`version`, `workflow`), or undefined when it cannot be read. */
export function frontmatterValue(source: string, key: string): string | undefined {
  const { yaml } = splitFrontmatter(source);
  if (!yaml) return undefined;
  try {
    const data = parse(yaml, { maxAliasCount: 100 }) as Record<string, unknown> | null;
    const v = data?.[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The date an SOP text's `history` gives a version (`history: [{ version, date }]`), or undefined.
 * @param source The SOP text.
 * @param version The version.
 */
export function historyDate(source: string, version: string): string | undefined {
  const { yaml } = splitFrontmatter(source);
  if (!yaml) return undefined;
  try {
    const data = parse(yaml, { maxAliasCount: 100 }) as { history?: unknown } | null;
    const list = Array.isArray(data?.history) ? (data.history as unknown[]) : [];
    for (const h of list) {
      if (!h || typeof h !== 'object') continue;
      const { version: v, date } = h as { version?: unknown; date?: unknown };
      if (String(v) !== version) continue;
      if (date instanceof Date) return date.toISOString().slice(0, 10);
      return typeof date === 'string' ? date : undefined;
    }
  } catch {
    // An unreadable frontmatter has no history date; the commit's date is used.
  }
  return undefined;
}

/**
 * The versions of an SOP file in git, newest first: every commit of the file is read
 * (`git log --follow`, then one `git cat-file --batch`) and, for each frontmatter `version`, the
 * newest commit that has it is kept.
 * @param repoRoot The repository root.
 * @param file The SOP file, relative to the repository root.
 */
export function versionsInGit(repoRoot: string, file: string): GitVersion[] {
  const commits: FileCommit[] = fileCommits(repoRoot, file);
  const texts = readAtCommits(repoRoot, commits.map((c) => `${c.commit}:${c.path}`));
  const seen = new Map<string, GitVersion>();
  commits.forEach((c, i) => {
    const text = texts[i];
    const version = text === undefined ? undefined : frontmatterValue(text, 'version');
    if (!version || seen.has(version)) return;
    const written = historyDate(text!, version);
    seen.set(version, { version, commit: c.commit, date: c.date, path: c.path, ...(written ? { written } : {}) });
  });
  return [...seen.values()];
}
