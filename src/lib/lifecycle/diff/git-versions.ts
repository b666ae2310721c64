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

/** The frontmatter of an SOP text as data, or undefined when it cannot be read. */
function frontmatterData(source: string): Record<string, unknown> | undefined {
  const { yaml } = splitFrontmatter(source);
  if (!yaml) return undefined;
  try {
    return (parse(yaml, { maxAliasCount: 100 }) as Record<string, unknown> | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why an SOP text's frontmatter does not read as YAML, for a message (with the line in the
 * file), or `undefined` when it reads or there is none.
 */
export function frontmatterProblem(source: string): string | undefined {
  const { yaml, yamlLine } = splitFrontmatter(source);
  if (!yaml) return undefined;
  try {
    parse(yaml, { maxAliasCount: 100 });
    return undefined;
  } catch (e) {
    const err = e as { message?: string; linePos?: { line: number }[] };
    const line = err.linePos?.[0]?.line;
    const first = (err.message ?? String(e)).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return `its frontmatter is not valid YAML${line ? ` (line ${yamlLine + line - 1})` : ''}: ${first}`;
  }
}

/** A top-level field of frontmatter data, as text. */
function fieldOf(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = data?.[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A top-level frontmatter field of an SOP text (`version`, `workflow`), or undefined when it cannot be read. */
export function frontmatterValue(source: string, key: string): string | undefined {
  return fieldOf(frontmatterData(source), key);
}

/** The date the frontmatter's `history` gives a version (`history: [{ version, date }]`), or undefined. */
function historyDate(data: Record<string, unknown> | undefined, version: string): string | undefined {
  const list = Array.isArray(data?.history) ? (data.history as unknown[]) : [];
  const entry = list.find((h): h is { version?: unknown; date?: unknown } => !!h && typeof h === 'object' && String((h as { version?: unknown }).version) === version);
  return typeof entry?.date === 'string' ? entry.date : undefined;
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
    // One parse of the frontmatter gives the version and, for a version not seen yet, its date.
    const data = text === undefined ? undefined : frontmatterData(text);
    const version = fieldOf(data, 'version');
    if (!version || seen.has(version)) return;
    const written = historyDate(data, version);
    seen.set(version, { version, commit: c.commit, date: c.date, path: c.path, ...(written ? { written } : {}) });
  });
  return [...seen.values()];
}
