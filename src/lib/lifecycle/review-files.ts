import type { SopFrontmatter } from '../../schemas/index.ts';

/** Statuses whose SOPs get a review copy: the text is still open for comment. */
export const reviewStatuses: readonly SopFrontmatter['status'][] = ['draft', 'consultation', 'pilot'];

/** True when an SOP at this status is still open for comment (and the build writes its review copy). */
export function isUnderReview(status: SopFrontmatter['status']): boolean {
  return reviewStatuses.includes(status);
}

/** File names of an SOP's review material, beside the handbooks. */
export function reviewFileNames(sopId: string) {
  return {
    pdf: `${sopId}-review-copy.pdf`,
    csv: `${sopId}-comment-register.csv`,
    xlsx: `${sopId}-comment-register.xlsx`,
  };
}

/** File name of a consultation's completion report, beside the handbooks. */
export function consultationReportFileName(consultationId: string): string {
  return `${consultationId}-report.pdf`;
}
