import type { Project } from '../content/project.ts';
import type { Register } from './register-read.ts';
import { reviewCopyLineCounts } from './review-copy.ts';

/** How many lines the review copy of one SOP version numbers, on each paper it may be printed on. */
export interface ReviewLines {
  a4: number;
  letter: number;
}

/** Review-copy line counts by `sop@version`. */
export type ReviewLineCounts = ReadonlyMap<string, ReviewLines>;

/**
 * The line counts of the review copies that register rows cite by line number: the current
 * version of each SOP named, laid out on A4 and letter paper as `sopkit review-copy` prints it.
 * An older version is left out (its review copy depended on the machine of its day), and so is
 * an SOP with errors.
 * @param registers Registers as read.
 * @param project The loaded project.
 */
export async function reviewLineCounts(registers: readonly Register[], project: Project): Promise<ReviewLineCounts> {
  // The current version of each SOP a row cites by line, by SOP id.
  const wanted = new Map<string, string>();
  for (const r of registers.flatMap((reg) => reg.rows)) {
    const sop = project.sops.find((s) => s.id === r.cells.sop);
    if (r.cells.line && sop?.data && sop.tree && sop.data.version === r.cells.version) wanted.set(sop.id, sop.data.version);
  }
  const counts = new Map<string, ReviewLines>();
  for (const [id, version] of wanted) counts.set(`${id}@${version}`, await reviewCopyLineCounts(project, id, ['a4', 'letter'] as const));
  return counts;
}
