import type { SopDoc } from '../content/project.ts';
import { alignSections, type SectionChange, type SectionRef } from './diff/sections.ts';
import { sopText, type SectionText } from './diff/sop-text.ts';
import { sopTextAtVersion } from './versions.ts';

/** The sections of a text of an SOP, as the diff reads them. */
const sectionsOf = (sop: SopDoc, text: string): SectionText[] => sopText(sop.id, sop.file, sop.absPath, text).sections;

/** Each SOP's current sections, parsed once per text (every comparison below starts from them). */
const current = new Map<string, { text: string; sections: SectionText[] }>();

/** The sections of an SOP's text as it is now. */
export function sectionsNow(sop: SopDoc): SectionText[] {
  const hit = current.get(sop.absPath);
  if (hit?.text === sop.source) return hit.sections;
  const sections = sectionsOf(sop, sop.source);
  current.set(sop.absPath, { text: sop.source, sections });
  return sections;
}

/** An earlier text of an SOP aligned with the text now, as `sopkit diff` aligns sections. */
export function alignWithNow(sop: SopDoc, oldText: string): { before: SectionText[]; changes: SectionChange[] } {
  const before = sectionsOf(sop, oldText);
  return { before, changes: alignSections(before, sectionsNow(sop)) };
}

/** An earlier version read from git and aligned with the text now. */
export interface AlignedVersion {
  /** The commit in which `version` took that value (`sopTextAtVersion`). */
  commit: string;
  text: string;
  before: SectionText[];
  changes: SectionChange[];
}

/** Per project root, SOP and version, for the text now: a version is read from git and parsed once however many rules ask. */
const versions = new Map<string, { text: string; aligned: AlignedVersion | undefined }>();

/**
 * A version of an SOP from git, aligned with the text now: the one place the rules that compare
 * with an earlier version (translations' freshness, moved references, dry-run results, patches,
 * commented versions) read and parse it. Undefined when git does not have that version.
 * @param root The project root (inside the git work tree).
 * @param sop The SOP as it is now.
 * @param version The earlier version.
 */
export function alignedVersion(root: string, sop: SopDoc, version: string): AlignedVersion | undefined {
  const key = `${root}\0${sop.id}\0${version}`;
  const hit = versions.get(key);
  if (hit?.text === sop.source) return hit.aligned;
  const old = sopTextAtVersion(root, sop.file, version);
  const aligned = old ? { commit: old.commit, text: old.text, ...alignWithNow(sop, old.text) } : undefined;
  versions.set(key, { text: sop.source, aligned });
  return aligned;
}

/** Where a section that an SOP's current text no longer has went, read from an earlier version. */
export interface SectionMoved {
  /** The earlier version that had it. */
  version: string;
  /** The section in that version. */
  was: SectionRef;
  /** The same section now (another number or title), or undefined when it was removed. */
  now: SectionRef | undefined;
}

/** How many earlier versions are looked at, newest first: a reference is mended soon after the change that broke it. */
const VERSIONS = 3;

/** The newest earlier versions' sections, each aligned with the current text. */
function earlier(root: string, sop: SopDoc) {
  const now = sop.data?.version;
  const earlierVersions = [...new Set((sop.data?.history ?? []).map((h) => h.version))].filter((v) => v !== now).slice(0, VERSIONS);
  return earlierVersions.flatMap((version) => {
    const aligned = alignedVersion(root, sop, version);
    return aligned ? [{ version, ...aligned }] : [];
  });
}

/**
 * What became of a section number or anchor that the SOP no longer has: a section inserted
 * before it renumbers it (6.3.1 becomes 6.4.1), a new title changes its anchor. Read from the
 * SOP's earlier versions in git (the newest three), aligned as `sopkit diff` aligns them;
 * undefined when no earlier version had it, or git does not have them. Only called for a
 * reference already found broken, so a check without one reads no history.
 * @param root The project root (inside the git work tree).
 * @param sop The SOP as it is now.
 * @param key The section number or heading anchor a reference names.
 */
export function sectionMoved(root: string, sop: SopDoc, key: string): SectionMoved | undefined {
  for (const { version, before, changes } of earlier(root, sop)) {
    const was = before.find((s) => s.number !== '0' && (s.number === key || s.anchor === key));
    if (!was) continue;
    const change = changes.find((c) => c.from?.number === was.number);
    if (!change) continue;
    const { number, title, anchor, level } = was;
    return { version, was: { number, title, anchor, level }, now: change.to };
  }
  return undefined;
}

