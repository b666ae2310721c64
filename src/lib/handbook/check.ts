import type { CheckContext } from '../check/context.ts';
import { componentSpecs } from '../content/components.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { font, scriptRuns } from '../fonts/index.ts';
import { printRenderers } from './components/index.ts';

/** Components of the registry that have no print renderer (a platform defect). */
export function componentsWithoutPrintRenderer(): string[] {
  return Object.keys(componentSpecs).filter((name) => !printRenderers[name]).sort();
}

/**
 * Reports every use of a component that the handbook could not print: the printed SOP would
 * silently lose it. Points at the use, so the author sees it with the other messages.
 */
export function checkPrintRenderers(ctx: CheckContext): Diagnostic[] {
  const missing = new Set(componentsWithoutPrintRenderer());
  if (!missing.size) return [];
  const out: Diagnostic[] = [];
  for (const sop of [...ctx.project.sops, ...ctx.project.modules]) {
    for (const use of sop.uses) {
      if (missing.has(use.name)) {
        out.push(diagnostic('error', 'mdx/no-print-renderer', sop.file, `<${use.name}> has a web renderer but no print renderer, so the handbook would leave it out; add one in src/lib/handbook/components/`, use.at));
      }
    }
  }
  return out;
}

/** Characters that print nothing of their own (spaces, joiners, marks of direction). */
const INVISIBLE = /^[\p{White_Space}\p{Cf}]$/u;

/**
 * Reports the characters of an SOP or module (its source, translations included) that the PDF's
 * font for them lacks (Noto Sans for Latin words, Noto Naskh Arabic for Arabic ones, chosen as
 * the printer chooses, `scriptRuns`): the handbook would print an empty box where the page shows
 * the character (a "√" in a formula). Each character is reported once per file, at its first place.
 */
export function checkPrintableCharacters(ctx: CheckContext): Diagnostic[] {
  const fonts = { latin: font('regular', 'latin'), arabic: font('regular', 'arabic') };
  const printable = new Map<string, boolean>();
  const out: Diagnostic[] = [];
  const docs = [...ctx.project.sops, ...ctx.project.modules, ...Object.values(ctx.project.translations).flatMap((l) => [...l.sops, ...l.modules])];
  for (const doc of docs) {
    const seen = new Set<string>();
    doc.source.split('\n').forEach((text, i) => {
      if (!/[^\x00-\x7f]/.test(text)) return;
      let column = 1;
      for (const run of scriptRuns(text)) {
        for (const char of run.text) {
          const code = char.codePointAt(0) ?? 0;
          const key = `${run.script}:${code}`;
          if (code >= 0x80 && !seen.has(char) && !INVISIBLE.test(char)) {
            let ok = printable.get(key);
            if (ok === undefined) printable.set(key, (ok = fonts[run.script].hasGlyphForCodePoint(code)));
            if (!ok) {
              seen.add(char);
              const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
              out.push(diagnostic('warning', 'print/missing-glyph', doc.file, `"${char}" (${name}) is not in the PDFs' font for this text, so the handbook prints an empty box in its place; write it another way (for "√", "the square root of")`, { line: i + 1, column }));
            }
          }
          column += char.length;
        }
      }
    });
  }
  return out;
}
