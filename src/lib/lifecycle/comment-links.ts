import type { Project } from '../content/project.ts';
import type { CommentRecord } from './comments.ts';

/**
 * Where a comment points on the site: the paragraph (`/sops/<id>/#p-6.2-3`) or the section of
 * the SOP, but only when the comment is on the current version, whose numbers the page shows;
 * undefined for an older version or a reference the text does not have.
 * @param project The loaded project.
 * @param c The comment.
 */
export function commentTarget(project: Project, c: CommentRecord): { sop: string; anchor: string } | undefined {
  const sop = project.sops.find((s) => s.id === c.sop);
  if (!sop?.data || sop.data.version !== c.version) return undefined;
  const n = /^\s*¶?\s*(\d+)\s*$/.exec(c.paragraph)?.[1];
  const paragraph = n ? sop.paragraphs.find((p) => p.section === c.section && p.n === Number(n)) : undefined;
  if (paragraph) return { sop: sop.id, anchor: paragraph.anchor };
  const section = sop.sections.find((s) => s.number === c.section);
  return section ? { sop: sop.id, anchor: section.anchor } : undefined;
}