/**
 * The end of a "no section" message: what the section was and what to write now, e.g.
 * `; in 1.3.2, 6.3.1 was "Parents who are foreign nationals", now 6.4.1: write birth-registration#6.4.1`.
 * Empty when the history says nothing.
 * @param write How the mended reference is written, from the new section number or anchor.
 */
export function movedHint(root: string, sop: SopDoc, key: string, write: (key: string) => string): string {
  const moved = sectionMoved(root, sop, key);
  if (!moved) return '';
  const { version, was, now } = moved;
  const byAnchor = was.number !== key;
  const label = `${byAnchor ? 'the anchor of ' : ''}${was.number} "${was.title}"`;
  if (!now) return `; in ${version} it was ${label}, which has been removed since`;
  const target = byAnchor ? now.anchor : now.number;
  const where = now.number === was.number ? `now titled "${now.title}"` : `now ${now.number}${now.title === was.title ? '' : ` "${now.title}"`}`;
  return `; in ${version} it was ${label}, ${where}: write ${write(target)}`;
}

/**
 * How an SOP's section numbers moved since a version: each number of that version whose section
 * is now under another number (`6.3` → `6.4` when a section was inserted before it). Empty when
 * nothing moved; undefined when the version is the current one or its text is not in git.
 * Records of that version (a dry run's results, typed from sheets of that version) are read
 * through it.
 * @param root The project root (inside the git work tree).
 * @param sop The SOP as it is now.
 * @param version The version the numbers were written against.
 */
export function renumberingSince(root: string, sop: SopDoc, version: string): Map<string, SectionRef & { was: string }> | undefined {
  if (!sop.data || sop.data.version === version) return undefined;
  const aligned = alignedVersion(root, sop, version);
  if (!aligned) return undefined;
  const moved = new Map<string, SectionRef & { was: string }>();
  for (const c of aligned.changes) {
    if (c.from && c.to && c.from.number !== c.to.number && c.from.number !== '0') moved.set(c.from.number, { ...c.to, was: c.from.title });
  }
  return moved;
}

/**
 * Every section number an SOP had at a version, the section it was and the section it is now: the
 * same or another number, or undefined when the section has been removed since. Undefined when the version is the
 * current one or its text is not in git. A record written against that version (a dry run's
 * results) is checked against these numbers, not today's: a number the version tried never had
 * (a section added since) is no step of it, and the number of a section removed since may now
 * belong to another section.
 * @param root The project root (inside the git work tree).
 * @param sop The SOP as it is now.
 * @param version The version the numbers were written against.
 */
export function sectionsSince(root: string, sop: SopDoc, version: string): Map<string, { was: SectionRef; now: SectionRef | undefined }> | undefined {
  if (!sop.data || sop.data.version === version) return undefined;
  const aligned = alignedVersion(root, sop, version);
  if (!aligned) return undefined;
  const numbers = new Map<string, { was: SectionRef; now: SectionRef | undefined }>();
  for (const c of aligned.changes) if (c.from && c.from.number !== '0') numbers.set(c.from.number, { was: c.from, now: c.to });
  return numbers;
}

/**
 * The sections added to or removed from an SOP since a version, as "adds 6.5 "Collect the fee"" /
 * "removes 6.2 "..."" (renumbered sections are neither); undefined when that version's text is
 * not in git.
 */
export function sectionsAddedOrRemoved(root: string, sop: SopDoc, version: string): string[] | undefined {
  return alignedVersion(root, sop, version)?.changes.flatMap((c) =>
    c.status === 'added' && c.to && c.to.number !== '0' ? [`adds ${c.to.number} "${c.to.title}"`] : c.status === 'removed' && c.from && c.from.number !== '0' ? [`removes ${c.from.number} "${c.from.title}"`] : [],
  );
}

/**
 * The sections whose text differs between the first commit of a version and the file now (the
 * same version edited in place after it was committed), as "6.1 "Receive the notice"";
 * undefined when that version's text is not in git or is the file's.
 */
export function editedSinceCommitted(root: string, sop: SopDoc, version: string): { commit: string; sections: string[] } | undefined {
  const old = alignedVersion(root, sop, version);
  if (!old || old.text === sop.source) return undefined;
  const sections = old.changes
    .filter((c) => c.status !== 'unchanged')
    .flatMap((c) => {
      const s = c.to ?? c.from;
      return s && s.number !== '0' ? [`${s.number} "${s.title}"`] : [];
    });
  return sections.length ? { commit: old.commit, sections } : undefined;
}
