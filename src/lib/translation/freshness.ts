import type { SopDoc } from '../content/project.ts';
import { alignSections, type SectionRef } from '../lifecycle/diff/sections.ts';
import { sopText, type SectionText } from '../lifecycle/diff/sop-text.ts';
import { sopTextAtVersion } from '../lifecycle/versions.ts';

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
 * Each source's freshness against a version (by root, id and version), for the source text it
 * was computed from: a new text replaces the entry, so a dev server keeps one per SOP and version.
 */
const cache = new Map<string, { text: string; result: Freshness }>();

/** The sections of a source text, as the diff reads them. */
function sectionsOf(sop: SopDoc, text: string): SectionText[] {
  return sopText(sop.id, sop.file, sop.absPath, text).sections;
}

/**
 * Compares a translation with its source: up to date, or out of date by which sections (the
 * source at the translated version, read from git, aligned with the current source by
 * `alignSections`, the comparison `sopkit diff` uses). Cached per source text and version.
 * @param root Project root (inside the git work tree for old versions).
 * @param source The source SOP as loaded.
 * @param version The source version the translation names.
 */
export function freshnessOf(root: string, source: SopDoc, version: string | undefined): Freshness {
  const current = source.data?.version;
  if (!current || !version) return { status: 'unknown' };
  if (version === current) return { status: 'current', version };
  if (!versionsOf(source).includes(version)) return { status: 'unknown-version', version, known: versionsOf(source) };
  const key = `${root}\0${source.id}\0${version}`;
  const hit = cache.get(key);
  if (hit?.text === source.source) return hit.result;
  const old = sopTextAtVersion(root, source.file, version);
  let result: Freshness;
  if (!old) result = { status: 'outdated', from: version, to: current, sections: undefined, note: `the text of ${version} is not in git, so the sections changed since cannot be named` };
  else {
    const changes = alignSections(sectionsOf(source, old.text), sectionsOf(source, source.source));
    // A section that only took a new number (one was inserted or removed before it) needs no new
    // translation: the translation numbers its own headings.
    const renumberedOnly = (c: (typeof changes)[number]) => c.status === 'moved' && !c.title && !c.blocks.length;
    const sections = changes.filter((c) => c.status !== 'unchanged' && !renumberedOnly(c) && c.from?.number !== '0' && c.to?.number !== '0').map((c) => (c.to ?? c.from)!);
    result = { status: 'outdated', from: version, to: current, sections };
  }
  cache.set(key, { text: source.source, result });
  return result;
}

/**
 * The numbered sections of the source at the version a translation translates, to compare the
 * translation's structure with: the current file at its version, else git, else undefined.
 */
export function sourceOutlineAt(root: string, source: SopDoc, version: string | undefined): SectionText[] | undefined {
  if (!version || version === source.data?.version) return sectionsOf(source, source.source);
  const old = sopTextAtVersion(root, source.file, version);
  return old ? sectionsOf(source, old.text) : undefined;
}
