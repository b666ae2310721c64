import { diffArrays, diffWords } from 'diff';

/** A run of text that stayed, was inserted or was deleted. */
export interface TextPart {
  text: string;
  kind: 'same' | 'ins' | 'del';
}

/** One paragraph (or list item, or table row) of a section, compared. */
export interface BlockChange {
  kind: 'same' | 'changed' | 'added' | 'removed';
  /** The words, marked: all `same` for a kept block, all `ins` for an added one. */
  parts: TextPart[];
}

/** Paragraphs that share less than this share of words are a deletion and an insertion, not an edit. */
const PAIR_THRESHOLD = 0.4;

const words = (text: string) => text.match(/\S+/g)?.length ?? 0;

/**
 * Word-level differences between two texts (jsdiff's `diffWords`: words and punctuation marks are
 * tokens, white space does not count), merged into runs.
 */
export function wordDiff(a: string, b: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const c of diffWords(a, b)) {
    const kind = c.added ? 'ins' : c.removed ? 'del' : 'same';
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += c.value;
    else parts.push({ text: c.value, kind });
  }
  return parts;
}

/**
 * How alike two texts are, 0–1: twice the words they share over the words of both (Dice), from
 * the word diff. Two empty texts are alike.
 */
export function similarity(a: string, b: string): number {
  const total = words(a) + words(b);
  if (total === 0) return 1;
  if (!a.trim() || !b.trim()) return 0;
  const same = wordDiff(a, b).reduce((n, p) => n + (p.kind === 'same' ? words(p.text) : 0), 0);
  return (2 * same) / total;
}

const whole = (text: string, kind: TextPart['kind']): TextPart[] => [{ text, kind }];

/**
 * Pairs the deleted and inserted blocks of one hunk that are edits of each other (in order, each
 * to the first alike enough), and orders the result as the new text reads.
 */
function pairHunk(removed: string[], added: string[]): BlockChange[] {
  const out: BlockChange[] = [];
  let r = 0;
  let a = 0;
  while (r < removed.length || a < added.length) {
    const rem = removed[r];
    if (rem === undefined) {
      out.push({ kind: 'added', parts: whole(added[a++]!, 'ins') });
      continue;
    }
    let match = -1;
    for (let j = a; j < added.length; j++) {
      if (similarity(rem, added[j]!) >= PAIR_THRESHOLD) {
        match = j;
        break;
      }
    }
    if (match < 0) {
      out.push({ kind: 'removed', parts: whole(rem, 'del') });
      r++;
      continue;
    }
    while (a < match) out.push({ kind: 'added', parts: whole(added[a++]!, 'ins') });
    out.push({ kind: 'changed', parts: wordDiff(rem, added[a++]!) });
    r++;
  }
  return out;
}

/**
 * Compares two lists of blocks: blocks are aligned first (jsdiff's `diffArrays`), then a deleted
 * block and an inserted block that are mostly the same words are shown as one edited block with
 * its words marked.
 * @param before Blocks of the older version.
 * @param after Blocks of the newer version.
 */
export function diffBlocks(before: readonly string[], after: readonly string[]): BlockChange[] {
  const out: BlockChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays([...before], [...after])) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const block of change.value) out.push({ kind: 'same', parts: whole(block, 'same') });
    }
  }
  flush();
  return out;
}

/** True when a block list holds any change. */
export function hasChanges(blocks: readonly BlockChange[]): boolean {
  return blocks.some((b) => b.kind !== 'same');
}

/**
 * The parts for reading: a deletion directly followed by an insertion (`information` → `personal
 * data`) gets a space between them, so the struck and the underlined words do not run together.
 */
export function readable(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  parts.forEach((p, i) => {
    const prev = parts[i - 1];
    if (p.kind === 'ins' && prev?.kind === 'del' && !/\s$/.test(prev.text) && !/^\s/.test(p.text)) out.push({ text: ' ', kind: 'same' });
    out.push(p);
  });
  return out;
}
