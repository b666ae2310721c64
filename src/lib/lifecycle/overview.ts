import type { SopFrontmatter } from '../../schemas/index.ts';
import type { Project } from '../content/project.ts';
import { isOpen, type CommentRecord } from './comments.ts';
import type { DryRunSummary } from './dryruns.ts';
import type { LifecycleModel } from './model.ts';
import { isUnderReview } from './review-files.ts';

/** One SOP on the life-cycle page. */
export interface LifecycleRow {
  id: string;
  code: string;
  title: string;
  status: SopFrontmatter['status'];
  version: string;
  /** Date of the newest history entry. */
  lastChange: string;
  open: number;
  decided: number;
  /** Consultations that discussed it, oldest first, with the version each discussed. */
  consultations: { id: string; title: string; date: string; version: string; example: boolean }[];
  dryRuns: DryRunSummary[];
  reviewDue: string;
  /** The review date has passed (and the SOP is not superseded). */
  reviewOverdue: boolean;
  /** Still open for comment: the build writes its review copy. */
  underReview: boolean;
}

/**
 * The rows of the life-cycle page: every SOP with status, version, last change, comments open
 * and decided, consultations held, dry runs, and the review date judged against `today`.
 * @param project The loaded project.
 * @param model The life-cycle records.
 * @param today YYYY-MM-DD.
 */
export function lifecycleRows(project: Project, model: LifecycleModel, today: string): LifecycleRow[] {
  const rows: LifecycleRow[] = [];
  for (const sop of project.sops) {
    const d = sop.data;
    if (!d) continue;
    const comments: CommentRecord[] = model.comments.filter((c) => c.sop === sop.id);
    const open = comments.filter(isOpen).length;
    rows.push({
      id: sop.id,
      code: d.code,
      title: d.title,
      status: d.status,
      version: d.version,
      lastChange: d.history[0]?.date ?? d.effective,
      open,
      decided: comments.length - open,
      consultations: model.consultations.flatMap((c) => {
        const discussed = c.data?.sops.find((s) => s.id === sop.id);
        return c.data && discussed ? [{ id: c.id, title: c.data.title, date: c.data.date, version: discussed.version, example: c.data.example }] : [];
      }),
      dryRuns: model.dryRuns.filter((r) => r.sop === sop.id),
      reviewDue: d.reviewDue,
      reviewOverdue: d.status !== 'superseded' && d.reviewDue < today,
      underReview: isUnderReview(d.status),
    });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
