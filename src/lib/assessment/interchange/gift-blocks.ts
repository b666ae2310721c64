/**
 * GIFT text cut into questions the way Moodle's importer cuts it (question/format/gift): a
 * question ends at a blank line. Each block keeps its place in the file, so every message about
 * a question can name its line, and one question that cannot be read does not sink the others.
 */

/** One question (or `$CATEGORY:` line) of a GIFT file, with the comment lines just above it. */
export interface GiftBlock {
  /** The block's text, comments included (SOPKit's `// [id:] [tag:]` line is one). */
  text: string;
  /** File line of the block's first line. */
  firstLine: number;
  /** File line of the question itself (its first line that is not a comment). */
  line: number;
  /** Column where the question starts on that line. */
  column: number;
  /** `::name::` when the question has one. */
  name: string | undefined;
}

const isComment = (line: string) => /^\s*\/\//.test(line);

/**
 * Splits a GIFT file into blocks separated by blank lines; blocks of comments only are left out.
 * @param text The GIFT text.
 */
export function giftBlocks(text: string): GiftBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: GiftBlock[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start === -1) return;
    const chunk = lines.slice(start, end);
    const first = chunk.findIndex((l) => !isComment(l));
    if (first !== -1) {
      const body = chunk.slice(first).join('\n');
      const name = /^\s*::((?:\\.|[^:\\]|:(?!:))*)::/.exec(body)?.[1]?.replace(/\\(.)/g, '$1').trim();
      const column = (chunk[first] ?? '').search(/\S/) + 1;
      blocks.push({ text: chunk.join('\n'), firstLine: start + 1, line: start + first + 1, column, name: name || undefined });
    }
    start = -1;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') close(i);
    else if (start === -1) start = i;
  });
  close(lines.length);
  return blocks;
}

/**
 * The question type of a block, in Moodle's words, read from its answer part: used to name a
 * question that the GIFT parser could not read (Moodle accepts a few forms it does not).
 * @param block The block's text.
 */
export function guessGiftType(block: string): string {
  const open = /(?<!\\)\{/.exec(block);
  if (!open) return 'description';
  const answers = block.slice(open.index + 1, block.search(/(?<!\\)\}/) === -1 ? undefined : block.search(/(?<!\\)\}/));
  if (answers.trim() === '') return 'essay';
  if (/^\s*#/.test(answers)) return 'numerical';
  if (/->/.test(answers)) return 'matching';
  if (/^\s*(T|F|TRUE|FALSE)\b/.test(answers)) return 'true/false';
  if (!/(?<!\\)~/.test(answers)) return 'short answer';
  return 'multiple choice';
}
