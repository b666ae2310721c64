import type { FontStyle } from '../fonts/index.ts';
import type { LinkTarget, Rgb } from '../pdf/writer.ts';

/** A run of text in one face, possibly a link: what paragraphs, cells and titles are made of. */
export interface Inline {
  text: string;
  style: FontStyle;
  color?: Rgb;
  link?: LinkTarget;
  /** Inline code: drawn on a light ground. */
  code?: boolean;
  /** A redline mark: `del` is struck through, `ins` underlined (in the run's colour), so a change never shows by colour alone. */
  mark?: 'ins' | 'del';
}

/** A plain run. */
export function run(text: string, style: FontStyle = 'regular', extra: Partial<Inline> = {}): Inline {
  return { text, style, ...extra };
}

/** The face that adds bold or italic to a face. */
export function withStyle(style: FontStyle, add: 'bold' | 'italic'): FontStyle {
  const bold = style === 'bold' || style === 'boldItalic' || add === 'bold';
  const italic = style === 'italic' || style === 'boldItalic' || add === 'italic';
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** Collapses white space as HTML does (markdown soft breaks become spaces). */
export function collapse(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let lastSpace = true;
  for (const inline of inlines) {
    let text = inline.text.replace(/[\t\n\r ]+/g, ' ');
    if (lastSpace) text = text.replace(/^ /, '');
    if (!text) continue;
    lastSpace = text.endsWith(' ');
    out.push({ ...inline, text });
  }
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ $/, '');
  return out.filter((i) => i.text);
}

/** The plain text of inlines. */
export function plain(inlines: readonly Inline[]): string {
  return inlines.map((i) => i.text).join('');
}
