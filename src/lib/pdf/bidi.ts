import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { scriptRuns, type Script } from '../fonts/index.ts';

/** A base direction: of a document, a paragraph or a line. */
export type Direction = 'ltr' | 'rtl';

const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, N'Ko... and the Hebrew and Arabic presentation forms: text that needs the bidi algorithm. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Whether a text has a right-to-left character (otherwise, in a left-to-right document, it is drawn as it is). */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

const levelCache = new Map<string, EmbeddingLevels>();

/**
 * UAX #9 embedding levels of a paragraph (bidi-js), for a base direction; cached, since a
 * paragraph's lines are drawn one by one and each needs the levels of the whole paragraph.
 * @param text The paragraph, in logical order.
 * @param dir Base direction (the document's).
 */
export function levelsOf(text: string, dir: Direction): EmbeddingLevels {
  // A paragraph with no right-to-left letter in a right-to-left document (an English course title,
  // a participant's comment written in English) reads left to right: its full stop and brackets
  // stay at its end (UAX #9 P2 would take its first strong letter; a paragraph with any Arabic
  // keeps the document's direction, so "SOP-CR-01 ..." followed by Arabic stays right to left).
  if (dir === 'rtl' && !hasRtl(text) && /\p{L}/u.test(text)) dir = 'ltr';
  const key = `${dir}\u0000${text}`;
  let levels = levelCache.get(key);
  if (!levels) {
    if (levelCache.size > 2000) levelCache.clear();
    levels = bidi.getEmbeddingLevels(text, dir);
    keepUnitsTogether(text, levels.levels);
    levelCache.set(key, levels);
  }
  return levels;
}

/**
 * ISO dates, web addresses, time ranges (08:30–09:00) and negative numbers (−0.54, not after a
 * letter or digit, so "CR-01" and "1-2" are not): read left to right as a whole.
 */
const LTR_UNITS = /[0-9\u0660-\u0669]{4}-[0-9\u0660-\u0669]{2}-[0-9\u0660-\u0669]{2}|https?:\/\/[^\s\u0600-\u06FF]+|[0-9\u0660-\u0669]{1,2}:[0-9\u0660-\u0669]{2}\s?[–-]\s?[0-9\u0660-\u0669]{1,2}:[0-9\u0660-\u0669]{2}|(?<![\p{L}\p{N}])[\u2212-][0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)?/gu;

/**
 * Keeps ISO dates (2026-03-15), web addresses, time ranges (08:30–09:00) and negative numbers
 * as one left-to-right unit, as an author would with an isolate; a time range alone in a cell
 * would otherwise print as 09:00–08:30, and −0.54 as 0.54− (a minus sign is a separator, which
 * takes the paragraph's direction where no number follows it on both sides). After Arabic letters, UAX #9 makes a date's digit groups Arabic numbers and its
 * hyphens right to left, so it would print as 15-03-2026; an address's final slash would move to
 * its other end. Every character takes the highest level in the unit (its left-to-right level).
 */
function keepUnitsTogether(text: string, levels: Uint8Array): void {
  for (const m of text.matchAll(LTR_UNITS)) {
    const end = m.index + m[0].length;
    let level = 0;
    for (let i = m.index; i < end; i++) level = Math.max(level, levels[i] ?? 0);
    levels.fill(level, m.index, end);
  }
}

/** A piece of a line in one run (inline), one level and one face, as drawn from left to right. */
export interface Chunk {
  /** Index of the run it comes from. */
  run: number;
  /** Logical range in the line's text, end exclusive. */
  start: number;
  end: number;
  /** Embedding level: odd is right to left. */
  level: number;
  script: Script;
}

/**
 * Splits a line into chunks in visual order (UAX #9 rule L2, after line breaking): the runs'
 * texts are contiguous in `paragraph` from `offset`; levels come from the whole paragraph.
 * Within a chunk the characters are still in logical order: an odd chunk is drawn right to left.
 * @param texts Texts of the runs on the line, in logical order.
 * @param paragraph The paragraph the line belongs to (or the line itself).
 * @param offset Where the line starts in `paragraph`.
 * @param dir Base direction.
 */
export function visualChunks(texts: readonly string[], paragraph: string, offset: number, dir: Direction): Chunk[] {
  const line = texts.join('');
  if (!line) return [];
  const levels = levelsOf(paragraph, dir);
  const runOf = new Array<number>(line.length);
  const scriptOf = new Array<Script>(line.length);
  let at = 0;
  texts.forEach((text, r) => {
    // Faces are decided per run and word, as the layout measured them (src/lib/fonts/scripts.ts).
    for (const s of scriptRuns(text)) {
      for (let k = 0; k < s.text.length; k++) scriptOf[at + k] = s.script;
      at += s.text.length;
    }
    runOf.fill(r, at - text.length, at);
  });
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [s, e] of bidi.getReorderSegments(paragraph, levels, offset, offset + line.length - 1)) {
    const a = s! - offset;
    const b = e! - offset;
    order.splice(a, b - a + 1, ...order.slice(a, b + 1).reverse());
  }
  const local = levels.levels.slice(offset, offset + line.length);
  // Rule L1: white space at the end of a line takes the paragraph's level.
  const base = levels.paragraphs.find((p) => p.start <= offset && offset <= p.end)?.level ?? (dir === 'rtl' ? 1 : 0);
  for (let i = line.length - 1; i >= 0 && /\s/.test(line[i]!); i--) local[i] = base;
  const levelAt = (i: number) => local[i] ?? 0;
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let previous = -2;
  for (const i of order) {
    const level = levelAt(i);
    const step = level % 2 ? -1 : 1;
    if (current && current.run === runOf[i] && current.level === level && current.script === scriptOf[i] && i === previous + step) {
      if (step > 0) current.end = i + 1;
      else current.start = i;
    } else {
      current = { run: runOf[i]!, start: i, end: i + 1, level, script: scriptOf[i]! };
      chunks.push(current);
    }
    previous = i;
  }
  return chunks;
}

/** The text of an odd (right-to-left) chunk with its brackets and other paired signs mirrored (rule L4). */
export function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}
