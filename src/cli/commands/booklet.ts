import { join } from 'node:path';
import { loadQuizzes } from '../../lib/assessment/quiz-load.ts';
import { loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { idsOrAll } from '../args.ts';
import type { Command } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { quizFile, refuseCheckErrors } from '../print-gate.ts';
import { parsePaper, report } from './handbook.ts';
import { knownIds } from '../../lib/known-ids.ts';

export const booklet: Command = {
  name: 'booklet',
  help: `Usage: sopkit booklet <quiz...|--all> [--form pre|post] [--no-key] [--paper a4|letter] [--out DIR]

For each quiz (ids from quizzes/) and form, writes
  <quiz>-<form>.pdf               the test booklet: name and id fields, numbered questions, boxes
  <quiz>-<form>-answer-sheet.pdf  a bubble grid, one row per question
  <quiz>-<form>-key.pdf           the answer key (trainer material; leave out with --no-key)
and for a quiz translated in quizzes/<lang>/, the same in its language, on the source's items
(the options lettered as that language letters them: أ ب ج and ص/خ in Arabic, V/F in French)
  <quiz>-<form>.<lang>.pdf, <quiz>-<form>-answer-sheet.<lang>.pdf, <quiz>-<form>-key.<lang>.pdf

Options:
  --all          every quiz in quizzes/
  --form F       pre or post (default: both)
  --no-key       do not write the answer keys
  --paper P      a4 (default) or letter
  --out DIR      where to write (default: handbooks/quizzes)`,
  options: {
    all: { type: 'boolean' },
    form: { type: 'string' },
    'no-key': { type: 'boolean' },
    paper: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const started = performance.now();
    const { values, positionals, root } = ctx;
    idsOrAll('booklet', values.all, positionals, 'quiz id', 'every quiz');
    const form = values.form;
    if (form !== undefined && form !== 'pre' && form !== 'post') throw new SopkitError('booklet/form', `--form ${String(form)}: use pre or post`);
    const docs = loadQuizzes(root);
    // A quiz named twice is printed once.
    const ids = values.all ? docs.map((d) => d.id) : [...new Set(positionals)];
    const quizzes = ids.map((id) => {
      const doc = docs.find((d) => d.id === id);
      if (!doc) throw new SopkitError('booklet/unknown-quiz', `no quiz "${id}" in quizzes/; known: ${knownIds(root, docs.map((d) => d.id))}`);
      if (!doc.quiz) throw new SopkitError('booklet/invalid-quiz', `${doc.file} has errors; run \`sopkit check\` and fix them first`);
      return doc.quiz;
    });
    const outDir = resolveOutDir(root, values.out, 'handbooks/quizzes');
    // --all in a folder with no quiz wrote nothing and said "0 PDFs", exit 0.
    if (values.all && !docs.length) throw new SopkitError('booklet/no-quizzes', `no quiz in ${join(root, 'quizzes')}; run sopkit in the project's folder (or give it with --root DIR), or add a quiz: sopkit new quiz <id>`);
    await refuseCheckErrors(root, values.all ? 'the quizzes' : `quiz ${ids.join(', ')}`, (file) => ids.some((id) => quizFile(id, file)));
    // The print engine loads only when a command prints: `sopkit check` starts faster without it.
    const { writeQuizPrints } = await import('../../lib/handbook/write.ts');
    const { writeTranslatedQuizPrints } = await import('../../lib/translation/quiz-prints.ts');
    const project = loadProject(root);
    const forms: ('pre' | 'post')[] | undefined = form ? [form] : undefined;
    const options = { paper: parsePaper(values.paper), outDir, forms };
    const written = [...(await writeQuizPrints(project, quizzes, { ...options, keys: !values['no-key'] })), ...(await writeTranslatedQuizPrints(project, quizzes, { ...options, keys: !values['no-key'] }))];
    report(ctx, outDir, written, started);
    return 0;
  },
};
