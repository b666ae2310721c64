import LineBreaker from 'linebreak';
import type { FontStyle } from '../fonts/index.ts';
import { measureWords as measureWordsOfFonts } from '../fonts/index.ts';
import type { Inline } from './inline.ts';

/** A piece of one inline on a line. */
export interface LinePiece {
  inline: Inline;
  text: string;
  /** Offset from the start of the line. */
  x: number;
  width: number;
  /** Where the piece's text starts in the paragraph's text (for the bidi levels of the paragraph). */
  start?: number;
}

/** One broken line. */
export interface Line {
  pieces: LinePiece[];
  width: number;
  /** The text of the whole paragraph the line was broken from: its pieces are slices of it. */
  paragraph?: string;
}

/** Measures a text in a face at a size; per-word cached (see src/lib/fonts measureAdvance). */
export type Measure = (text: string, size: number, style: FontStyle) => number;

/** Width of a text, summed per word so that measuring and drawing agree (and the cache hits). */
export const measureWords: Measure = measureWordsOfFonts;

interface Segment {
  parts: { inline: Inline; text: string; start: number }[];
  /** Width without the trailing spaces. */
  width: number;
  /** Width of the trailing spaces. */
  space: number;
  required: boolean;
}

/** UAX #14 break opportunities of a text: where each breakable piece ends, and whether the break is required. */
interface Breaks {
  ends: number[];
  required: boolean[];
}

/**
 * Break opportunities per paragraph text, shared by every document of a thread: an SOP's text is
 * broken into lines for its handbook, its trainer edition and its review copy (at other widths,
 * but at the same opportunities), and finding them was most of the line breaker's time. Cleared
 * when it grows past `MAX_BREAKS` texts, so memory stays bounded at any library size.
 */
const breaksCache = new Map<string, Breaks>();
const MAX_BREAKS = 20000;

/**
 * A number range's en dash between its digits (`960–2,950`, `٤–٦`, `08:30–09:00`): UAX #14 lets a
 * line break after it, which left `(960–` on one line and `2,950)` on the next; right to left the
 * first line read `–960)` and a limit `4,800–` read as the negative `–4,800`. A range stays whole.
 */
const RANGE_DASH = /[0-9\u0660-\u0669\u06F0-\u06F9]\u2013$/;
const DIGIT = /^[0-9\u0660-\u0669\u06F0-\u06F9]/;

function insideRange(text: string, position: number): boolean {
  return position < text.length && DIGIT.test(text.slice(position, position + 1)) && RANGE_DASH.test(text.slice(Math.max(0, position - 2), position));
}

/** A web address: its scheme and host (`https://sopkit.example.org`), then the rest up to a space. */
const URL_ADDRESS = /\b(?:https?|ftp):\/\/[^\s/]*[^\s]*/g;

/**
 * The positions inside web addresses where a line may not break: every one but those just after a
 * slash of the path. UAX #14 lets a line break after `https://` and after a hyphen of the path:
 * the Arabic trainer's guide printed `https://` at the end of one line and the host on the next,
 * and `…/modules/data-` / `quality-fraud-protection/`, where the hyphen read as the line's.
 */
function insideAddresses(text: string): Set<number> {
  const inside = new Set<number>();
  if (!text.includes('://')) return inside;
  for (const m of text.matchAll(URL_ADDRESS)) {
    const start = m.index;
    const end = start + m[0].length;
    const host = text.indexOf('/', text.indexOf('://', start) + 3);
    const path = host === -1 || host > end ? end : host;
    for (let p = start + 1; p < end; p++) if (p <= path || text[p - 1] !== '/') inside.add(p);
  }
  return inside;
}

function breaksOf(text: string): Breaks {
  let breaks = breaksCache.get(text);
  if (!breaks) {
    breaks = { ends: [], required: [] };
    const breaker = new LineBreaker(text);
    const addresses = insideAddresses(text);
    for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
      if (!brk.required && (insideRange(text, brk.position) || addresses.has(brk.position))) continue;
      breaks.ends.push(brk.position);
      breaks.required.push(brk.required);
    }
    if (breaksCache.size >= MAX_BREAKS) breaksCache.clear();
    breaksCache.set(text, breaks);
  }
  return breaks;
}

