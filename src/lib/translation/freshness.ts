import type { SopDoc } from '../content/project.ts';
import type { SectionChange, SectionRef } from '../lifecycle/diff/sections.ts';
import type { SectionText } from '../lifecycle/diff/sop-text.ts';
import { alignedVersion, sectionsNow } from '../lifecycle/section-moved.ts';

/** How a translated SOP stands against its source (ARCHITECTURE.md, Translations: freshness). */
export type Freshness =
  /** It translates the source's current version. */
  | { status: 'current'; version: string }
  /** The source has moved on; `sections` changed since (numbered as the source numbers them now), when the old text is in git. */
  | { status: 'outdated'; from: string; to: string; sections: SectionRef[] | undefined; note?: string }
  /** `translationOf.version` is not a version of the source's history. */
  | { status: 'unknown-version'; version: string; known: string[] }
  /** The translation or its source does not validate: nothing can be said. */
  | { status: 'unknown' };

/** Every version an SOP has had: the current one and its revision history. */
export function versionsOf(sop: SopDoc): string[] {
  const d = sop.data;
  return d ? [...new Set([d.version, ...d.history.map((h) => h.version)])] : [];
}

/**
 * Compares a translation with its source: up to date, or out of date by which sections (the
 * source at the translated version, read from git, aligned with the current source by
 * `alignSections`, the comparison `sopkit diff` uses; `alignedVersion` reads and parses each
 * version once per source text).
 * @param root Project root (inside the git work tree for old versions).
 * @param source The source SOP as loaded.
 * @param version The source version the translation names.
 */
export function freshnessOf(root: string, source: SopDoc, version: string | undefined): Freshness {
  const current = source.data?.version;
  if (!current || !version) return { status: 'unknown' };
  if (version === current) return { status: 'current', version };
  if (!versionsOf(source).includes(version)) return { status: 'unknown-version', version, known: versionsOf(source) };
  const old = alignedVersion(root, source, version);
  if (!old) return { status: 'outdated', from: version, to: current, sections: undefined, note: `the text of ${version} is not in git, so the sections changed since cannot be named` };
  // A section that only took a new number (one was inserted or removed before it) needs no new
  // translation: the translation numbers its own headings.
  const renumberedOnly = (c: SectionChange) => c.status === 'moved' && !c.title && !c.blocks.length;
  const sections = old.changes.filter((c) => c.status !== 'unchanged' && !renumberedOnly(c) && c.from?.number !== '0' && c.to?.number !== '0').map((c) => (c.to ?? c.from)!);
  return { status: 'outdated', from: version, to: current, sections };
}

/**
 * The numbered sections of the source at the version a translation translates, to compare the
 * translation's structure with: the current file at its version, else git, else undefined.
 */
export function sourceOutlineAt(root: string, source: SopDoc, version: string | undefined): SectionText[] | undefined {
  if (!version || version === source.data?.version) return sectionsNow(source);
  return alignedVersion(root, source, version)?.before;
}

/**
 * Where two outlines of an SOP first differ: the index of the first section whose number or level
 * is not the other's (or that one of them lacks), or -1 when they are the same. What the check of
 * a translation and its review copy compare: section numbers are what links and registers cite.
 */
export function outlineMismatch(a: readonly { number: string; level: number }[], b: readonly { number: string; level: number }[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (!x || !y || x.number !== y.number || x.level !== y.level) return i;
  }
  return -1;
}
