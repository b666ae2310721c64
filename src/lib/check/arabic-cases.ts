import type { CheckContext } from './context.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { languageTexts, proseLines } from './language-texts.ts';

/**
 * A value's case in Arabic (ARCHITECTURE.md, Translations: a value's case). After `خلال`
 * (within), `بعد` (after), `قبل` (before), `كل` (every), and after the prepositions `من`, `منذ`,
 * `حتى`, `مع`, `عن`, `على`, `إلى`, `في` and `دون`, a value is genitive (`خلال يومين`, `كل سنتين`, `حتى محاولتين`); a
 * reference that says no case prints the nominative (`خلال يومان`, `حتى محاولتان`), which Arabic
 * does not write there. The case is the translator's to say, so this only asks, where one of these
 * words stands right before a reference that names no case, for the case to be written.
 */
export const GENITIVE_AFTER = ['خلال', 'بعد', 'قبل', 'كل', 'من', 'منذ', 'حتى', 'مع', 'عن', 'على', 'إلى', 'في', 'دون'] as const;

/** A reference after one of `GENITIVE_AFTER` that names no case. */
export interface CaseFault {
  /** 1-based line and column of the reference. */
  line: number;
  column: number;
  /** The word before it, as written (`خلال`, `وبعد`, `لكل`). */
  word: string;
  /** The reference as written. */
  written: string;
  /** The parameter id. */
  id: string;
  /** Whether it is a `<Param>` component (else a `{param:id}` in an attribute or a YAML string). */
  component: boolean;
}

/** Short vowels, tanwin, shadda, sukun and tatweel a word may carry (`بعدَ`). */
const MARKS = '[\\u064B-\\u0652\\u0640]*';
/** The word (with `و`, `ف` or, before `كل`, `ل` in front) and a reference right after it. */
const FAULT = new RegExp(
  `(?<![\\p{L}\\p{M}])((?:[وف]?(?:${GENITIVE_AFTER.filter((w) => w !== 'كل').join('|')}))|(?:[وف]?ل?كل))${MARKS}[ \\u00a0]+(<Param\\b[^>]*>|\\{param:[^}|\\s]+(?:\\|[^}]*)?\\})`,
  'gu',
);

/** The id and whether a case is written, for a reference as written. */
function reference(written: string): { id: string; cased: boolean; component: boolean } | undefined {
  if (written.startsWith('{')) {
    const m = /^\{param:([^}|\s]+)(\|[^}]*)?\}$/.exec(written);
    return m ? { id: m[1]!, cased: m[2] !== undefined, component: false } : undefined;
  }
  const id = /\bid\s*=\s*["']([^"']+)["']/.exec(written)?.[1];
  return id ? { id, cased: /\bcase\s*=/.test(written), component: true } : undefined;
}

/**
 * The references of an Arabic text that follow one of `GENITIVE_AFTER` and name no case, in order.
 * In MDX, fenced code blocks and inline code are left alone.
 * @param text The file's text.
 * @param kind `mdx` for an SOP or module, `yaml` for any other file.
 */
export function arabicCaseFaults(text: string, kind: 'mdx' | 'yaml'): CaseFault[] {
  const out: CaseFault[] = [];
  for (const { index: i, line } of proseLines(text, kind)) {
    for (const m of line.matchAll(FAULT)) {
      const ref = reference(m[2]!);
      if (!ref || ref.cased) continue;
      out.push({ line: i + 1, column: m.index! + m[0].length - m[2]!.length + 1, word: m[1]!, written: m[2]!, id: ref.id, component: ref.component });
    }
  }
  return out;
}

/** The diagnostics of one Arabic file. */
export function arabicCaseDiagnostics(file: string, text: string, kind: 'mdx' | 'yaml'): Diagnostic[] {
  return arabicCaseFaults(text, kind).map((f) => {
    const fix = f.component ? `<Param id="${f.id}" case="genitive" />` : `{param:${f.id}|genitive}`;
    return diagnostic('warning', 'params/case', file, `${f.written} after "${f.word}" names no case, so it prints the nominative (خلال يومان, كل سنتان): the value is genitive there, write ${fix}; if the sentence gives it another case, write that case`, { line: f.line, column: f.column });
  });
}

/** Whether a language tag is Arabic (`ar`, `ar-EG`...). */
export function isArabicLang(lang: string | undefined): boolean {
  return !!lang && (lang === 'ar' || lang.startsWith('ar-'));
}

/**
 * `sopkit check`: every Arabic text of the pack (SOPs and modules whose `language` is Arabic, an
 * Arabic locale's glossary, parameter labels, workflow words, courses, dry runs, quizzes and
 * evaluation forms; in a pack whose source language is Arabic, its glossary, courses and Arabic
 * quizzes) with a reference after one of `GENITIVE_AFTER` that names no case.
 */
export function checkArabicCases(ctx: CheckContext): Diagnostic[] {
  return languageTexts(ctx.project, isArabicLang).flatMap((t) => arabicCaseDiagnostics(t.file, t.text, t.kind));
}
