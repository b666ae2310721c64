import { loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { writeReviewCopy } from '../../lib/lifecycle/publish.ts';
import type { Command } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { refuseCheckErrors, sopSources } from '../print-gate.ts';
import { parsePaper, report } from './handbook.ts';

export const reviewCopy: Command = {
  name: 'review-copy',
  help: `Usage: sopkit review-copy <sop> [--paper a4|letter] [--out DIR]

Writes, for the SOP named (an id from content/sops/):
  <sop>-review-copy.pdf         the text with every line numbered in the left margin (continuously
                                from the first page of the text), paragraph markers (§6.2 ¶3) in
                                the right margin, a "CONSULTATION DRAFT — version x.y.z — not for
                                use" watermark, and a comment sheet at the end
  <sop>-comment-register.csv    the comment register, one row per section with the SOP id,
  <sop>-comment-register.xlsx   version and section filled in (the XLSX also lists the sections)
Reviewers return the register; \`sopkit comments check\` checks it.

Options:
  --paper P    a4 (default) or letter
  --out DIR    where to write (default: handbooks)

Example:
  sopkit review-copy civil-status-correction --out consultation-pack`,
  maxArguments: 1,
  options: {
    paper: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const started = performance.now();
    const [id, ...extra] = ctx.positionals;
    if (!id || extra.length) throw new SopkitError('review/usage', 'name one SOP id: sopkit review-copy <sop> (run `sopkit review-copy --help`)');
    const paper = parsePaper(ctx.values.paper);
    const outDir = resolveOutDir(ctx.root, ctx.values.out, 'handbooks');
    const project = loadProject(ctx.root);
    const sop = project.sops.find((s) => s.id === id);
    if (!sop) throw new SopkitError('review/unknown-sop', `no SOP "${id}" in content/sops/; known: ${project.sops.map((s) => s.id).join(', ') || 'none'}`);
    // The check first: it lists the errors ("has errors; run sopkit check" made the consultant run it).
    await refuseCheckErrors(ctx.root, `SOP ${id}`, sopSources(project, [id]));
    if (!sop.data || !sop.tree) throw new SopkitError('review/invalid-sop', `${sop.file} has errors; run \`sopkit check\` and fix them first`);
    const written = await writeReviewCopy(project, sop as typeof sop & { data: NonNullable<typeof sop.data> }, { outDir, paper });
    report(ctx, outDir, written, started);
    return 0;
  },
};