/** Splits inlines at UAX #14 break opportunities into measured segments. */
function segments(text: string, inlines: readonly Inline[], size: number, measure: Measure): Segment[] {
  // Where each inline ends in the text; a piece belongs to the first inline that reaches past it.
  const bounds: number[] = [];
  let reach = 0;
  for (const inline of inlines) bounds.push((reach += inline.text.length));
  const out: Segment[] = [];
  const { ends, required } = breaksOf(text);
  let start = 0;
  let index = 0;
  for (let b = 0; b < ends.length; b++) {
    const end = ends[b]!;
    if (end <= start) continue;
    const parts: Segment['parts'] = [];
    let k = start;
    while (k < end) {
      while (bounds[index]! <= k) index++;
      const e = Math.min(end, bounds[index]!);
      parts.push({ inline: inlines[index]!, text: text.slice(k, e), start: k });
      k = e;
    }
    // Trailing spaces (and a newline of a hard break) hang in the margin.
    const last = parts[parts.length - 1]!;
    const trimmed = last.text.replace(/[ \n]+$/, '');
    const trailing = last.text.length - trimmed.length;
    let width = 0;
    for (let p = 0; p < parts.length - 1; p++) width += measure(parts[p]!.text, size, parts[p]!.inline.style);
    width += measure(trimmed, size, last.inline.style);
    const space = trailing ? measure(' ', size, last.inline.style) * trailing : 0;
    out.push({ parts, width, space, required: required[b]! });
    start = end;
  }
  return out;
}

/** Breaks a segment too wide for any line between characters (long URLs, codes). */
function splitWide(seg: Segment, maxWidth: number, size: number, measure: Measure): Segment[] {
  const out: Segment[] = [];
  let current: Segment = { parts: [], width: 0, space: 0, required: false };
  for (const part of seg.parts) {
    let offset = part.start;
    for (const ch of Array.from(part.text)) {
      const at = offset;
      offset += ch.length;
      const w = measure(ch, size, part.inline.style);
      if (current.width + w > maxWidth && current.parts.length) {
        out.push(current);
        current = { parts: [], width: 0, space: 0, required: false };
      }
      const last = current.parts.at(-1);
      if (last && last.inline === part.inline) last.text += ch;
      else current.parts.push({ inline: part.inline, text: ch, start: at });
      current.width += w;
    }
  }
  current.required = seg.required;
  current.space = seg.space;
  out.push(current);
  return out;
}

/**
 * Breaks inlines into lines no wider than `maxWidth` (first fit, UAX #14 opportunities, ragged
 * on the end side). A word wider than the line is broken between characters; required breaks are
 * kept. Lines stay in logical order: each keeps its paragraph's text, and right-to-left text is
 * put in visual order only when drawn (src/lib/pdf/bidi.ts).
 * @param inlines The runs, white space already collapsed.
 * @param maxWidth Line width in points.
 * @param size Font size in points.
 * @param measure Width function (per-word cached by default).
 */
export function breakLines(inlines: readonly Inline[], maxWidth: number, size: number, measure: Measure = measureWords): Line[] {
  const text = inlines.map((i) => i.text).join('');
  const lines: Line[] = [];
  let current: Segment[] = [];
  let width = 0;
  const flush = () => {
    if (current.length) lines.push(toLine(current, text, size, measure));
    current = [];
    width = 0;
  };
  for (const seg of segments(text, inlines, size, measure)) {
    const pieces = seg.width > maxWidth ? splitWide(seg, maxWidth, size, measure) : [seg];
    for (const piece of pieces) {
      if (current.length && width + piece.width > maxWidth) flush();
      current.push(piece);
      width += piece.width + piece.space;
      if (piece.required) flush();
    }
  }
  flush();
  return lines;
}

function toLine(segs: Segment[], paragraph: string, size: number, measure: Measure): Line {
  const pieces: LinePiece[] = [];
  let x = 0;
  segs.forEach((seg, si) => {
    seg.parts.forEach((part, pi) => {
      const isEnd = si === segs.length - 1 && pi === seg.parts.length - 1;
      const text = isEnd ? part.text.replace(/[ \n]+$/, '') : part.text.replace(/\n/g, '');
      if (!text) return;
      const width = measure(text, size, part.inline.style);
      const prev = pieces.at(-1);
      if (prev && prev.inline === part.inline) {
        prev.text += text;
        prev.width += width;
      } else pieces.push({ inline: part.inline, text, x, width, start: part.start });
      x += width;
    });
  });
  return { pieces, width: x, paragraph };
}
