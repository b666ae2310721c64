import type { CheckContext } from './context.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { languageTexts } from './language-texts.ts';

/**
 * French spacing (ARCHITECTURE.md, Translations: French spacing). French puts a space before the double
 * punctuation `: ; ? !`, inside guillemets `« … »` and between a number and `%`; typed as an ordinary space, a browser or the
 * PDF line breaker may start a line with the `?` or the `»`. The pack writes a no-break space,
 * U+00A0, in all of these places (one character for authors to learn and for this check to ask
 * for; the same width as a space in every face the PDFs embed). The narrow no-break space U+202F
 * of the Imprimerie nationale's convention is accepted too: it never breaks either.
 */
export const NO_BREAK_SPACE = '\u00a0';

/** What kind of text a file is, for what to leave alone: code, expressions, comments. */
export type SpacingSource = 'mdx' | 'yaml' | 'text';

/** An ordinary space that French wants no-break. */
export interface SpacingFault {
  /** Offset of the space in the text. */
  index: number;
  /** 1-based line and column of the space. */
  line: number;
  column: number;
  /** The mark it sits next to: `:`, `;`, `?`, `!`, `«`, `»` or `%`. */
  mark: string;
}

/** Stands for a character of code, an expression or a comment: never a space, never a mark. */
const HIDDEN = '\u0000';

/**
 * An ordinary space before `: ; ? !` (after a character that is not a space, and when the mark ends
 * its word: `a :b`, `::` and `?:` are not French punctuation), after `«`, before `»`, and between a
 * number (or a `{placeholder}` or expression that stands for one) and `%` (`10 %`; `% des cas` after
 * a word is left alone).
 */
const FAULT = /(?<=[^\s])( )(?=[:;?!](?:$|[\s»)\]"'’*_.,;:!?<|\\\u0000]))|(?<=«)( )|(?<=[^\s])( )(?=»)|(?<=[\d}\u0000])( )(?=%(?:$|[\s»)\]"'’*_.,;:!?<|\\\u0000]))/g;

/** Hides a line's inline code spans (`` `a : b` ``). */
function hideCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (m) => HIDDEN.repeat(m.length));
}

/**
 * The ordinary spaces of a French text that should be no-break spaces, in order. Left alone:
 * inline code everywhere; in MDX, fenced code blocks, `import`/`export` lines and `{…}`
 * expressions (a ternary's `a ? b : c`, comments); in YAML, comment lines. Times (`10:30`),
 * addresses (`https://`), YAML keys (`title: x`) and `{placeholders}` have no space before the
 * colon, so they never match.
 * @param text The file's text (or one string).
 * @param kind What the text is.
 */
export function frenchSpacingFaults(text: string, kind: SpacingSource): SpacingFault[] {
  const out: SpacingFault[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let fence: string | undefined;
  let depth = 0;
  // MDX: the frontmatter is YAML (its values are prose; keys never have a space before the colon).
  let frontmatter = kind === 'mdx' && lines[0]?.trimEnd() === '---';
  lines.forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    let line = raw;
    if (kind === 'mdx' && !frontmatter) {
      const open = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (open && open[1]!.startsWith(fence)) fence = undefined;
        return;
      }
      if (open && depth === 0) {
        fence = open[1]!;
        return;
      }
      if (depth === 0 && /^(import|export)\s/.test(line)) return;
      line = hideCode(line);
      let shown = '';
      for (const ch of line) {
        if (ch === '{') depth++;
        shown += depth > 0 ? HIDDEN.repeat(ch.length) : ch;
        if (ch === '}' && depth > 0) depth--;
      }
      line = shown;
    } else {
      if (kind === 'mdx' && i > 0 && raw.trimEnd() === '---') {
        frontmatter = false;
        return;
      }
      if (kind !== 'text' && /^\s*#/.test(line)) return;
      line = hideCode(line);
    }
    if (!line.includes(' ')) return;
    for (const m of line.matchAll(FAULT)) {
      const at = m.index!;
      const mark = m[1] ? line[at + 1]! : m[2] ? '«' : m[3] ? '»' : '%';
      out.push({ index: lineStart + at, line: i + 1, column: at + 1, mark });
    }
  });
  return out;
}

/** The text with every fault's space made a no-break space (what the fix script writes). */
export function fixFrenchSpacing(text: string, kind: SpacingSource): string {
  const faults = frenchSpacingFaults(text, kind);
  if (!faults.length) return text;
  const chars = text.split('');
  for (const f of faults) chars[f.index] = NO_BREAK_SPACE;
  return chars.join('');
}

/** Whether a language tag is French (`fr`, `fr-CA`...). */
export function isFrench(lang: string | undefined): boolean {
  return !!lang && (lang === 'fr' || lang.startsWith('fr-'));
}

/** Most faults reported one by one per file; the rest are counted in one more message. */
const PER_FILE = 20;

function where(mark: string): string {
  return mark === '«' ? 'after "«"' : mark === '»' ? 'before "»"' : `before "${mark}"`;
}

/** The diagnostics of one file's faults. */
export function spacingDiagnostics(file: string, text: string, kind: SpacingSource): Diagnostic[] {
  const faults = frenchSpacingFaults(text, kind);
  const out = faults.slice(0, PER_FILE).map((f) => {
    const line = f.mark === '«' ? 'ends with "«"' : `starts with "${f.mark}"`;
    return diagnostic('warning', 'text/fr-space', file, `ordinary space ${where(f.mark)}: type a no-break space there, U+00A0 (Alt+0160 on Windows, Option+Space on a Mac), so that no line of the page or the PDF ${line}`, { line: f.line, column: f.column });
  });
  if (faults.length > PER_FILE) {
    const rest = faults.slice(PER_FILE);
    const lines = [...new Set(rest.map((f) => f.line))];
    out.push(diagnostic('warning', 'text/fr-space', file, `${rest.length} more ordinary spaces before ": ; ? ! %" or inside "« »" in this file (lines ${lines.slice(0, 12).join(', ')}${lines.length > 12 ? ', …' : ''}): make each a no-break space (U+00A0)`, { line: rest[0]!.line, column: rest[0]!.column }));
  }
  return out;
}

/**
 * `sopkit check`: every French text of the pack (SOPs and modules whose `language` is French, a
 * French locale's translations: glossary, roles, parameter labels, workflow words, courses,
 * quizzes and evaluation forms; and, in a pack whose source language is French, its glossary,
 * roles, courses and French quizzes) with an ordinary space where French wants a no-break one.
 */
export function checkFrenchSpacing(ctx: CheckContext): Diagnostic[] {
  return languageTexts(ctx.project, isFrench).flatMap((t) => spacingDiagnostics(t.file, t.text, t.kind));
}
