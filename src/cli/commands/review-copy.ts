import { loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { writeReviewCopy } from '../../lib/lifecycle/publish.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { refuseMissingTranslation, translationForReview } from '../../lib/translation/review-copy.ts';
import type { Command } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { refuseCheckErrors, sopSources } from '../print-gate.ts';
import { parsePaper, report } from './handbook.ts';
import { knownIds } from '../../lib/known-ids.ts';

export const reviewCopy: Command = {
  name: 'review-copy',
  help: `Usage: sopkit review-copy <sop> [--lang L] [--paper a4|letter] [--out DIR]

Writes, for the SOP named (an id from content/sops/):
  <sop>-review-copy.pdf         the text with every line numbered in the left margin (continuously
                                from the first page of the text), paragraph markers (§6.2 ¶3) in
                                the right margin, a "CONSULTATION DRAFT — version x.y.z — not for
                                use" watermark, and a comment sheet at the end
  <sop>-comment-register.csv    the comment register, one row per section with the SOP id,
  <sop>-comment-register.xlsx   version and section filled in (the XLSX also lists the sections)
Reviewers return the register; \`sopkit comments check\` checks it.

With --lang L (a language of content/site.yaml), the same from the SOP's translation
(content/L/sops/<sop>.mdx), for a consultation held in that language:
  <sop>-review-copy.L.pdf, <sop>-comment-register.L.csv, <sop>-comment-register.L.xlsx
The translation's text, and every word of the copy (watermark, front page, comment sheet,
register headers) in L; Arabic is laid out right to left, line numbers in the right margin and
paragraph markers in the left. Section and paragraph numbers are the source's, so comments from
every language go into one register; \`sopkit comments check\` reads the translated headers.
Refused, with what to do, when:
  - there is no translation in L (start one: sopkit new translation <sop> --lang L);
  - it translates an older version than the source's (its copy would be labelled with a draft it
    does not say): bring it up to the source's version first;
  - its sections or numbered paragraphs differ from the source's.

Options:
  --lang L     the translation in language L (default: the source)
  --paper P    a4 (default) or letter
  --out DIR    where to write (default: handbooks)

Examples:
  sopkit review-copy civil-status-correction --out consultation-pack
  sopkit review-copy birth-registration --lang fr`,
  maxArguments: 1,
  options: {
    lang: { type: 'string' },
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
    if (!sop) throw new SopkitError('review/unknown-sop', `no SOP "${id}" in content/sops/; known: ${knownIds(project.root, project.sops.map((s) => s.id))}`);
    const sourceLang = project.locales[0]?.code ?? sop.data?.language ?? 'en';
    const lang = langOption(project, ctx.values.lang, sourceLang);
    const translated = lang !== sourceLang;
    // No translation is said before the check of the pack (seconds), not after it.
    if (translated) refuseMissingTranslation(project, id, lang);
    // The check first: it lists the errors ("has errors; run sopkit check" made the consultant run it).
    const ofSop = sopSources(project, [id]);
    await refuseCheckErrors(ctx.root, `SOP ${id}`, translated ? (file) => ofSop(file) || file.startsWith(`content/${lang}/`) : ofSop);
    if (!sop.data || !sop.tree) throw new SopkitError('review/invalid-sop', `${sop.file} has errors; run \`sopkit check\` and fix them first`);
    type Valid = typeof sop & { data: NonNullable<typeof sop.data> };
    let view = project;
    let doc = sop as Valid;
    if (translated) ({ view, sop: doc } = translationForReview(project, ctx.root, id, lang));
    const written = await writeReviewCopy(view, doc, { outDir, paper });
    report(ctx, outDir, written, started);
    return 0;
  },
};
