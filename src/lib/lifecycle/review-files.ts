import type { SopFrontmatter } from '../../schemas/index.ts';

/** Statuses whose SOPs get a review copy: the text is still open for comment. */
export const reviewStatuses: readonly SopFrontmatter['status'][] = ['draft', 'consultation', 'pilot'];

/** True when an SOP at this status is still open for comment (and the build writes its review copy). */
export function isUnderReview(status: SopFrontmatter['status']): boolean {
  return reviewStatuses.includes(status);
}

/**
 * File names of an SOP's review material, beside the handbooks; a translation's take its language
 * before the extension, as translated handbooks do (`birth-registration-review-copy.fr.pdf`).
 * @param lang The translation's language; undefined for the source.
 */
export function reviewFileNames(sopId: string, lang?: string) {
  const ext = (e: string) => (lang ? `.${lang}.${e}` : `.${e}`);
  return {
    pdf: `${sopId}-review-copy${ext('pdf')}`,
    csv: `${sopId}-comment-register${ext('csv')}`,
    xlsx: `${sopId}-comment-register${ext('xlsx')}`,
  };
}

/** File name of a consultation's completion report, beside the handbooks. */
export function consultationReportFileName(consultationId: string): string {
  return `${consultationId}-report.pdf`;
}
