import { execFileSync } from 'node:child_process';
import type { Project, SopDoc } from '../content/project.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { parseMdx } from '../content/mdx.ts';
import { numberParagraphs, type Paragraph } from '../content/paragraphs.ts';
import { numberSections, type Section } from '../content/sections.ts';

/** The text of an SOP file as it was at a version, from the git history. */
export interface VersionText {
  text: string;
  /** The commit in which `version` took that value. */
  commit: string;
}

const GIT_TIMEOUT_MS = 10_000;

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    // No git, not a repository, a shallow clone without the commit: the version is not available.
    return undefined;
  }
}

/** How many files' texts one `git cat-file` reads: most lookups end in the newest few commits. */
const BATCH = 16;

/**
 * The texts of several `<commit>:<path>` objects from one `git cat-file --batch` (a process
 * for each commit of a long history was most of `sopkit check`'s time: 4.3 of 12 s on the sample
 * pack). Undefined for one git cannot find; undefined altogether when git itself fails.
 */
function gitTexts(root: string, specs: readonly string[]): (string | undefined)[] | undefined {
  let out: Buffer;
  try {
    out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${specs.join('\n')}\n`, timeout: GIT_TIMEOUT_MS, stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
  // Each answer: "<oid> <type> <size>\n<content>\n", or "<name> missing\n" (also "ambiguous").
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const end = out.indexOf(10, at);
    if (end < 0) return undefined;
    const header = out.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size)) {
      texts.push(undefined);
      continue;
    }
    texts.push(header[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return texts;
}

/** The `version:` of an SOP source, read from its frontmatter without validating the rest. */
export function versionOf(text: string): string | undefined {
  const match = /^version:[ \t]*["']?(\d+\.\d+\.\d+)["']?[ \t]*$/m.exec(splitFrontmatter(text).yaml);
  return match?.[1];
}

/**
 * The text of an SOP file at a version: the commit of its git history in which `version` took
 * that value (the oldest commit of the newest run of commits at that version), following
 * renames. Undefined when git, the repository or that version is not there. This is the one
 * place that reads old versions of an SOP (comment checks and version comparison use it).
 * @param root The project root (inside the git work tree).
 * @param file The SOP's path relative to the root, e.g. `content/sops/birth-registration.mdx`.
 * @param version The version wanted, e.g. `1.1.0`.
 */
export function sopTextAtVersion(root: string, file: string, version: string): VersionText | undefined {
  const log = git(root, ['log', '--follow', '--format=%x00%H', '--name-only', '--', file]);
  if (!log) return undefined;
  const commits = log
    .split('\0')
    .filter(Boolean)
    .map((chunk) => {
      const [hash = '', ...names] = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
      return { hash, path: names[0] ?? file };
    });
  let found: VersionText | undefined;
  for (let start = 0; start < commits.length; start += BATCH) {
    const chunk = commits.slice(start, start + BATCH);
    // git paths are relative to the top of the work tree (`HEAD:./x` would be relative to cwd).
    const texts = gitTexts(root, chunk.map(({ hash, path }) => `${hash}:${path}`));
    if (!texts) return found;
    for (const [i, { hash }] of chunk.entries()) {
      const text = texts[i];
      // Not there: a shallow clone without the commit, where the history ends for us.
      if (text === undefined) return found;
      const v = versionOf(text);
      if (v === version) found = { text, commit: hash };
      else if (found) return found;
    }
  }
  return found;
}

/** The sections and paragraphs of an SOP text, numbered as the page and the review copy number them. */
export interface SopOutline {
  sections: Section[];
  paragraphs: Paragraph[];
  /** Where the text came from: the file as it is now, or a commit. */
  from: 'current' | { commit: string };
}

/** Numbers the sections and paragraphs of an SOP source text. */
export function outlineOfText(text: string): Omit<SopOutline, 'from'> | undefined {
  const parsed = parseMdx(splitFrontmatter(text).body);
  if ('error' in parsed) return undefined;
  const sections = numberSections(parsed.tree);
  return { sections, paragraphs: numberParagraphs(parsed.tree) };
}

/**
 * Looks up outlines of SOP versions, caching each (SOP, version): the current file for its
 * current version, the git history for older ones.
 * @param project The loaded project.
 */
export function outlineLookup(project: Project): (sop: SopDoc, version: string) => SopOutline | undefined {
  const cache = new Map<string, SopOutline | undefined>();
  return (sop, version) => {
    const key = `${sop.id}@${version}`;
    if (cache.has(key)) return cache.get(key);
    let outline: SopOutline | undefined;
    if (sop.data?.version === version && sop.tree) outline = { sections: sop.sections, paragraphs: sop.paragraphs, from: 'current' };
    else {
      const old = sopTextAtVersion(project.root, sop.file, version);
      const parsed = old ? outlineOfText(old.text) : undefined;
      if (old && parsed) outline = { ...parsed, from: { commit: old.commit } };
    }
    cache.set(key, outline);
    return outline;
  };
}
