// What an SOP's approval covers: the version it approved (the history line of the approval's day
// or the last before it) and the versions since that changed the procedure (a new major or minor
// number; a patch is editorial by the pack's versioning rule). An SOP marked approved whose text
// changed since reads as approved text that no one approved: the page, the handbook's cover and
// `sopkit check` say so.
import type { SopFrontmatter } from '../../schemas/sop.ts';
import { compareVersions } from './comments.ts';

type HistoryEntry = SopFrontmatter['history'][number];

/** The approval's scope: the version approved, and the versions after it that changed the procedure, oldest first. */
export interface ApprovalScope {
  approved: HistoryEntry;
  changedSince: HistoryEntry[];
}

/** `1.3.2` → `1.3`: the part of a version that a change of procedure moves. */
const substance = (version: string) => version.split('.').slice(0, 2).join('.');

/**
 * What the approval of an SOP covers, or undefined when it has no approval or no history line on
 * or before the approval's date.
 */
export function approvalScope(data: Pick<SopFrontmatter, 'approval' | 'history'>): ApprovalScope | undefined {
  const date = data.approval?.date;
  if (!date) return undefined;
  const byVersion = [...data.history].sort((a, b) => compareVersions(a.version, b.version));
  const approved = byVersion.filter((h) => h.date <= date).at(-1);
  if (!approved) return undefined;
  const later = byVersion.filter((h) => compareVersions(h.version, approved.version) > 0);
  const changedSince = later.filter((h) => substance(h.version) !== substance(approved.version));
  return { approved, changedSince };
}

/**
 * The effective date a page's footer may print beside the version: none for an SOP marked
 * approved whose procedure changed since the approval (its current version was not approved, so it
 * took effect on no date; the cover and the page say which version the approval covers). Every
 * page of a handbook or review copy of birth registration v1.3 read "Effective" with the date the
 * approved v1.2 took effect.
 */
export function footerEffective(data: Pick<SopFrontmatter, 'approval' | 'history' | 'status' | 'effective'>): string | undefined {
  return changedSinceApproval(data) ? undefined : data.effective;
}

/**
 * The approval's scope of an SOP marked approved whose procedure changed since (its current
 * version is not approved), or undefined: one approved and unchanged is in force.
 */
export function changedSinceApproval(data: Pick<SopFrontmatter, 'approval' | 'history' | 'status'>): ApprovalScope | undefined {
  const scope = data.status === 'approved' ? approvalScope(data) : undefined;
  return scope?.changedSince.length ? scope : undefined;
}
