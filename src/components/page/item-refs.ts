import type { Project } from '../../lib/content/project.ts';
import { findSection } from '../../lib/content/sections.ts';
import { localeHref } from '../../lib/translation/link.ts';
import type { QuizItem } from '../../schemas/quiz.ts';

/**
 * The address of the SOP section each item cites (`ref: sop#6.2`), in the reader's language: the
 * "Read section 6.2 of the procedure" link of a question's feedback, on the test page and the
 * practice page.
 */
export function sectionLinks(project: Project, items: readonly QuizItem[], lang: string): Record<string, string> {
  return Object.fromEntries(
    items.map((item) => {
      const [sopId = '', section = ''] = item.ref.split('#');
      const anchor = findSection(project.sops.find((x) => x.id === sopId)?.sections ?? [], section)?.anchor;
      return [item.id, localeHref(`/sops/${sopId}/${anchor ? `#${anchor}` : ''}`, lang)];
    }),
  );
}
