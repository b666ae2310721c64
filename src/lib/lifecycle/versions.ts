import type { Project, SopDoc } from '../content/project.ts';
import { fileCommits, readAtCommits, type FileCommit } from './diff/git.ts';
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

/** How many files' texts one `git cat-file` reads: most lookups end in the newest few commits. */
const BATCH = 16;

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
  let commits: FileCommit[];
  try {
    // Run in the project root, so the path is relative to it; git names each commit's path from the top.
    commits = fileCommits(root, file);
  } catch {
    // No git, not a repository: the version is not available.
    return undefined;
  }
  let found: VersionText | undefined;
  // A batch of commits' texts per git process (a `git show` for each commit of a long history was
  // most of `sopkit check`'s time: 4.3 of 12 s on the sample pack).
  for (let start = 0; start < commits.length; start += BATCH) {
    const chunk = commits.slice(start, start + BATCH);
    let texts: (string | undefined)[];
    try {
      texts = readAtCommits(root, chunk.map(({ commit, path }) => `${commit}:${path}`));
    } catch {
      return found;
    }
    for (const [i, { commit }] of chunk.entries()) {
      const text = texts[i];
      // Not there: a shallow clone without the commit, where the history ends for us.
      if (text === undefined) return found;
      const v = versionOf(text);
      if (v === version) found = { text, commit };
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
