import { basename } from 'node:path';
import { loadProject } from '../../lib/content/project.ts';
import { didYouMean } from '../../lib/did-you-mean.ts';
import { SopkitError } from '../../lib/errors.ts';
import type { WrittenPdf } from '../../lib/handbook/write.ts';
import { knownIds } from '../../lib/known-ids.ts';
import { evaluationFiles, evaluationsDir, loadEvaluations, resolveEvaluation } from '../../lib/training/evaluation/load.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { idsOrAll } from '../args.ts';
import type { Command } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { refuseCheckErrors } from '../print-gate.ts';
import { parsePaper, report } from './handbook.ts';

export const evaluationForm: Command = {
  name: 'evaluation-form',
  help: `Usage: sopkit evaluation-form <id...|--all> [--lang L] [--paper a4|letter] [--out DIR]

Writes the paper form of each session evaluation form named (ids from ${evaluationsDir}/) as
<id>-evaluation-form.pdf, the file the site links and the trainer's guide counts in its print
pack: the form's questions with a tick box per point of its scale, its choices and lines for
comments, and (when the form names a course) the course's title in the footer. Type the answers
of the paper forms into /evaluations/<id>/template.csv and give it to \`sopkit report --evaluation\`.

Options:
  --all        every form in ${evaluationsDir}/
  --lang L     the form's translation in language L (quizzes/L/evaluations/<id>.yaml), as
               <id>-evaluation-form.L.pdf; the site's languages are in content/site.yaml
  --paper P    a4 (default) or letter
  --out DIR    where to write (default: handbooks)

Examples:
  sopkit evaluation-form registry-officers
  sopkit evaluation-form registry-officers --lang ar`,
  options: {
    all: { type: 'boolean' },
    lang: { type: 'string' },
    paper: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const started = performance.now();
    const { values, positionals, root } = ctx;
    idsOrAll('evaluation-form', values.all, positionals, 'evaluation form id', 'every form');
    const paper = parsePaper(values.paper);
    const outDir = resolveOutDir(root, values.out, 'handbooks');
    const known = evaluationFiles(root).map((f) => basename(f).replace(/\.ya?ml$/, ''));
    if (values.all && !known.length) throw new SopkitError('evaluation-form/none', knownIds(root, []).startsWith('none:') ? `no evaluation form: ${knownIds(root, []).slice('none: '.length)}` : `no evaluation form in ${evaluationsDir}/; add one: sopkit new evaluation <course id>`);
    const ids = values.all ? known : [...new Set(positionals)];
    for (const id of ids) {
      if (!known.includes(id)) {
        // Outside a project the known ids say so, with what to do: no hint to start a form there.
        const list = knownIds(root, known);
        throw new SopkitError('evaluation-form/unknown', `no evaluation form "${id}" in ${evaluationsDir}/${didYouMean(id, known)}; known: ${list}${list.startsWith('none:') ? '' : ' (start one: sopkit new evaluation <course id>)'}`);
      }
    }
    const project = loadProject(root);
    const sourceLang = project.locales[0]?.code ?? 'en';
    const lang = langOption(project, values.lang, sourceLang);
    const translated = lang !== sourceLang;
    const { evaluationIn } = await import('../../lib/translation/evaluations.ts');
    // No translation is said before the check of the pack (seconds), not after it.
    if (translated) {
      for (const id of ids) {
        if (!evaluationIn(root, id, lang)?.translated) throw new SopkitError('evaluation-form/no-translation', `${id}: no translation in ${lang} that reads without errors (quizzes/${lang}/evaluations/${id}.yaml; \`sopkit check\` lists its problems); the source prints without --lang`);
      }
    }
    const formFile = (file: string) => ids.some((id) => new RegExp(`^quizzes/(?:[^/]+/)?evaluations/${id}\\.ya?ml$`).test(file));
    // The form's footer names its course: an error in that course's file concerns the print too.
    const courseIds = loadEvaluations(root).flatMap((d) => (ids.includes(d.id) && d.evaluation?.course ? [d.evaluation.course] : []));
    const courseFile = (file: string) => courseIds.some((c) => new RegExp(`^content/(?:[^/]+/)?courses/${c}\\.ya?ml$`).test(file));
    await refuseCheckErrors(root, ids.length === 1 ? `evaluation form ${ids[0]}` : `evaluation forms ${ids.join(', ')}`, (file) => formFile(file) || courseFile(file));
    const { formCourseTitle, evaluationFormFileName, renderEvaluationForm } = await import('../../lib/training/evaluation/form-pdf.ts');
    const { save } = await import('../../lib/handbook/write.ts');
    const { projectIn } = await import('../../lib/translation/localize.ts');
    const { translatedPdfName } = await import('../../lib/translation/paths.ts');
    const view = translated ? projectIn(project, lang) : project;
    const organisation = view.site?.organisation ?? '';
    const written: WrittenPdf[] = [];
    // The same files the build writes (`writeTrainingPrints`, `writeTranslatedTrainingPrints`).
    for (const id of ids) {
      const form = translated ? evaluationIn(root, id, lang)!.form : resolveEvaluation(root, id).evaluation;
      const course = formCourseTitle(view.courses, form); // in the form's language (`projectIn`)
      const file = translated ? translatedPdfName(evaluationFormFileName(id), lang) : evaluationFormFileName(id);
      written.push(save(outDir, file, await renderEvaluationForm(form, { paper, organisation, ...(course ? { course } : {}) })));
    }
    report(ctx, outDir, written, started);
    return 0;
  },
};
