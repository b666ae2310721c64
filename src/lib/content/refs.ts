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
