import { direction, t, type UiKey } from '../../i18n/index.ts';
import { parseRefTarget } from '../check/sop-rules.ts';
import type { Project } from './project.ts';
import { findSection } from './sections.ts';

/** A resolved `<Ref to>`: where it points and how to print it. */
export interface ResolvedRef {
  sop: string;
  /** Document code of the target SOP (`SOP-CR-02`), empty for a reference within the same SOP. */
  code: string;
  /** SOP title when the reference names a whole document. */
  title: string;
  number?: string;
  sectionTitle?: string;
  anchor?: string;
  /** Language of the target SOP as the reader gets it: the source's when it is not translated. */
  language: string;
}

/**
 * Resolves `sop-id#6.2`, `#6.2` or `sop-id` against the project; undefined when the target is
 * unknown (the checker has already reported it).
 */
export function resolveRef(project: Project, to: string, currentSop: string): ResolvedRef | undefined {
  const target = parseRefTarget(to, currentSop);
  const sop = project.sops.find((s) => s.id === target.sop);
  if (!sop) return undefined;
  const code = target.sop === currentSop ? '' : (sop.data?.code ?? sop.id);
  const title = sop.data?.title ?? sop.id;
  const language = sop.data?.language ?? 'en';
  if (!target.section) return { sop: sop.id, code, title, language };
  const section = findSection(sop.sections, target.section);
  if (!section) return undefined;
  return { sop: sop.id, code, title, number: section.number, sectionTitle: section.title, anchor: section.anchor, language };
}

/**
 * How a resolved reference reads in running text, on the page, in the PDFs and in the search
 * index: "SOP-CR-02 §6 Procedure", or the SOP's code and title when it names no section.
 */
export function refLabel(ref: ResolvedRef): string {
  return ref.number ? `${ref.code ? `${ref.code} ` : ''}§${ref.number} ${ref.sectionTitle}` : `${ref.code} ${ref.title}`.trim();
}

/**
 * A reference as a reader of a language gets it, the same on the page, in the PDFs and in the
 * search text. A target not translated into that language is read in its own: its label (the
 * English section title) carries that language (`lang`, `dir`: read aloud in English, isolated left
 * to right inside Arabic text), and a note in the reader's language names it, as the menu marks a
 * page in the source language only: "SOP-CR-02 §6 Procedure (الإنجليزية)".
 * @param ref The resolved reference.
 * @param lang The language of the text the reference stands in.
 */
export function refShown(ref: ResolvedRef, lang: string): { label: string; lang?: string; dir?: 'ltr' | 'rtl'; note?: string } {
  const label = refLabel(ref);
  if (ref.language === lang) return { label };
  return { label, lang: ref.language, dir: direction(ref.language), note: ` (${t(`language.${ref.language}` as UiKey, lang)})` };
}

/** A reference as plain text in a language: its label, and the note naming the target's language when it is not translated. */
export function refText(ref: ResolvedRef, lang: string): string {
  const shown = refShown(ref, lang);
  return `${shown.label}${shown.note ?? ''}`;
}
