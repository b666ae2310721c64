import type { SectionText } from './sop-text.ts';
import { diffBlocks, hasChanges, similarity, type BlockChange, type TextPart } from './text-diff.ts';

/** A section as one version numbers and titles it. */
export interface SectionRef {
  number: string;
  title: string;
  anchor: string;
  level: number;
}

/** What happened to one section between two versions. */
export interface SectionChange {
  /**
   * `unchanged`; `modified` (same number, text or title edited); `moved` (renumbered, same title or
   * the same text, possibly edited too); `added`; `removed`.
   */
  status: 'unchanged' | 'modified' | 'moved' | 'added' | 'removed';
  /** The section in the older version (absent when added). */
  from?: SectionRef;
  /** The section in the newer version (absent when removed). */
  to?: SectionRef;
  /** The title, word by word, when it changed. */
  title?: TextPart[];
  /** The section's own text, block by block, when it changed (empty when the words are the same). */
  blocks: BlockChange[];
}

/** A renumbered section with this share of its words kept is "moved"; below, removed and added. */
const MOVED_SIMILARITY = 0.5;
/** A retitled and renumbered section must keep this much of its text to count as moved. */
const RETITLED_SIMILARITY = 0.8;

const ref = (s: SectionText): SectionRef => ({ number: s.number, title: s.title, anchor: s.anchor, level: s.level });
const norm = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');
const textOf = (s: SectionText) => s.blocks.map((b) => b.text).join('\n');

function change(a: SectionText, b: SectionText): SectionChange {
  const blocks = diffBlocks(a.blocks, b.blocks);
  const retitled = norm(a.title) !== norm(b.title);
  const status = a.number !== b.number ? 'moved' : retitled || hasChanges(blocks) ? 'modified' : 'unchanged';
  return {
    status,
    from: ref(a),
    to: ref(b),
    ...(retitled ? { title: [{ text: a.title, kind: 'del' as const }, { text: ' ', kind: 'same' as const }, { text: b.title, kind: 'ins' as const }] } : {}),
    // A section whose text did not change carries none: the comparison says what changed.
    blocks: hasChanges(blocks) ? blocks : [],
  };
}

/**
 * Aligns the sections of two versions: first by number and title; then a section whose title is
 * found under another number, with similar text, is moved; then a section keeping its number under
 * a new title, with similar text, is retitled; then any remaining pair with nearly the same text is
 * moved and retitled. What is left was removed or added.
 * @param before Sections of the older version.
 * @param after Sections of the newer version.
 * @returns One change per section, in the order of the newer version, each removed section placed
 *   after the section that preceded it.
 */
export function alignSections(before: readonly SectionText[], after: readonly SectionText[]): SectionChange[] {
  const match = new Map<number, number>(); // after index → before index
  const used = new Set<number>();
  const pair = (test: (a: SectionText, b: SectionText) => number | false) => {
    after.forEach((b, j) => {
      if (match.has(j)) return;
      let best = -1;
      let bestScore = -Infinity;
      before.forEach((a, i) => {
        if (used.has(i)) return;
        const score = test(a, b);
        if (score !== false && score > bestScore) [best, bestScore] = [i, score];
      });
      if (best >= 0) {
        match.set(j, best);
        used.add(best);
      }
    });
  };
  pair((a, b) => a.number === b.number && norm(a.title) === norm(b.title) && 1);
  pair((a, b) => {
    if (norm(a.title) !== norm(b.title)) return false;
    const s = similarity(textOf(a), textOf(b));
    return s >= MOVED_SIMILARITY && s;
  });
  pair((a, b) => {
    if (a.number !== b.number) return false;
    const s = similarity(textOf(a), textOf(b));
    return s >= MOVED_SIMILARITY && s;
  });
  pair((a, b) => {
    if (!a.blocks.length || !b.blocks.length) return false;
    const s = similarity(textOf(a), textOf(b));
    return s >= RETITLED_SIMILARITY && s;
  });
  const out: SectionChange[] = after.map((b, j) => {
    const i = match.get(j);
    return i === undefined ? { status: 'added', to: ref(b), blocks: diffBlocks([], b.blocks) } : change(before[i]!, b);
  });
  // Removed sections go after the change that holds the section before them in the older version.
  before.forEach((a, i) => {
    if (used.has(i)) return;
    const removed: SectionChange = { status: 'removed', from: ref(a), blocks: diffBlocks(a.blocks, []) };
    let k = -1;
    for (let p = i - 1; p >= 0 && k < 0; p--) k = out.findIndex((c) => c.from?.number === before[p]!.number && c.status !== 'added');
    out.splice(k + 1, 0, removed);
  });
  return out;
}
