import type { Position } from '../diagnostics.ts';

/**
 * Most levels of lists and block quotes inside each other, and most components open inside each
 * other, that an SOP or module body may have. Real SOPs nest lists three or four levels and
 * components (a <Checklist> in a <Step> in a <Session>) about as much; 32 is eight times that,
 * and far below where parsing gets slow: the Markdown parser's time grows faster than the depth
 * (a list 250 levels deep took 11 s to check, 1,000 levels 59 s, 3,000 levels more than 550 s),
 * and 5,000 nested components or 20,000 nested quotes overflowed its stack.
 */
export const MAX_NESTING = 32;

/** Where a body nests too deep, and what to say. */
export interface NestingProblem {
  message: string;
  at: Position;
}

/** Columns a run of spaces and tabs takes (a tab to the next multiple of 4, as CommonMark has it). */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w = ch === '\t' ? w + 4 - (w % 4) : w + 1;
  return w;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
/**
 * Most `*` and `_` in one run. Each pair of a run around text opens an emphasis inside the last:
 * 10,000 on each side of a word overflowed the parser's stack ("internal error", no file named),
 * 50,000 took 265 s. Text never has more than three; a blank to fill in on a form, `______`, a
 * line's width at most (about 90).
 */
export const MAX_EMPHASIS_RUN = 200;
const EMPHASIS_RUN = new RegExp(`[*_]{${MAX_EMPHASIS_RUN + 1},}`);
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const SPECIAL = /[<`\\]/g;

/**
 * Finds lists, block quotes or components nested more than `MAX_NESTING` deep in an MDX body,
 * with one pass over its lines, before the body goes to the parser (`parseMdx`). It errs on the
 * side of counting a level too many, never of letting a deep one through: list depth comes from
 * the markers on each line (`- - x` is two lists) and the indentation of the items above it;
 * quote depth from the `>` at a line's start; component depth from `<Name` tags not yet closed
 * (`</Name>`, or `/>`), skipping inline code and fenced code blocks.
 * @param body The body (frontmatter lines blanked), as `parseMdx` gets it.
 * @returns The first place the limit is passed, or undefined.
 */
export function nestingProblem(body: string): NestingProblem | undefined {
  // For each depth of block quote, the content columns of the list items open in it, outermost first.
  const items: number[][] = [[]];
  // Opening tags not yet closed: their names.
  const open: string[] = [];
  let fence: { char: string; length: number; quotes: number; indent: number } | undefined;
  // Inside a tag that runs on from an earlier line: its quote, or how deep in braces.
  let inTag: { quote: string; braces: number } | undefined;
  let afterBlank = true;
  const lines = body.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    const at = (index: number): Position => ({ line: n + 1, column: index + 1 });
    const blank = /^[ \t]*$/.test(line);
    // The container markers at the line's start: quotes (`>`) and list items (`-`, `1.`).
    let i = 0;
    let quotes = 0;
    let itemsHere = 0;
    let content = 0;
    // A line that goes on with a tag begun above (`>` closing `<Step` on a line of its own) starts no block.
    while (!inTag) {
      const space = /^[ \t]*/.exec(line.slice(i))![0];
      const column = widthOf(line.slice(0, i + space.length));
      const after = line.slice(i + space.length);
      const marker = after.startsWith('>') ? '>' : LIST_MARKER.exec(after)?.[0];
      const level = (items[quotes] ??= []);
      // A line that starts no block and follows text may be a lazy continuation: it ends no list.
      if ((marker || afterBlank) && !blank) while (level.length && level[level.length - 1]! > column) level.pop();
      content = i + space.length;
      if (!marker) break;
      i += space.length + marker.length;
      if (marker === '>') quotes++;
      else {
        // An item's content starts at least one column after its marker: a line indented that far is inside it.
        level.push(column + marker.length + 1);
        itemsHere++;
      }
      let depth = quotes;
      for (let q = 0; q <= quotes; q++) depth += items[q]?.length ?? 0;
      if (depth > MAX_NESTING) {
        return { message: `lists and block quotes are nested ${depth} levels deep here, more than ${MAX_NESTING}: no procedure needs that many; flatten them into fewer levels`, at: at(i - 1) };
      }
    }
    const rest = line.slice(content);
    const itemColumn = items[quotes]?.at(-1) ?? 0;
    if (fence) {
      // A fence ends at its closing line, or where the quote or list item it is in ends.
      const closes = quotes === fence.quotes && new RegExp(`^\\${fence.char}{${fence.length},}[ \\t]*$`).test(rest);
      const containerEnds = !blank && (quotes < fence.quotes || widthOf(line.slice(0, content)) < fence.indent);
      if (closes) fence = undefined;
      if (closes || !containerEnds) {
        afterBlank = blank;
        continue;
      }
      fence = undefined;
    }
    afterBlank = blank;
    const emphasis = EMPHASIS_RUN.exec(rest);
    if (emphasis) {
      return { message: `${emphasis[0].length} * and _ in a row here, more than ${MAX_EMPHASIS_RUN}: Markdown reads each pair as emphasis inside the last; write a blank to fill in as a shorter line of _, or escape them (\\* \\_)`, at: at(content + emphasis.index) };
    }
    const opener = FENCE.exec(rest);
    if (opener && !inTag && !(opener[1]![0] === '`' && opener[2]!.includes('`'))) {
      fence = { char: opener[1]![0]!, length: opener[1]!.length, quotes, indent: itemsHere || items[quotes]?.length ? itemColumn : 0 };
      continue;
    }
    // Component tags on the line (a tag may run on over several lines).
    for (let k = content; k < line.length; k++) {
      if (!inTag) {
        // Jump to the next character that can start a tag, code or an escape.
        SPECIAL.lastIndex = k;
        const next = SPECIAL.exec(line);
        if (!next) break;
        k = next.index;
      }
      const ch = line[k]!;
      if (inTag) {
        if (inTag.quote) {
          if (ch === inTag.quote) inTag.quote = '';
        } else if (inTag.braces) {
          if (ch === '{') inTag.braces++;
          else if (ch === '}') inTag.braces--;
        } else if (ch === '"' || ch === "'") inTag.quote = ch;
        else if (ch === '{') inTag.braces = 1;
        else if (ch === '>') {
          if (line[k - 1] === '/') open.pop();
          inTag = undefined;
        }
        continue;
      }
      if (ch === '\\') {
        // An escaped character (\` or \<) is text.
        k++;
        continue;
      }
      if (ch === '`') {
        // Inline code: skip to the run of as many backticks that ends it, on this line.
        const run = /^`+/.exec(line.slice(k))![0];
        const end = line.indexOf(run, k + run.length);
        k = end > 0 && line[end + run.length] !== '`' ? end + run.length - 1 : k + run.length - 1;
        continue;
      }
      if (ch !== '<') continue;
      const tag = /^<(\/?)([A-Za-z][\w.:-]*)?/.exec(line.slice(k))!;
      if (tag[1]) {
        open.pop();
        k += tag[0].length - 1;
        continue;
      }
      if (tag[2] === undefined) {
        // A fragment `<>` opens a level too; anything else after `<` is text.
        if (line[k + 1] === '>') open.push('');
        continue;
      }
      open.push(tag[2]);
      if (open.length > MAX_NESTING) {
        return { message: `<${tag[2]}> here is nested ${open.length} levels deep in components, more than ${MAX_NESTING}: close each component (</${tag[2]}>) before the next opens, or flatten them`, at: at(k) };
      }
      inTag = { quote: '', braces: 0 };
      k += tag[0].length - 1;
    }
  }
  return undefined;
}
