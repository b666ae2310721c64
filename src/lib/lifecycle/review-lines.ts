import type { Project } from '../content/project.ts';
import { projectIn, translatedSop } from '../translation/localize.ts';
import { structureDifference } from '../translation/review-copy.ts';
import type { Register } from './register-read.ts';
import { reviewCopyLineCounts } from './review-copy.ts';

/** How many lines the review copy of one SOP version numbers, on each paper it may be printed on. */
export interface ReviewLines {
  a4: number;
  letter: number;
  /** The languages whose review copies were counted, when translations were (the longest sets the counts). */
  languages?: string[];
}

/** Review-copy line counts by `sop@version`. */
export type ReviewLineCounts = ReadonlyMap<string, ReviewLines>;

/**
 * The line counts of the review copies that register rows cite by line number: the current
 * version of each SOP named, laid out on A4 and letter paper as `sopkit review-copy` prints it.
 * An older version is left out (its review copy depended on the machine of its day), and so is
 * an SOP with errors. A register has no language column, and a French reviewer cites the lines of
 * the French review copy (`--lang fr`), which may run longer than the English: the count is the
 * longest of the source's and those of its translations that `--lang` prints (the same version,
 * numbered as the source).
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
  const papers = ['a4', 'letter'] as const;
  for (const [id, version] of wanted) {
    const source = project.sops.find((s) => s.id === id)!;
    let count: ReviewLines = await reviewCopyLineCounts(project, id, papers);
    const langs = Object.keys(project.translations).filter((lang) => {
      const tr = translatedSop(project, lang, id);
      return tr?.data?.translationOf?.version === version && !structureDifference(source, tr);
    });
    for (const lang of langs) {
      const theirs = await reviewCopyLineCounts(projectIn(project, lang), id, papers);
      count = { a4: Math.max(count.a4, theirs.a4), letter: Math.max(count.letter, theirs.letter) };
    }
    if (langs.length) count.languages = [source.data?.language ?? project.locales[0]?.code ?? 'en', ...langs];
    counts.set(`${id}@${version}`, count);
  }
  return counts;
}
