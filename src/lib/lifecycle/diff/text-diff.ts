import { diffArrays, diffWords } from 'diff';

/** A run of text that stayed, was inserted or was deleted. */
export interface TextPart {
  text: string;
  kind: 'same' | 'ins' | 'del';
}

/** Between the labelled values of one block: `Who: Registrar · Time limit: Same day`. */
export const FIELD_SEPARATOR = ' · ';

/**
 * How a block reads, beside its words: what the redline prints it as. The words alone are
 * compared; a block takes its shape from the newer version.
 */
export interface BlockShape {
  /**
   * `paragraph`; `item`: a list item, its marker (`1.`, `•`, `☐`) leading the words; `fields`:
   * labelled values, a step's facts or a table row (`Who: Registrar · Time limit: Same day`);
   * `title`: the title of a box, a checklist, a table or a form.
   */
  form: 'paragraph' | 'item' | 'fields' | 'title';
  /** List nesting: 1 for an item of a list (or a paragraph inside one), 2 for a list inside it... */
  depth?: number;
  /** The labels in the words (`Who: `), each at the start or after `FIELD_SEPARATOR`. */
  labels?: string[];
  /** For a row of a table: the label of each column, in order (the rows of one table share them). */
  columns?: string[];
  /** The box it is printed in, as the SOP prints it: a callout's type, `case`, `trainer`. */
  box?: 'note' | 'warning' | 'data-protection' | 'fraud-risk' | 'case' | 'trainer';
  /** The first block of its box (a new box starts here). */
  opens?: boolean;
}

/** One paragraph, list item, step or table row of a version: its words and how it reads. */
export interface TextBlock extends BlockShape {
  text: string;
}

/** One paragraph (or list item, or table row) of a section, compared. */
export interface BlockChange extends BlockShape {
  kind: 'same' | 'changed' | 'added' | 'removed';
  /** The box the older version printed it in, when it moved (a note made a warning): `null` for none. */
  boxWas?: BlockShape['box'] | null;
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

/** The shape of a block, without its words. */
function shapeOf(block: TextBlock): BlockShape {
  const { text: _text, ...shape } = block;
  return shape;
}

const whole = (block: TextBlock, kind: BlockChange['kind'], mark: TextPart['kind']): BlockChange => ({ kind, ...shapeOf(block), parts: [{ text: block.text, kind: mark }] });

/** A block's words without its labels: two steps or two rows of a table are not alike for sharing `Who:`. */
function values(block: TextBlock): string {
  if (!block.labels?.length) return block.text;
  return block.text.split(FIELD_SEPARATOR).map((field) => block.labels!.reduce((f, label) => (f.startsWith(label) ? f.slice(label.length) : f), field)).join(' ');
}

/** An edited block: the words of both marked, the shape of the newer, the labels of both. */
function edited(before: TextBlock, after: TextBlock): BlockChange {
  const labels = [...new Set([...(after.labels ?? []), ...(before.labels ?? [])])];
  return { kind: 'changed', ...shapeOf(after), ...(labels.length ? { labels } : {}), ...(before.box !== after.box ? { boxWas: before.box ?? null } : {}), parts: wordDiff(before.text, after.text) };
}

/**
 * Pairs the deleted and inserted blocks of one hunk that are edits of each other (in order, each
 * to the first alike enough), and orders the result as the new text reads.
 */
function pairHunk(removed: TextBlock[], added: TextBlock[]): BlockChange[] {
  const out: BlockChange[] = [];
  let r = 0;
  let a = 0;
  while (r < removed.length || a < added.length) {
    const rem = removed[r];
    if (rem === undefined) {
      out.push(whole(added[a++]!, 'added', 'ins'));
      continue;
    }
    let match = -1;
    for (let j = a; j < added.length; j++) {
      if (similarity(values(rem), values(added[j]!)) >= PAIR_THRESHOLD) {
        match = j;
        break;
      }
    }
    if (match < 0) {
      out.push(whole(rem, 'removed', 'del'));
      r++;
      continue;
    }
    while (a < match) out.push(whole(added[a++]!, 'added', 'ins'));
    out.push(edited(rem, added[a++]!));
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
export function diffBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockChange[] {
  const out: BlockChange[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    out.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  // Blocks are equal when their words and their box are (a note made a warning, its words kept,
  // was "0 changed"); jsdiff gives a kept block as the newer version has it.
  for (const change of diffArrays([...before], [...after], { comparator: (x, y) => x.text === y.text && x.box === y.box })) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const block of change.value) out.push(whole(block, 'same', 'same'));
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

/** A run of marked words, and whether it is a label (`Who: `) of its block, to set in bold. */
export interface MarkedRun extends TextPart {
  label?: boolean;
}

/**
 * The parts of a block for reading (`readable`), cut where its labels (`Who: `) start and end, so
 * a renderer sets them in bold: a label counts where it starts the block or follows
 * `FIELD_SEPARATOR`, in the words of both versions read together.
 */
export function labelledRuns(block: Pick<BlockChange, 'parts' | 'labels'>): MarkedRun[] {
  const parts = readable(block.parts);
  if (!block.labels?.length) return parts;
  const text = parts.map((p) => p.text).join('');
  const inLabel = new Uint8Array(text.length);
  for (const label of block.labels) {
    for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
      if (at === 0 || text.slice(0, at).endsWith(FIELD_SEPARATOR)) inLabel.fill(1, at, at + label.length);
    }
  }
  const out: MarkedRun[] = [];
  let offset = 0;
  for (const p of parts) {
    let start = 0;
    for (let i = 1; i <= p.text.length; i++) {
      if (i < p.text.length && inLabel[offset + i] === inLabel[offset + start]) continue;
      out.push({ text: p.text.slice(start, i), kind: p.kind, ...(inLabel[offset + start] ? { label: true } : {}) });
      start = i;
    }
    offset += p.text.length;
  }
  return out;
}

/**
 * A table row's marked words cut into its cells, one per column (`columns`, the labels), without
 * the labels and the separators between fields: for a redline that prints the rows of a table as
 * a table. Undefined when the words do not fall into the columns (text before the first label, a
 * label that is not a column): print the row as it reads then.
 * @param block The compared row.
 * @param columns The labels of the columns, in order.
 */
export function rowCells(block: Pick<BlockChange, 'parts' | 'labels'>, columns: readonly string[]): MarkedRun[][] | undefined {
  const cells: MarkedRun[][] = columns.map(() => []);
  let column = -1;
  let label = '';
  for (const run of labelledRuns(block)) {
    if (run.label) {
      label += run.text;
      continue;
    }
    if (label) {
      column = columns.indexOf(label);
      label = '';
      if (column < 0) return undefined;
      // The same column named twice (a field deleted and inserted whole): its words side by side.
      const cell = cells[column]!;
      if (cell.length && !/\s$/.test(cell.at(-1)!.text)) cell.push({ text: ' ', kind: 'same' });
    }
    if (column < 0) {
      if (run.text.trim()) return undefined;
      continue;
    }
    cells[column]!.push(run);
  }
  if (label) return undefined;
  // The separator before the next field ends the cell before it.
  const separator = /\s*·\s*$/;
  for (const cell of cells) {
    while (cell.length && (separator.test(cell.at(-1)!.text) || !cell.at(-1)!.text.trim())) {
      const last = cell.at(-1)!;
      const text = last.text.replace(separator, '').trimEnd();
      if (text) {
        cell[cell.length - 1] = { ...last, text };
        break;
      }
      cell.pop();
    }
  }
  return cells;
}
